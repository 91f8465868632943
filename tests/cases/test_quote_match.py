"""Numbers and dates read from quotes the way Japanese sources write them."""

from __future__ import annotations

import pytest

from jirei.cases.quote_match import (
    found_in,
    parse_iso,
    quote_has_date,
    quote_has_first_rank,
    quote_has_number,
)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (45000000, "改修費は約4,500万円"),
        (120000000, "総額1億2,000万円"),
        (37500000, "改修費は約3750万円"),
        (250000000, "2億5,000万円（5万人分）"),
        (50000, "2億5,000万円（5万人分）"),
        (50.5, "交付枚数率は５０．５％となった"),
        (65.1, "申請率は65.10%"),
        (65.10, "申請率は65.1％"),
        (1234567, "１，２３４，５６７人"),
        (12000, "1万2千件"),
        (139, "2020年度中に139の申請を電子化"),
        (21.6, "143219,30943,21.6"),
    ],
)
def test_a_quote_contains_the_number(value: float, quote: str) -> None:
    assert quote_has_number(value, [quote])


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (4500, "約4,500万円"),  # 4,500万 is 45000000, not 4500
        (34.1, "34.12%"),
        (309, "143219,30943,21.6"),  # not a thousands separator
        (True, "1件"),
    ],
)
def test_a_quote_does_not_contain_the_number(value: float, quote: str) -> None:
    assert not quote_has_number(value, [quote])


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("2020-08-12", "2020年8月12日から受付"),
        ("2020-08-12", "令和2年8月12日から受付"),
        ("2018-08-28", "平成30年8月28日に開始"),
        ("2020-08-12", "R2.8.12 開始"),
        ("2018-08-28", "Ｈ３０．８．２８開始"),
        ("2020-08-12", "2020/8/12"),
        ("2020-08-12", "2020.8.12"),
        ("2020-08", "2020年8月12日から"),
        ("2020-08", "2020 年 8 月"),
        ("2020", "2020年度中に"),
        ("2019-05", "令和元年5月から"),
        ("2021-12-28", "2021年9月初旬から12月28日まで"),
        ("2021-07-31", "2021年7月末の交付率"),
    ],
)
def test_a_quote_contains_the_date(value: str, quote: str) -> None:
    assert quote_has_date(value, [quote])


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("2020-08-12", "2020年8月から"),  # the quote is less precise than the case
        ("2020-08", "2021年8月"),
        ("2020-08", "8月から"),  # no year anywhere
        ("2020-13", "2020年13月"),
    ],
)
def test_a_quote_does_not_contain_the_date(value: str, quote: str) -> None:
    assert not quote_has_date(value, [quote])


def test_found_in_lists_the_numbers_and_dates_of_the_quotes() -> None:
    assert found_in(["2021年7月末の交付率は34.12%", "目標は54.80%"]) == (
        "引用の数値: 2021, 7, 34.12, 54.8／日付: 2021-07-31"
    )
    assert found_in(["数字のない引用"]) == "引用の数値: なし／日付: なし"


# --- the ways news stories leave the year out or write it short --------------------------------

PUBLISHED_2023_08 = parse_iso("2023-08-02")


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("2023-09-01", "証明書の交付申請を9月1日から開始する"),  # no year: the source's year
        ("2022-06", "昨年6月から市本庁舎で"),
        ("2022-10", "去年の10月からカードを作った人を対象に"),
        ("2023-05", "今年は5月に約2700件を記録する"),
        ("2021", "一昨年から続けている"),
        ("2023-08-26", "新しい窓口は26日(月)から稼働"),  # a day alone: the month of publication
    ],
)
def test_a_date_without_a_year_is_read_against_the_publication_date(value: str, quote: str) -> None:
    assert quote_has_date(value, [quote], [PUBLISHED_2023_08])


@pytest.mark.parametrize("quote", ["9月1日から開始する", "昨年6月から", "今年は5月に"])
def test_without_a_publication_date_a_year_less_date_proves_nothing(quote: str) -> None:
    assert not any(quote_has_date(value, [quote]) for value in ("2023-09-01", "2022-06", "2023-05"))
    assert not quote_has_date("2023-09-01", [quote], [None])


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("2020-06", "20年6月からマイナンバーカードを新たに申請した人"),
        ("2016", "市は16年のカード交付開始後"),
        ("2017-11", "2017(平成29)年11月から、市内47の郵便局で"),
        ("2022-03", "2021年度末をもって、一旦区切りが付けられる"),
        ("2019-10", "浜松市は、令和元(2019)年10月のデジタルファースト宣言に基づき"),
    ],
)
def test_short_years_parenthesised_eras_and_fiscal_year_ends(value: str, quote: str) -> None:
    assert quote_has_date(value, [quote])


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("2010", "10年間続けた"),  # a duration, not the year 2010
        ("2003", "3年前の交付開始から"),
        ("2021-03", "2021年度末"),  # the fiscal year 2021 ends in March 2022
    ],
)
def test_durations_are_not_years(value: str, quote: str) -> None:
    assert not quote_has_date(value, [quote])


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (18.0, "申請率が18・0%に達し"),
        (78.0, "都城市が78・0%で1位"),
        (84936000, "臨時交付金8493万6000円を活用し"),
    ],
)
def test_newspaper_decimal_points_and_mixed_units(value: float, quote: str) -> None:
    assert quote_has_number(value, [quote])


@pytest.mark.parametrize(
    "quote",
    ["全国の市区で1位", "トップは粟島浦村の99・1%", "全国の特別・市区の中でナンバーワン", "交付率No.1"],
)
def test_first_place_in_words(quote: str) -> None:
    assert quote_has_first_rank([quote])


@pytest.mark.parametrize("quote", ["全国で11位", "上位に入った", "2位"])
def test_not_first_place(quote: str) -> None:
    assert not quote_has_first_rank([quote])


@pytest.mark.parametrize("quote", ["10日間の受付", "30日以内に届け出る", "3日前に案内"])
def test_a_number_of_days_is_not_a_day_of_the_month(quote: str) -> None:
    assert not any(quote_has_date(f"2023-08-{day:02d}", [quote], [PUBLISHED_2023_08]) for day in (3, 10, 30))
