"""Why a case's quoted card rate and the official series differ in time (issue 15, item 6).

Either the official series is newer than every rate the case quotes (the case quoted an
earlier release), or the case quotes a rate newer than the official series (the ministry's
per-municipality tables in this site end earlier). The case page says which, with the
official figure's date and age; the chart shows the case's own figures as markers, never
joined to the official line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jirei.cases.dates import parse_partial_date
from jirei.cases.model import Case
from jirei.metrics.freshness import DataAge
from jirei.metrics.measures import CARD_RATE_METRICS, DEFINITION_CHANGE
from jirei.metrics.store import AreaFigure, MetricsData


@dataclass(frozen=True)
class OfficialGap:
    official: AreaFigure  # the newest official figure of the case's municipality
    age: DataAge
    case_newer: bool  # True: the case quotes a rate newer than the official series
    quoted_as_of: date  # the newest quoted rate's date
    quoted_label: str
    quoted_value: float

    @property
    def across_definition_change(self) -> bool:
        """The quoted rate is from after the ministry moved to 保有枚数, the official one from before."""
        return self.official.release_date < DEFINITION_CHANGE <= self.quoted_as_of


def official_gap(case: Case, metrics: MetricsData | None, today: date) -> OfficialGap | None:
    """The gap between the newest rate the case quotes and the newest official figure
    (None when there is no official series, no quoted rate, or both are of the same date)."""
    series = metrics.municipality_series(case.municipality.code) if metrics else []
    quoted = [
        (parsed, outcome.display_label, float(outcome.value))
        for outcome in case.outcomes
        if outcome.metric in CARD_RATE_METRICS and (parsed := parse_partial_date(outcome.as_of))
    ]
    if not series or not quoted:
        return None
    official = series[-1]
    newest_as_of, label, value = max(quoted, key=lambda q: q[0])
    if newest_as_of == official.release_date:
        return None
    return OfficialGap(
        official=official,
        age=DataAge(official.release_date, today),
        case_newer=newest_as_of > official.release_date,
        quoted_as_of=newest_as_of,
        quoted_label=label,
        quoted_value=value,
    )
