"""Every problem of the workbook importer as `jirei metrics import` prints it (file, row, column,
what was expected, what was found, how to fix), written out from the importer's rules.

Sheet rows (xlsx_factory): the header on row 6, 全国 on row 7, then cfj_factory.LOCALGOVS from
row 8 (サンプル市 8, 見本郡見本村 9, テスト政令市 10, テスト市 11, 試験市 12, 高岡郡檮テスト町 13,
テスト島　テスト村 14, 試作郡試作町 15).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cfj_factory import REFERENCE_DIR, snapshot
from openpyxl import Workbook
from xlsx_factory import HEADER, default_rows, write_workbook

from jirei.metrics.importers.importer import import_paths
from jirei.metrics.importers.parsed import ParsedFile
from jirei.metrics.importers.soumu_xlsx import cell_name, parse_soumu_xlsx
from jirei.metrics.store import load_metrics
from jirei.problems import JireiError, format_text
from jirei.reference.municipalities import Reference, load_reference

HEADER_HINT = "    hint: 見出し行: 都道府県名 / 市区町村名 / 人口（…時点） / 保有枚数（…時点） / …率"


def _printed(tmp_path: Path, data_dir: Path, reference: Reference, **workbook: Any) -> list[str]:
    book = write_workbook(tmp_path / "book.xlsx", **workbook)
    before = snapshot(data_dir)
    with pytest.raises(JireiError) as info:
        import_paths([book], data_dir, reference)
    assert snapshot(data_dir) == before
    return [format_text(p).replace(f"{book}", "book.xlsx") for p in info.value.problems]


def _header(index: int, text: str) -> list[str]:
    header = [*HEADER]
    header[index] = text
    return header


def test_cell_names_count_columns_like_a_spreadsheet() -> None:
    assert [cell_name(118, 3), cell_name(1, 26), cell_name(1, 27), cell_name(2, 52), cell_name(2, 53)] == [
        "公表用!C118",
        "公表用!Z1",
        "公表用!AA1",
        "公表用!AZ2",
        "公表用!BA2",
    ]


@pytest.mark.parametrize(
    ("index", "text", "expected"),
    [
        (0, "県名", ["book.xlsx:1:1: error [layout-unknown] 公表用!A1: シート「公表用」に見出し「都道府県名」の行がありません"
                     " (got マイナンバーカード保有状況(テスト))", HEADER_HINT]),
        (1, "団体名", ["book.xlsx:6:2: error [layout-unknown] 公表用!B6: 見出しを認識できません: 市区町村名 が必要です (got 団体名)",
                       HEADER_HINT]),
        (2, "人口", ["book.xlsx:6:3: error [layout-unknown] 公表用!C6: 見出しを認識できません: 人口（R7.1.1時点）の形 が必要です"
                     " (got 人口)", HEADER_HINT]),
        (4, "割合", ["book.xlsx:6:5: error [layout-unknown] 公表用!E6: 見出しを認識できません: 「率」を含む見出し"
                     "（例: 人口に対する保有枚数率） が必要です (got 割合)", HEADER_HINT]),
    ],
)  # fmt: skip
def test_an_unknown_header(
    tmp_path: Path, data_dir: Path, reference: Reference, index: int, text: str, expected: list[str]
) -> None:
    assert "\n".join(_printed(tmp_path, data_dir, reference, header=_header(index, text))) == "\n".join(
        expected
    )


def test_a_header_without_a_stray_cell_points_after_the_last_one(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    header = [*HEADER[:4], ""]  # the rate column is missing and nothing else is there
    assert _printed(tmp_path, data_dir, reference, header=header) == [
        "book.xlsx:6:5: error [layout-unknown] 公表用!E6: 見出しを認識できません: 「率」を含む見出し"
        "（例: 人口に対する保有枚数率） が必要です (got (空))\n" + HEADER_HINT
    ]


@pytest.mark.parametrize(
    ("index", "text", "cell", "shown"),
    [
        (3, "保有枚数（最新時点）", "4: error [release-date] 公表用!D6", "保有枚数(最新時点)"),
        (2, "人口（R7.13.1時点）", "3: error [release-date] 公表用!C6", "人口(R7.13.1時点)"),
    ],
)
def test_a_header_date_that_cannot_be_read(
    tmp_path: Path, data_dir: Path, reference: Reference, index: int, text: str, cell: str, shown: str
) -> None:
    # cells are read NFKC-normalised, so the full-width brackets come back as ASCII ones
    assert _printed(tmp_path, data_dir, reference, header=_header(index, text)) == [
        f"book.xlsx:6:{cell}: 見出しの日付を読み取れません (got {shown})\n"
        "    hint: R7.8末・R3.5.1・H29.12.1 の形（末 = 月末）で書いてください"
    ]


def test_a_sheet_nobody_recognises(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    assert _printed(tmp_path, data_dir, reference, sheet="Sheet1", header=_header(0, "県名")) == [
        "book.xlsx: error [sheet-missing] シート「公表用」も、見出し「都道府県名・市区町村名」のあるシートもありません"
        " (got Sheet1)\n    hint: 総務省の公表ファイルそのままか確認してください"
    ]


def test_rows_that_cannot_be_stored(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    rows = default_rows()
    rows[2][0] = "サンプル懸"  # 見本郡見本村, row 9: a municipality in an unknown prefecture
    rows[5] = [*rows[4]]  # 試験市 (row 12) replaced by a second テスト市
    rows[7] = rows[7][:4]  # テスト島　テスト村 (row 14) without its rate
    assert _printed(tmp_path, data_dir, reference, rows=rows) == [
        "book.xlsx:9:2: error [unknown-municipality] 公表用!B9: 市区町村名「見本郡見本村」が参照表（サンプル懸）にありません"
        " (got サンプル懸見本郡見本村)\n    hint: 近い名前: サンプル県見本村",
        "book.xlsx:12:2: error [duplicate-row] 公表用!B12: 同じ市区町村が 2 回あります (got テスト市)",
        "book.xlsx:14:5: error [truncated] 公表用!E14: 数値のセルが空です（行が途中で切れています） (got (空))",
    ]


def test_a_prefecture_row_of_an_unknown_prefecture(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    rows = [*default_rows(), ["テスト懸", None, 1, 1, 1.0]]  # row 16, no municipality name
    assert _printed(tmp_path, data_dir, reference, rows=rows) == [
        "book.xlsx:16:1: error [unknown-prefecture] 公表用!A16: 都道府県名が参照表にありません (got テスト懸)\n"
        "    hint: 候補: テスト県"
    ]


def test_a_sheet_with_only_the_national_row(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    assert _printed(tmp_path, data_dir, reference, rows=default_rows()[:1]) == [
        "book.xlsx:7: error [truncated] 公表用!A7: 市区町村の行がありません"  # the row under the header
    ]


def test_notes_and_blank_rows_are_skipped_and_other_spellings_of_totals_read(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    rows = default_rows()
    rows[0] = [None, "全国", *rows[0][2:]]  # 全国 in the name column
    # a prefecture row naming itself twice, a blank row and two notes
    rows += [["テスト県", "テスト県", 792233, 259812, 259812 / 792233], [], ["※ 注記"], ["(注) 注記"]]
    header = _header(3, "交付枚数（R7.8末時点）")
    book = write_workbook(tmp_path / "book.xlsx", rows=rows, header=header)
    import_paths([book], data_dir, reference)
    data = load_metrics(data_dir)
    latest = max(data.release_dates())
    assert [(p.key, p.label) for p in data.prefectures if p.release_date == latest] == [
        ("98", "サンプル県"),
        ("99", "テスト県"),
    ]
    assert {f.figure_kind for f in data.municipalities if f.release_date == latest} == {"交付枚数"}
    assert [(c.key, c.population) for c in data.categories if c.release_date == latest] == [("全国", 845233)]


def test_a_renamed_sheet_is_found_by_a_header_broken_over_two_lines(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    header = ["都道府県\n名", " 市区町村名 ", *HEADER[2:]]  # a line break and spaces inside the cells
    book = write_workbook(tmp_path / "book.xlsx", sheet="データ", header=header)
    summary = import_paths([book], data_dir, reference)
    assert summary.added == (max(load_metrics(data_dir).release_dates()),)
    assert len([f for f in load_metrics(data_dir).municipalities if f.release_date == summary.added[0]]) == 8


def test_a_cell_problem_names_the_column_as_the_sheet_does(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    rows = default_rows()
    rows[1][4] = 40.0  # サンプル市 (row 8): 40 % written as a percent in the fraction column
    rows[5][3] = "1,62O"  # 試験市 (row 12): the letter O
    assert _printed(tmp_path, data_dir, reference, rows=rows) == [
        "book.xlsx:8:5: error [rate-scale] 公表用!E8: 「率」が百分率で書かれています（この様式は割合 0～1 です） (got 40.0)\n"
        "    hint: 例: 78.1% は 0.781 と書きます",
        "book.xlsx:12:4: error [not-a-number] 公表用!D12: 「枚数」が数値ではありません (got 1,62O)",
    ]


def test_notes_and_blank_rows_between_municipalities_are_skipped(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    rows = default_rows()
    rows[3:3] = [["※ 途中の注記"], [], ["注 二つ目"], ["(注) 三つ目"]]  # before テスト政令市
    book = write_workbook(tmp_path / "book.xlsx", rows=rows)
    summary = import_paths([book], data_dir, reference)
    day = summary.added[0]
    assert len([f for f in load_metrics(data_dir).municipalities if f.release_date == day]) == 8


def test_the_first_of_two_like_columns_is_the_one_read(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    header = [*HEADER, "人口（R6.1.1時点）", "保有枚数（R7.7末時点）", "前月の保有枚数率"]
    rows = [[*row, "x", "y", "z"] for row in default_rows()]  # the later columns hold no numbers
    book = write_workbook(tmp_path / "book.xlsx", header=header, rows=rows)
    summary = import_paths([book], data_dir, reference)
    assert summary.added == (date(2025, 8, 31),)  # R7.8末 from the first cards column, not R7.7末


def test_the_national_row_is_stored_as_published(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    rows = default_rows()
    rows[0][4] = 0.3335  # 33.35 % half up 33.4; the counts give 281,312 ÷ 845,233 = 33.28… % (33.3)
    import_paths([write_workbook(tmp_path / "book.xlsx", rows=rows)], data_dir, reference)
    [national] = [c for c in load_metrics(data_dir).categories if c.release_date == date(2025, 8, 31)]
    assert national.rate_percent == Decimal("33.4")


def test_each_count_column_is_named_in_its_problem(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    rows = default_rows()
    rows[1][2] = "五万"  # サンプル市 (row 8): population
    rows[2][4] = "半分"  # 見本郡見本村 (row 9): rate
    assert _printed(tmp_path, data_dir, reference, rows=rows) == [
        "book.xlsx:8:3: error [not-a-number] 公表用!C8: 「人口」が数値ではありません (got 五万)",
        "book.xlsx:9:5: error [not-a-number] 公表用!E9: 「率」が数値ではありません (got 半分)",
    ]


def test_a_broken_workbook(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    book = write_workbook(tmp_path / "book.xlsx")
    book.write_bytes(book.read_bytes()[:2000])
    before = snapshot(data_dir)
    with pytest.raises(JireiError) as info:
        import_paths([book], data_dir, reference)
    assert snapshot(data_dir) == before
    [problem] = info.value.problems
    assert (problem.rule, problem.message) == (
        "truncated",
        "ブックを開けません（壊れているか途中で切れています）",
    )
    assert problem.got and len(problem.got) <= 120


def _parsed_sheet(tmp_path: Path, rows: list[list[Any]]) -> list[tuple[str, str, str]]:
    """The problems of a workbook whose only sheet, 公表用, holds ``rows`` from A1."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "公表用"
    for row in rows:
        sheet.append(row)
    path = tmp_path / "book.xlsx"
    book.save(path)
    parsed = ParsedFile(str(path), "book.xlsx", "")
    parse_soumu_xlsx(parsed, load_reference(REFERENCE_DIR))
    return [(p.rule, p.key_path, p.got) for p in parsed.problems]


@pytest.mark.parametrize(
    ("rows", "got"), [([], "(空)"), ([["テスト市の表"]], "テスト市の表")], ids=["empty", "one row"]
)
def test_a_sheet_called_koohyouyou_without_a_header(tmp_path: Path, rows: list[list[Any]], got: str) -> None:
    assert _parsed_sheet(tmp_path, rows) == [("layout-unknown", "公表用!A1", got)]


def test_a_header_without_the_rate_column_and_no_other_cell_points_past_the_last_column(
    tmp_path: Path,
) -> None:
    rows = [HEADER[:4], ["テスト県", "テスト市", 66350, 43216]]  # four columns, the rate missing
    assert _parsed_sheet(tmp_path, rows) == [("layout-unknown", "公表用!E1", "(空)")]
