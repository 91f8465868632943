from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from tests.repo import DEFAULT_METRICS_DIR, DEFAULT_REFERENCE_DIR

from jirei.metrics.analysis import (
    RANK_GROUPS,
    Rank,
    analyse,
    competition_ranks,
    fastest_risers,
    pace,
    top_ranked,
    twelve_month_change,
    year_before,
)
from jirei.metrics.store import AreaFigure, MetricsData, load_metrics
from jirei.reference.municipalities import Municipality, Prefecture, Reference, load_reference

R1, R2, R3, R4 = date(2020, 1, 1), date(2020, 7, 1), date(2021, 1, 1), date(2021, 2, 15)

# code: (pref_code, name, category, population)
TOWNS = {
    "991001": ("99", "テスト市", "市", 1000),
    "991002": ("99", "テスト第二市", "市", 1000),
    "991003": ("99", "テスト区", "特別区", 1000),
    "991004": ("99", "テスト政令市", "政令指定都市", 1000),
    "991005": ("99", "テスト町", "町", 1000),
    "991006": ("99", "テスト村", "村", 500),
    "981001": ("98", "テスト北市", "市", 1000),
}
# Cards per release (R1, R2, R3, R4).
CARDS = {
    "991001": (300, 400, 500, 520),
    "991002": (300, 350, 400, 410),
    "991003": (200, 300, 400, 420),
    "991004": (250, 280, 300, 310),
    "991005": (100, 200, 400, 405),
    "991006": (50, 80, 100, 110),
    "981001": (500, 550, 600, 610),
}


def _figure(day: date, key: str, label: str, population: int, cards: int) -> AreaFigure:
    rate = (Decimal(cards) * 100 / Decimal(population)).quantize(Decimal("0.1"))
    return AreaFigure(
        day, key, label, population, date(day.year, 1, 1), cards, day - timedelta(days=1), "交付枚数", rate
    )


def fake_reference() -> Reference:
    prefectures = {
        "99": Prefecture("99", "990001", "テスト県", "テストケン"),
        "98": Prefecture("98", "980005", "テスト北県", ""),
    }
    by_code = {
        code: Municipality(code, pref, prefectures[pref].name, name, "", category)
        for code, (pref, name, category, _) in TOWNS.items()
    }
    return Reference(by_code=by_code, prefectures=prefectures)


def fake_metrics() -> MetricsData:
    municipalities = []
    for index, day in enumerate((R1, R2, R3, R4)):
        for code, (_, name, _, population) in TOWNS.items():
            municipalities.append(_figure(day, code, name, population, CARDS[code][index]))
    national = tuple(
        _figure(day, "全国", "全国", 100_000, 10_000 * (i + 1)) for i, day in enumerate((R1, R2, R3, R4))
    )
    return MetricsData(municipalities=tuple(municipalities), categories=national)


@pytest.fixture  # per test (cheap): mutation testing runs each test on its own, with its own fixture
def analysis():  # type: ignore[no-untyped-def]
    return analyse(fake_metrics(), fake_reference())


def _positions(values: Iterable[tuple[str, Decimal]]) -> dict[str, int]:
    """Standard competition ranking written out plainly: the oracle for the ranking code."""
    ordered = sorted(values, key=lambda item: (-item[1], item[0]))
    return {key: 1 + sum(1 for _, other in ordered if other > value) for key, value in ordered}


def test_competition_ranks_with_ties() -> None:
    rates = {"a": "50", "b": "40", "c": "40.00", "d": "30"}
    figures = [
        replace(_figure(R1, key, key, 1000, 1), rate_percent=Decimal(rate)) for key, rate in rates.items()
    ]
    ranks = competition_ranks(figures)
    assert {key: (rank.position, rank.size) for key, rank in ranks.items()} == {
        "a": (1, 4), "b": (2, 4), "c": (2, 4), "d": (4, 4),
    }  # fmt: skip
    assert ranks["b"] is ranks["c"]  # equal ranks share one object


def test_rank_text() -> None:
    assert str(Rank(1, 815)) == "1位 / 815"
    assert str(Rank(12, 1741)) == "12位 / 1,741"


