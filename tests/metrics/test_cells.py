"""Single cells: counts, rates, dates and era dates, and the rate-scale and sanity checks —
each value and each refusal (rule, message, what was found, hint) written out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from jirei.metrics.cells import CellError, parse_count, parse_date, parse_decimal, parse_era_date
from jirei.metrics.importers.rates import to_percent
from jirei.metrics.importers.sanity import check_row


def _refusal(call, *args: object) -> tuple[str, str, str, str | None]:  # type: ignore[no-untyped-def]
    with pytest.raises(CellError) as info:
        call(*args)
    error = info.value
    return error.rule, error.message, error.got, error.hint


@pytest.mark.parametrize(
    ("cell", "value"),
    [(12, 12), (12.0, 12), ("1,234", 1234), (" 56 ", 56), ("0", 0), ("999999999999999", 999_999_999_999_999)],
)
def test_counts(cell: object, value: int) -> None:
    assert parse_count(cell, "人口") == value


@pytest.mark.parametrize(
    ("cell", "refusal"),
    [
        (True, ("not-a-number", "「人口」が数値ではありません", "True", None)),
        (1.5, ("not-a-number", "「人口」が整数ではありません", "1.5", None)),
        ("12a", ("not-a-number", "「人口」が数値ではありません", "12a", None)),
        ("", ("not-a-number", "「人口」が数値ではありません", "(空)", None)),
        ("١٢", ("not-a-number", "「人口」が数値ではありません", "١٢", None)),  # digits, but not ASCII
        ("１２", ("full-width-digits", "「人口」に全角数字があります", "１２", "半角数字で入力してください")),
        (-3, ("not-a-number", "「人口」が負の数です", "-3", None)),
        ("1" * 16, ("cell-unreadable", "「人口」の数値が長すぎるか、有限の数ではありません", "1" * 16,
                    "公表されたままのファイルを使ってください")),
        ("9" * 41, ("cell-unreadable", "「人口」の数値が長すぎるか、有限の数ではありません",
                    "9" * 40 + "…（41 文字）", "公表されたままのファイルを使ってください")),
    ],
)  # fmt: skip
def test_counts_refused(cell: object, refusal: tuple[str, str, str, str | None]) -> None:
    assert _refusal(parse_count, cell, "人口") == refusal


@pytest.mark.parametrize(
    ("cell", "value"),
    [(65.1, Decimal("65.1")), (7, Decimal(7)), ("65.1%", Decimal("65.1")), (" 0.651 ", Decimal("0.651")), ("1e3", Decimal(1000))],
)  # fmt: skip
def test_rates(cell: object, value: Decimal) -> None:
    assert parse_decimal(cell, "率") == value


@pytest.mark.parametrize(
    ("cell", "refusal"),
    [
        (False, ("not-a-number", "「率」が数値ではありません", "False", None)),
        ("abc", ("not-a-number", "「率」が数値ではありません", "abc", None)),
        ("%", ("not-a-number", "「率」が数値ではありません", "%", None)),
        ("６５", ("full-width-digits", "「率」に全角数字があります", "６５", "半角数字で入力してください")),
        ("1" * 16, ("cell-unreadable", "「率」の数値が長すぎるか、有限の数ではありません", "1" * 16,
                    "公表されたままのファイルを使ってください")),
        ("1e7", ("cell-unreadable", "「率」の数値が長すぎるか、有限の数ではありません", "1e7",
                 "公表されたままのファイルを使ってください")),  # beyond 10**6
        ("Infinity", ("cell-unreadable", "「率」の数値が長すぎるか、有限の数ではありません", "Infinity",
                      "公表されたままのファイルを使ってください")),
    ],
)  # fmt: skip
def test_rates_refused(cell: object, refusal: tuple[str, str, str, str | None]) -> None:
    assert _refusal(parse_decimal, cell, "率") == refusal


def test_a_rate_of_exactly_a_million_is_still_a_number() -> None:
    assert parse_decimal("1000000", "率") == Decimal(1_000_000)


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2021/05/01", date(2021, 5, 1)),
        ("2021-5-1", date(2021, 5, 1)),
        ("２０２１/０５/０１", date(2021, 5, 1)),
        ("R3.5.1", date(2021, 5, 1)),
        (datetime(2021, 5, 1, 12, 30), date(2021, 5, 1)),
        (date(2021, 5, 1), date(2021, 5, 1)),
    ],
)
def test_dates(cell: object, day: date) -> None:
    assert parse_date(cell, "算出基準日") == day


def test_dates_refused() -> None:
    hint = "YYYY/MM/DD または R3.5.1・R7.8末 の形で書いてください"
    assert _refusal(parse_date, "2021/02/30", "算出基準日") == (
        "release-date", "「算出基準日」の日付を読み取れません", "2021/02/30", hint,
    )  # fmt: skip
    assert _refusal(parse_date, "", "人口算出基準日", "base-date") == (
        "base-date", "「人口算出基準日」の日付を読み取れません", "(空)", hint,
    )  # fmt: skip
    tomorrow = date.today() + timedelta(days=1)
    future = ("release-future", "「算出基準日」が今日より後の日付です", tomorrow.isoformat(),
              "元の表の日付を確かめてください。公表前のデータは取り込めません")  # fmt: skip
    assert _refusal(parse_date, tomorrow.strftime("%Y/%m/%d"), "算出基準日") == future
    assert _refusal(parse_date, tomorrow, "算出基準日") == future
    assert _refusal(parse_date, datetime(tomorrow.year, tomorrow.month, tomorrow.day), "算出基準日") == future
    assert parse_date(date.today(), "算出基準日") == date.today()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("R3.5.1", date(2021, 5, 1)),
        ("R7.8末", date(2025, 8, 31)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和2年2月末", date(2020, 2, 29)),
        ("H29.12.1", date(2017, 12, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("人口（R7.1.1時点）", date(2025, 1, 1)),
        ("R7.8月末", date(2025, 8, 31)),
        ("Ｒ３．５．１", date(2021, 5, 1)),
        ("R3.5", None),  # no day
        ("R3.2.30", None),
        ("R3.13末", None),
        ("2021/05/01", None),
    ],
)
def test_era_dates(text: str, day: date | None) -> None:
    assert parse_era_date(text) == day


def test_a_rate_in_the_other_scale_is_refused_with_an_example() -> None:
    # 650 cards of 1,000: 65 % as a fraction column would be 0.65
    with pytest.raises(CellError) as info:
        to_percent(Decimal("65.0"), 650, 1000, fraction=True, column="率")
    assert (info.value.rule, info.value.message, info.value.got, info.value.hint) == (
        "rate-scale", "「率」が百分率で書かれています（この様式は割合 0～1 です）", "65.0", "例: 78.1% は 0.781 と書きます",
    )  # fmt: skip
    with pytest.raises(CellError) as info:
        to_percent(Decimal("0.65"), 650, 1000, fraction=False, column="交付率")
    assert (info.value.rule, info.value.message, info.value.got, info.value.hint) == (
        "rate-scale", "「交付率」が割合（0～1）で書かれています（この様式は百分率です）", "0.65", "例: 0.781 は 78.1 と書きます",
    )  # fmt: skip


def test_scale_is_judged_within_tenths_of_a_point() -> None:
    assert to_percent(Decimal("0.655"), 650, 1000, fraction=True, column="率") == Decimal(
        "65.5"
    )  # 0.5 off: kept
    assert to_percent(Decimal("65.4"), 650, 1000, fraction=False, column="率") == Decimal("65.4")
    assert to_percent(Decimal("0"), 0, 0, fraction=False, column="率") == Decimal(
        "0.0"
    )  # no population: no check


def test_rows_that_cannot_be_published_figures() -> None:
    assert _refusal(check_row, Decimal("100.1"), 1001, 1000, "率") == (
        "rate-out-of-range", "「率」が 0〜100% の範囲の外です", "100.1%", "元の表の値を確かめてください",
    )  # fmt: skip
    assert _refusal(check_row, Decimal("-0.1"), 0, 1000, "率")[:3] == (
        "rate-out-of-range",
        "「率」が 0〜100% の範囲の外です",
        "-0.1%",
    )
    assert _refusal(check_row, Decimal("50"), 2001, 1000, "率") == (
        "count-out-of-range", "交付枚数が人口の 2 倍を超えています", "枚数 2,001 / 人口 1,000", "元の表の値と単位を確かめてください",
    )  # fmt: skip
    assert _refusal(check_row, Decimal("44.9"), 500, 1000, "率") == (
        "rate-out-of-range", "「率」が枚数÷人口（50.0%）から 5 ポイント以上離れています", "44.9%", "元の表の値を確かめてください",
    )  # fmt: skip
    check_row(Decimal("45.0"), 500, 1000, "率")  # exactly 5 points: stored (a warning later)
    check_row(Decimal("100"), 1000, 1000, "率")  # 100 % is inside the range
    check_row(Decimal("0"), 0, 0, "率")
