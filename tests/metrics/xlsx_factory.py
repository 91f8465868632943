"""Build fake ministry workbooks (sheet 公表用, fractions, no codes) with openpyxl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cfj_factory import LOCALGOVS
from openpyxl import Workbook

HEADER = [
    "都道府県名",
    "市区町村名",
    "人口（R7.1.1時点）",
    "保有枚数（R7.8末時点）",
    "人口に対する保有枚数率",
]
HEADER_ROW = 6  # summary blocks above, as in the real sheet


def default_rows() -> list[list[Any]]:
    rows: list[list[Any]] = []
    total_pop = sum(r[3] for r in LOCALGOVS)
    total_cards = sum(r[4] for r in LOCALGOVS)
    rows.append(["全国", None, total_pop, total_cards, total_cards / total_pop])
    for pref, name, _code, population, cards in LOCALGOVS:
        rows.append([pref, name, population, cards, cards / population])
    return rows


def write_workbook(
    path: Path,
    *,
    header: list[str] | None = None,
    rows: list[list[Any]] | None = None,
    sheet: str = "公表用",
    header_row: int = HEADER_ROW,
) -> Path:
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    ws.cell(row=1, column=1, value="マイナンバーカード保有状況（テスト）")
    ws.cell(row=3, column=1, value="区分")
    ws.cell(row=3, column=2, value="保有枚数")
    ws.cell(row=4, column=1, value="全国")
    ws.cell(row=4, column=2, value=1)
    for col, text in enumerate(header or HEADER, start=1):
        ws.cell(row=header_row, column=col, value=text)
    for offset, row in enumerate(rows if rows is not None else default_rows(), start=1):
        for col, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=header_row + offset, column=col, value=value)
    workbook.save(path)
    return path


def rows_with_totals(
    national: tuple[int, int] | None = None, prefecture: tuple[str, int, int, float] | None = None
) -> list[list[Any]]:
    """The default rows with a 全国 row of the given (population, cards) (default: the sums) and,
    when given, one prefecture row (name, population, cards, rate as a fraction) after it."""
    rows = default_rows()
    if national is not None:
        population, cards = national
        rows[0] = ["全国", None, population, cards, cards / population]
    if prefecture is not None:
        name, population, cards, rate = prefecture
        rows.insert(1, [name, None, population, cards, rate])
    return rows
