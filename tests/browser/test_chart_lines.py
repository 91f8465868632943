"""Slow: on a municipality's chart (issue #17, item 7) the national, category and prefecture
lines, which often lie on top of each other, can be told apart without colour: each has its
own shape along the line and in the legend, and its name at its end, the names apart."""

from __future__ import annotations

from itertools import pairwise

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

CHART = "figure.jirei-chart"


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_each_comparison_line_has_its_shape_and_its_name_at_its_end(
    page: Page, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto("municipalities/172065/")
    chart = page.locator(CHART).first
    expect(chart).to_be_visible()
    shapes = {
        "national": "circle",
        "category": "rect",
        "prefecture": "path",
    }
    for style, tag in shapes.items():
        marks = chart.locator(f".jirei-chart__marks--{style} > {tag}")
        expect(marks).to_have_count(4)
    names = chart.locator(".jirei-chart__end-labels text")
    expect(names).to_have_count(4)
    assert sorted(names.all_text_contents()) == sorted(["加賀市", "全国", "市平均", "石川県"])
    boxes = sorted(
        names.evaluate_all(
            "texts => texts.map(t => { const r = t.getBoundingClientRect(); return [r.top, r.bottom]; })"
        )
    )
    for (_, upper_bottom), (lower_top, _) in pairwise(boxes):
        assert upper_bottom <= lower_top + 0.5, boxes  # no two names overlap
    legend = chart.locator(".jirei-chart__legend")
    expect(legend.locator("circle")).to_have_count(1)
    expect(legend.locator("rect")).to_have_count(1)
    expect(legend.locator("line[stroke-dasharray]")).to_have_count(3)
