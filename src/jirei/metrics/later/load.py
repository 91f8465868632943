"""Load every figure newer than the official series, for the pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jirei.metrics.later.national import NationalMonthly, load_national_monthly
from jirei.metrics.later.reported import ReportedFigure, load_reported
from jirei.reference.municipalities import Reference


@dataclass(frozen=True)
class LaterFigures:
    """Everything newer than the official per-municipality series, loaded once per build."""

    national: tuple[NationalMonthly, ...] = ()
    reported: tuple[ReportedFigure, ...] = ()

    def reported_for(self, area: str) -> list[ReportedFigure]:
        return [f for f in self.reported if f.area == area]


def load_later(metrics_dir: Path, reported_path: Path, reference: Reference) -> LaterFigures:
    """The Digital Agency's national months (data/metrics/national-monthly.csv) and the
    press-reported figures (data/reported-figures.yml, checked; JireiError on a problem)."""
    return LaterFigures(load_national_monthly(metrics_dir), load_reported(reported_path, reference))
