"""Telling the lines of a line chart apart without colour (issue #17, item 7).

On a municipality's chart the national, category and prefecture lines often lie on top
of each other. Besides its colour and dash pattern (jirei.site.views.charts) each such
line now has

- a shape of its own (○ national, ■ category, ▲ prefecture, ◇ and ✕ for the comparison
  lines) drawn at a few of its points, at different places along the x axis for each line,
  so that where lines overlap the shapes still show which is which; the legend shows the
  line with its shape;
- its name written at its right end, the names pushed apart when the ends are close,
  with a short leader line back to the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from jirei.site.views.chart_svg import FONT_SIZE, esc, num, text_width

MARKS_PER_LINE = 4
LABEL_GAP = FONT_SIZE * 3 // 2  # between two end labels (viewBox units): a Japanese line box is ~1.45 em
LABEL_PAD = 8  # between the plot's right edge and the end labels
SHAPES = {
    "national": "circle",
    "category": "square",
    "prefecture": "triangle",
    "accent1": "diamond",
    "accent2": "cross",
}


@dataclass(frozen=True)
class Line:
    """What this module needs of a series: its name, style, colour and points."""

    label: str
    style: str
    colour: str
    points: tuple[tuple[date, float], ...]


def shape(kind: str, x: float, y: float, colour: str) -> str:
    """One mark centred on (x, y); hollow shapes have a white fill so they read on a line."""
    if kind == "circle":
        return f'<circle cx="{num(x)}" cy="{num(y)}" r="3.5" fill="#ffffff" stroke="{colour}" stroke-width="1.6"/>'
    if kind == "square":
        return f'<rect x="{num(x - 3.5)}" y="{num(y - 3.5)}" width="7" height="7" fill="{colour}"/>'
    if kind == "triangle":
        return f'<path d="M{num(x)} {num(y - 4.5)}l4.5 8h-9z" fill="{colour}"/>'
    if kind == "diamond":
        return f'<path d="M{num(x)} {num(y - 4.5)}l4.5 4.5l-4.5 4.5l-4.5-4.5z" fill="#ffffff" stroke="{colour}" stroke-width="1.6"/>'
    return f'<path d="M{num(x - 3.5)} {num(y - 3.5)}l7 7m0-7l-7 7" stroke="{colour}" stroke-width="1.8"/>'


def point_marks(
    lines: Sequence[Line], x_of: Callable[[date], float], y_of: Callable[[float], float]
) -> list[str]:
    """The shapes along each line that has one, each line's at its own offset along x."""
    marked = [line for line in lines if line.style in SHAPES and len(line.points) > 2]
    out: list[str] = []
    taken: set[date] = set()  # no two lines get a mark on the same release
    for slot, line in enumerate(marked):
        points = sorted(line.points)
        phase = (slot + 1) / (len(marked) + 1)
        indexes: list[int] = []
        for k in range(MARKS_PER_LINE):
            wanted = round((k + phase) * (len(points) - 1) / MARKS_PER_LINE)
            free = [i for i in range(len(points)) if points[i][0] not in taken and i not in indexes]
            if free:
                indexes.append(min(free, key=lambda i: (abs(i - wanted), i)))
                taken.add(points[indexes[-1]][0])
        indexes.sort()
        marks = "".join(
            shape(SHAPES[line.style], x_of(points[i][0]), y_of(points[i][1]), line.colour) for i in indexes
        )
        out.append(
            f'<g class="jirei-chart__marks jirei-chart__marks--{esc(line.style)}" aria-hidden="true">{marks}</g>'
        )
    return out


def label_room(lines: Sequence[Line]) -> float:
    """Width to keep right of the plot for the end labels (none for a single line)."""
    if len(lines) < 2:
        return 0.0
    return max(text_width(line.label) for line in lines) + LABEL_PAD + 4


def spread(wanted: Sequence[float], top: float, bottom: float) -> list[float]:
    """Label positions near ``wanted`` (sorted ascending) at least LABEL_GAP apart, inside top…bottom."""
    placed: list[float] = []
    for y in wanted:
        placed.append(max(y, placed[-1] + LABEL_GAP) if placed else max(y, top))
    overflow = placed[-1] - bottom if placed else 0.0
    if overflow > 0:  # pushed past the bottom: move the whole stack up, keeping the gaps
        placed = [y - overflow for y in placed]
        for index in range(len(placed) - 2, -1, -1):
            placed[index] = min(placed[index], placed[index + 1] - LABEL_GAP)
    return placed


def end_labels(
    lines: Sequence[Line],
    x_of: Callable[[date], float],
    y_of: Callable[[float], float],
    right: float,
    top: float,
    bottom: float,
) -> list[str]:
    """Each line's name at the right of its last point, with a leader line when moved."""
    if len(lines) < 2:
        return []
    ends = sorted(
        ((y_of(max(line.points)[1]), x_of(max(line.points)[0]), line) for line in lines if line.points),
        key=lambda end: end[0],
    )
    positions = spread([y for y, _, _ in ends], top, bottom)
    out = ['<g class="jirei-chart__end-labels">']
    for (y, x, line), label_y in zip(ends, positions, strict=True):
        out.append(
            f'<line x1="{num(x + 2)}" y1="{num(y)}" x2="{num(right + LABEL_PAD - 2)}" y2="{num(label_y)}" '
            f'stroke="{line.colour}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{num(right + LABEL_PAD)}" y="{num(label_y + 4)}" fill="#333333">{esc(line.label)}</text>'
        )
    out.append("</g>")
    return out
