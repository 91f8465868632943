"""Numbers and dates read from quotes the way Japanese sources write them."""

from __future__ import annotations

import pytest

from jirei.cases.quote_match import found_in, quote_has_date, quote_has_number


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
