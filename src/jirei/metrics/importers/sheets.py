"""Find the ministry workbook's data sheet by its header, so a renamed sheet still imports."""

from __future__ import annotations

import unicodedata

from python_calamine import CalamineWorkbook

PREFERRED_SHEET = "公表用"
HEADER_CELLS = frozenset({"都道府県名", "市区町村名"})
SCAN_ROWS = 300  # the header sits below the summary blocks (row 118 in R7.8末)


def _cell(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).replace("\n", "").strip() if value is not None else ""


def find_data_sheet(workbook: CalamineWorkbook) -> str | None:
    """``公表用`` when present; otherwise the first sheet with a 都道府県名・市区町村名 header row."""
    names = list(workbook.sheet_names)
    if PREFERRED_SHEET in names:
        return PREFERRED_SHEET
    for name in names:
        try:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception:  # an unreadable sheet is simply not the data sheet
            continue
        if any({_cell(c) for c in row} >= HEADER_CELLS for row in rows[:SCAN_ROWS]):
            return name
    return None