def test_ranks_national_prefecture_and_group(analysis) -> None:  # type: ignore[no-untyped-def]
    ranks = analysis.ranks[R3]
    # Rates at R3: 981001 60.0, 991001 50.0, 991002/991003/991005 40.0, 991004 30.0, 991006 20.0.
    assert {code: r.national.position for code, r in ranks.items()} == {
        "981001": 1,
        "991001": 2,
        "991002": 3,
        "991003": 3,
        "991005": 3,
        "991004": 6,
        "991006": 7,
    }
    assert all(r.national.size == 7 for r in ranks.values())
    assert ranks["991001"].prefecture == Rank(1, 6)
    assert ranks["991005"].prefecture == Rank(2, 6)
    assert ranks["991006"].prefecture == Rank(6, 6)
    assert ranks["981001"].prefecture == Rank(1, 1)
    # 市区 = 特別区 + 政令指定都市 + 市; 町村 = 町 + 村.
    assert ranks["991003"].group_name == "市区" and ranks["991003"].group == Rank(3, 5)
    assert ranks["991002"].group == Rank(3, 5)
    assert ranks["991004"].group == Rank(5, 5)
    assert ranks["991005"].group_name == "町村" and ranks["991005"].group == Rank(1, 2)
    assert ranks["991006"].group == Rank(2, 2)


def test_ranks_are_competition_ranks_within_each_scope() -> None:
    """Ranks come from one national sort; they must equal competition_ranks run per scope,
    with many ties (including equal rates written differently, 40.0 and 40.00)."""
    rng = random.Random(7)
    categories = ("市", "特別区", "政令指定都市", "町", "村", "その他")
    rates = [Decimal("40.0"), Decimal("40.00"), Decimal("55.5"), Decimal("12.3"), Decimal("70")]
    prefectures = {pref: Prefecture(pref, f"{pref}0000", f"県{pref}", "") for pref in ("97", "98", "99")}
    by_code = {}
    figures = []
    for number in range(60):
        pref = rng.choice(sorted(prefectures))
        code = f"{pref}{number:04d}"
        by_code[code] = Municipality(code, pref, prefectures[pref].name, code, "", rng.choice(categories))
        figures.append(replace(_figure(R1, code, code, 1000, 1), rate_percent=rng.choice(rates)))
    rng.shuffle(figures)
    reference = Reference(by_code=by_code, prefectures=prefectures)
    ranks = analyse(MetricsData(municipalities=tuple(figures)), reference).ranks[R1]
    rate_of = {f.key: f.rate_percent for f in figures}

    def expected(members: list[str]) -> dict[str, Rank]:
        positions = _positions((code, rate_of[code]) for code in members)
        return {code: Rank(position, len(members)) for code, position in positions.items()}

    assert {code: r.national for code, r in ranks.items()} == expected(list(rate_of))
    for pref in prefectures:
        members = [code for code in rate_of if by_code[code].pref_code == pref]
        assert {code: ranks[code].prefecture for code in members} == expected(members)
    for group in RANK_GROUPS:
        members = [code for code in rate_of if ranks[code].group_name == group]
        assert members and {code: ranks[code].group for code in members} == expected(members)
    assert all(ranks[code].group is None for code in rate_of if by_code[code].category == "その他")


def test_unknown_municipality_gets_no_group() -> None:
    metrics = fake_metrics()
    extra = _figure(R3, "990009", "テスト外町", 100, 90)
    result = analyse(MetricsData(municipalities=(*metrics.municipalities, extra)), fake_reference())
    ranks = result.ranks[R3]["990009"]
    assert ranks.national == Rank(1, 8)
    assert ranks.prefecture == Rank(1, 7)  # pref code from the code's first two digits
    assert ranks.group is None and ranks.group_name is None


def test_category_averages_from_municipality_rows(analysis) -> None:  # type: ignore[no-untyped-def]
    averages = {group: dict(points) for group, points in analysis.averages.items()}
    assert averages["市"][R3] == pytest.approx(1500 / 3000 * 100)
    assert averages["特別区"][R3] == pytest.approx(40.0)
    assert averages["政令指定都市"][R3] == pytest.approx(30.0)
    assert averages["町村"][R3] == pytest.approx(500 / 1500 * 100)  # weighted by population
    assert analysis.average_series("991006") == ("町村", analysis.averages["町村"])
    assert [f.release_date for f in analysis.national] == [R1, R2, R3, R4]


