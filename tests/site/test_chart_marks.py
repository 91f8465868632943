"""The shapes along the comparison lines and the names at their ends (jirei.site.views.chart_marks)."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from jirei.site.views.chart_marks import LABEL_GAP, spread
from jirei.site.views.charts import Series, line_chart

DAYS = tuple(date(2020, month, 1) for month in range(1, 13))


def _overlapping() -> list[Series]:
    same = tuple((day, 10.0 + i) for i, day in enumerate(DAYS))
    return [
        Series("テスト市", tuple((day, 30.0 + i) for i, day in enumerate(DAYS)), "primary"),
        Series("全国", same, "national"),
        Series("市平均", same, "category"),
        Series("テスト県", same, "prefecture"),
    ]


def test_labels_closer_than_the_gap_are_pushed_apart_downwards() -> None:
    assert LABEL_GAP == 18
    assert spread([100.0, 101.0, 102.0], 28.0, 248.0) == [100.0, 118.0, 136.0]
    assert spread([50.0, 120.0], 28.0, 248.0) == [50.0, 120.0]  # far apart: left alone


def test_labels_pushed_past_the_bottom_move_up_together() -> None:
    assert spread([245.0, 246.0, 247.0], 28.0, 248.0) == [212.0, 230.0, 248.0]


def test_overlapping_lines_each_have_their_own_shape_at_their_own_places() -> None:
    svg = line_chart("t", "d", _overlapping(), chart_id="c")
    groups = dict(
        re.findall(
            r'<g class="jirei-chart__marks jirei-chart__marks--(\w+)" aria-hidden="true">(.*?)</g>', svg
        )
    )
    assert sorted(groups) == ["category", "national", "prefecture"]  # the city's own line has none
    assert groups["national"].count("<circle") == 4
    assert groups["category"].count("<rect") == 4
    assert groups["prefecture"].count("<path") == 4
    xs = {
        "national": {round(float(x), 1) for x in re.findall(r'cx="([0-9.]+)"', groups["national"])},
        "category": {
            round(float(x) + 3.5, 1) for x in re.findall(r'<rect x="([0-9.]+)"', groups["category"])
        },
        "prefecture": {round(float(x), 1) for x in re.findall(r'd="M([0-9.]+) ', groups["prefecture"])},
    }
    assert all(len(found) == 4 for found in xs.values()), xs
    assert not xs["national"] & xs["category"] and not xs["category"] & xs["prefecture"]
    assert not xs["national"] & xs["prefecture"]


def test_each_line_is_named_at_its_end_and_the_names_do_not_overlap() -> None:
    svg = line_chart("t", "d", _overlapping(), chart_id="c")
    block = svg[svg.index('<g class="jirei-chart__end-labels">') :]
    labels = re.findall(r'<text x="[0-9.]+" y="([0-9.]+)" fill="#333333">([^<]+)</text>', block)
    assert sorted(name for _, name in labels) == sorted(["テスト市", "全国", "市平均", "テスト県"])
    ys = sorted(float(y) for y, _ in labels)
    assert all(b - a >= 18 for a, b in pairwise(ys)), ys


def test_the_legend_shows_each_lines_shape() -> None:
    svg = line_chart("t", "d", _overlapping(), chart_id="c")
    legend = svg[svg.index('<g class="jirei-chart__legend"') :]
    assert legend.count("<circle") == 1 and legend.count("<rect") == 1
    assert "stroke-dasharray" in legend


def test_a_single_line_has_no_end_label() -> None:
    svg = line_chart("t", "d", _overlapping()[:1], chart_id="c")
    assert "jirei-chart__end-labels" not in svg
