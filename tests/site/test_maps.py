"""Choropleth maps: class breaks, legend, links with titles, markers, attribution, no inline
style or script; the national and prefecture maps from the fake metrics (テスト県, 99xxxx)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from jirei.maps.geometry import Boundaries, load_boundaries
from jirei.metrics.analysis import analyse
from jirei.site.pages.compare import CompareLinks, compare_data
from jirei.site.plugins.sanitize import sanitize_html
from jirei.site.views.choropleth import (
    ATTRIBUTION,
    PALETTE,
    class_breaks,
    class_of,
    colour_index,
    legend_labels,
)
from jirei.site.views.maps import MapViews
from tests.site.test_metrics_pages import CASES, TOWNS, fake_metrics, fake_reference

SVG = "{http://www.w3.org/2000/svg}"


def boundaries(tmp_path: Path) -> Boundaries:
    """One 10×10 square per fake municipality in a row, plus a village without a page (990009)."""
    codes = [*sorted(TOWNS), "990009"]
    arcs, geometries = [], []
    for index, code in enumerate(codes):
        x = index * 100
        arcs.append([[x, 0], [100, 0], [0, 100], [-100, 0], [0, -100]])
        geometries.append(
            {
                "type": "Polygon",
                "id": code,
                "arcs": [[index]],
                "properties": {"name": f"テスト{code}", "insets": [""]},
            }
        )
    topology = {
        "type": "Topology",
        "bbox": [0, 0, 100 * len(codes), 100],
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "jirei": {"insets": [], "source": "テスト"},
        "objects": {"municipalities": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }
    path = tmp_path / "test.topojson"
    path.write_text(json.dumps(topology), encoding="utf-8")
    return load_boundaries(path)


@pytest.fixture
def views(tmp_path: Path) -> MapViews:
    return MapViews(fake_metrics(), fake_reference(), CASES, boundaries(tmp_path))


def test_breaks_are_rounded_quantiles_strictly_inside_the_range() -> None:
    values = [Decimal(v) / 10 for v in range(100, 900)]  # 10.0 … 89.9
    assert class_breaks(values) == (Decimal(26), Decimal(42), Decimal(58), Decimal(74))
    assert class_breaks([Decimal(50)] * 10) == ()
    assert class_breaks([]) == ()


def test_a_value_on_a_break_belongs_to_the_upper_class() -> None:
    breaks = (Decimal(40), Decimal(50))
    assert [class_of(Decimal(v), breaks) for v in ("39.9", "40", "49.9", "50", "80")] == [0, 1, 1, 2, 2]
    assert colour_index(Decimal(80), breaks) == len(PALETTE) - 1
    assert colour_index(None, breaks) is None


def test_legend_labels_state_every_break() -> None:
    assert legend_labels((Decimal(40), Decimal(50))) == ["40%未満", "40%以上50%未満", "50%以上"]


def _svg(html: str) -> ET.Element:
    return ET.fromstring(re.search(r"<svg class=\"jirei-map__svg\".*?</svg>", html, re.S).group(0))  # type: ignore[union-attr]


def test_the_national_map_links_every_area_with_a_title(views: MapViews) -> None:
    html = views.national()
    svg = _svg(html)
    assert svg.get("role") == "group" and svg.get("aria-labelledby")
    links = svg.findall(f".//{SVG}a")
    assert len(links) == len(TOWNS)  # 990009 has no page: drawn, not linked
    for link in links:
        assert re.fullmatch(r"\.\./municipalities/\d{6}/", link.get("href", ""))
        title = link.find(f"{SVG}title")
        assert title is not None and re.search(r"\d+\.\d%", title.text or "")
        assert link.find(f"{SVG}path").get("fill") in PALETTE  # type: ignore[union-attr]
    titles = [link.find(f"{SVG}title").text for link in links]  # type: ignore[union-attr]
    assert "テスト県テスト市 50.0%（事例 1 件）" in titles
    assert len(svg.findall(f".//{SVG}circle")) == 1  # one municipality with cases
    assert ATTRIBUTION in html
    assert "地図の内容を表で見る" in html and html.count("<tr><td>") == len(TOWNS) + 1


def test_a_second_release_is_a_second_layer_chosen_by_radio_buttons(views: MapViews) -> None:
    views.earlier = date(2020, 1, 1)
    html = views.national()
    titles = [t.text for t in _svg(html).iter(f"{SVG}title")]
    assert "テスト県テスト市 2021年1月1日 50.0%・2020年1月1日 30.0%（事例 1 件）" in titles
    assert "凡例：2021年1月1日（収録データの最新）の人口に対する枚数の率" in html
    assert html.count('type="radio"') == 2 and html.count("checked") == 1
    assert re.search(r'<path d="[^"]+" fill="#[0-9a-f]{6}" class="l1c\d"/>', html)
    assert html.count("jirei-map__key--l") == 2  # one legend per release


def test_the_legend_counts_add_up_and_no_inline_style_or_script(views: MapViews) -> None:
    html = views.national()
    counts = [int(n) for n in re.findall(r"（(\d+)団体）", html)]
    assert len(counts) >= 2
    assert sum(counts) == len(TOWNS) + 1  # five with data and the one without
    assert "データなし（1団体）" in html
    assert " style=" not in html and "<script" not in html and not re.search(r" on[a-z]+=", html)
    assert html.count('data-pagefind-ignore="all"') == 2  # the map and its table: not indexed for search


def test_the_sanitizer_keeps_what_the_map_needs(views: MapViews) -> None:
    views.earlier = date(2020, 1, 1)
    html = str(views.national())
    clean = sanitize_html(html)
    for needle in (
        "<a href=",
        "<title>",
        'class="l1c',
        'aria-hidden="true"',
        'type="radio"',
        "checked",
        "<details",
    ):
        assert clean.count(needle) == html.count(needle), needle
    assert clean.count(' fill="') == html.count(' fill="')


def test_a_prefecture_map_shows_only_its_municipalities(views: MapViews) -> None:
    html = views.prefecture("99")
    links = _svg(html).findall(f".//{SVG}a")
    assert sorted(link.get("href") for link in links) == [
        f"../../municipalities/{code}/" for code in sorted(TOWNS) if code.startswith("99")
    ]
    assert views.prefecture("97") == ""


def test_compare_data_aligns_rates_with_dates_and_links_cases() -> None:
    analysis = analyse(fake_metrics(), fake_reference())
    files = compare_data(analysis, CASES)
    assert sorted(files) == ["compare/data/98.json", "compare/data/99.json"]
    document = json.loads(files["compare/data/99.json"])
    record = document["municipalities"]["991001"]
    assert document["dates"] == ["2020-01-01", "2020-07-01", "2021-01-01"]
    assert record["rates"] == [30.0, 40.0, 50.0]
    assert record["latest"]["rate"] == "50.0" and record["ranks"]["national"].startswith("2位")
    assert record["cases"] == [["テストの取組 <試行>", "../cases/991001-test/"]]
    assert record["page"] == "../municipalities/991001/"


def test_compare_links_start_with_the_municipality_and_its_peers() -> None:
    links = CompareLinks({"991001": ("991002", "991003", "991004", "981001")})
    assert links.href("991001") == "../../compare/?codes=991001,991002,991003,991004"
    assert links.href("991004") == "../../compare/?codes=991004"
