"""The Digital Agency's national monthly counts (data/metrics/national-monthly.csv).

One row per month end: the count (保有枚数), the rate and where the rate comes from —
``公表値`` (the dashboard's own published rate) or ``計算値`` (computed by jirei on the
population named in ``rate_base``). Same byte-stable CSV conventions as jirei.metrics.store.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from jirei.metrics.measures import MEASURES

NATIONAL_MONTHLY_FILE = "national-monthly.csv"
NATIONAL_MONTHLY_COLUMNS = (
    "as_of", "measure", "cards", "rate_percent", "rate_kind", "rate_base", "source", "source_file",
)  # fmt: skip
PUBLISHED_RATE = "公表値"
COMPUTED_RATE = "計算値"
RATE_KINDS = (PUBLISHED_RATE, COMPUTED_RATE)
DIGITAL_AGENCY = "デジタル庁「マイナンバーカード普及状況ダッシュボード」"
DIGITAL_AGENCY_URL = "https://www.digital.go.jp/resources/govdashboard/mynumber_penetration_rate"
DASHBOARD_BASE = "デジタル庁ダッシュボードの基準人口"


@dataclass(frozen=True)
class NationalMonthly:
    as_of: date  # the month's last day
    measure: str  # 保有枚数
    cards: int
    rate_percent: Decimal
    rate_kind: str  # 公表値 / 計算値
    rate_base: str  # the population the rate is taken on, in words
    source: str
    source_file: str  # repo-relative raw file (data/raw/…) or the downloaded file's name

    def __post_init__(self) -> None:
        if self.measure not in MEASURES:
            raise ValueError(f"unknown measure {self.measure!r}")
        if self.rate_kind not in RATE_KINDS:
            raise ValueError(f"unknown rate kind {self.rate_kind!r}")

    @property
    def computed(self) -> bool:
        return self.rate_kind == COMPUTED_RATE


def load_national_monthly(directory: Path) -> tuple[NationalMonthly, ...]:
    """Rows oldest first (an absent file reads as none)."""
    path = Path(directory) / NATIONAL_MONTHLY_FILE
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return ()
        if tuple(header) != NATIONAL_MONTHLY_COLUMNS:
            raise ValueError(f"{path}: 列が想定と異なります: {','.join(header)}")
        rows = [
            NationalMonthly(date.fromisoformat(r[0]), r[1], int(r[2]), Decimal(r[3]), r[4], r[5], r[6], r[7])
            for r in reader
        ]
    return tuple(sorted(rows, key=lambda r: r.as_of))


def serialize_national_monthly(rows: Iterable[NationalMonthly]) -> bytes:
    lines = [",".join(NATIONAL_MONTHLY_COLUMNS)]
    for row in sorted(rows, key=lambda r: r.as_of):
        cells = [
            row.as_of.isoformat(), row.measure, str(row.cards), str(row.rate_percent), row.rate_kind,
            row.rate_base, row.source, row.source_file,
        ]  # fmt: skip
        lines.append(",".join(_quote(cell) for cell in cells))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _quote(cell: str) -> str:
    if any(ch in cell for ch in ',"\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell
