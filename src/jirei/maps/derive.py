"""Make the compact boundary file the site draws from (data/boundaries/municipalities.topojson).

From the raw 国土数値情報 N03 TopoJSON (lon/lat): project (Lambert conformal conic), move 沖縄県
into an inset at the top left and 小笠原諸島 (×2) into one at the bottom right, leave out 所属未定地,
南鳥島 and the 硫黄列島, simplify each shared arc once (Douglas–Peucker, so neighbours keep one
common border) and round to an integer grid. The result is a TopoJSON topology (delta-encoded
integer arcs) whose geometries carry the 6-digit 団体コード as ``id``. Deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from jirei import paths
from jirei.maps.projection import project
from jirei.maps.simplify import simplify
from jirei.maps.topojson import decode_arcs, encode_arcs, features
from jirei.reference.codes import with_check_digit

RAW_BOUNDARIES = Path("raw/boundaries/smartnews-smri-japan-topography/N03-21_210101_designated_city.json")
BOUNDARIES = Path("boundaries/municipalities.topojson")  # both under the project's data/
GRID_WIDTH = 8000  # grid units across the main map (≈ 0.26 km each)
TOLERANCE = 1.0  # grid units; the maps simplify further for their own scale
MARGIN_KM = 30.0
OGASAWARA_CODE = "13421"
OGASAWARA_SCALE = 2.0
IZU_CODES = ("13361", "13402")  # 大島町 … 青ヶ島村
INSET_LABELS = {"okinawa": "沖縄県", "ogasawara": "小笠原諸島（縮尺2倍）", "izu": "伊豆諸島"}


def _inset(code5: str, lon: float, lat: float) -> str | None:
    """'' for the main map, an inset id, or None to leave the polygon out. 伊豆諸島 stay in
    place on the national map ("izu"), but a map of 東京都 draws them beside the mainland."""
    if IZU_CODES[0] <= code5 <= IZU_CODES[1]:
        return "izu"
    if code5.startswith("47"):
        return "okinawa"
    if code5 == OGASAWARA_CODE and lat < 28.5:
        return "ogasawara" if lat > 26.3 and lon < 144 else None
    return ""


def _bbox(points: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def derive(raw: dict[str, Any]) -> dict[str, Any]:
    lonlat = decode_arcs(raw)
    arc_tag: dict[int, str] = {}
    kept = []
    for feature in features(raw):
        code5 = feature.properties.get("N03_007")
        if not code5:
            continue  # 所属未定地
        polygons, tags = [], []
        for polygon in feature.polygons:
            first = polygon[0][0]
            lon, lat = lonlat[first if first >= 0 else ~first][0]
            tag = _inset(code5, lon, lat)
            if tag is None:
                continue
            polygons.append(polygon)
            tags.append(tag)
            for ring in polygon:
                for ref in ring:
                    arc_tag[ref if ref >= 0 else ~ref] = tag
        name = feature.properties.get("N03_004") or feature.properties.get("N03_003") or ""
        kept.append((with_check_digit(code5), polygons, tags, feature.properties.get("N03_001", "") + name))
    projected = {i: [project(lon, lat) for lon, lat in lonlat[i]] for i in arc_tag}
    main = _bbox(p for i, pts in projected.items() if not arc_tag[i] for p in pts)
    boxes = _place_insets(projected, arc_tag, main)
    k = GRID_WIDTH / (main[2] - main[0])
    order = sorted(arc_tag)
    new_index = {old: new for new, old in enumerate(order)}
    arcs = [_grid_arc(projected[i], main, k) for i in order]
    geometries = []
    for code, polygons, tags, name in sorted(kept):
        remapped = [
            [[new_index[r] if r >= 0 else ~new_index[~r] for r in ring] for ring in polygon]
            for polygon in polygons
        ]
        geometries.append(
            {
                "type": "MultiPolygon",
                "id": code,
                "properties": {"name": name, "insets": tags},
                "arcs": remapped,
            }
        )
    width, height = GRID_WIDTH, round((main[3] - main[1]) * k)
    return {
        "type": "Topology",
        "bbox": [0, 0, width, height],
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "jirei": {
            "insets": [
                {
                    "id": tag,
                    "label": INSET_LABELS[tag],
                    "box": [round((v - o) * k) for v, o in zip(box, main[:2] * 2, strict=True)],
                }
                for tag, box in boxes.items()
            ],
            "source": "国土数値情報（行政区域データ）N03 2021-01-01（スマートニュース メディア研究所の簡素化 1% 版）",
        },
        "objects": {"municipalities": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": encode_arcs(arcs),
    }


def _place_insets(
    projected: dict[int, list[tuple[float, float]]], arc_tag: dict[int, str], main: Sequence[float]
) -> dict[str, tuple[float, float, float, float]]:
    """Move the inset arcs in place (Okinawa top left at ×1, Ogasawara bottom right at ×2)."""
    boxes = {}
    for tag, scale, corner in (("okinawa", 1.0, "top-left"), ("ogasawara", OGASAWARA_SCALE, "bottom-right")):
        ids = [i for i, t in arc_tag.items() if t == tag]
        if not ids:
            continue
        x0, y0, x1, y1 = _bbox(p for i in ids for p in projected[i])
        pad = MARGIN_KM / 3
        if corner == "top-left":
            ox, oy = main[0] + pad - x0 * scale, main[1] + pad - y0 * scale
        else:
            ox, oy = main[2] - pad - x1 * scale, main[3] - pad - y1 * scale
        for i in ids:
            projected[i] = [(x * scale + ox, y * scale + oy) for x, y in projected[i]]
        nx0, ny0, nx1, ny1 = x0 * scale + ox, y0 * scale + oy, x1 * scale + ox, y1 * scale + oy
        boxes[tag] = (nx0 - pad, ny0 - pad, nx1 + pad, ny1 + pad)
    return boxes


def _grid_arc(
    points: Sequence[tuple[float, float]], main: Sequence[float], k: float
) -> list[tuple[int, int]]:
    scaled = [((x - main[0]) * k, (y - main[1]) * k) for x, y in points]
    result: list[tuple[int, int]] = []
    for x, y in simplify(scaled, TOLERANCE):
        point = (round(x), round(y))
        if not result or result[-1] != point:
            result.append(point)
    if len(result) == 1:
        result.append(result[0])
    return result


def write(raw_path: Path, out_path: Path) -> dict[str, Any]:
    topology = derive(json.loads(raw_path.read_text(encoding="utf-8")))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(
        json.dumps(topology, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    return topology


def main() -> None:
    data = paths.project().data_dir
    out = data / BOUNDARIES
    topo = write(data / RAW_BOUNDARIES, out)
    print(out, out.stat().st_size, "bytes,", sum(len(a) for a in topo["arcs"]), "points")


if __name__ == "__main__":
    main()
