"""Files for download that are meant for Excel, and each municipality's own series.

Excel on an office PC reads a UTF-8 CSV without a byte order mark as Shift_JIS and shows
文字化け, so every CSV the site publishes starts with a BOM: the metrics tables are copied
from ``data/metrics/`` with one added (the committed files stay BOM-less, for diffs and
tools), and each municipality page links a small CSV (with a BOM) and JSON of its own
series at ``data/municipalities/<code>.csv`` / ``.json``: the rows of ``municipalities.csv``
with its code, about 4.5 KB of CSV and 4 KB of JSON for each of the 1,741 municipalities.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from jirei.metrics.store import AreaFigure

BOM = codecs.BOM_UTF8
MUNICIPALITY_CSV = "data/municipalities/{code}.csv"
MUNICIPALITY_JSON = "data/municipalities/{code}.json"
# The columns of data/metrics/municipalities.csv, in its order (tests compare the rows).
COLUMNS = ("release_date", "code", "prefecture", "name", "population", "population_base_date",
           "cards", "cards_base_date", "figure_kind", "rate_percent")  # fmt: skip
JSON_ONCE = ("code", "prefecture")  # given once at the top of the JSON
SOURCE = "総務省「マイナンバーカード交付状況」（jirei 自治体DX事例集が団体コードで整理）"


def for_excel(data: bytes) -> bytes:
    """``data`` (UTF-8) with a byte order mark, unless it has one already."""
    return data if data.startswith(BOM) else BOM + data


def metrics_downloads(metrics_dir: Path) -> dict[str, bytes]:
    """The published copies of ``data/metrics/*.csv``: {docs/ path: bytes with a BOM}."""
    return {
        f"data/metrics/{path.name}": for_excel(path.read_bytes())
        for path in sorted(metrics_dir.glob("*.csv"))
    }


def _row(figure: AreaFigure) -> list[str]:
    return [figure.release_date.isoformat(), figure.key, figure.prefecture, figure.label,
            str(figure.population), figure.population_base_date.isoformat(), str(figure.cards),
            figure.cards_base_date.isoformat(), figure.figure_kind, str(figure.rate_percent)]  # fmt: skip


def municipality_downloads(code: str, series: Sequence[AreaFigure]) -> dict[str, str]:
    """One municipality's series as CSV (with a BOM, LF line ends like the national file) and
    compact JSON (column names once, then one array per release); nothing without a series."""
    if not series:
        return {}
    rows = [_row(figure) for figure in series]
    # JSON: the code and prefecture once at the top, not on every row; numbers as numbers
    typed = [[row[0], row[3], figure.population, row[5], figure.cards, row[7], row[8], float(figure.rate_percent)]
             for row, figure in zip(rows, series, strict=True)]  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    latest = series[-1]
    document = {
        "code": code,
        "prefecture": latest.prefecture,
        "name": latest.label,
        "source": SOURCE,
        "columns": [column for column in COLUMNS if column not in JSON_ONCE],
        "rows": typed,
    }
    return {
        MUNICIPALITY_CSV.format(code=code): BOM.decode("utf-8") + buffer.getvalue(),
        MUNICIPALITY_JSON.format(code=code): json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        + "\n",
    }
