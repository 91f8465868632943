"""The derived boundary file (jirei.maps.derive) as SVG path data for a given frame.

Arcs are simplified once per map scale and shared by both neighbours, so borders stay
common; coordinates are rounded to whole viewBox units and written as relative moves.
A municipality too small to keep a ring at the map's scale is drawn as a small diamond,
so that it stays visible and clickable.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jirei.maps.derive import BOUNDARIES
from jirei.maps.simplify import simplify
from jirei.maps.topojson import Polygon, decode_arcs, features, ring_points
from jirei.paths import project

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Inset:
    id: str
    label: str
    box: Box  # grid units


@dataclass(frozen=True)
class Area:
    code: str
    polygons: tuple[Polygon, ...]
    insets: tuple[str, ...]  # per polygon: "" main map, else the inset id


@dataclass(frozen=True)
class Boundaries:
    width: int
    height: int
    arcs: tuple[tuple[tuple[float, float], ...], ...]
    areas: Mapping[str, Area]
    insets: tuple[Inset, ...]
    source: str
    names: Mapping[str, str]  # prefecture + municipality name as in the boundary file

    def box(self, codes: Iterable[str], include: Callable[[str], bool] = lambda tag: True) -> Box:
        """The bounding box (grid units) of the polygons of ``codes`` whose inset tag passes ``include``."""
        xs: list[float] = []
        ys: list[float] = []
        for code in codes:
            area = self.areas[code]
            for polygon, tag in zip(area.polygons, area.insets, strict=True):
                if include(tag):
                    for x, y in ring_points(polygon[0], self.arcs):
                        xs.append(x)
                        ys.append(y)
        return (min(xs), min(ys), max(xs), max(ys)) if xs else (0.0, 0.0, 0.0, 0.0)

    def border_arcs(self, group: Callable[[str], str]) -> list[int]:
        """Arcs between areas of different groups (e.g. prefectures), in arc order."""
        sides: dict[int, set[str]] = {}
        for code, area in self.areas.items():
            for polygon in area.polygons:
                for ring in polygon:
                    for ref in ring:
                        sides.setdefault(ref if ref >= 0 else ~ref, set()).add(group(code))
        return sorted(i for i, groups in sides.items() if len(groups) > 1)


def load_boundaries(path: Path | None = None) -> Boundaries:
    """The committed boundaries (the project's data/boundaries/municipalities.topojson by default)."""
    return _read_boundaries(path or project().data_dir / BOUNDARIES)


@lru_cache(maxsize=2)
def _read_boundaries(path: Path) -> Boundaries:
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = tuple(tuple(arc) for arc in decode_arcs(topology))
    areas = {
        f.id: Area(f.id, f.polygons, tuple(f.properties.get("insets") or ("",) * len(f.polygons)))
        for f in features(topology, "municipalities")
    }
    insets = tuple(Inset(i["id"], i["label"], tuple(i["box"])) for i in topology["jirei"]["insets"])
    _, _, width, height = topology["bbox"]
    names = {f.id: str(f.properties.get("name", "")) for f in features(topology, "municipalities")}
    return Boundaries(width, height, arcs, areas, insets, topology["jirei"]["source"], names)


def numbers(values: Iterable[int]) -> str:
    """Integers for path data, separated by a space only where no minus sign separates them."""
    out: list[str] = []
    for value in values:
        text = str(value)
        out.append(text if not out or text[0] == "-" else " " + text)
    return "".join(out)


Placement = tuple[float, float, float]  # (factor, dx, dy): grid → grid × factor + (dx, dy)
NO_MOVE: Placement = (1.0, 0.0, 0.0)


def _stay(tag: str) -> Placement:
    return NO_MOVE


@dataclass(frozen=True)
class Frame:
    """Grid → view: view = (grid + shift) × scale + offset; ``tolerance`` in view units."""

    scale: float
    offset: tuple[float, float]
    tolerance: float = 0.5


class PathMaker:
    """SVG path data of areas in one frame; each arc is simplified once."""

    def __init__(self, boundaries: Boundaries, frame: Frame) -> None:
        self.boundaries = boundaries
        self.frame = frame
        self._arcs: dict[tuple[int, float], list[tuple[float, float]]] = {}

    def _arc(self, index: int, factor: float = 1.0) -> list[tuple[float, float]]:
        key = (index, factor)
        if key not in self._arcs:
            tolerance = self.frame.tolerance / (self.frame.scale * factor)
            self._arcs[key] = simplify(self.boundaries.arcs[index], tolerance)
        return self._arcs[key]

    def _ring(self, ring: Sequence[int], place: Placement) -> list[tuple[int, int]]:
        (ox, oy), (factor, sx, sy) = self.frame.offset, place
        scale = self.frame.scale * factor
        sx, sy = sx * self.frame.scale + ox, sy * self.frame.scale + oy
        points: list[tuple[int, int]] = []
        for ref in ring:
            arc = self._arc(ref, factor) if ref >= 0 else self._arc(~ref, factor)[::-1]
            for x, y in arc:
                point = (round(x * scale + sx), round(y * scale + sy))
                if not points or points[-1] != point:
                    points.append(point)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        return points

    def path(self, code: str, place: Callable[[str], Placement] = _stay) -> str:
        """Path data of one area ('' if unknown); ``place`` moves polygons by their inset tag."""
        area = self.boundaries.areas.get(code)
        if area is None:
            return ""
        parts = []
        for polygon, tag in zip(area.polygons, area.insets, strict=True):
            for ring in polygon:
                points = self._ring(ring, place(tag))
                if len(points) >= 3:
                    parts.append(_ring_path(points))
        if not parts:
            x, y = self.centre(code, place)
            parts.append(f"M{x} {y - 2}l2 2-2 2-2-2z")
        return "".join(parts)

    def centre(self, code: str, place: Callable[[str], Placement] = _stay) -> tuple[int, int]:
        """The area-weighted centroid of the largest outer ring, in view units."""
        area = self.boundaries.areas[code]
        best = (-1.0, 0.0, 0.0)
        for polygon, tag in zip(area.polygons, area.insets, strict=True):
            points = ring_points(polygon[0], self.boundaries.arcs)
            factor, sx, sy = place(tag)
            size, cx, cy = _centroid([(x * factor + sx, y * factor + sy) for x, y in points])
            if size > best[0]:
                best = (size, cx, cy)
        scale, (ox, oy) = self.frame.scale, self.frame.offset
        return round(best[1] * scale + ox), round(best[2] * scale + oy)

    def arcs_path(self, indices: Iterable[int]) -> str:
        """Open path through the given arcs (e.g. prefecture borders)."""
        parts = []
        for index in indices:
            points = self._ring((index,), NO_MOVE)
            if len(points) >= 2:
                parts.append(_line_path(points))
        return "".join(parts)


def _line_path(points: Sequence[tuple[int, int]]) -> str:
    (x0, y0), rest = points[0], points[1:]
    deltas: list[int] = []
    px, py = x0, y0
    for x, y in rest:
        deltas += (x - px, y - py)
        px, py = x, y
    return f"M{numbers((x0, y0))}l{numbers(deltas)}"


def _ring_path(points: Sequence[tuple[int, int]]) -> str:
    return _line_path(points) + "z"


def _centroid(points: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """(|area|, cx, cy) of a ring by the shoelace formula (the mean point if degenerate)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        n = len(points)
        return 0.0, sum(p[0] for p in points) / n, sum(p[1] for p in points) / n
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)
