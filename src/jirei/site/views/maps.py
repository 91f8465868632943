"""The choropleth maps of the metrics pages (jirei.site.views.choropleth), from the published figures.

``/metrics/``: the whole country for the latest release and for 2021-05-01, with one
table of both as the text alternative. Each prefecture page: its municipalities, coloured
by the national breaks of the latest release so that the pages can be compared. The
templates reach this through the Jinja global ``jirei_maps`` (set by the build); without
it they draw no map.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import partial
from html import escape

from markupsafe import Markup

from jirei.maps.geometry import NO_MOVE, Boundaries, Box, Frame, PathMaker, Placement, load_boundaries
from jirei.metrics.store import MetricsData
from jirei.reference.municipalities import Reference
from jirei.site.rendering.jinja import japanese_date
from jirei.site.rendering.links import CaseLink
from jirei.site.rendering.urls import OVERVIEW_PAGE, municipality_page, prefecture_page, relative_url
from jirei.site.views.choropleth import InsetBox, Layer, MapArea, MapSpec, choropleth, class_breaks

NATIONAL_WIDTH = 1000  # viewBox units
PREFECTURE_SIZE = 640  # the longer side of a prefecture map
EARLIER_RELEASE = date(2021, 5, 1)
INSET_SHARE = 0.35  # an inset of a prefecture map: its longer side, relative to the main part's
BREAKS_NOTE = "色の区切りは、その公表回の全市区町村の率を5等分（五分位）した値を整数に丸めたものです。"


class MapViews:
    """The maps of one build: boundaries loaded once, class breaks computed once per release."""

    def __init__(
        self,
        metrics: MetricsData,
        reference: Reference,
        cases_by_code: Mapping[str, Sequence[CaseLink]],
        boundaries: Boundaries | None = None,
    ) -> None:
        self.metrics = metrics
        self.reference = reference
        self.cases = {code: len(links) for code, links in cases_by_code.items()}
        self.boundaries = boundaries or load_boundaries()
        dates = sorted({f.release_date for f in metrics.municipalities})
        self.latest = dates[-1] if dates else None
        self.earlier = EARLIER_RELEASE if EARLIER_RELEASE in dates else None
        self._breaks: dict[date, tuple[Decimal, ...]] = {}

    # --- data -----------------------------------------------------------------------

    def _rate(self, code: str, day: date | None) -> Decimal | None:
        figure = self.metrics.official_rate(code, day) if day else None
        return figure.rate_percent if figure else None

    def breaks(self, day: date) -> tuple[Decimal, ...]:
        if day not in self._breaks:
            values = [f.rate_percent for f in self.metrics.municipalities if f.release_date == day]
            self._breaks[day] = class_breaks(values)
        return self._breaks[day]

    def _areas(self, page: str, codes: Sequence[str], days: Sequence[date]) -> list[MapArea]:
        areas = []
        for code in codes:
            known = self.reference.by_code.get(code)
            name = f"{known.prefecture}{known.name}" if known else self.boundaries.names.get(code, code)
            href = relative_url(page, municipality_page(code)) if known else None
            values = tuple(self._rate(code, day) for day in days)
            areas.append(MapArea(code, name, href, values, self.cases.get(code, 0)))
        return areas

    # --- national -----------------------------------------------------------------

    def national(self) -> str:
        """The national map (latest release, and 2021-05-01 as a second layer) and its table
        alternative; '' without data."""
        if self.latest is None:
            return ""
        b = self.boundaries
        scale = NATIONAL_WIDTH / b.width
        paths = PathMaker(b, Frame(scale, (0.0, 0.0), tolerance=1.0))
        days = [self.latest] + ([self.earlier] if self.earlier and self.earlier != self.latest else [])
        insets = tuple(_view_box(i.box, scale, (0.0, 0.0), i.label) for i in b.insets)
        notes = ["収録データの最新", *([""] * (len(days) - 1))]
        spec = MapSpec(
            id="map-national",
            title="市区町村別の人口に対する枚数の率",
            areas=self._areas(OVERVIEW_PAGE, sorted(b.areas), days),
            layers=tuple(
                Layer(japanese_date(day), self.breaks(day), note)
                for day, note in zip(days, notes, strict=True)
            ),
            paths=paths,
            size=(NATIONAL_WIDTH, round(b.height * scale)),
            border=paths.arcs_path(b.border_arcs(lambda code: code[:2])),
            insets=insets,
            note=BREAKS_NOTE
            + "太線は都道府県境、灰色はデータのない地域（北方領土の6村など）です。南鳥島・硫黄列島・沖ノ鳥島などは省略しています。",
            marker_radius=3,
            font_size=16,
        )
        return Markup(choropleth(spec) + self._table(spec))  # escaped where built

    def _table(self, spec: MapSpec) -> str:
        heads = "".join(f"<th>{escape(layer.label)}の率</th>" for layer in spec.layers)
        rows = "".join(
            f"<tr><td>{escape(area.name)}</td>"
            + "".join(f"<td>{'—' if v is None else f'{v}%'}</td>" for v in area.values)
            + f"<td>{area.cases or ''}</td></tr>"
            for area in spec.areas
        )
        return (
            '<details class="jirei-map__table jirei-data" data-pagefind-ignore="all"><summary>地図の内容を表で見る（全市区町村の率と事例の件数）</summary>'
            f"<table><thead><tr><th>市区町村</th>{heads}<th>事例</th></tr></thead><tbody>{rows}</tbody></table></details>"
        )

    # --- prefecture ---------------------------------------------------------------

    def prefecture(self, pref_code: str) -> str:
        """The map of one prefecture's municipalities; '' without data or boundaries."""
        if self.latest is None:
            return ""
        b = self.boundaries
        codes = [c for c in sorted(b.areas) if c.startswith(pref_code)]
        if not codes:
            return ""
        tags = {t for c in codes for t in b.areas[c].insets}
        main_tag = "" if "" in tags else min(tags)
        box = b.box(codes, lambda tag: tag == main_tag)
        places, boxes = _beside(b, codes, box, sorted(tags - {main_tag}))
        x1 = max([box[2], *(inset[2] for inset in boxes.values())])
        y1 = max([box[3], *(inset[3] for inset in boxes.values())])
        width, height = x1 - box[0], y1 - box[1]
        scale = (PREFECTURE_SIZE - 20) / max(width, height, 1)
        frame = Frame(scale, (10 - box[0] * scale, 10 - box[1] * scale), tolerance=0.4)
        paths = PathMaker(b, frame)
        labels = {i.id: i.label.split("（")[0] for i in b.insets} | {"izu": "伊豆諸島"}
        insets = tuple(
            _view_box(inset, scale, frame.offset, labels.get(tag, tag), pad=4) for tag, inset in boxes.items()
        )
        page = prefecture_page(pref_code)
        prefecture = self.reference.prefectures.get(pref_code)
        name = prefecture.name if prefecture else pref_code
        spec = MapSpec(
            id=f"map-pref-{pref_code}",
            title=f"{name}の市区町村別の人口に対する枚数の率",
            areas=self._areas(page, codes, [self.latest]),
            layers=(Layer(japanese_date(self.latest), self.breaks(self.latest)),),
            paths=paths,
            size=(round(width * scale) + 20, round(height * scale) + 20),
            place=lambda tag: places.get(tag, NO_MOVE),
            insets=insets,
            note=BREAKS_NOTE + "全国の地図と同じ区切りです。同じ内容は下の「市区町村の一覧」の表にあります。",
            marker_radius=5,
        )
        return Markup(choropleth(spec))  # escaped where built


