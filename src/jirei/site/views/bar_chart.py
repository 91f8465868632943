"""Horizontal grouped bar charts as inline SVG (the basics are in chart_svg).

Series differ by fill pattern (solid / hatched / outline), not colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jirei.site.views.chart_svg import (
    RIGHT,
    TOP,
    WIDTH,
    esc,
    figure,
    format_value,
    legend_block,
    num,
    tick_label,
    ticks,
)


@dataclass(frozen=True)
class BarSeries:
    label: str
    values: tuple[float | None, ...]  # one per category; None = no bar
    style: str  # "solid" | "hatched" | "outline"


BAR_COLOUR = "#1565c0"


BAR_ROW = 8  # height of one bar
BAR_GAP = 6  # space between categories
BAR_LEFT = 96  # room for category labels


def _bar_fill(style: str, pattern_id: str) -> str:
    if style == "hatched":
        return f'fill="url(#{esc(pattern_id)})" stroke="{BAR_COLOUR}" stroke-width="1"'
    if style == "outline":
        return f'fill="none" stroke="{BAR_COLOUR}" stroke-width="1.2"'
    return f'fill="{BAR_COLOUR}"'


def bar_chart(
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[BarSeries],
    *,
    x_max: float = 100.0,
    x_label: str = "%",
    chart_id: str,
) -> str:
    """A horizontal grouped bar chart (one row per category, one bar per series).

    Series differ by fill pattern (solid / hatched / outline), not colour alone.
    """
    pattern_id = f"{chart_id}-hatch"
    right = WIDTH - RIGHT
    group = BAR_ROW * max(len(series), 1) + BAR_GAP
    top = TOP + 8
    bottom = top + group * len(categories)
    scale = x_max if x_max > 0 else 1.0

    def x_of(value: float) -> float:
        return BAR_LEFT + min(max(value, 0.0), scale) / scale * (right - BAR_LEFT)

    body = [
        f'<defs><pattern id="{esc(pattern_id)}" width="4" height="4" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="4" stroke="{BAR_COLOUR}" stroke-width="2"/></pattern></defs>',
        '<g class="jirei-chart__grid" stroke="currentColor" stroke-opacity="0.2">',
    ]
    for tick in ticks(x_max):
        x = num(x_of(tick))
        body.append(f'<line x1="{x}" y1="{num(top)}" x2="{x}" y2="{num(bottom)}"/>')
    body.append("</g>")
    body.append('<g class="jirei-chart__axis" fill="currentColor" text-anchor="middle">')
    for tick in ticks(x_max):
        body.append(f'<text x="{num(x_of(tick))}" y="{num(bottom + 16)}">{esc(tick_label(tick))}</text>')
    body.append(f'<text x="{num(right)}" y="{num(top - 6)}" text-anchor="end">{esc(x_label)}</text>')
    body.append("</g>")
    body.append('<g class="jirei-chart__axis" fill="currentColor" text-anchor="end">')
    for index, category in enumerate(categories):
        y = top + index * group + group / 2 + 4 - BAR_GAP / 2
        body.append(f'<text x="{num(BAR_LEFT - 6)}" y="{num(y)}">{esc(category)}</text>')
    body.append("</g>")
    for position, item in enumerate(series):
        css = f"jirei-chart__bar jirei-chart__bar--{esc(item.style)}"
        body.append(f'<g class="{css}" {_bar_fill(item.style, pattern_id)}>')
        for index, value in enumerate(item.values):
            if value is None or index >= len(categories):
                continue
            y = top + index * group + position * BAR_ROW
            width = max(x_of(value) - BAR_LEFT, 0.0)
            tip = f"{categories[index]} {item.label}: {format_value(value)}{x_label}"
            body.append(
                f'<rect x="{BAR_LEFT}" y="{num(y)}" width="{num(width)}" height="{BAR_ROW - 1}">'
                f"<title>{esc(tip)}</title></rect>"
            )
        body.append("</g>")
    entries = [
        (
            item.label,
            f'<rect x="0" y="-10" width="24" height="10" class="jirei-chart__bar--{esc(item.style)}" '
            f"{_bar_fill(item.style, pattern_id)}/>",
        )
        for item in series
    ]
    legend_lines, legend_height = legend_block(entries, bottom + 26, BAR_LEFT, right)
    body += legend_lines
    return figure(chart_id, title, description, bottom + 26 + legend_height, body)
