"""Inline SVG line charts written at build time (the basics are in chart_svg).

No JavaScript and no external requests: every chart is one ``<figure>`` block of
SVG that Markdown passes through untouched (no blank lines inside). Charts are
accessible (``role="img"`` labelled by ``<title>`` and ``<desc>``), tell series
apart by colour *and* dash pattern, and use CSS classes
(``jirei-chart__series--<style>``) with inline fallbacks so they render and print
without any stylesheet. Coordinates are rounded to one decimal; output is
deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from jirei.site.views.chart_svg import (
    LEFT,
    PLOT_HEIGHT,
    RIGHT,
    TOP,
    WIDTH,
    XScale,
    YScale,
    esc,
    figure,
    format_value,
    legend_block,
    num,
    text_width,
    tick_label,
    ticks,
)


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple[date, float], ...]
    style: str  # a key of LINE_STYLES: "primary", "national", "category", "prefecture", …


@dataclass(frozen=True)
class Band:
    """A shaded period, e.g. an initiative's period; ``end`` None = to the last x."""

    start: date
    end: date | None
    label: str


@dataclass(frozen=True)
class Marker:
    """A single value drawn as a small shape: a case's own outcome figure (``case``, a
    diamond) or a figure reported by the press (``reported``, a triangle)."""

    at: date
    value: float
    label: str
    kind: str = "case"  # a key of MARKER_LEGENDS


@dataclass(frozen=True)
class _LineStyle:
    stroke: str
    width: str
    dash: str  # "" = solid


# Inline fallbacks; CSS may override through the class names.
LINE_STYLES: dict[str, _LineStyle] = {
    "primary": _LineStyle("#1565c0", "2.5", ""),
    "national": _LineStyle("#555555", "1.8", "6 4"),
    "category": _LineStyle("#e65100", "1.8", "2 3"),
    "prefecture": _LineStyle("#2e7d32", "1.8", "9 3 2 3"),
    "accent1": _LineStyle("#6a1b9a", "1.8", "12 4"),
    "accent2": _LineStyle("#00838f", "1.8", "4 2 1 2"),
    "other": _LineStyle("#795548", "1.5", "1 2"),
}
MARKER_COLOUR = "#c62828"
REPORTED_COLOUR = "#6d4c41"
ISSUED_COLOUR = "#ad1457"
MARKER_LEGENDS = {
    "case": "事例の成果指標",
    "reported": "報道による値（保有枚数率）",
    "reported-issued": "報道による値（交付枚数率）",
}
BAND_COLOUR = "#ffb300"
# Charts with the same axes share one scale object, so its remembered texts and the
# polylines cached by _coords (keyed by the scale objects) are reused across pages.
_x_scale = lru_cache(maxsize=64)(XScale)
_y_scale = lru_cache(maxsize=64)(YScale)


@lru_cache(maxsize=64)  # the same axes recur on most charts
def _y_axis(y_max: float, y_label: str, left: float, right: float, y_of: YScale) -> tuple[str, ...]:
    out = ['<g class="jirei-chart__grid" stroke="currentColor" stroke-opacity="0.2">']
    for tick in ticks(y_max):
        y = num(y_of(tick))
        out.append(f'<line x1="{num(left)}" y1="{y}" x2="{num(right)}" y2="{y}"/>')
    out.append("</g>")
    out.append('<g class="jirei-chart__axis" fill="currentColor" text-anchor="end">')
    for tick in ticks(y_max):
        out.append(f'<text x="{num(left - 6)}" y="{num(y_of(tick) + 4)}">{esc(tick_label(tick))}</text>')
    out.append(f'<text x="{num(left - 6)}" y="{num(TOP - 14)}">{esc(y_label)}</text>')
    out.append("</g>")
    return tuple(out)


@lru_cache(maxsize=64)
def _x_axis(x_of: XScale, bottom: float) -> tuple[str, ...]:
    years = range(x_of.first.year + (x_of.first > date(x_of.first.year, 1, 1)), x_of.last.year + 1)
    ticks = [date(year, 1, 1) for year in years] or [x_of.first]
    out = ['<g class="jirei-chart__axis" fill="currentColor" text-anchor="middle">']
    out.append(
        f'<line x1="{num(x_of.left)}" y1="{num(bottom)}" x2="{num(x_of.right)}" y2="{num(bottom)}" '
        'stroke="currentColor"/>'
    )
    spacing = (x_of.right - x_of.left) / max(len(ticks), 1)
    every = math.ceil((text_width("2000年") + 8) / spacing) if spacing > 0 else 1  # thin crowded labels
    for position, tick in enumerate(ticks):
        if position % max(every, 1):
            continue
        x = num(x_of(tick))
        out.append(
            f'<line x1="{x}" y1="{num(bottom)}" x2="{x}" y2="{num(bottom + 5)}" stroke="currentColor"/>'
        )
        out.append(f'<text x="{x}" y="{num(bottom + 18)}">{tick.year}年</text>')
    out.append("</g>")
    return tuple(out)


def _band(band: Band, index: int, x_of: XScale, top: float, bottom: float) -> list[str]:
    start = x_of(band.start)
    end = x_of(band.end) if band.end is not None else x_of.right
    if (band.end is not None and band.end < x_of.first) or band.start > x_of.last:
        return []  # entirely outside the data's range
    width = max(end - start, 1.0)
    label_y = top + 14 + index * 14
    return [
        '<g class="jirei-chart__band">',
        f"<title>{esc(band.label)}</title>",
        f'<rect x="{num(start)}" y="{num(top)}" width="{num(width)}" height="{num(bottom - top)}" '
        f'fill="{BAND_COLOUR}" fill-opacity="0.18"/>',
        f'<text x="{num(start + 4)}" y="{num(label_y)}" fill="currentColor">{esc(band.label)}</text>',
        "</g>",
    ]


