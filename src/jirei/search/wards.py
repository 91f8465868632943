"""data/search/wards.csv from the 総務省 code list: the wards of the designated cities.

The code list in data/raw/soumu-code-list/ has a second sheet, 「H30.10.1政令指定都市」
(code, name with the city, hiragana reading; 20 cities and 175 wards). A ward's city is the
city row above it whose name starts the ward's name. Usage: scripts/build_wards.py.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from jirei.problems import JireiError, Problem
from jirei.search.dictionary import WARD_COLUMNS

SHEET = "H30.10.1政令指定都市"


def _code(value: object) -> str:
    """Six-digit code text; a few cells of the sheet are numbers (431036.0)."""
    if isinstance(value, float):
        value = int(value)
    return str(value).strip().zfill(6)


def ward_rows(source: Path) -> list[tuple[str, str, str, str]]:
    """(ward code, city code, ward name, reading) for every ward of the sheet, in sheet order."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(source)).get_sheet_by_name(SHEET).to_python()
    wards, city = [], None
    for row in rows:
        code, name, reading = _code(row[0]), str(row[1]).strip(), str(row[2]).strip()
        if not name.endswith("区"):
            city = (code, name)
            continue
        if city is None or not name.startswith(city[1]):
            raise JireiError(
                [Problem(str(source), "ward-city", f"区「{name}」（{code}）の市が直前の行にありません")]
            )
        wards.append((code, city[0], name, reading))
    return wards


def wards_csv(source: Path) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(WARD_COLUMNS)
    writer.writerows(ward_rows(source))
    return out.getvalue()
