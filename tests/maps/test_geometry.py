"""TopoJSON decoding, simplification, the derived boundary file and SVG path data (fixtures: テスト市, 99xxxx)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jirei.maps.derive import derive
from jirei.maps.geometry import Frame, PathMaker, load_boundaries, numbers
from jirei.maps.simplify import simplify
from jirei.maps.topojson import decode_arcs, encode_arcs, features, ring_points
from jirei.reference.codes import with_check_digit


def raw_topology() -> dict[str, object]:
    """Two unit squares side by side sharing arc 0 (テスト市 99101, テスト町 99102) and a 所属未定地."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.001, 0.001], "translate": [135.0, 35.0]},
        "arcs": [
            [[500, 0], [0, 1000]],  # 0: the shared border, (0.5, 0) → (0.5, 1)
            [[500, 1000], [-500, 0], [0, -1000], [500, 0]],  # 1: west square, back to (0.5, 0)
            [[500, 0], [500, 0], [0, 1000], [-500, 0]],  # 2: east square, (0.5, 0) → (0.5, 1)
            [[2000, 2000], [10, 0], [0, 10], [-10, 0], [0, -10]],  # 3: unclaimed islet
        ],
        "objects": {
            "N03-21_210101": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "arcs": [[0, 1]],
                        "properties": {"N03_001": "テスト県", "N03_004": "テスト市", "N03_007": "99101"},
                    },
                    {
                        "type": "MultiPolygon",
                        "arcs": [[[2, -1]]],
                        "properties": {"N03_001": "テスト県", "N03_004": "テスト町", "N03_007": "99102"},
                    },
                    {
                        "type": "Polygon",
                        "arcs": [[3]],
                        "properties": {"N03_001": "テスト県", "N03_007": None},
                    },
                ],
            }
        },
    }


def test_arcs_are_delta_decoded_and_transformed() -> None:
    arcs = decode_arcs(raw_topology())
    assert arcs[0] == [(135.5, 35.0), (135.5, 36.0)]
    assert arcs[1][-1] == pytest.approx((135.5, 35.0))


def test_a_ring_follows_reversed_arcs_without_repeating_joints() -> None:
    arcs = decode_arcs(raw_topology())
    east = ring_points([2, ~0], arcs)
    assert east[0] == east[-1] == pytest.approx((135.5, 35.0))
    assert len(east) == 5  # four corners, closed


def test_features_read_polygons_and_multipolygons_and_reject_other_types() -> None:
    found = features(raw_topology())
    assert [f.polygons for f in found[:2]] == [(((0, 1),),), (((2, -1),),)]
    bad = raw_topology()
    bad["objects"]["N03-21_210101"]["geometries"][0]["type"] = "LineString"  # type: ignore[index]
    with pytest.raises(ValueError, match="LineString"):
        features(bad)


def test_encoding_round_trips() -> None:
    arcs = [[(3, 4), (5, 1), (5, 1), (0, 0)]]
    decoded = decode_arcs({"arcs": encode_arcs(arcs), "transform": {"scale": [1, 1], "translate": [0, 0]}})
    assert decoded == [[(3.0, 4.0), (5.0, 1.0), (5.0, 1.0), (0.0, 0.0)]]


def test_simplify_drops_points_within_tolerance_and_keeps_the_ends() -> None:
    line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)]
    assert simplify(line, 0.5) == [(0.0, 0.0), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)]
    assert simplify(line, 10) == [(0.0, 0.0), (4.0, 0.0)]
    assert simplify(line[:2], 10) == line[:2]


def test_derive_keeps_coded_areas_with_check_digits_and_one_shared_border(tmp_path: Path) -> None:
    derived = derive(raw_topology())
    geometries = derived["objects"]["municipalities"]["geometries"]
    assert [g["id"] for g in geometries] == [with_check_digit("99101"), with_check_digit("99102")]
    assert [g["properties"]["name"] for g in geometries] == ["テスト県テスト市", "テスト県テスト町"]
    assert len(derived["arcs"]) == 3  # the 所属未定地's arc is gone
    west, east = (g["arcs"][0][0] for g in geometries)
    shared = set(west) & {r if r >= 0 else ~r for r in east} | set(east) & {r if r >= 0 else ~r for r in west}
    assert shared, "the two squares must reference one common arc"
    assert derived["bbox"][2] == 8000
    path = tmp_path / "b.topojson"
    path.write_text(json.dumps(derived), encoding="utf-8")
    boundaries = load_boundaries(path)
    assert set(boundaries.areas) == {g["id"] for g in geometries}
    assert boundaries.border_arcs(lambda code: code) != []


def test_numbers_use_the_minus_sign_as_separator() -> None:
    assert numbers([3, -2, 5, 1, -7]) == "3-2 5 1-7"


def test_neighbours_share_the_same_border_points_and_tiny_areas_stay_visible(tmp_path: Path) -> None:
    path = tmp_path / "b.topojson"
    path.write_text(json.dumps(derive(raw_topology())), encoding="utf-8")
    boundaries = load_boundaries(path)
    west_code, east_code = sorted(boundaries.areas)
    maker = PathMaker(boundaries, Frame(0.1, (0.0, 0.0), tolerance=0.5))
    west, east = maker.path(west_code), maker.path(east_code)
    assert west.startswith("M") and west.endswith("z") and east.endswith("z")
    shared = boundaries.border_arcs(lambda code: code)[0]
    border = maker._ring((shared,), (1.0, 0.0, 0.0))
    assert len(border) == 2
    assert all(_absolute(west).count(p) for p in border) and all(_absolute(east).count(p) for p in border)
    tiny = PathMaker(boundaries, Frame(0.0001, (0.0, 0.0), tolerance=0.5)).path(west_code)
    assert tiny.endswith("l2 2-2 2-2-2z")  # a diamond instead of nothing
    assert maker.path("990000") == ""


def _absolute(d: str) -> list[tuple[int, int]]:
    """The absolute points of path data made by PathMaker (M x y, then l with relative pairs)."""
    import re

    points: list[tuple[int, int]] = []
    for move, rest in re.findall(r"M([-\d ]+)l([-\d ]+)z?", d):
        x, y = (int(v) for v in re.findall(r"-?\d+", move))
        points.append((x, y))
        values = [int(v) for v in re.findall(r"-?\d+", rest)]
        for dx, dy in zip(values[::2], values[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def test_the_committed_boundaries_cover_every_municipality_and_both_insets() -> None:
    from jirei.reference.municipalities import load_reference

    boundaries = load_boundaries()
    codes = set(load_reference().by_code)
    assert codes <= set(boundaries.areas)
    assert set(boundaries.areas) - codes == {
        with_check_digit(f"{c:05d}") for c in range(1695, 1701)
    }  # 北方領土
    assert {inset.id for inset in boundaries.insets} == {"okinawa", "ogasawara"}
    assert set(boundaries.areas["472077"].insets) == {"okinawa"}  # 石垣市
