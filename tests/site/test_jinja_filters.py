"""The template filters of jirei.site.jinja, each against values written out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import yaml
from jinja2 import UndefinedError

from jirei.site.rendering.jinja import (
    count,
    format_int,
    format_number,
    format_yen,
    japanese_date,
    join_cjk_lines,
    link_href,
    make_environment,
    one_decimal,
    pct,
    points,
    quote_text,
    signed,
    table_cell,
    yaml_string,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0円"),
        (9_999, "9,999円"),
        (10_000, "1万円"),
        (10_001, "1万1円"),
        (250_000_000, "2億5,000万円"),
        (100_000_000, "1億円"),
        (100_000_005, "1億5円"),
        (123_456_789_012, "1,234億5,678万9,012円"),
    ],
)
def test_yen(value: int, text: str) -> None:
    assert format_yen(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "不明"),
        ("2020", "2020年"),
        ("2020-06", "2020年6月"),
        ("2021-05-01", "2021年5月1日"),
        (date(2021, 12, 31), "2021年12月31日"),
    ],
)
def test_japanese_date(value: str | date | None, text: str) -> None:
    assert japanese_date(value) == text


def test_numbers() -> None:
    assert format_int(1234567) == "1,234,567"
    assert format_number(65.1) == "65.1"
    assert format_number(139.0) == "139"
    assert format_number(12345) == "12,345"
    assert format_number(1234.5) == "1,234.5"
    assert pct(Decimal("65.24")) == "65.2%"
    assert pct(Decimal("65.26")) == "65.3%"
    assert pct(7) == "7.0%"
    assert count(1234.6) == "1,235"
    assert count(0.4) == "0"
    assert one_decimal(Decimal("3")) == "3.0"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234, 0, "+1,234"),
        (-1234, 0, "−1,234"),
        (0, 0, "±0"),
        (Decimal("-0.25"), 1, "−0.2"),
        (Decimal("2.5"), 1, "+2.5"),
    ],
)
def test_signed(value: Decimal | int, decimals: int, text: str) -> None:
    assert signed(value, decimals) == text


def test_points_have_one_decimal_and_a_real_minus() -> None:
    assert points(Decimal("-1.5")) == "−1.5ポイント"
    assert points(Decimal("0")) == "±0.0ポイント"
    assert points(Decimal("12")) == "+12.0ポイント"


def test_link_href_encodes_what_a_url_cannot_hold_and_keeps_the_rest() -> None:
    assert link_href('https://example.jp/a b?q=1&r="x"#f') == "https://example.jp/a%20b?q=1&r=%22x%22#f"
    assert link_href("https://example.jp/テスト") == "https://example.jp/%E3%83%86%E3%82%B9%E3%83%88"
    assert link_href("https://example.jp/%E3%83%86~a-b_c.d*e+f,g;h=i!j$k@l[m]") == (
        "https://example.jp/%E3%83%86~a-b_c.d*e+f,g;h=i!j$k@l[m]"
    )
    assert link_href("https://example.jp/<x>'") == "https://example.jp/%3Cx%3E%27"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("テスト市", '"テスト市"'),
        ('A "B" \\ C', '"A \\"B\\" \\\\ C"'),
        ("1 < 2 > 0 & x", '"1 \\u003c 2 \\u003e 0 \\u0026 x"'),
        ("</script>", '"\\u003c/script\\u003e"'),
        ("行1\n行2", '"行1\\n行2"'),
        ("yes", '"yes"'),
    ],
)
def test_yaml_string_is_a_quoted_yaml_scalar_without_markup_characters(value: str, text: str) -> None:
    assert str(yaml_string(value)) == text
    assert yaml.safe_load(f"title: {yaml_string(value)}") == {"title": value}  # YAML reads back the value


def test_yaml_string_is_not_escaped_again_by_autoescaping() -> None:
    template = make_environment().from_string("title: {{ value | yaml_str }}")
    assert template.render(value="A & <B>") == 'title: "A \\u0026 \\u003cB\\u003e"'


def test_cjk_lines_are_joined_only_between_japanese_characters() -> None:
    assert join_cjk_lines("住民の\n申請を") == "住民の申請を"
    assert join_cjk_lines("ＡＢ\nＣ") == "ＡＢＣ"  # full-width letters count as Japanese text
    assert join_cjk_lines("English\nwords") == "English\nwords"
    assert join_cjk_lines("申請\nOK") == "申請\nOK"
    assert join_cjk_lines("OK\n申請") == "OK\n申請"
    assert join_cjk_lines("一\n\n二") == "一\n\n二"  # a paragraph break stays


def test_table_cell_escapes_pipes_and_line_breaks() -> None:
    assert table_cell("a|b\nc") == "a&#124;b c"
    assert table_cell(12) == "12"


def test_environment_autoescapes_and_has_every_filter() -> None:
    env = make_environment()
    assert env.from_string("{{ x }}").render(x="<b>&") == "&lt;b&gt;&amp;"
    assert env.from_string("{{ x | cell }}|{{ y | yen }}|{{ z | jdate }}").render(
        x="a|b", y=10_000, z="2020-06"
    ) == ("a&amp;#124;b|1万円|2020年6月")
    with pytest.raises(UndefinedError, match="'missing' is undefined"):
        env.from_string("{{ missing }}").render()
    assert env.from_string("a\n{% if true %}\n  b\n{% endif %}\n").render() == "a\n  b\n"
    assert {"int", "yen", "cell", "jdate", "number", "href", "yaml_str", "cjk_join", "pct", "count", "points",
            "signed", "one", "verbatim", "quote_text"} <= set(env.filters)  # fmt: skip


def test_signed_defaults_to_whole_numbers_and_signs_small_values() -> None:
    assert signed(Decimal("1.5")) == "+2"  # no decimals by default (Decimal rounds half to even)
    assert signed(Decimal("0.5"), 1) == "+0.5"
    assert signed(Decimal("-0.5"), 1) == "−0.5"


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("「出張申請」", "出張申請"),  # one enclosing pair is dropped (the page adds its own)
        ("「」", ""),
        ("出張申請", "出張申請"),
        ("「出張」と「申請」", "『出張』と『申請』"),  # not one enclosing pair: kept, nested as 『』
        ("「「二重」」", "『『二重』』"),
        ("「始まりだけ", "『始まりだけ"),
        ("終わりだけ」", "終わりだけ』"),
        ("「", "『"),
        ("「」テスト」", "『』テスト』"),  # a 」 right after the opening 「: not one enclosing pair
    ],
)
def test_quote_text(quote: str, shown: str) -> None:
    assert quote_text(quote) == shown


def test_each_filter_name_is_jirei_s_own_function() -> None:
    env = make_environment()
    ours = {
        "int": format_int, "yen": format_yen, "cell": table_cell, "jdate": japanese_date, "number": format_number,
        "href": link_href, "yaml_str": yaml_string, "cjk_join": join_cjk_lines, "pct": pct, "count": count,
        "points": points, "signed": signed, "one": one_decimal, "quote_text": quote_text,
    }  # fmt: skip
    assert {name: env.filters[name] for name in ours} == ours  # "int" and "count" are also Jinja built-ins


def test_block_tags_take_their_indentation_and_line_with_them() -> None:
    template = make_environment().from_string("a\n  {% if true %}\n  b\n  {% endif %}\nc")
    assert template.render() == "a\n  b\nc"
    assert make_environment().from_string("x\n").render() == "x\n"  # the last line break is kept
