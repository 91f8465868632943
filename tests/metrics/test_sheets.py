"""Finding the ministry workbook's data sheet by its header (jirei.metrics.importers.sheets)
when the sheet is not called 公表用: where the header may sit, and what counts as the header."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from jirei.metrics.importers.sheets import find_data_sheet


def _book(tmp_path: Path, cells: dict[str, str]) -> CalamineWorkbook:
    """A workbook with an empty first sheet and a sheet データ holding only ``cells``."""
    book = Workbook()
    assert book.active is not None
    book.active.title = "表紙"
    sheet = book.create_sheet("データ")
    for where, value in cells.items():
        sheet[where] = value
    path = tmp_path / "book.xlsx"
    book.save(path)
    return CalamineWorkbook.from_path(str(path))


def test_a_header_of_only_the_two_names_is_found(tmp_path: Path) -> None:
    # the sheet has nothing else: the row is exactly {都道府県名, 市区町村名}, no empty cells
    assert find_data_sheet(_book(tmp_path, {"A1": "都道府県名", "B1": "市区町村名"})) == "データ"


def test_the_header_is_found_on_row_300_counted_from_the_top_of_the_sheet(tmp_path: Path) -> None:
    assert find_data_sheet(_book(tmp_path, {"A300": "都道府県名", "B300": "市区町村名"})) == "データ"


def test_a_header_below_row_300_is_not_looked_for_even_under_empty_rows(tmp_path: Path) -> None:
    # rows 1-300 are empty: the 300 rows scanned are the sheet's first 300, not the first 300 used
    assert find_data_sheet(_book(tmp_path, {"A301": "都道府県名", "B301": "市区町村名"})) is None


def test_a_sheet_with_only_one_of_the_names_is_not_the_data_sheet(tmp_path: Path) -> None:
    assert find_data_sheet(_book(tmp_path, {"A1": "都道府県名", "B1": "市町村"})) is None
