from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from jirei.site.views.bar_chart import BarSeries, bar_chart
from jirei.site.views.chart_svg import (
    LEFT,
    PLOT_HEIGHT,
    RIGHT,
    SVG_NS,
    TOP,
    WIDTH,
    XScale,
    YScale,
    nice_step,
    num,
)
from jirei.site.views.charts import Band, Marker, Series, line_chart

NS = {"svg": SVG_NS}


def _dates(count: int) -> list[date]:
    return [date(2017 + i // 4, 1 + 3 * (i % 4), 1) for i in range(count)]


def _series() -> list[Series]:
    days = _dates(20)
    return [
        Series("テスト市 <A&B>", tuple((d, 2.0 * i) for i, d in enumerate(days)), "primary"),
        Series("全国", tuple((d, 1.5 * i) for i, d in enumerate(days)), "national"),
    ]


def _chart(**kwargs: object) -> str:
    defaults: dict[str, object] = {
        "bands": [Band(date(2019, 4, 1), date(2020, 3, 31), "取組期間 <1>")],
        "markers": [
            Marker(date(2020, 6, 1), 45.0, "成果 & 後"),
            Marker(date(2018, 6, 1), 20.0, "成果 前"),
        ],
    }
    defaults.update(kwargs)
    return line_chart("推移 <図>", "最新は 38.0% & 全国 28.5%。", _series(), chart_id="c-1", **defaults)  # type: ignore[arg-type]


def _svg(figure: str) -> ET.Element:
    root = ET.fromstring(figure)
    assert root.tag == "figure"
    svg = root.find("svg:svg", NS)
    assert svg is not None
    return svg


def test_well_formed_with_title_desc_and_aria() -> None:
    figure = _chart()
    svg = _svg(figure)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c-1-title c-1-desc"
    title = svg.find("svg:title", NS)
    desc = svg.find("svg:desc", NS)
    assert title is not None and title.get("id") == "c-1-title" and title.text == "推移 <図>"
    assert desc is not None and desc.get("id") == "c-1-desc" and desc.text == "最新は 38.0% & 全国 28.5%。"
    caption = ET.fromstring(figure).find("figcaption")
    assert caption is not None and caption.text == "推移 <図>"


def test_text_is_escaped() -> None:
    figure = _chart()
    assert "テスト市 &lt;A&amp;B&gt;" in figure
    assert "<A&B>" not in figure
    assert "取組期間 &lt;1&gt;" in figure
    assert "成果 &amp; 後" in figure


def test_band_and_markers_in_x_order() -> None:
    svg = _svg(_chart())
    band = svg.find(".//svg:g[@class='jirei-chart__band']/svg:rect", NS)
    assert band is not None
    band_x = float(band.get("x", "nan"))
    band_end = band_x + float(band.get("width", "nan"))
    markers = svg.findall(".//svg:path[@class='jirei-chart__marker']", NS)
    assert len(markers) == 2
    marker_x = [float(re.match(r"M([\d.]+)", m.get("d", ""))[1]) for m in markers]  # type: ignore[index]
    titles = [m.find("svg:title", NS).text for m in markers]  # type: ignore[union-attr]
    assert titles == ["成果 前", "成果 & 後"]  # sorted by date
    assert marker_x[0] < band_x < band_end < marker_x[1]


def test_open_band_runs_to_last_x() -> None:
    svg = _svg(_chart(bands=[Band(date(2019, 4, 1), None, "取組中")], markers=[]))
    rect = svg.find(".//svg:g[@class='jirei-chart__band']/svg:rect", NS)
    axis = svg.find(".//svg:g[@class='jirei-chart__axis']/svg:line", NS)
    assert rect is not None and axis is not None
    end = float(rect.get("x", "0")) + float(rect.get("width", "0"))
    assert end == pytest.approx(float(axis.get("x2", "nan")), abs=0.11)


def test_band_outside_range_is_dropped() -> None:
    svg = _svg(_chart(bands=[Band(date(2010, 1, 1), date(2011, 1, 1), "昔")], markers=[]))
    assert svg.find(".//svg:g[@class='jirei-chart__band']", NS) is None


def test_series_differ_by_colour_and_dash() -> None:
    svg = _svg(_chart())
    lines = {line.get("class"): line for line in svg.findall(".//svg:polyline", NS) if line.get("class")}
    primary = lines["jirei-chart__series jirei-chart__series--primary"]
    national = lines["jirei-chart__series jirei-chart__series--national"]
    assert primary.get("stroke") != national.get("stroke")
    assert primary.get("stroke-dasharray") != national.get("stroke-dasharray")
    # Legend names each series with its latest value.
    legend = "".join(svg.find(".//svg:g[@class='jirei-chart__legend']", NS).itertext())  # type: ignore[union-attr]
    assert "テスト市 <A&B> 38.0%" in legend and "全国 28.5%" in legend and "事例の成果指標" in legend


def test_year_ticks_and_y_grid() -> None:
    svg = _svg(_chart())
    texts = ["".join(t.itertext()) for t in svg.iter(f"{{{SVG_NS}}}text")]
    for year in range(2017, 2022):
        assert f"{year}年" in texts
    for tick in ("0", "20", "40", "60", "80", "100", "%"):
        assert tick in texts


def test_no_blank_lines_and_no_external_references() -> None:
    figure = _chart()
    assert "\n\n" not in figure
    assert all(line.strip() for line in figure.splitlines())
    assert re.findall(r"https?://[^\"' ]+", figure) == [SVG_NS]
    assert "<script" not in figure


def test_deterministic_and_coordinates_rounded() -> None:
    # the same markers given in another order draw the same bytes (they are placed by date)
    swapped = [Marker(date(2018, 6, 1), 20.0, "成果 前"), Marker(date(2020, 6, 1), 45.0, "成果 & 後")]
    assert _chart(markers=swapped) == _chart()
    points = _svg(_chart()).find(".//svg:polyline", NS)
    assert points is not None
    for number in re.findall(r"[\d.]+", points.get("points", "")):
        assert len(number.partition(".")[2]) <= 1


def test_size_is_small() -> None:
    days = _dates(50)
    series = [Series("テスト市", tuple((d, i * 1.7) for i, d in enumerate(days)), "primary")]
    one = line_chart("t", "d", series, chart_id="x")
    two = line_chart("t", "d", [*series, Series("全国", series[0].points, "national")], chart_id="x")
    assert len(two.encode()) - len(one.encode()) < 2048


def test_lines_shared_between_charts_keep_their_coordinates() -> None:
    """A line drawn on many charts is formatted once per axes: reused, it must still give
    exactly the coordinates of its own chart's scales (listed in date order)."""
    days = _dates(12)
    shared = Series("全国", tuple((d, 7.3 * i) for i, d in reversed(list(enumerate(days)))), "national")
    for last in (days[-1], date(2030, 1, 1), days[-1]):  # same axes, wider axes, same again
        own = Series("市", ((days[0], 1.0), (last, 2.0)), "primary")
        figure = line_chart("t", "d", [own, shared], chart_id="c")
        right = WIDTH - RIGHT - 36  # room for the end labels: 「全国」 2 × 12 + 12 (chart_marks.label_room)
        x_of, y_of = XScale(days[0], last, LEFT, right), YScale(100.0, TOP, TOP + PLOT_HEIGHT)
        expected = " ".join(f"{num(x_of(d))},{num(y_of(v))}" for d, v in sorted(shared.points))
        assert f'points="{expected}"' in figure


def test_single_point_series_is_drawn() -> None:
    svg = _svg(line_chart("t", "d", [Series("点", ((date(2020, 1, 1), 10.0),), "primary")], chart_id="p"))
    assert svg.find(".//svg:circle", NS) is not None


def test_empty_chart_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"^グラフに描く点がありません$"):
        line_chart("t", "d", [Series("空", (), "primary")], chart_id="e")


def test_helpers() -> None:
    assert num(12.04) == "12"
    assert num(3.26) == "3.3"
    assert num(-0.01) == "0"
    assert nice_step(100) == 20
    assert nice_step(12) == 2.5


def test_bar_chart() -> None:
    figure = bar_chart(
        "年齢別 <計>",
        "20～24歳が最も高い。",
        ["0～4歳", "20～24歳"],
        [BarSeries("男 & 女", (10.0, 40.0), "solid"), BarSeries("女", (12.0, None), "hatched")],
        chart_id="b",
    )
    assert "\n\n" not in figure
    svg = _svg(figure)
    assert svg.get("aria-labelledby") == "b-title b-desc"
    bars = svg.findall(".//svg:g[@class]/svg:rect[@height]", NS)
    tips = [bar.find("svg:title", NS).text for bar in bars if bar.find("svg:title", NS) is not None]  # type: ignore[union-attr]
    assert tips == ["0～4歳 男 & 女: 10.0%", "20～24歳 男 & 女: 40.0%", "0～4歳 女: 12.0%"]
    widths = [float(bar.get("width", "nan")) for bar in bars if bar.find("svg:title", NS) is not None]
    assert widths[1] == pytest.approx(4 * widths[0], abs=0.2)
    assert "url(#b-hatch)" in figure and 'id="b-hatch"' in figure
    assert "男 &amp; 女" in figure
