"""What `jirei metrics import` is given: folders, files, names in releases.csv, and conflicts with
the store — each problem with its text, and the summary it returns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cfj_factory import snapshot, write_release
from tests.repo import REPO_ROOT

from jirei.metrics.importers.importer import expand, import_paths, source_name
from jirei.metrics.store import load_metrics
from jirei.problems import JireiError, format_text
from jirei.reference.municipalities import Reference


def test_folders_give_their_csv_and_xlsx_files_in_order_and_missing_paths_are_problems(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    for name in ("b.csv", "a.XLSX", "notes.txt", "c.csv"):
        (folder / name).write_text("x", encoding="utf-8")
    (folder / "sub.csv").mkdir()  # a folder named like a file is not a file
    empty = tmp_path / "empty"
    empty.mkdir()
    single = tmp_path / "one.txt"
    single.write_text("x", encoding="utf-8")
    files, problems = expand([folder, empty, single, tmp_path / "none"])
    assert [p.name for p in files] == [
        "a.XLSX",
        "b.csv",
        "c.csv",
        "one.txt",
    ]  # a named file is taken as it is
    assert [format_text(p).replace(f"{tmp_path}/", "") for p in problems] == [
        "empty: error [no-source] 取り込めるファイル（.csv / .xlsx）がありません",
        "none: error [no-source] ファイルまたはフォルダがありません",
    ]


def test_source_names_are_repository_relative_or_folder_and_file(tmp_path: Path) -> None:
    inside = REPO_ROOT / "data" / "raw" / "x" / "all_localgovs.csv"
    assert source_name(inside) == "data/raw/x/all_localgovs.csv"
    assert source_name(tmp_path / "20210601" / "all_localgovs.csv") == "20210601/all_localgovs.csv"


def test_the_summary_of_an_import(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    new = write_release(tmp_path / "20210601", "2021/06/01")
    again = write_release(tmp_path / "20210501", "2021/05/01")  # the store's release, byte for byte
    summary = import_paths([new, again], data_dir, reference)
    assert (summary.files, summary.added, summary.unchanged) == (8, (date(2021, 6, 1),), (date(2021, 5, 1),))
    # 8 municipalities, 2 prefectures, 1 category and 2 age bands × 3 sexes
    assert summary.rows_added == 8 + 2 + 1 + 6
    assert sorted(p.name for p in summary.changed_files) == [
        "ages.csv", "categories.csv", "municipalities.csv", "prefectures.csv", "releases.csv",
    ]  # fmt: skip
    sources = {r.source_file for r in load_metrics(data_dir).releases if r.release_date == date(2021, 6, 1)}
    assert sources == {
        f"20210601/{n}"
        for n in ("all_localgovs.csv", "all_prefectures.csv", "summary_by_types.csv", "demographics.csv")
    }


def test_a_conflicting_release_names_the_table_and_the_first_differing_row(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    folder = write_release(tmp_path / "again", "2021/05/01", scale=1)
    path = folder / "all_prefectures.csv"
    text = (
        path.read_bytes().decode("utf-8-sig").replace('"サンプル県",53000,21500', '"サンプル県",53001,21500')
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    before = snapshot(data_dir)
    with pytest.raises(JireiError) as info:
        import_paths([path], data_dir, reference)
    assert snapshot(data_dir) == before
    assert [format_text(p).replace(f"{folder}/", "") for p in info.value.problems] == [
        "all_prefectures.csv: error [release-conflict] 都道府県別: 2021-05-01 の都道府県別データは取り込み済みで、数値が異なります"
        " (got 1 行が異なる（最初: 98）)\n"
        "    hint: 公表値の訂正なら、data/metrics の該当行を確認してから取り込み直してください"
    ]


def test_the_same_release_from_another_file_is_recorded_once_per_file(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    copy = write_release(tmp_path / "copy", "2021/05/01")
    (copy / "all_localgovs.csv").write_bytes(
        (copy / "all_localgovs.csv").read_bytes() + b"\n"
    )  # other bytes, same rows
    summary = import_paths([copy / "all_localgovs.csv"], data_dir, reference)
    assert (summary.added, summary.unchanged, summary.rows_added) == ((), (date(2021, 5, 1),), 0)
    releases = [r for r in load_metrics(data_dir).releases if r.layout == "cfj-localgovs"]
    assert sorted(r.source_file for r in releases) == [
        "20210501/all_localgovs.csv",
        "copy/all_localgovs.csv",
    ]  # the store came from src/20210501