def _line_attrs(style: str) -> str:
    line = LINE_STYLES.get(style, LINE_STYLES["other"])
    dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
    return f'fill="none" stroke="{line.stroke}" stroke-width="{line.width}"{dash}'


@lru_cache(maxsize=1024)
def _coords(points: tuple[tuple[date, float], ...], x_of: XScale, y_of: YScale) -> str:
    """A polyline's ``points`` attribute. Cached: the national, prefecture and category
    lines are the same on many pages."""
    return " ".join(f"{x_of.text(day)},{y_of.text(value)}" for day, value in sorted(points))


def _series(series: Series, x_of: XScale, y_of: YScale) -> list[str]:
    css = f"jirei-chart__series jirei-chart__series--{esc(series.style)}"
    if not series.points:
        return []
    if len(series.points) == 1:
        day, value = series.points[0]
        line = LINE_STYLES.get(series.style, LINE_STYLES["other"])
        return [
            f'<circle class="{css}" cx="{num(x_of(day))}" cy="{num(y_of(value))}" r="3" '
            f'fill="{line.stroke}"><title>{esc(series.label)}</title></circle>'
        ]
    return [
        f'<polyline class="{css}" {_line_attrs(series.style)} points="{_coords(series.points, x_of, y_of)}">'
        f"<title>{esc(series.label)}</title></polyline>"
    ]


def _marker_shape(kind: str, x: float, y: float) -> tuple[str, str]:
    """(path, fill): a diamond for a case figure, a triangle for a reported 保有枚数率, a
    downward triangle for a reported 交付枚数率."""
    if kind == "reported":
        return f"M{num(x)} {num(y - 6)}l6 10h-12z", REPORTED_COLOUR
    if kind == "reported-issued":
        return f"M{num(x)} {num(y + 6)}l6-10h-12z", ISSUED_COLOUR
    return f"M{num(x)} {num(y - 5)}l5 5l-5 5l-5-5z", MARKER_COLOUR


def _marker(marker: Marker, x_of: XScale, y_of: YScale) -> str:
    path, fill = _marker_shape(marker.kind, x_of(marker.at), y_of(marker.value))
    css = "jirei-chart__marker" + (
        "" if marker.kind == "case" else f" jirei-chart__marker--{esc(marker.kind)}"
    )
    return (
        f'<path class="{css}" d="{path}" fill="{fill}" stroke="#ffffff" '
        f'stroke-width="1"><title>{esc(marker.label)}</title></path>'
    )


def _legend_entries(series: Sequence[Series], markers: Sequence[Marker], unit: str) -> list[tuple[str, str]]:
    """(label, swatch SVG at origin) for each legend item."""
    entries = []
    for item in series:
        latest = max(item.points)[1] if item.points else None
        label = item.label if latest is None else f"{item.label} {format_value(latest)}{unit}"
        css = f"jirei-chart__series jirei-chart__series--{esc(item.style)}"
        swatch = f'<line class="{css}" x1="0" y1="-4" x2="24" y2="-4" {_line_attrs(item.style)}/>'
        entries.append((label, swatch))
    for kind in sorted({m.kind for m in markers}, key=list(MARKER_LEGENDS).index):
        path, fill = _marker_shape(kind, 12, -4)
        entries.append(
            (
                MARKER_LEGENDS[kind],
                f'<path class="jirei-chart__marker jirei-chart__swatch" d="{path}" fill="{fill}"/>',
            )
        )
    return entries


def _date_range(series: Sequence[Series], markers: Sequence[Marker]) -> tuple[date, date]:
    days = [day for item in series for day, _ in item.points] + [marker.at for marker in markers]
    if not days:
        raise ValueError("グラフに描く点がありません")
    return min(days), max(days)


def line_chart(
    title: str,
    description: str,
    series: Sequence[Series],
    *,
    bands: Sequence[Band] = (),
    markers: Sequence[Marker] = (),
    y_max: float = 100.0,
    y_label: str = "%",
    chart_id: str,
) -> str:
    """A time-series line chart as an embeddable ``<figure>`` block.

    The x range covers the series and markers; bands are clipped to it. The first
    series is drawn last so it sits on top.
    """
    first, last = _date_range(series, markers)
    bottom = TOP + PLOT_HEIGHT
    right = WIDTH - RIGHT
    x_of = _x_scale(first, last, LEFT, right)
    y_of = _y_scale(y_max, TOP, bottom)
    body: list[str] = []
    for index, band in enumerate(bands):
        body += _band(band, index, x_of, TOP, bottom)
    body += _y_axis(y_max, y_label, LEFT, right, y_of)
    body += _x_axis(x_of, bottom)
    for item in reversed(series):
        body += _series(item, x_of, y_of)
    body += [_marker(marker, x_of, y_of) for marker in sorted(markers, key=lambda m: (m.at, m.label))]
    legend_lines, legend_height = legend_block(
        _legend_entries(series, markers, y_label), bottom + 30, LEFT, right
    )
    body += legend_lines
    return figure(chart_id, title, description, bottom + 30 + legend_height, body)
