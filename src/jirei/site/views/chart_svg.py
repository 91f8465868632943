"""The SVG basics every chart shares: geometry, number formatting, scales, the legend and
the accessible ``<figure>`` wrapper (jirei.site.views.charts draws lines, bar_chart bars).

No JavaScript and no external requests; coordinates are rounded to one decimal and the
output is deterministic.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from datetime import date

SVG_NS = "http://www.w3.org/2000/svg"

# Plot geometry (viewBox units).
WIDTH = 640
LEFT = 48
RIGHT = 16
TOP = 28
PLOT_HEIGHT = 220
LEGEND_ROW = 18
FONT_SIZE = 12


def esc(text: str) -> str:
    """XML-escape text and attribute values (``<&>"'``)."""
    return html.escape(text, quote=True)


def num(value: float) -> str:
    """Round to one decimal, drop a trailing ``.0``: 12.04 → '12', 3.25 → '3.2'."""
    text = f"{value:.1f}"
    if text == "-0.0":
        return "0"
    return text[:-2] if text.endswith(".0") else text


def format_value(value: float) -> str:
    """A value as a label: one decimal (65.1)."""
    return f"{value:.1f}"


def text_width(text: str, size: int = FONT_SIZE) -> float:
    """Rough rendered width: full-width characters ≈ 1 em, others ≈ 0.6 em."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def nice_step(maximum: float, max_ticks: int = 5) -> float:
    """A gridline step from 1, 2, 2.5, 5 × 10ⁿ giving at most ``max_ticks`` steps."""
    if maximum <= 0:
        return 1.0
    raw = maximum / max_ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= raw:
            return factor * power
    return 10.0 * power  # pragma: no cover - the loop always returns


def ticks(maximum: float) -> list[float]:
    step = nice_step(maximum)
    count = int(maximum / step + 1e-9)
    return [round(step * i, 10) for i in range(count + 1)]


def tick_label(value: float) -> str:
    return f"{value:g}"


def figure(chart_id: str, title: str, description: str, height: float, body: Iterable[str]) -> str:
    svg_open = (
        f'<svg xmlns="{SVG_NS}" class="jirei-chart__svg" role="img" '
        f'aria-labelledby="{esc(chart_id)}-title {esc(chart_id)}-desc" '
        f'viewBox="0 0 {WIDTH} {num(height)}" width="100%" '
        f'font-size="{FONT_SIZE}" font-family="sans-serif">'
    )
    lines = [
        f'<figure class="jirei-chart" id="{esc(chart_id)}">',
        svg_open,
        f'<title id="{esc(chart_id)}-title">{esc(title)}</title>',
        f'<desc id="{esc(chart_id)}-desc">{esc(description)}</desc>',
        *body,
        "</svg>",
        f"<figcaption>{esc(title)}</figcaption>",
        "</figure>",
    ]
    # Markdown ends a raw HTML block at a blank line: never emit one.
    return "\n".join(line for line in lines if line.strip())


class YScale:
    """Value → y coordinate for a 0…y_max axis (values clamped to the plot)."""

    def __init__(self, y_max: float, top: float, bottom: float) -> None:
        self.y_max = y_max if y_max > 0 else 1.0
        self.top = top
        self.bottom = bottom
        self._texts: dict[float, str] = {}

    def __call__(self, value: float) -> float:
        clamped = min(max(value, 0.0), self.y_max)
        return self.bottom - clamped / self.y_max * (self.bottom - self.top)

    def text(self, value: float) -> str:
        """``num(self(value))``, remembered: the same rates recur across charts."""
        found = self._texts.get(value)
        if found is None:
            found = self._texts[value] = num(self(value))
        return found


class XScale:
    """Date → x coordinate over the data's date range."""

    def __init__(self, first: date, last: date, left: float, right: float) -> None:
        self.first = first
        self.last = last
        self.left = left
        self.right = right
        self.span = max((last - first).days, 1)
        self._texts: dict[date, str] = {}

    def __call__(self, day: date) -> float:
        days = min(max((day - self.first).days, 0), self.span)
        if self.first == self.last:
            return (self.left + self.right) / 2
        return self.left + days / self.span * (self.right - self.left)

    def text(self, day: date) -> str:
        """``num(self(day))``, remembered: every series of a chart has the same release dates."""
        found = self._texts.get(day)
        if found is None:
            found = self._texts[day] = num(self(day))
        return found


def legend_block(
    entries: Sequence[tuple[str, str]], top: float, left: float, right: float
) -> tuple[list[str], float]:
    """Legend items laid out left to right, wrapping; returns (SVG lines, height used)."""
    out = ['<g class="jirei-chart__legend" fill="currentColor">']
    x, y = left, top + FONT_SIZE
    for label, swatch in entries:
        width = 30 + text_width(label) + 16
        if x > left and x + width > right:
            x, y = left, y + LEGEND_ROW
        out.append(
            f'<g transform="translate({num(x)} {num(y)})">{swatch}<text x="30" y="0">{esc(label)}</text></g>'
        )
        x += width
    out.append("</g>")
    return out, y - top + 6
