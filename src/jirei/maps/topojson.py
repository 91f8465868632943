"""TopoJSON decoding in pure Python (the subset the boundary files use).

A topology's arcs are shared by the polygons on both sides of a border, so simplifying
each arc once keeps neighbouring borders identical. Only ``Polygon`` and ``MultiPolygon``
geometries occur in the boundary files; other types are rejected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]
Ring = tuple[int, ...]  # arc references; ~i (negative) = arc i reversed
Polygon = tuple[Ring, ...]  # outer ring, then holes


@dataclass(frozen=True)
class Feature:
    id: str
    properties: Mapping[str, Any]
    polygons: tuple[Polygon, ...]


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Point]]:
    """Absolute coordinates of every arc: delta-decoded and transformed when the topology is quantised."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    if transform is None:
        return [[(float(p[0]), float(p[1])) for p in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: Sequence[int], arcs: Sequence[Sequence[Point]]) -> list[Point]:
    """The points of a ring made of arc references; each arc's first point repeats the previous arc's last."""
    points: list[Point] = []
    for ref in ring:
        arc = arcs[ref] if ref >= 0 else list(reversed(arcs[~ref]))
        points.extend(arc if not points else arc[1:])
    return points


def _polygons(geometry: Mapping[str, Any]) -> tuple[Polygon, ...]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return (tuple(tuple(ring) for ring in geometry["arcs"]),)
    if kind == "MultiPolygon":
        return tuple(tuple(tuple(ring) for ring in polygon) for polygon in geometry["arcs"])
    if kind is None:
        return ()
    raise ValueError(f"unsupported TopoJSON geometry type: {kind}")


def features(topology: Mapping[str, Any], name: str | None = None) -> list[Feature]:
    """The geometries of one object (the only one when ``name`` is None)."""
    objects = topology["objects"]
    if name is None:
        if len(objects) != 1:
            raise ValueError(f"expected one object, found {sorted(objects)}")
        name = next(iter(objects))
    collection = objects[name]
    geometries = collection["geometries"] if collection["type"] == "GeometryCollection" else [collection]
    return [Feature(str(g.get("id", "")), g.get("properties") or {}, _polygons(g)) for g in geometries]


def encode_arcs(arcs: Sequence[Sequence[tuple[int, int]]]) -> list[list[list[int]]]:
    """Delta-encode integer arcs (the inverse of decode_arcs with scale 1 and translate 0)."""
    encoded = []
    for arc in arcs:
        x = y = 0
        out = []
        for px, py in arc:
            out.append([px - x, py - y])
            x, y = px, py
        encoded.append(out)
    return encoded
