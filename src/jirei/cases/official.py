"""A case's 交付枚数率 beside the official series (総務省's releases in data/metrics).

A rate quoted within ±3 days of a release is the figure of that release (a city reporting
「7月末」 quotes what the 8月1日 release says), so the two must agree to 0.1 point, unless
the case says it divided by another population (``population_base``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from jirei.cases.dates import parse_partial_date
from jirei.cases.quote_match import as_decimal
from jirei.cases.rule_base import get, items
from jirei.cases.yaml_values import KeyPath
from jirei.metrics.store import AreaFigure, MetricsData

OFFICIAL_METRIC = "交付枚数率"
RELEASE_WINDOW = timedelta(days=3)
RATE_TOLERANCE = Decimal("0.1")  # published rates have one decimal


@dataclass(frozen=True)
class OfficialComparison:
    path: KeyPath  # the outcome's value
    as_of: date
    case_value: Decimal
    release_date: date
    official_value: Decimal
    figure_kind: str
    population_base: str | None

    @property
    def difference(self) -> Decimal:
        return self.case_value - self.official_value

    @property
    def agrees(self) -> bool:
        return abs(self.difference) <= RATE_TOLERANCE

    @property
    def mismatch(self) -> bool:
        """Differs from the official figure without saying which other population it used."""
        return not self.agrees and self.population_base is None


def nearest_release(metrics: MetricsData, code: str, on: date) -> AreaFigure | None:
    """The official figure released closest to ``on``, if one was released within ±3 days."""
    near = [f for f in metrics.municipality_series(code) if abs(f.release_date - on) <= RELEASE_WINDOW]
    return min(near, key=lambda f: (abs(f.release_date - on), f.release_date), default=None)


def official_comparisons(data: Any, metrics: MetricsData | None) -> Iterator[OfficialComparison]:
    """Every 交付枚数率 of the case with an official release within ±3 days of its date."""
    code = get(data, "municipality", "code")
    if metrics is None or not isinstance(code, str):
        return
    for index, outcome in items(data, "outcomes"):
        as_of, value = get(outcome, "as_of"), as_decimal(get(outcome, "value"))
        if get(outcome, "metric") != OFFICIAL_METRIC or not isinstance(as_of, str) or len(as_of) != 10:
            continue
        on = parse_partial_date(as_of)
        official = nearest_release(metrics, code, on) if on else None
        if on is None or official is None or value is None:
            continue
        base = get(outcome, "population_base")
        yield OfficialComparison(
            ("outcomes", index, "value"), on, value, official.release_date, official.rate_percent,
            official.figure_kind, base if isinstance(base, str) else None,
        )  # fmt: skip
