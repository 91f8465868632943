"""Choropleth maps as inline SVG, drawn at build time (no script, no tiles).

Each municipality is an SVG link (keyboard reachable, named by its ``<title>``) to its
page, filled by its class; the legend states the class breaks and how many areas fall in
each. Colours are ColorBrewer YlGnBu (5 classes, safe for colour-blind readers). The first
layer's colour is a presentation attribute, so the map needs no inline style and draws
without a stylesheet; a map with more layers (release dates) draws them with the same
paths and links, chosen by radio buttons and CSS classes (``l1c3``: layer 1, colour 3;
docs/stylesheets/maps.css), which keeps the page within its size budget.
Municipalities with cases carry a white dot. The attribution line is in every caption.
The layers drawn over the areas (borders, inset frames, case dots) let clicks through by CSS
(pointer-events is not among the attributes jirei.site.plugins.sanitize keeps). Maps are left out of the search index: their 1,741 names would make /metrics/ match every place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from itertools import pairwise

from jirei.maps.geometry import NO_MOVE, PathMaker, Placement

PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")  # ColorBrewer YlGnBu-5
NO_DATA = "#d0d0d0"
CLASSES = len(PALETTE)
ATTRIBUTION = (
    "出典：「国土数値情報（行政区域データ）」（国土交通省）"
    "（https://nlftp.mlit.go.jp/ksj/gml/datalist/KsjTmplt-N03-v3_0.html）を加工して作成"
)
COURTESY = "境界データ：スマートニュース メディア研究所「市区町村・選挙区 地形データ」（2021年1月1日の境界）"


@dataclass(frozen=True)
class MapArea:
    code: str
    name: str  # prefecture + municipality
    href: str | None  # None: no page (e.g. 北方領土の村)
    values: tuple[Decimal | None, ...]  # rate in % per layer; None = no data
    cases: int = 0


@dataclass(frozen=True)
class InsetBox:
    x: int
    y: int
    width: int
    height: int
    label: str


@dataclass(frozen=True)
class Layer:
    label: str  # e.g. the release date; also in every area's <title>, so kept short
    breaks: tuple[Decimal, ...]
    note: str = ""  # shown after the label in the chooser and the legend, e.g. 最新


@dataclass(frozen=True)
class MapSpec:
    id: str  # unique on the page
    title: str
    areas: Sequence[MapArea]
    layers: tuple[Layer, ...]
    paths: PathMaker
    size: tuple[int, int]  # viewBox width, height
    place: Callable[[str], Placement] = lambda tag: NO_MOVE
    border: str = ""  # path data of the prefecture borders
    insets: tuple[InsetBox, ...] = ()
    note: str = ""
    marker_radius: float = 2.5
    font_size: int = 14


def class_breaks(values: Sequence[Decimal], classes: int = CLASSES) -> tuple[Decimal, ...]:
    """Quantile breaks rounded to whole percent, increasing and strictly between min and max."""
    ordered = sorted(values)
    if not ordered:
        return ()
    breaks: list[Decimal] = []
    for k in range(1, classes):
        raw = ordered[min(len(ordered) - 1, len(ordered) * k // classes)]
        rounded = raw.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if ordered[0] < rounded <= ordered[-1] and (not breaks or rounded > breaks[-1]):
            breaks.append(rounded)
    return tuple(breaks)


def class_of(value: Decimal, breaks: Sequence[Decimal]) -> int:
    """Class index: values below breaks[0] are class 0; a value equal to a break goes up."""
    return sum(1 for b in breaks if value >= b)


def colour_index(value: Decimal | None, breaks: Sequence[Decimal]) -> int | None:
    """Index into PALETTE (the palette spread over len(breaks)+1 classes); None for no data."""
    if value is None:
        return None
    n = len(breaks) + 1
    return 2 if n == 1 else round(class_of(value, breaks) * (CLASSES - 1) / (n - 1))


def legend_labels(breaks: Sequence[Decimal]) -> list[str]:
    if not breaks:
        return ["すべての団体"]
    labels = [f"{breaks[0]}%未満"]
    labels += [f"{low}%以上{high}%未満" for low, high in pairwise(breaks)]
    labels.append(f"{breaks[-1]}%以上")
    return labels


def _value_text(value: Decimal | None) -> str:
    return "データなし" if value is None else f"{value}%"


def area_title(area: MapArea, layers: Sequence[Layer]) -> str:
    if len(layers) == 1:
        values = _value_text(area.values[0])
    else:
        values = "・".join(
            f"{layer.label} {_value_text(v)}" for layer, v in zip(layers, area.values, strict=True)
        )
    cases = f"（事例 {area.cases} 件）" if area.cases else ""
    return f"{area.name} {values}{cases}"


def _area(spec: MapSpec, area: MapArea) -> str:
    d = spec.paths.path(area.code, spec.place)
    if not d:
        return ""
    indices = [colour_index(v, layer.breaks) for v, layer in zip(area.values, spec.layers, strict=True)]
    fill = NO_DATA if indices[0] is None else PALETTE[indices[0]]
    classes = " ".join(f"l{n}{'x' if i is None else f'c{i}'}" for n, i in enumerate(indices) if n)
    attribute = f' class="{classes}"' if classes else ""
    path = f'<path d="{d}" fill="{fill}"{attribute}/>'
    title = f"<title>{escape(area_title(area, spec.layers))}</title>"
    if area.href is None:
        return f"<g>{title}{path}</g>"
    return f'<a href="{escape(area.href)}">{title}{path}</a>'


def _full_label(layer: Layer) -> str:
    return f"{layer.label}（{layer.note}）" if layer.note else layer.label


def _swatch(fill: str, circle: bool = False) -> str:
    shape = (
        '<circle cx="5" cy="5" r="3.5" fill="#fff" stroke="#000" stroke-width="1.5"/>'
        if circle
        else f'<rect width="10" height="10" fill="{fill}"/>'
    )
    return f'<svg class="jirei-map__swatch" width="12" height="12" viewBox="0 0 10 10" aria-hidden="true">{shape}</svg>'


def _legend(spec: MapSpec, n: int) -> str:
    layer = spec.layers[n]
    counts = [0] * (len(layer.breaks) + 1)
    missing = 0
    for area in spec.areas:
        value = area.values[n]
        if value is None:
            missing += 1
        else:
            counts[class_of(value, layer.breaks)] += 1
    lows = [Decimal(-1), *layer.breaks]
    items = [
        f"<li>{_swatch(PALETTE[colour_index(low, layer.breaks) or 0])}{escape(label)}（{count}団体）</li>"
        for low, label, count in zip(lows, legend_labels(layer.breaks), counts, strict=True)
    ]
    if missing:
        items.append(f"<li>{_swatch(NO_DATA)}データなし（{missing}団体）</li>")
    items.append(f"<li>{_swatch('', circle=True)}事例のある団体</li>")
    return (
        f'<div class="jirei-map__key jirei-map__key--l{n}">'
        f'<p class="jirei-map__key-title">凡例：{escape(_full_label(layer))}の人口に対する枚数の率</p>'
        f'<ul class="jirei-map__legend">{"".join(items)}</ul></div>'
    )


def _chooser(spec: MapSpec) -> str:
    """Radio buttons that choose the layer (CSS only; docs/stylesheets/maps.css)."""
    if len(spec.layers) < 2:
        return ""
    options = "".join(
        f'<input type="radio" class="jirei-map__pick jirei-map__pick--l{n}" name="{spec.id}-layer" id="{spec.id}-l{n}"{" checked" if n == 0 else ""}>'
        f'<label for="{spec.id}-l{n}">{escape(_full_label(layer))}</label>'
        for n, layer in enumerate(spec.layers)
    )
    return f'<fieldset class="jirei-map__choose"><legend>地図の基準日</legend>{options}</fieldset>'


def _marks(spec: MapSpec) -> str:
    r = spec.marker_radius
    circles = "".join(
        f'<circle cx="{x}" cy="{y}" r="{r}"/>'
        for x, y in (
            spec.paths.centre(a.code, spec.place)
            for a in spec.areas
            if a.cases and a.code in spec.paths.boundaries.areas
        )
    )
    width = r / 2.5
    return f'<g class="jirei-map__marks" fill="#fff" stroke="#000" stroke-width="{width:g}" aria-hidden="true">{circles}</g>'


def _insets(spec: MapSpec) -> str:
    if not spec.insets:
        return ""
    parts = []
    for box in spec.insets:
        parts.append(
            f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" fill="none" stroke="#888" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{box.x + 4}" y="{box.y + box.height - 5}" font-size="{spec.font_size}" fill="#333">{escape(box.label)}</text>'
        )
    return f'<g class="jirei-map__insets" aria-hidden="true">{"".join(parts)}</g>'


def choropleth(spec: MapSpec) -> str:
    """A ``<figure>`` with the map, its legend, a skip link and the attribution (no blank lines)."""
    width, height = spec.size
    areas = "".join(_area(spec, area) for area in spec.areas)
    border = (
        f'<path class="jirei-map__border" d="{spec.border}" fill="none" stroke="#333" stroke-width="0.8" aria-hidden="true"/>'
        if spec.border
        else ""
    )
    note = f"<p>{escape(spec.note)}</p>" if spec.note else ""
    legends = "".join(_legend(spec, n) for n in range(len(spec.layers)))
    return (
        f'<div class="jirei-map-layers" data-pagefind-ignore="all">{_chooser(spec)}<figure class="jirei-map" id="{spec.id}">'
        f'<a class="jirei-map__skip" href="#{spec.id}-end">地図を飛ばす</a>'
        f'<svg class="jirei-map__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="group" aria-labelledby="{spec.id}-title">'
        f'<title id="{spec.id}-title">{escape(spec.title)}（各団体はページへのリンク）</title>'
        f'<g class="jirei-map__areas" stroke="#fff" stroke-width="0.3">{areas}</g>{border}{_insets(spec)}{_marks(spec)}</svg>'
        f"<figcaption><strong>{escape(spec.title)}</strong>{legends}{note}"
        f'<p class="jirei-map__source">{escape(ATTRIBUTION)}。{escape(COURTESY)}。</p></figcaption>'
        f'<span id="{spec.id}-end"></span></figure></div>'
    )