def test_year_before_window() -> None:
    series = fake_metrics().municipality_series("991001")
    assert year_before(series, series[2]) == series[0]  # R3 − 366 days = R1
    assert year_before(series, series[3]) is None  # R4 − 365 = 2020-02-16: R1 is 46 days off
    assert year_before(series, series[0]) is None


def test_twelve_month_change() -> None:
    series = fake_metrics().municipality_series("991001")
    change = twelve_month_change(series, R3)
    assert change is not None
    assert change.previous.release_date == R1
    assert change.rate_points == Decimal("20.0")
    assert change.cards == 200
    assert change.days == 366
    assert not change.kind_changed
    assert twelve_month_change(series) is None  # latest (R4) has no release a year before
    assert twelve_month_change(series, date(2019, 1, 1)) is None


def test_pace_projection() -> None:
    series = fake_metrics().municipality_series("991001")
    result = pace(series, R3)
    assert result is not None
    projection = result.projection
    per_year = 200 * 365 / 366
    assert projection.remaining == 500
    assert projection.per_year == pytest.approx(per_year)
    assert projection.years_to_full == pytest.approx(500 / per_year)
    target_years = (date(2023, 3, 31) - date(2020, 12, 31)).days / 365
    assert projection.target_years == pytest.approx(target_years)
    assert projection.required_multiple == pytest.approx(500 / target_years / per_year)
    assert result.target_date == date(2023, 3, 31)
    assert result.as_of == date(2020, 12, 31)


def test_pace_after_target_has_no_multiple() -> None:
    series = fake_metrics().municipality_series("991001")
    result = pace(series, R3, target=date(2020, 6, 30))
    assert result is not None
    assert result.target_date is None
    assert result.projection.target_years is None
    assert result.projection.required_multiple is None


def test_pace_remaining_not_below_zero() -> None:
    full = [_figure(R1, "991009", "満了市", 100, 90), _figure(R3, "991009", "満了市", 100, 120)]
    result = pace(full)
    assert result is not None and result.projection.remaining == 0


def test_top_ranked_includes_ties(analysis) -> None:  # type: ignore[no-untyped-def]
    top = top_ranked(analysis, "市区", R3, limit=3)
    assert [f.key for f in top] == ["981001", "991001", "991002", "991003"]
    assert [f.key for f in top_ranked(analysis, "町村", R3)] == ["991005", "991006"]


def test_fastest_risers(analysis) -> None:  # type: ignore[no-untyped-def]
    risers = fastest_risers(analysis, "町村", R3)
    assert [(r.change.current.key, r.change.rate_points) for r in risers] == [
        ("991005", Decimal("30.0")),
        ("991006", Decimal("10.0")),
    ]
    city = fastest_risers(analysis, "市区", R3, limit=2)
    # Tied gains are listed by code.
    assert [(r.change.current.key, r.change.rate_points) for r in city] == [
        ("991001", Decimal("20.0")),
        ("991003", Decimal("20.0")),
    ]
    assert city[0].ranks.group == Rank(2, 5)
    assert fastest_risers(analysis, "町村") == []  # R4 has no release a year earlier


# --- real data -------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():  # type: ignore[no-untyped-def]
    return analyse(load_metrics(DEFAULT_METRICS_DIR), load_reference(DEFAULT_REFERENCE_DIR))


def test_real_kaga_2021_05_01(real) -> None:  # type: ignore[no-untyped-def]
    day = date(2021, 5, 1)
    figure = real.metrics.official_rate("172065", day)
    assert figure is not None and figure.rate_percent == Decimal("65.1")
    ranks = real.ranks_for("172065", day)
    assert ranks.group_name == "市区"
    assert ranks.group.position == 1
    assert ranks.group.size == 815
    national = real.national_at(day)
    assert national is not None and national.rate_percent == Decimal("30.0")


def test_real_ranks_cover_every_release(real) -> None:  # type: ignore[no-untyped-def]
    for day in real.release_dates:
        ranks = real.ranks[day]
        assert sum(r.group_name == "市区" for r in ranks.values()) + sum(
            r.group_name == "町村" for r in ranks.values()
        ) == len(ranks)
