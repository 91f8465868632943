"""The Digital Agency's national monthly files: the JSON copy, the wide and the long dashboard CSV,
each problem with its file, line and text, and national_rows joining files. Values by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jirei.metrics.importers.digital_agency import (
    MonthFigure,
    PopulationBase,
    month_end,
    national_rows,
    parse_dashboard_csv,
    parse_national,
    parse_stats_json,
)
from jirei.problems import Problem

BASE = PopulationBase(1_000_000, "テストの人口（架空）")


def _shown(problems: list[Problem]) -> list[tuple[str, str, int | None, str, str | None, str | None]]:
    return [(p.path, p.rule, p.line, p.message, p.got, p.hint) for p in problems]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-08", date(2025, 8, 31)),
        ("2025/8", date(2025, 8, 31)),
        ("2025年8月", date(2025, 8, 31)),
        ("2025-08-15", date(2025, 8, 31)),
        ("２０２５年１２月", date(2025, 12, 31)),
        ("2025.4", date(2025, 4, 30)),
        ("2025-00", None),
        ("2025", None),
        ("令和7年8月", None),
    ],
)
def test_month_end(text: str, day: date | None) -> None:
    assert month_end(text) == day


def test_json_months_with_a_published_rate_a_fraction_and_a_bad_item() -> None:
    content = (
        '{"myna_card": [{"month": "2025-07", "cumul": "98,000,000枚", "rate": "79.1%"},'
        ' {"month": "2025-08", "cumul": 98500000, "rate": 0.795},'
        ' {"month": "2025-09", "cumul": 98600000},'
        ' {"month": "9月", "cumul": 1}, "x"]}'
    ).encode()
    figures, problems = parse_stats_json("s.json", content)
    assert figures == [
        MonthFigure(date(2025, 7, 31), 98_000_000, Decimal("79.1"), "s.json", 1),
        MonthFigure(date(2025, 8, 31), 98_500_000, Decimal("79.500"), "s.json", 2),  # 0.795 × 100
        MonthFigure(date(2025, 9, 30), 98_600_000, None, "s.json", 3),
    ]
    assert _shown(problems) == [
        ("s.json", "national-value", None, "myna_card[3] の month か cumul が読めません", '{"month": "9月", "cumul": 1}',
         "month は YYYY-MM、cumul は枚数（整数）です"),
        ("s.json", "national-value", None, "myna_card[4] の month か cumul が読めません", "{}",
         "month は YYYY-MM、cumul は枚数（整数）です"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "message", "got"),
    [
        (
            b"{not json",
            "JSON として読めません",
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        (b'{"other": 1, "more": 2}', "キー myna_card（月ごとの保有枚数の一覧）がありません", "other,more"),
        (b"[1, 2]", "キー myna_card（月ごとの保有枚数の一覧）がありません", "list"),
    ],
)
def test_json_that_is_not_the_stats_file(content: bytes, message: str, got: str) -> None:
    figures, problems = parse_stats_json("s.json", content)
    assert figures == []
    hint = (
        "デジタル庁ダッシュボードの CSV か stats_data.json を渡してください"
        if message == "JSON として読めません"
        else "stats_data.json の形（myna_card: [{month, cumul, rate}]）か確かめてください"
    )
    assert _shown(problems) == [("s.json", "national-layout", None, message, got, hint)]


def test_rates_outside_0_to_100_or_unreadable_are_dropped() -> None:
    content = '{"myna_card": [{"month": "2025-01", "cumul": 5, "rate": "abc"}, {"month": "2025-02", "cumul": 6, "rate": 101}, {"month": "2025-03", "cumul": 7, "rate": "NaN"}, {"month": "2025-04", "cumul": 8, "rate": 0}, {"month": "2025-05", "cumul": 9, "rate": 1}, {"month": "2025-06", "cumul": 9, "rate": 0.5}, {"month": "2025-07", "cumul": 9, "rate": 1.5}]}'
    figures, problems = parse_stats_json("s.json", content.encode())
    assert problems == []
    # up to 1 a rate is a fraction (1 → 100 %, 0.5 → 50 %); above 1 it is already a percent
    assert [f.rate for f in figures] == [
        None,
        None,
        None,
        Decimal("0"),
        Decimal("100"),
        Decimal("50.0"),
        Decimal("1.5"),
    ]


def test_wide_csv_with_rates_blank_lines_and_a_bad_row() -> None:
    content = (
        "年月,保有枚数（枚）,保有枚数率（%）\n"
        '2025-06,"97,000,000",78.0\n'
        "\n"
        "2025-07,97500000,\n"
        "2025-08,x,79.0\n"
        "2025-09,98000000\n"
    ).encode("cp932")  # an old file in Shift_JIS
    figures, problems = parse_dashboard_csv("w.csv", content)
    assert figures == [
        MonthFigure(date(2025, 6, 30), 97_000_000, Decimal("78.0"), "w.csv", 2),
        MonthFigure(date(2025, 7, 31), 97_500_000, None, "w.csv", 4),
        MonthFigure(date(2025, 9, 30), 98_000_000, None, "w.csv", 6),
    ]
    assert _shown(problems) == [
        (
            "w.csv",
            "national-value",
            5,
            "年月か保有枚数が読めません",
            "2025-08,x,79.0",
            "年月は YYYY-MM、保有枚数は整数です",
        )
    ]


@pytest.mark.parametrize(
    ("content", "line", "message", "got"),
    [
        (b"", 1, "CSV が空です", "(空)"),
        (
            "集計,枚数\n2025-06,1\n".encode(),
            1,
            "見出しを認識できません（年月と保有枚数の列が必要です）",
            "集計,枚数",
        ),
        (
            "年月,保有枚数率\n2025-06,1\n".encode(),
            1,
            "見出しを認識できません（年月と保有枚数の列が必要です）",
            "年月,保有枚数率",
        ),
    ],
)
def test_csv_that_is_not_the_dashboards(content: bytes, line: int, message: str, got: str) -> None:
    figures, problems = parse_dashboard_csv("x.csv", content)
    assert figures == []
    assert [(p.path, p.rule, p.line, p.message, p.got) for p in problems] == [
        ("x.csv", "national-layout", line, message, got)
    ]
    empty = content == b""
    assert problems[0].hint == (
        "ダウンロードし直してください"
        if empty
        else "横持ち（年月, 保有枚数, …）か縦持ち（年月, 指標名, 値）の CSV です"
    )


def test_long_csv_keeps_cards_and_the_held_rate_only() -> None:
    content = (
        "年月,指標名,値\n"
        '2026-01,保有枚数,"102,000,000"\n'
        "2026-01,保有枚数率,81.4\n"
        "2026-01,交付枚数率,90.0\n"  # not the held rate: ignored
        "2026-02,保有枚数,102500000\n"
        "2026-02,保有率,0.815\n"  # a fraction → 81.5
        "2026-03,保有枚数,x\n"
        "26-3,保有枚数,1\n"
        "2026-04,保有枚数\n"  # too short: skipped
        ",,\n"
    ).encode()
    figures, problems = parse_dashboard_csv("l.csv", content)
    assert figures == [
        MonthFigure(date(2026, 1, 31), 102_000_000, Decimal("81.4"), "l.csv", 2),
        MonthFigure(date(2026, 2, 28), 102_500_000, Decimal("81.500"), "l.csv", 5),
    ]
    assert _shown(problems) == [
        ("l.csv", "national-value", 7, "保有枚数が整数ではありません", "2026-03,保有枚数,x", "値の列を確かめてください"),
        ("l.csv", "national-value", 8, "年月が読めません", "26-3,保有枚数,1", "年月は YYYY-MM の形です"),
    ]  # fmt: skip


def test_national_rows_prefer_a_published_rate_and_compute_the_rest() -> None:
    figures = [
        MonthFigure(date(2025, 6, 30), 700_000, None, "a.json", 1),
        MonthFigure(date(2025, 6, 30), 700_000, Decimal("70.1"), "b.csv", 2),
        MonthFigure(date(2025, 7, 31), 712_345, None, "a.json", 2),  # 71.2345 % → 71.2
        MonthFigure(date(2025, 8, 31), 712_500, None, "a.json", 3),  # 71.25 % → 71.3 (half up)
    ]
    rows, problems = national_rows(figures, {"a.json": "src/a.json", "b.csv": "src/b.csv"}, BASE)
    assert problems == []
    assert [(r.as_of, r.cards, r.rate_percent, r.rate_kind, r.rate_base, r.source_file) for r in rows] == [
        (date(2025, 6, 30), 700_000, Decimal("70.1"), "公表値", "デジタル庁ダッシュボードの基準人口", "src/b.csv"),
        (date(2025, 7, 31), 712_345, Decimal("71.2"), "計算値", "テストの人口（架空）", "src/a.json"),
        (date(2025, 8, 31), 712_500, Decimal("71.3"), "計算値", "テストの人口（架空）", "src/a.json"),
    ]  # fmt: skip
    assert {r.measure for r in rows} == {"保有枚数"}


def test_national_rows_refuse_files_that_disagree_and_counts_above_the_population() -> None:
    figures = [
        MonthFigure(date(2025, 6, 30), 700_000, None, "a.json", 1),
        MonthFigure(date(2025, 6, 30), 700_001, None, "b.csv", 7),
        MonthFigure(date(2025, 7, 31), 1_000_001, None, "a.json", 2),
    ]
    rows, problems = national_rows(figures, {"a.json": "a.json", "b.csv": "b.csv"}, BASE)
    assert rows == []
    assert _shown(problems) == [
        ("b.csv", "national-conflict", 7, "2025-06 の保有枚数がファイルによって違います",
         "700,000（a.json）、700,001（b.csv）", "どちらかが古いか誤りです。デジタル庁の公表値を確かめてください"),
        # 1,000,001 ÷ 1,000,000 rounds to 100.0 %, but one card too many is still too many
        ("a.json", "national-value", 2, "2025-07 の保有枚数 1,000,001 が分母の人口 1,000,000 を超えます", "100.0%",
         "全国の数値か確かめてください（都道府県・市区町村の表ではありませんか）"),
    ]  # fmt: skip


def test_a_json_file_with_a_byte_order_mark_and_a_long_bad_item() -> None:
    item = '{"month": "x", "cumul": "' + "9" * 100 + '"}'
    figures, problems = parse_stats_json("s.json", ('\ufeff{"myna_card": [' + item + "]}").encode())
    assert figures == []
    assert [p.got for p in problems] == ['{"month": "x", "cumul": "' + "9" * 55]  # cut at 80 characters


def test_a_json_copy_is_told_from_a_csv_by_its_content() -> None:
    json_with_bom = b'\xef\xbb\xbf \n{"myna_card": [{"month": "2025-06", "cumul": 1}]}'
    figures, problems = parse_national("no-suffix", json_with_bom)
    assert (figures[0].as_of, figures[0].cards, problems) == (date(2025, 6, 30), 1, [])
    figures, problems = parse_national("data.json", "年月,保有枚数\n2025-06,2\n".encode())
    assert (figures[0].cards, figures[0].line, problems) == (2, 2, [])


def test_rows_after_a_skipped_or_refused_one_are_still_read() -> None:
    long_csv = "年月,指標名,値,備考\n2026-01,保有枚数,1,\n2026-02,保有枚数\n202X-03,保有枚数,3,\n2026-04,保有枚数,4,\n".encode()
    figures, problems = parse_dashboard_csv("l.csv", long_csv)  # a fourth column is still the long layout
    assert [(f.as_of, f.cards) for f in figures] == [(date(2026, 1, 31), 1), (date(2026, 4, 30), 4)]
    assert [(p.line, p.message) for p in problems] == [(4, "年月が読めません")]
    month = {"month": "2025-01", "cumul": 5, "rate": 100}
    figures, _ = parse_stats_json(
        "s.json", ('{"myna_card": [' + str(month).replace("'", '"') + "]}").encode()
    )
    assert figures[0].rate == Decimal(100)  # 100 % is a rate, not out of range


def test_a_month_after_one_above_the_population_is_still_a_row() -> None:
    figures = [
        MonthFigure(date(2025, 7, 31), 1_000_001, None, "a.json", 2),
        MonthFigure(date(2025, 8, 31), 999_999, None, "a.json", 3),
    ]
    rows, problems = national_rows(figures, {"a.json": "a.json"}, BASE)
    assert [r.as_of for r in rows] == [date(2025, 8, 31)] and len(problems) == 1
    exactly = [MonthFigure(date(2025, 9, 30), 1_000_000, None, "a.json", 4)]
    rows, problems = national_rows(exactly, {"a.json": "a.json"}, BASE)
    assert problems == [] and rows[0].rate_percent == Decimal("100.0")  # as many cards as people is possible


def test_a_csv_in_neither_utf8_nor_shift_jis_is_read_with_replacement_characters() -> None:
    content = "年月,保有枚数\n2025-06,1\n".encode("cp932") + b"\x85@,2\n"  # 0x85 starts no character in cp932
    figures, problems = parse_dashboard_csv("w.csv", content)
    assert [(f.as_of, f.cards) for f in figures] == [(date(2025, 6, 30), 1)]
    assert [(p.line, p.got) for p in problems] == [(3, "\ufffd@,2")]
