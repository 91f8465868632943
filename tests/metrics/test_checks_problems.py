"""jirei metrics check: every field of its sum errors and rate warnings, worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from jirei.metrics.checks import check_metrics, rate_warnings
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.problems import Problem, Severity

DAY = date(2021, 5, 1)
OTHER_DAY = date(2021, 6, 1)
STORE = Path("store")


def _area(key: str, label: str, population: int, cards: int, rate: str, day: date = DAY) -> AreaFigure:
    return AreaFigure(day, key, label, population, date(2020, 1, 1), cards, day, "交付枚数", Decimal(rate))


def _fields(problems: list[Problem]) -> list[tuple[str, str, str, str, str | None, str | None, Severity]]:
    return [(p.path, p.rule, p.message, p.key_path, p.got, p.hint, p.severity) for p in problems]


# テスト市 1,000 / 400 and 試験市 500 / 100 in テスト県 (99): 1,500 people, 500 cards
TOWNS = (_area("992011", "テスト市", 1000, 400, "40.0"), _area("992020", "試験市", 500, 100, "20.0"))


def test_consistent_totals_give_no_problem() -> None:
    data = MetricsData(
        municipalities=TOWNS,
        prefectures=(_area("99", "テスト県", 1500, 500, "33.3"),),
        categories=(_area("全国", "全国", 1500, 500, "33.3"),),
    )
    assert check_metrics(data, STORE) == []


def test_population_and_cards_that_do_not_add_up_are_two_errors_each() -> None:
    data = MetricsData(
        municipalities=TOWNS,
        prefectures=(_area("99", "テスト県", 1501, 499, "33.2"),),
        categories=(_area("全国", "全国", 1500, 500, "33.3"),),
    )
    assert _fields(check_metrics(data, STORE)) == [
        ("store/prefectures.csv", "sum-prefecture", "2021-05-01 テスト県の人口が市区町村の合計と合いません",
         "2021-05-01.99", "テスト県 1,501 / 市区町村合計 1,500", None, Severity.ERROR),
        ("store/prefectures.csv", "sum-prefecture", "2021-05-01 テスト県の枚数が市区町村の合計と合いません",
         "2021-05-01.99", "テスト県 499 / 市区町村合計 500", None, Severity.ERROR),
        ("store/categories.csv", "sum-national", "2021-05-01 全国の人口が都道府県の合計と合いません",
         "2021-05-01.全国", "全国 1,500 / 都道府県合計 1,501", None, Severity.ERROR),
        ("store/categories.csv", "sum-national", "2021-05-01 全国の枚数が都道府県の合計と合いません",
         "2021-05-01.全国", "全国 500 / 都道府県合計 499", None, Severity.ERROR),
    ]  # fmt: skip


def test_a_prefecture_without_municipalities_in_a_release_that_has_some_sums_to_zero() -> None:
    data = MetricsData(municipalities=TOWNS, prefectures=(_area("98", "サンプル県", 10, 1, "10.0"),))
    assert [(p.key_path, p.got) for p in check_metrics(data, STORE)] == [
        ("2021-05-01.98", "サンプル県 10 / 市区町村合計 0"),
        ("2021-05-01.98", "サンプル県 1 / 市区町村合計 0"),
    ]


def test_releases_without_municipalities_or_prefectures_are_not_summed() -> None:
    data = MetricsData(
        municipalities=TOWNS,
        prefectures=(_area("99", "テスト県", 9, 9, "100.0", OTHER_DAY),),  # no municipality rows that day
        categories=(
            _area("全国", "全国", 7, 7, "100.0", date(2021, 7, 1)),  # no prefecture rows that day
            _area("市", "市", 5, 5, "100.0"),  # a category, not 全国: never summed
        ),
    )
    assert check_metrics(data, STORE) == []


def test_a_rate_more_than_a_tenth_off_its_counts_is_a_warning() -> None:
    table = (
        _area("992011", "テスト市", 1000, 400, "40.1"),  # 40.0 computed: 0.1 off, within
        _area("992020", "試験市", 1000, 400, "40.2"),  # 0.2 off
        _area("992038", "見本市", 1000, 400, "39.8"),  # 0.2 below
    )
    assert _fields(rate_warnings(table, STORE / "municipalities.csv")) == [
        ("store/municipalities.csv", "rate-mismatch", "2021-05-01 試験市の率が枚数÷人口（40.0%）と合いません",
         "2021-05-01.992020", "40.2%", "公表資料の値をそのまま残しています。ページでは公表値を表示します", Severity.WARNING),
        ("store/municipalities.csv", "rate-mismatch", "2021-05-01 見本市の率が枚数÷人口（40.0%）と合いません",
         "2021-05-01.992038", "39.8%", "公表資料の値をそのまま残しています。ページでは公表値を表示します", Severity.WARNING),
    ]  # fmt: skip


def test_check_metrics_warns_for_every_table_at_its_file() -> None:
    data = MetricsData(
        municipalities=(_area("992011", "テスト市", 1000, 400, "45.0"),),
        prefectures=(_area("99", "テスト県", 1000, 400, "45.0"),),
        categories=(_area("全国", "全国", 1000, 400, "45.0"),),
    )
    assert [(p.path, p.rule, p.key_path) for p in check_metrics(data, STORE)] == [
        ("store/municipalities.csv", "rate-mismatch", "2021-05-01.992011"),
        ("store/prefectures.csv", "rate-mismatch", "2021-05-01.99"),
        ("store/categories.csv", "rate-mismatch", "2021-05-01.全国"),
    ]
