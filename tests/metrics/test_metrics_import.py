from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cfj_factory import LOCALGOVS, REFERENCE_DIR, snapshot, write_release
from xlsx_factory import HEADER, default_rows, write_workbook

from jirei.cli import main
from jirei.metrics.importers.importer import import_paths
from jirei.metrics.store import load_metrics
from jirei.problems import JireiError, Problem
from jirei.reference.municipalities import Reference


def import_error(paths: list[Path], data_dir: Path, reference: Reference) -> list[Problem]:
    before = snapshot(data_dir)
    with pytest.raises(JireiError) as info:
        import_paths(paths, data_dir, reference)
    assert snapshot(data_dir) == before  # nothing written
    return info.value.problems


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    assert old in text
    path.write_bytes(b"\xef\xbb\xbf" + text.replace(old, new, 1).encode("utf-8"))


# --- good input ----------------------------------------------------------------


def test_import_fake_release(data_dir: Path) -> None:
    data = load_metrics(data_dir)
    assert data.release_dates() == [date(2021, 5, 1)]
    assert len(data.municipalities) == 8
    assert {r.layout for r in data.releases} == {
        "cfj-localgovs",
        "cfj-prefectures",
        "cfj-summary",
        "cfj-demographics",
    }
    test_city = data.official_rate("992011", date(2021, 5, 1))
    assert test_city is not None
    assert (test_city.population, test_city.cards, test_city.rate_percent) == (66350, 43216, Decimal("65.1"))
    assert test_city.figure_kind == "交付枚数"
    assert test_city.population_base_date == date(2020, 1, 1)
    # <NA> code matched by name through the island prefix; 郡 and 檮 handled
    assert data.official_rate("993816", date(2021, 5, 1)) is not None
    assert data.official_rate("993611", date(2021, 5, 1)) is not None
    assert data.official_rate("983012", date(2021, 5, 1)) is not None
    assert data.official_rate("992020", date(2021, 5, 1)).rate_percent == Decimal("20.3")  # type: ignore[union-attr]
    assert [p.key for p in data.prefectures] == ["98", "99"]
    assert [(a.age_band, a.sex) for a in data.ages][:3] == [("全体", "男"), ("全体", "女"), ("全体", "計")]
    text = (data_dir / "municipalities.csv").read_bytes()
    assert not text.startswith(b"\xef\xbb\xbf") and b"\r" not in text


