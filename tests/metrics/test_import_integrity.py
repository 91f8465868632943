"""Import integrity: a duplicated row, a row of another 算出基準日, a workbook's own prefecture
rows and its 全国 row against the municipalities, and half-up rounding at x.x5.

Sums below are worked out by hand from cfj_factory.LOCALGOVS:
テスト県 (99): population 700,000 + 66,350 + 8,000 + 3,500 + 2,383 + 12,000 = 792,233,
              cards 210,000 + 43,216 + 1,620 + 1,000 + 976 + 3,000 = 259,812 (32.795…%)
サンプル県 (98): population 50,000 + 3,000 = 53,000, cards 20,000 + 1,500 = 21,500 (40.566…%)
全国: population 845,233, cards 281,312
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cfj_factory import snapshot, write_release
from xlsx_factory import HEADER_ROW, rows_with_totals, write_workbook

from jirei.metrics.cells import percent_of, round_percent
from jirei.metrics.importers.importer import import_paths, parse_file
from jirei.metrics.importers.rates import to_percent
from jirei.metrics.store import load_metrics
from jirei.problems import JireiError, Problem
from jirei.reference.municipalities import Reference

WORKBOOK_DAY = date(2025, 8, 31)  # 保有枚数（R7.8末時点）
NATIONAL_LINE = HEADER_ROW + 1  # the 全国 row comes first under the header


def _refused(paths: list[Path], data_dir: Path, reference: Reference) -> list[Problem]:
    before = snapshot(data_dir)
    with pytest.raises(JireiError) as info:
        import_paths(paths, data_dir, reference)
    assert snapshot(data_dir) == before  # nothing half-written
    return info.value.problems


def _rewrite_csv(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    assert text.count(old) >= count, old
    path.write_bytes(b"\xef\xbb\xbf" + text.replace(old, new, count).encode("utf-8"))


# --- CSV rows --------------------------------------------------------------------------------


def test_a_duplicated_municipality_row_is_refused(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    folder = write_release(tmp_path / "dup", "2021/06/01")
    csv = folder / "all_localgovs.csv"
    lines = csv.read_bytes().decode("utf-8-sig").splitlines(keepends=True)
    test_city = next(line for line in lines if '"テスト市"' in line)
    csv.write_bytes(
        b"\xef\xbb\xbf" + "".join([*lines, test_city]).encode("utf-8")
    )  # line 10: 8 rows + header
    problems = _refused([folder], data_dir, reference)
    assert [(Path(p.path).name, p.rule, p.line, p.got, p.message) for p in problems] == [
        ("all_localgovs.csv", "duplicate-row", 10, "992011", "同じ行が 2 回あります")
    ]


def test_a_duplicated_prefecture_row_is_refused(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "dup", "2021/06/01")
    csv = folder / "all_prefectures.csv"
    lines = csv.read_bytes().decode("utf-8-sig").splitlines(keepends=True)
    csv.write_bytes(b"\xef\xbb\xbf" + "".join([*lines, lines[1]]).encode("utf-8"))  # header + 2 rows: line 4
    problems = _refused([folder], data_dir, reference)
    assert [(Path(p.path).name, p.rule, p.line, p.got) for p in problems] == [
        ("all_prefectures.csv", "duplicate-row", 4, "98")
    ]


def test_a_row_of_another_release_date_is_refused_not_stored_under_the_first(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    folder = write_release(tmp_path / "mixed", "2021/06/01")
    # the テスト市 row (line 5) says 2021/06/02 in its 算出基準日 (column 1)
    _rewrite_csv(
        folder / "all_localgovs.csv",
        '"2021/06/01","テスト県","テスト市"',
        '"2021/06/02","テスト県","テスト市"',
    )
    problems = _refused([folder], data_dir, reference)
    assert [
        (Path(p.path).name, p.rule, p.line, p.column, p.key_path, p.got, p.message) for p in problems
    ] == [
        (
            "all_localgovs.csv",
            "release-date",
            5,
            1,
            "算出基準日",
            "2021-06-02",
            "算出基準日が 2 行目と異なります",
        )
    ]


def test_the_release_date_is_the_first_rows_even_when_a_later_row_differs(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    folder = write_release(tmp_path / "first", "2021/06/01")
    _rewrite_csv(
        folder / "all_localgovs.csv",
        '"2021/06/01","サンプル県","サンプル市"',
        '"2021/05/31","サンプル県","サンプル市"',
    )
    problems = _refused([folder], data_dir, reference)
    # the file's date is its first row's (2021-05-31, line 2): the seven other rows are the odd ones
    assert [(p.rule, p.line, p.got) for p in problems] == [
        ("release-date", n, "2021-06-01") for n in range(3, 10)
    ]


def test_csv_totals_that_differ_from_their_parts_are_refused_at_their_file(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    folder = write_release(tmp_path / "totals", "2021/06/01")
    _rewrite_csv(folder / "all_prefectures.csv", '"テスト県",792233,259812,', '"テスト県",792233,259813,')
    problems = _refused([folder], data_dir, reference)
    # one card too many in テスト県: it disagrees with its municipalities, and 全国 with the prefectures
    assert [(Path(p.path).name, p.rule, p.key_path, p.message, p.got) for p in problems] == [
        (
            "all_prefectures.csv",
            "sum-prefecture",
            "2021-06-01.99",
            "2021-06-01 テスト県の枚数が市区町村の合計と合いません",
            "テスト県 259,813 / 市区町村合計 259,812",
        ),
        (
            "summary_by_types.csv",
            "sum-national",
            "2021-06-01.全国",
            "2021-06-01 全国の枚数が都道府県の合計と合いません",
            "全国 281,312 / 都道府県合計 281,313",
        ),
    ]


# --- workbook totals -----------------------------------------------------------------------------


def test_a_workbooks_own_prefecture_row_is_stored_as_published(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    # the sheet's rate 0.3285 (32.85 %, half up 32.9) differs from the sum's 32.795… % (32.8)
    book = write_workbook(
        tmp_path / "own.xlsx", rows=rows_with_totals(prefecture=("テスト県", 792233, 259812, 0.3285))
    )
    import_paths([book], data_dir, reference)
    stored = {p.key: p for p in load_metrics(data_dir).prefectures if p.release_date == WORKBOOK_DAY}
    test_pref, sample_pref = stored["99"], stored["98"]
    assert (test_pref.label, test_pref.population, test_pref.cards, test_pref.rate_percent) == (
        "テスト県",
        792233,
        259812,
        Decimal("32.9"),  # the sheet's, not the sum's 32.8
    )
    # サンプル県 has no row in the sheet: summed from its two municipalities
    assert (sample_pref.population, sample_pref.cards, sample_pref.rate_percent) == (
        53000,
        21500,
        Decimal("40.6"),
    )
    national = [c for c in load_metrics(data_dir).categories if c.release_date == WORKBOOK_DAY]
    assert [(c.key, c.population, c.cards) for c in national] == [("全国", 845233, 281312)]
    # the header says 保有枚数 (not 交付枚数): the sheet's own row and the summed one say so too
    assert (test_pref.figure_kind, sample_pref.figure_kind) == ("保有枚数", "保有枚数")
    municipalities = {
        m.key: m for m in load_metrics(data_dir).municipalities if m.release_date == WORKBOOK_DAY
    }
    assert (municipalities["992011"].prefecture, municipalities["982016"].prefecture) == (
        "テスト県",
        "サンプル県",
    )


def test_a_national_row_that_differs_from_the_municipalities_is_refused(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    book = write_workbook(tmp_path / "national.xlsx", rows=rows_with_totals(national=(845233, 281412)))
    problems = _refused([book], data_dir, reference)
    assert [(p.rule, p.line, p.column, p.key_path, p.message, p.got) for p in problems] == [
        (
            "sum-mismatch",
            NATIONAL_LINE,
            4,
            f"公表用!D{NATIONAL_LINE}",
            "全国の行の枚数が、その下の市区町村 8 行の合計と合いません",
            "281,412（市区町村の合計 281,312、差 +100）",
        )
    ]
    assert problems[0].hint == "元の表の合計行と市区町村の行を確かめてください（行の抜け・重複・入力の誤り）"


def test_a_prefecture_row_that_differs_from_its_municipalities_is_refused(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    rows = rows_with_totals(prefecture=("テスト県", 792232, 259812, 0.328))  # population one short
    problems = _refused([write_workbook(tmp_path / "pref.xlsx", rows=rows)], data_dir, reference)
    line = NATIONAL_LINE + 1
    assert [(p.rule, p.line, p.column, p.message, p.got) for p in problems] == [
        (
            "sum-mismatch",
            line,
            3,
            "テスト県の行の人口が、その下の市区町村 6 行の合計と合いません",
            "792,232（市区町村の合計 792,233、差 -1）",
        )
    ]


# --- rounding ----------------------------------------------------------------------------------


def test_rates_are_rounded_half_up_at_x_x5() -> None:
    assert percent_of(6525, 10000) == Decimal("65.3")  # 65.25: half up, not half even (65.2)
    assert percent_of(6535, 10000) == Decimal("65.4")
    assert percent_of(6524, 10000) == Decimal("65.2")
    assert percent_of(0, 0) == Decimal("0.0")
    assert round_percent(Decimal("0.05")) == Decimal("0.1")
    assert to_percent(Decimal("0.6525"), 6525, 10000, fraction=True, column="率") == Decimal("65.3")
    assert to_percent(Decimal("65.25"), 6525, 10000, fraction=False, column="率") == Decimal("65.3")


def test_a_workbook_without_a_national_row_gets_one_summed_from_the_prefectures(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    book = write_workbook(tmp_path / "no-national.xlsx", rows=rows_with_totals()[1:])  # the 全国 row left out
    import_paths([book], data_dir, reference)
    national = [c for c in load_metrics(data_dir).categories if c.release_date == WORKBOOK_DAY]
    # 281,312 ÷ 845,233 = 33.28…% → 33.3
    assert [(c.key, c.label, c.population, c.cards, c.rate_percent, c.figure_kind) for c in national] == [
        ("全国", "全国", 845233, 281312, Decimal("33.3"), "保有枚数")
    ]


def test_the_row_of_another_date_is_not_even_parsed_into_a_figure(
    tmp_path: Path, reference: Reference
) -> None:
    folder = write_release(tmp_path / "mixed", "2021/06/01")
    _rewrite_csv(
        folder / "all_localgovs.csv",
        '"2021/06/01","テスト県","テスト市"',
        '"2021/06/02","テスト県","テスト市"',
    )
    parsed = parse_file(folder / "all_localgovs.csv", reference)
    assert parsed.release_date == date(2021, 6, 1)
    assert "992011" not in {f.key for f in parsed.municipalities}  # not stored under 2021-06-01
    assert len(parsed.municipalities) == 7
