"""The pace section as a view: present tense only while the data is current; a projection
made from old data, or towards a target date that has passed, is told as what the trend
implied then (issue 15), never as an instruction for the future."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from jirei.metrics.analysis import TARGET_LABEL, Pace
from jirei.metrics.freshness import DataAge
from jirei.metrics.later.reported import ReportedFigure


@dataclass(frozen=True)
class PaceView:
    subject: str
    pace: Pace | None
    target_label: str = TARGET_LABEL
    past: bool = False  # the figures are stale: tell the projection in the past tense
    target_passed: bool = False  # the target date is before the build date
    full_year: int | None = None  # the year the trend reaches full coverage
    implied_at_target: Decimal | None = None  # the rate the trend implied on the target date
    reported_at_target: ReportedFigure | None = None  # what the press reported for that date


def pace_view(
    subject: str, pace: Pace | None, today: date, reported: Sequence[ReportedFigure] = ()
) -> PaceView:
    """``reported``: the area's press-reported figures; one of the same measure on the target
    date is set beside the rate the trend implied."""
    if pace is None:
        return PaceView(subject, None)
    projection = pace.projection
    past = DataAge(pace.as_of, today).stale
    full_year = None
    if projection.years_to_full is not None and projection.remaining > 0:
        full_year = (pace.as_of + timedelta(days=round(projection.years_to_full * 365))).year
    implied = None
    target_passed = pace.target_date is not None and pace.target_date < today
    if pace.target_date is not None and projection.target_years is not None:
        current = pace.basis.current
        cards = current.cards + projection.per_year * projection.target_years
        rate = (
            min(Decimal(cards) * 100 / Decimal(current.population), Decimal(100))
            if current.population
            else None
        )
        implied = rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if rate is not None else None
    at_target = next(
        (f for f in reported
         if pace.target_date is not None and f.as_of == pace.target_date and f.measure == pace.basis.current.figure_kind),
        None,
    )  # fmt: skip
    return PaceView(subject, pace, past=past, target_passed=target_passed, full_year=full_year,
                    implied_at_target=implied, reported_at_target=at_target if target_passed else None)  # fmt: skip
