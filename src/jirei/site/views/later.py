"""Figures newer than the ministry's per-municipality tables, as page views: the Digital
Agency's national monthly counts (a series of its own) and the press-reported figures
(markers), each labelled with its measure, its rate's base and its source — drawn beside
the official series, never joined to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from jirei.metrics.later.load import LaterFigures as LaterFigures  # re-exported for the pages
from jirei.metrics.later.national import DIGITAL_AGENCY, DIGITAL_AGENCY_URL, NationalMonthly
from jirei.metrics.later.reported import ReportedFigure
from jirei.metrics.measures import DEFINITION_CHANGE, DEFINITION_CHANGE_LABEL, HELD, rate_label
from jirei.metrics.store import AreaFigure
from jirei.site.rendering.jinja import japanese_date, pct
from jirei.site.views.charts import Band, Marker, Series, line_chart


@dataclass(frozen=True)
class ReportedRow:
    as_of: str
    area: str
    measure: str
    rate: str
    cards: str
    source_title: str
    source_url: str
    quote: str


@dataclass(frozen=True)
class NationalRow:
    as_of: str
    cards: str
    rate: str
    rate_kind: str
    rate_base: str


@dataclass(frozen=True)
class LaterView:
    chart: str
    reported: tuple[ReportedRow, ...]
    national: tuple[NationalRow, ...]
    national_source: str = DIGITAL_AGENCY
    national_url: str = DIGITAL_AGENCY_URL


def _official_label(figures: Sequence[AreaFigure], name: str) -> str:
    kinds = sorted({f.figure_kind for f in figures})
    return f"{name}（総務省の公表値、{'・'.join(rate_label(k) for k in kinds)}）"


def reported_markers(figures: Sequence[ReportedFigure]) -> list[Marker]:
    return [
        Marker(f.as_of, float(f.rate_percent),
               f"報道による値: {f.area_label} {rate_label(f.measure)} {pct(f.rate_percent)}"
               f"（{japanese_date(f.as_of)}、{f.source_title}）",
               kind="reported" if f.measure == HELD else "reported-issued")
        for f in figures
    ]  # fmt: skip


def _national_lines(national: Sequence[NationalMonthly]) -> list[Series]:
    lines = []
    for computed, label in ((False, "公表値"), (True, "計算値")):
        points = tuple((n.as_of, float(n.rate_percent)) for n in national if n.computed == computed)
        if points:
            lines.append(
                Series(
                    f"全国（デジタル庁、保有枚数率・{label}）", points, "accent1" if computed else "accent2"
                )
            )
    return lines


def reported_rows(figures: Sequence[ReportedFigure]) -> tuple[ReportedRow, ...]:
    return tuple(
        ReportedRow(japanese_date(f.as_of), f.area_label, f.measure, pct(f.rate_percent),
                    f"{f.cards:,}" if f.cards is not None else "—", f.source_title, f.source_url, f.quote)
        for f in sorted(figures, key=lambda f: (f.as_of, f.area, f.measure), reverse=True)
    )  # fmt: skip


def later_view(
    name: str,
    chart_id: str,
    official: Sequence[AreaFigure],
    reported: Sequence[ReportedFigure],
    national: Sequence[NationalMonthly] = (),
    national_official: Sequence[AreaFigure] = (),
) -> LaterView | None:
    """The chart and tables of the figures after the official series, or None when there are none.

    ``official`` is the area's own official series (drawn from 2021 on, for context);
    ``national_official`` the national one when the area is a prefecture.
    """
    if not reported and not national:
        return None
    start = date(2021, 1, 1)
    lines = [Series(_official_label(official, name), tuple((f.release_date, float(f.rate_percent))
                                                           for f in official if f.release_date >= start), "primary")]  # fmt: skip
    if national_official:
        lines.append(Series(_official_label(national_official, "全国"), tuple(
            (f.release_date, float(f.rate_percent)) for f in national_official if f.release_date >= start), "national"))  # fmt: skip
    lines += _national_lines(national)
    markers = reported_markers(reported)
    newest = max([*(n.as_of for n in national), *(f.as_of for f in reported)])
    description = (
        f"{name}の人口に対する枚数の率。総務省の公表値（{japanese_date(official[-1].release_date) if official else '—'}まで）と、"
        f"その後の数値を別の系列・印で示します（{japanese_date(newest)}まで）。"
        "交付枚数率と保有枚数率は別の指標で、分母の人口も公表元によって違うため、線をつないで比べられません。"
    )
    chart = line_chart(
        f"{name}の率：総務省の公表値とその後の数値",
        description,
        lines,
        bands=[Band(DEFINITION_CHANGE, None, DEFINITION_CHANGE_LABEL)],
        markers=markers,
        chart_id=chart_id,
    )
    national_rows = tuple(
        NationalRow(japanese_date(n.as_of), f"{n.cards:,}", pct(n.rate_percent), n.rate_kind, n.rate_base)
        for n in reversed(national)
    )
    return LaterView(chart, reported_rows(reported), national_rows)