def _beside(
    b: Boundaries, codes: Sequence[str], box: Box, tags: Sequence[str]
) -> tuple[dict[str, Placement], dict[str, Box]]:
    """Placements that stack the inset parts (e.g. 東京都's 伊豆諸島 and 小笠原諸島) in a column to
    the right of the main part, each scaled to INSET_SHARE of it; and their boxes (grid units)."""
    places: dict[str, Placement] = {}
    boxes: dict[str, Box] = {}
    side = max(box[2] - box[0], box[3] - box[1]) * INSET_SHARE
    gap = side * 0.08
    top = box[1]
    for tag in tags:
        x0, y0, x1, y1 = b.box(codes, partial(operator.eq, tag))
        factor = side / max(x1 - x0, y1 - y0, 1)
        left = box[2] + gap
        places[tag] = (factor, left - x0 * factor, top - y0 * factor)
        boxes[tag] = (left, top, left + (x1 - x0) * factor, top + (y1 - y0) * factor)
        top += (y1 - y0) * factor + gap
    return places, boxes


def _view_box(box: Box, scale: float, offset: tuple[float, float], label: str, pad: int = 0) -> InsetBox:
    """An inset frame in view units from a box (x0, y0, x1, y1) in grid units."""
    x0, y0, x1, y1 = box
    return InsetBox(
        round(x0 * scale + offset[0]) - pad,
        round(y0 * scale + offset[1]) - pad,
        round((x1 - x0) * scale) + 2 * pad,
        round((y1 - y0) * scale) + 2 * pad,
        label,
    )
