"""Every problem of the Code for Japan CSV importer as `jirei metrics import` prints it,
written out from the importer's rules (one fake release, 2021-06-01, beside the store's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cfj_factory import snapshot, write_release

from jirei.metrics.importers.importer import import_paths
from jirei.metrics.importers.layout import CFJ_HEADERS, detect_csv_layout
from jirei.problems import JireiError, format_text
from jirei.reference.municipalities import Reference

LAYOUT_HINT = (
    "    hint: Code for Japan の CSV（summary_by_types / all_prefectures / all_localgovs / demographics）"
    "の見出しをそのまま使ってください"
)


def _release(tmp_path: Path) -> Path:
    return write_release(tmp_path / "new", "2021/06/01")


def _write(path: Path, text: str, bom: bool = True) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_bytes().decode("utf-8-sig")
    assert old in text, old
    return _write(path, text.replace(old, new, 1))


def _printed(path: Path, data_dir: Path, reference: Reference) -> list[str]:
    before = snapshot(data_dir)
    with pytest.raises(JireiError) as info:
        import_paths([path], data_dir, reference)
    assert snapshot(data_dir) == before
    return [format_text(p).replace(f"{path.parent}/", "") for p in info.value.problems]


def test_a_file_that_is_not_utf8(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    path = _release(tmp_path) / "all_prefectures.csv"
    path.write_bytes(path.read_bytes()[3:].decode("utf-8").encode("shift_jis"))
    # the first header cell is "算出基準日" in quotes: byte 1 (after the quote) starts 算 in Shift_JIS
    assert _printed(path, data_dir, reference) == [
        "all_prefectures.csv: error [encoding] UTF-8 として読めません (got 1 バイト目)"
    ]


def test_an_empty_file_and_a_header_without_rows(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    path = _write(_release(tmp_path) / "all_prefectures.csv", "")
    assert _printed(path, data_dir, reference) == [
        "all_prefectures.csv:1: error [truncated] ファイルが空です（見出し行がありません）"
    ]
    header = ",".join(f'"{cell}"' for cell in CFJ_HEADERS["cfj-prefectures"]) + "\n"
    _write(path, header)
    assert _printed(path, data_dir, reference) == [
        "all_prefectures.csv:2: error [truncated] データ行がありません"
    ]


def test_an_unknown_header_names_the_closest_layout_and_column(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    path = _edit(_release(tmp_path) / "summary_by_types.csv", '"区分"', '"団体区分"')
    assert _printed(path, data_dir, reference) == [
        "summary_by_types.csv:1:2: error [layout-unknown] 見出しが既知の様式と一致しません（最も近い様式 cfj-summary の"
        " 2 列目は「区分」のはず） (got 団体区分)\n" + LAYOUT_HINT
    ]


def test_header_guesses_for_a_missing_and_an_extra_column() -> None:
    prefectures = CFJ_HEADERS["cfj-prefectures"]
    short = detect_csv_layout(prefectures[:-1])
    assert (short.layout, short.closest, short.column, short.expected, short.got) == (
        None, "cfj-prefectures", 7, "交付枚数算出基準日", "(空)",
    )  # fmt: skip
    extra = detect_csv_layout([*prefectures, "備考"])
    assert (extra.column, extra.expected, extra.got) == (8, "(列なし)", "備考")
    spaced = detect_csv_layout([f" {cell} " for cell in prefectures])
    assert (spaced.layout, spaced.column) == ("cfj-prefectures", 0)


def test_rows_of_the_wrong_length(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    path = _release(tmp_path) / "all_prefectures.csv"
    _edit(path, '"2020/01/01","2021/06/01"\n', '"2020/01/01"\n')  # サンプル県 (line 2): one cell short
    _edit(
        path,
        '"テスト県",792233,259812,32.8,"2020/01/01","2021/06/01"',
        '"テスト県",792233,259812,32.8,"2020/01/01","2021/06/01",x',
    )
    assert _printed(path, data_dir, reference) == [
        'all_prefectures.csv:2:7: error [truncated] この行のセル数が 6 です（見出しは 7 列） (got 2021/06/01,サンプル県,53000,21500,40.6,2020/01/01)\n'
        "    hint: ファイルが途中で切れていないか確認してください",
        'all_prefectures.csv:3:7: error [row-length] この行のセル数が 8 です（見出しは 7 列） (got 2021/06/01,テスト県,792233,259812,32.8,2020/01/01,2021/06/01,x)\n'
        "    hint: ファイルが途中で切れていないか確認してください",
    ]  # fmt: skip


def test_an_unknown_category(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    path = _edit(_release(tmp_path) / "summary_by_types.csv", '"全国"', '"全県"')
    assert _printed(path, data_dir, reference) == [
        "summary_by_types.csv:2:2: error [unknown-category] 区分: 団体区分が既知のものではありません (got 全県)\n"
        "    hint: 既知の区分: 全国、特別区、政令指定都市、指定都市、市（政令指定都市を除く）、市（指定都市を除く）、町村、"
        "特別区・市（指定都市を除く）"
    ]


def test_a_code_that_is_invalid_or_unknown_points_at_the_code_column(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    path = _edit(_release(tmp_path) / "all_localgovs.csv", "992011\n", "992012\n")
    assert _printed(path, data_dir, reference) == [
        "all_localgovs.csv:5:9: error [code-invalid] 団体コード: 団体コードが正しくありません（6 桁・検査数字） (got 992012)"
    ]
    _edit(path, "992012\n", "992038\n")
    assert _printed(path, data_dir, reference) == [
        "all_localgovs.csv:5:9: error [unknown-code] 団体コード: 団体コードが参照表にありません (got 992038)"
    ]


def test_an_age_row_without_its_band(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    path = _edit(_release(tmp_path) / "demographics.csv", '"0～4歳"', '""')
    assert _printed(path, data_dir, reference) == [
        "demographics.csv:3:2: error [not-a-number] 年齢: 年齢の区分が空です (got (空))"
    ]


def test_a_bad_count_is_reported_once_and_its_rate_is_not_judged(
    tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    path = _edit(
        _release(tmp_path) / "all_prefectures.csv",
        '"テスト県",792233,259812,32.8',
        '"テスト県",792233,x,99.9',
    )
    assert _printed(path, data_dir, reference) == [
        "all_prefectures.csv:3:4: error [not-a-number] 交付枚数: 「交付枚数」が数値ではありません (got x)"
    ]


def test_a_cell_the_csv_reader_cannot_read(tmp_path: Path, data_dir: Path, reference: Reference) -> None:
    # Python's csv module refuses a cell over 131,072 characters
    path = _edit(_release(tmp_path) / "all_prefectures.csv", '"テスト県"', '"' + "x" * 200_000 + '"')
    assert _printed(path, data_dir, reference) == [
        "all_prefectures.csv:3: error [cell-unreadable] CSV として読めない行があります"
        " (got field larger than field limit (131072))\n    hint: 公表されたままのファイルを使ってください"
    ]
