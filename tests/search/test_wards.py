"""data/search/wards.csv comes from the code list's sheet of designated cities."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from jirei.problems import JireiError
from jirei.search.wards import SHEET, ward_rows, wards_csv
from tests.repo import DATA_DIR, WARDS_PATH


def sheet(tmp_path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    book.active.title = "R1.5.1現在の団体"
    ws = book.create_sheet(SHEET)
    for row in rows:
        ws.append(row)
    path = tmp_path / "codes.xlsx"
    book.save(path)
    return path


def test_each_ward_gets_the_city_above_it_and_numeric_codes_keep_their_zeros(tmp_path: Path) -> None:
    path = sheet(
        tmp_path,
        [
            ["991002", "テスト市", "てすとし"],
            [991011.0, "テスト市北区", "てすとしきたく"],
            ["091006", "ベンチ市", "べんちし"],
        ],
    )
    assert ward_rows(path) == [("991011", "991002", "テスト市北区", "てすとしきたく")]


def test_a_ward_without_its_city_is_an_error(tmp_path: Path) -> None:
    path = sheet(tmp_path, [["991002", "テスト市", "てすとし"], ["981011", "ベンチ市北区", "べんちしきたく"]])
    with pytest.raises(JireiError, match="ベンチ市北区"):
        ward_rows(path)


def test_the_committed_file_is_what_the_script_makes_from_the_code_list() -> None:
    source = DATA_DIR / "raw" / "soumu-code-list" / "city_code_R1.5.1.xls"
    assert WARDS_PATH.read_text(encoding="utf-8") == wards_csv(source)
