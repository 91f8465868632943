"""Changes and pace over figures whose count dates differ from their release dates, ties between
releases equally far from a year earlier, and the window edges — each worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jirei.metrics.analysis import (
    TARGET_DATE,
    Analysis,
    analyse,
    fastest_risers,
    pace,
    pref_code_of,
    rank_group_for,
    rate,
    top_ranked,
    twelve_month_change,
    year_before,
)
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.reference.municipalities import Municipality, Reference


def _figure(
    release: date, counted: date, cards: int, kind: str = "交付枚数", population: int = 10_000
) -> AreaFigure:
    """テスト市 (992011) at one release; ``counted`` is the cards base date, unlike the release date."""
    rate = Decimal(cards * 100) / population
    return AreaFigure(release, "992011", "テスト市", population, date(2020, 1, 1), cards, counted, kind, rate)


NOW = _figure(date(2022, 5, 1), counted=date(2022, 3, 31), cards=5_000)
# released exactly 365 days before NOW (2021-05-01), but counted on 2021-04-15
YEAR_AGO = _figure(date(2021, 5, 1), counted=date(2021, 4, 15), cards=4_300)


def test_the_change_counts_days_between_count_dates_not_release_dates() -> None:
    change = twelve_month_change([YEAR_AGO, NOW])
    assert change is not None
    # 2021-04-15 → 2022-04-15 is 365 days; back to 2022-03-31 is 15 fewer: 350 (the releases are 365 apart)
    assert change.days == 350
    assert change.cards == 700
    assert change.rate_points == Decimal("7")  # 50 % − 43 %
    assert (change.previous, change.current, change.kind_changed) == (YEAR_AGO, NOW, False)


def test_pace_per_year_uses_the_count_dates() -> None:
    projected = pace([YEAR_AGO, NOW])
    assert projected is not None
    assert projected.projection.per_year == pytest.approx(730.0)  # 700 cards × 365 / 350 days
    assert projected.projection.remaining == 5_000
    assert projected.projection.years_to_full == pytest.approx(5_000 / 730)
    assert projected.as_of == date(2022, 3, 31)  # the count date, not the release date 2022-05-01
    # counted a year before the 2023-03-31 target (2022-03-31 → 2023-03-31 is 365 days)
    assert projected.target_date == TARGET_DATE
    assert projected.projection.target_years == pytest.approx(1.0)
    assert projected.projection.required_multiple == pytest.approx(5_000 / 730)
    assert projected.basis.days == 350


def test_the_target_applies_while_the_count_date_is_before_it_even_if_released_after() -> None:
    assert date(2023, 3, 31) == TARGET_DATE
    before = _figure(date(2023, 4, 1), counted=date(2023, 3, 30), cards=5_365)
    earlier = _figure(date(2022, 4, 1), counted=date(2022, 3, 30), cards=5_000)  # 365 days of counting
    projected = pace([earlier, before])
    assert projected is not None
    assert projected.target_date == TARGET_DATE
    assert projected.projection.target_years == pytest.approx(1 / 365)  # one day left
    assert projected.projection.per_year == pytest.approx(365.0)
    on_the_day = _figure(date(2023, 4, 1), counted=date(2023, 3, 31), cards=5_365)
    projected = pace([earlier, on_the_day])
    assert projected is not None and projected.target_date is None  # counted on the target day: not before it


def test_no_pace_when_the_count_dates_do_not_advance() -> None:
    same_count = _figure(date(2022, 5, 1), counted=date(2021, 4, 15), cards=5_000)
    assert twelve_month_change([YEAR_AGO, same_count]) is not None
    assert pace([YEAR_AGO, same_count]) is None  # 0 days between the counts
    went_back = _figure(date(2022, 5, 1), counted=date(2021, 4, 14), cards=5_000)
    assert pace([YEAR_AGO, went_back]) is None


def test_between_two_releases_equally_far_from_a_year_earlier_the_earlier_wins() -> None:
    # a year before 2022-05-01 is 2021-05-01; 2021-04-21 and 2021-05-11 are both 10 days from it
    early = _figure(date(2021, 4, 21), counted=date(2021, 4, 20), cards=4_000)
    late = _figure(date(2021, 5, 11), counted=date(2021, 5, 10), cards=4_100)
    assert year_before([late, early, NOW], NOW) == early
    assert year_before([early, late, NOW], NOW) == early
    closer = _figure(date(2021, 5, 10), counted=date(2021, 5, 9), cards=4_050)  # 9 days away
    assert year_before([early, late, closer, NOW], NOW) == closer


@pytest.mark.parametrize(
    ("release", "found"),
    [
        (date(2021, 3, 17), True),  # 2021-05-01 − 45 days
        (date(2021, 3, 16), False),  # 46 days before
        (date(2021, 6, 15), True),  # 2021-05-01 + 45 days
        (date(2021, 6, 16), False),  # 46 days after
    ],
)
def test_the_year_window_is_45_days_each_side(release: date, found: bool) -> None:
    candidate = _figure(release, counted=release, cards=4_000)
    assert (year_before([candidate, NOW], NOW) == candidate) is found


def test_a_release_after_the_current_one_is_never_a_year_before() -> None:
    current = _figure(date(2021, 5, 1), counted=date(2021, 4, 30), cards=4_000)
    later = _figure(date(2021, 5, 20), counted=date(2021, 5, 19), cards=4_100)
    assert year_before([later], current) is None


def test_a_change_of_figure_kind_is_flagged() -> None:
    held = _figure(date(2022, 5, 1), counted=date(2022, 3, 31), cards=5_000, kind="保有枚数")
    change = twelve_month_change([YEAR_AGO, held])
    assert change is not None and change.kind_changed is True


def test_the_change_at_a_given_release_and_none_for_an_unknown_one() -> None:
    middle = _figure(date(2021, 11, 1), counted=date(2021, 10, 31), cards=4_600)
    change = twelve_month_change([YEAR_AGO, middle, NOW], date(2022, 5, 1))
    assert change is not None and change.previous == YEAR_AGO
    assert twelve_month_change([YEAR_AGO, middle, NOW], date(2022, 5, 2)) is None
    assert twelve_month_change([], None) is None
    assert twelve_month_change([YEAR_AGO, middle, NOW]) == change  # default: the latest release


def test_rank_groups_follow_the_ministrys_top_10_tables() -> None:
    assert [rank_group_for(c) for c in ("特別区", "政令指定都市", "市", "町", "村", "一部事務組合")] == [
        "市区", "市区", "市区", "町村", "町村", None,
    ]  # fmt: skip


def test_lookups_for_a_release_or_a_municipality_that_is_not_there() -> None:
    from tests.metrics.test_analysis import R3, fake_metrics, fake_reference  # the seven fake towns

    result = analyse(fake_metrics(), fake_reference())
    assert result.ranks_for("991001", date(1999, 1, 1)) is None
    assert result.ranks_for("999999", R3) is None
    assert result.national_at(date(1999, 1, 1)) is None
    assert result.average_series("999999") is None
    assert top_ranked(result, "市区", date(1999, 1, 1)) == []
    assert fastest_risers(result, "市区", date(1999, 1, 1)) == []
    # by default the latest release (2021-02-15), where nobody has a release a year earlier
    assert [f.key for f in top_ranked(result, "町村")] == ["991005", "991006"]
    assert [f.release_date for f in top_ranked(result, "町村")] == [date(2021, 2, 15)] * 2


def test_the_rate_of_an_average_is_cards_over_population() -> None:
    assert rate(1, 4) == 25.0
    assert rate(3, 2) == 150.0
    assert rate(5, 0) == 0.0


def test_an_unknown_code_ranks_in_the_prefecture_of_its_first_two_digits() -> None:
    from tests.metrics.test_analysis import fake_reference

    assert pref_code_of("991001", fake_reference()) == "99"
    assert pref_code_of("970001", fake_reference()) == "97"


def _twelve_cities() -> Analysis:
    """12 cities of テスト県 (991101 … 991112) whose rate falls as the code rises: 991112 leads.
    Cards per 1,000 people: 2020-01-01 100 each; 2021-01-01 200 + 10 × n for city n."""
    from tests.metrics.test_analysis import fake_reference

    base = fake_reference()
    towns = {
        f"9911{n:02d}": Municipality(f"9911{n:02d}", "99", "テスト県", f"テスト{n}市", "", "市")
        for n in range(1, 13)
    }
    reference = Reference(by_code=towns, prefectures=base.prefectures)
    figures = []
    for code in towns:
        n = int(code[-2:])
        for day, cards in ((date(2020, 1, 1), 100), (date(2021, 1, 1), 200 + 10 * n)):
            rate = Decimal(cards) / 10
            figures.append(AreaFigure(day, code, code, 1000, day, cards, day, "交付枚数", rate))
    return analyse(MetricsData(municipalities=tuple(figures)), reference)


def test_top_ten_by_default_best_first_whatever_the_codes() -> None:
    result = _twelve_cities()
    top = top_ranked(result, "市区")
    assert [f.key for f in top] == [f"9911{n:02d}" for n in range(12, 2, -1)]  # 991112 (32 %) … 991103
    assert len(top_ranked(result, "市区", limit=12)) == 12


def test_fastest_risers_default_to_the_latest_release_and_ten() -> None:
    risers = fastest_risers(_twelve_cities(), "市区")
    # gains 10 + n points: 991112 (+22) first, ten of them
    assert [(r.change.current.key, r.change.rate_points) for r in risers] == [
        (f"9911{n:02d}", Decimal(10 + n)) for n in range(12, 2, -1)
    ]


def test_a_pace_over_one_day_of_counting() -> None:
    # released a year apart, but counted one day apart: 10 cards in one day is 3,650 a year
    before = _figure(date(2021, 5, 1), counted=date(2022, 3, 30), cards=4_990)
    projected = pace([before, NOW])
    assert projected is not None and projected.basis.days == 1
    assert projected.projection.per_year == pytest.approx(3650.0)