def test_import_twice_is_byte_identical(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    before = snapshot(data_dir)
    summary = import_paths([tmp_path / "src" / "20210501"], data_dir, reference)
    assert summary.added == () and summary.unchanged == (date(2021, 5, 1),)
    assert summary.changed_files == ()
    assert snapshot(data_dir) == before


def test_append_new_release(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "src" / "latest", release="2021/06/01", scale=1)
    rewrite(folder / "all_localgovs.csv", '"テスト市",66350,43216,65.1', '"テスト市",66350,43300,65.3')
    # 84 more cards in テスト県 and in 全国, so the totals still add up (both rates stay 32.8 / 33.3)
    rewrite(folder / "all_prefectures.csv", '"テスト県",792233,259812,', '"テスト県",792233,259896,')
    rewrite(folder / "summary_by_types.csv", '"全国",845233,281312,', '"全国",845233,281396,')
    summary = import_paths([folder], data_dir, reference)
    assert summary.added == (date(2021, 6, 1),)
    data = load_metrics(data_dir)
    assert data.release_dates() == [date(2021, 5, 1), date(2021, 6, 1)]
    assert [f.cards for f in data.municipality_series("992011")] == [43216, 43300]
    assert len(data.releases) == 8


def test_single_csv_and_folder_name_ignored(tmp_path: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "20990101", release="2021/05/01")  # folder name is not the date
    target = tmp_path / "out"
    import_paths([folder / "all_prefectures.csv"], target, reference)
    data = load_metrics(target)
    assert data.release_dates() == [date(2021, 5, 1)]
    assert data.municipalities == () and len(data.prefectures) == 2


def test_xlsx_import(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    book = write_workbook(tmp_path / "001028752.xlsx")
    summary = import_paths([book], data_dir, reference)
    assert summary.added == (date(2025, 8, 31),)
    data = load_metrics(data_dir)
    figure = data.official_rate("992011", date(2025, 8, 31))
    assert figure is not None
    assert figure.figure_kind == "保有枚数"
    assert figure.rate_percent == Decimal("65.1")
    assert figure.population_base_date == date(2025, 1, 1)
    assert data.official_rate("993816", date(2025, 8, 31)) is not None  # テスト島　テスト村 by name
    nat = [c for c in data.categories if c.release_date == date(2025, 8, 31)]
    assert [(c.key, c.cards) for c in nat] == [("全国", sum(r[4] for r in LOCALGOVS))]
    prefs = data.prefectures
    assert {p.key for p in prefs if p.release_date == date(2025, 8, 31)} == {"98", "99"}
    assert [r.layout for r in data.releases if r.release_date == date(2025, 8, 31)] == ["soumu-xlsx"]
    before = snapshot(data_dir)
    import_paths([book], data_dir, reference)
    assert snapshot(data_dir) == before


def test_xlsx_header_can_move(tmp_path: Path, reference: Reference) -> None:
    book = write_workbook(tmp_path / "moved.xlsx", header_row=20)
    import_paths([book], tmp_path / "out", reference)
    assert load_metrics(tmp_path / "out").release_dates() == [date(2025, 8, 31)]


# --- bad input: CfJ CSV ---------------------------------------------------------


def test_truncated_row(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    path = folder / "all_localgovs.csv"
    text = path.read_bytes()
    path.write_bytes(text[: text.index(b'"2020/01/01","2021/06/01",994014')])
    [problem] = import_error([path], data_dir, reference)
    assert (problem.rule, problem.path, problem.line) == ("truncated", str(path), 9)


def test_renamed_header(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    rewrite(folder / "all_prefectures.csv", '"交付枚数"', '"交付数"')
    [problem] = import_error([folder], data_dir, reference)
    assert (problem.rule, problem.line, problem.column, problem.got) == ("layout-unknown", 1, 4, "交付数")
    assert "交付枚数" in problem.message


def test_moved_header_column(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    rewrite(folder / "summary_by_types.csv", '"区分","人口"', '"人口","区分"')
    [problem] = import_error([folder / "summary_by_types.csv"], data_dir, reference)
    assert (problem.rule, problem.column) == ("layout-unknown", 2)


def test_not_a_number(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    rewrite(folder / "all_localgovs.csv", "66350,43216", "66350,abc")
    [problem] = import_error([folder], data_dir, reference)
    assert (problem.rule, problem.line, problem.column, problem.key_path) == (
        "not-a-number",
        5,
        5,
        "交付枚数",
    )


def test_full_width_digits(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    rewrite(folder / "all_localgovs.csv", "66350,43216", '"６６３５０",43216')
    [problem] = import_error([folder], data_dir, reference)
    assert (problem.rule, problem.line, problem.column) == ("full-width-digits", 5, 4)
    assert problem.hint is not None and "半角" in problem.hint


def test_rate_as_fraction(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    rewrite(folder / "all_localgovs.csv", "43216,65.1", "43216,0.651")
    [problem] = import_error([folder], data_dir, reference)
    assert (problem.rule, problem.line, problem.column) == ("rate-scale", 5, 6)


def test_release_date_unreadable(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    rewrite(folder / "summary_by_types.csv", '"2021/06/01","全国"', '"2021年6月ごろ","全国"')
    [problem] = import_error([folder / "summary_by_types.csv"], data_dir, reference)
    assert (problem.rule, problem.line, problem.column) == ("release-date", 2, 1)


def test_unknown_municipality_suggests(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    rewrite(folder / "all_localgovs.csv", '"テスト島　テスト村"', '"テスト島　テスタ村"')
    [problem] = import_error([folder], data_dir, reference)
    assert (problem.rule, problem.line, problem.column) == ("unknown-municipality", 8, 3)
    assert problem.hint is not None and "テスト県テスト村" in problem.hint


def test_code_name_mismatch(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "bad", release="2021/06/01")
    rewrite(folder / "all_localgovs.csv", "992011\n", "992020\n")
    problems = import_error([folder], data_dir, reference)
    assert [(p.rule, p.line, p.column) for p in problems] == [("code-name-mismatch", 5, 3)]
    assert "試験市" in problems[0].message


def test_release_conflict(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    folder = write_release(tmp_path / "again", release="2021/05/01")
    rewrite(folder / "all_localgovs.csv", "66350,43216,65.1", "66350,43217,65.1")
    [problem] = import_error([folder], data_dir, reference)
    assert problem.rule == "release-conflict"
    assert problem.path == str(folder / "all_localgovs.csv")
    assert "992011" in (problem.got or "")


def test_all_problems_of_all_files_reported(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    one = write_release(tmp_path / "one", release="2021/06/01")
    two = write_release(tmp_path / "two", release="2021/07/01")
    rewrite(one / "all_localgovs.csv", "66350,43216", "66350,x")
    rewrite(two / "all_prefectures.csv", '"テスト県"', '"テスト懸"')
    problems = import_error([one, two], data_dir, reference)
    assert sorted(p.rule for p in problems) == ["not-a-number", "unknown-prefecture"]
    assert load_metrics(data_dir).release_dates() == [date(2021, 5, 1)]


# --- bad input: ministry xlsx -------------------------------------------------------


def test_xlsx_unopenable(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    book = write_workbook(tmp_path / "cut.xlsx")
    book.write_bytes(book.read_bytes()[:2000])
    [problem] = import_error([book], data_dir, reference)
    assert (problem.rule, problem.path) == ("truncated", str(book))


def test_xlsx_renamed_sheet_found_by_header(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    book = write_workbook(tmp_path / "renamed.xlsx", sheet="公表用（R7.8末）")
    import_paths([book], data_dir, reference)
    assert date(2025, 8, 31) in load_metrics(data_dir).release_dates()


def test_xlsx_sheet_missing(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    header = ["県名", "団体名", *HEADER[2:]]  # no sheet has the 都道府県名・市区町村名 header
    book = write_workbook(tmp_path / "renamed.xlsx", sheet="Sheet1", header=header)
    [problem] = import_error([book], data_dir, reference)
    assert (problem.rule, problem.got) == ("sheet-missing", "Sheet1")


def test_xlsx_header_renamed(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    header = [*HEADER]
    header[3] = "カード枚数"
    book = write_workbook(tmp_path / "h.xlsx", header=header)
    [problem] = import_error([book], data_dir, reference)
    assert (problem.rule, problem.key_path, problem.line, problem.column) == (
        "layout-unknown",
        "公表用!D6",
        6,
        4,
    )
    assert problem.got == "カード枚数" and "保有枚数" in problem.message


def test_xlsx_bad_cells(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    rows = default_rows()
    rows[4][3] = "1,62O"  # letter O: not a number (試験市, sheet row 11)
    rows[2][2] = "７００００"  # full-width (サンプル見本村, row 9)
    rows[1][4] = 40.0  # percent in a fraction column (サンプル市 20000/50000, row 8)
    book = write_workbook(tmp_path / "cells.xlsx", rows=rows)
    problems = import_error([book], data_dir, reference)
    assert [(p.rule, p.key_path, p.line, p.column) for p in problems] == [
        ("rate-scale", "公表用!E8", 8, 5),
        ("full-width-digits", "公表用!C9", 9, 3),
        ("not-a-number", "公表用!D11", 11, 4),
    ]


def test_xlsx_truncated_row(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    rows = default_rows()
    rows[-1] = rows[-1][:3]
    book = write_workbook(tmp_path / "t.xlsx", rows=rows)
    [problem] = import_error([book], data_dir, reference)
    assert (problem.rule, problem.key_path) == ("truncated", "公表用!D15")


def test_xlsx_release_date(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    header = [*HEADER]
    header[3] = "保有枚数（最新時点）"
    book = write_workbook(tmp_path / "d.xlsx", header=header)
    [problem] = import_error([book], data_dir, reference)
    assert (problem.rule, problem.key_path) == ("release-date", "公表用!D6")


def test_xlsx_unknown_municipality(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    rows = default_rows()
    rows[4][1] = "試練市"
    book = write_workbook(tmp_path / "u.xlsx", rows=rows)
    [problem] = import_error([book], data_dir, reference)
    assert (problem.rule, problem.key_path) == ("unknown-municipality", "公表用!B11")
    assert problem.hint is not None and "テスト県試験市" in problem.hint


# --- CLI -------------------------------------------------------------------------


def test_cli_import_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_release(tmp_path / "src", release="2021/05/01")
    args = ["--data-dir", str(tmp_path / "m"), "--reference-dir", str(REFERENCE_DIR)]
    assert main(["metrics", "import", str(folder), *args]) == 0
    out = capsys.readouterr().out
    assert "追加した公表日: 1 件（2021-05-01）" in out
    assert main(["metrics", "import", str(folder), *args]) == 0
    assert "変更なしの公表日: 1 件" in capsys.readouterr().out
    assert main(["metrics", "check", "--data-dir", str(tmp_path / "m")]) == 0
    assert "不一致はありません" in capsys.readouterr().out


def test_cli_import_error_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_release(tmp_path / "src", release="2021/05/01")
    rewrite(folder / "all_localgovs.csv", "66350,43216", "66350,x")
    args = ["--data-dir", str(tmp_path / "m"), "--reference-dir", str(REFERENCE_DIR)]
    assert main(["metrics", "import", str(folder), *args]) == 1
    err = capsys.readouterr().err
    assert "all_localgovs.csv:5:5: error [not-a-number] 交付枚数:" in err
    assert not (tmp_path / "m").exists() or not any((tmp_path / "m").iterdir())


def test_a_refused_second_file_leaves_the_store_as_it_was(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    """A good new release given with a bad one: neither is written (all or nothing)."""
    good = write_release(tmp_path / "good", "2021/06/01")
    bad = write_release(tmp_path / "bad", "2021/07/01")
    rewrite(bad / "all_localgovs.csv", "43216", "4321x")
    problems = import_error([good, bad], data_dir, reference)
    assert [(Path(p.path).parent.name, p.rule, p.line) for p in problems] == [("bad", "not-a-number", 5)]
    assert load_metrics(data_dir).release_dates() == [date(2021, 5, 1)]
