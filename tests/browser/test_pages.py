"""Slow: charts render as inline SVG with a text alternative; axe-core finds no serious or
critical violations on the main kinds of page (the page fixture also fails on console
errors and on any request that leaves 127.0.0.1)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

AXE = Axe()


@pytest.mark.parametrize(
    "path",
    ["municipalities/172065/", "prefectures/17/", "metrics/", "cases/172065-kaga-ikanai-kakanai/"],
)
def test_charts_render_with_a_text_alternative(page: Page, path: str) -> None:
    page.goto(path)
    charts = page.locator("figure.jirei-chart svg[role=img]")
    expect(charts.first).to_be_visible()
    for index in range(charts.count()):
        chart = charts.nth(index)
        box = chart.bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 50, path
        assert (chart.locator("xpath=./*[local-name()='title']").text_content() or "").strip(), path
        assert (chart.locator("xpath=./*[local-name()='desc']").text_content() or "").strip(), path
        assert chart.locator("polyline, path, rect").count() > 0, path


def serious(page: Page) -> list[str]:
    # Check the settled page: mid-transition (the tabs fading as the header hides after a
    # scroll) colours are half-way and axe reports contrast that no reader sees.
    page.evaluate(
        "() => Promise.all(document.getAnimations()"
        ".filter(a => a.effect?.getTiming().iterations !== Infinity).map(a => a.finished))"
    )
    results = AXE.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "",
        "cases/172065-kaga-ikanai-kakanai/",
        "municipalities/172065/",
        "cases/",
        "cases/finder/",
        "search/?q=電子申請",
    ],
)
def test_no_serious_accessibility_violations(page: Page, path: str) -> None:
    page.goto(path)
    if path.startswith("search/"):
        expect(page.locator(".jirei-search-page__status")).to_contain_text("件見つかりました")
    assert serious(page) == []


def test_no_serious_accessibility_violations_in_the_open_search_box(page: Page) -> None:
    page.goto("")
    page.fill(".md-search__input", "出張申請")
    expect(page.locator("#jirei-search-status")).to_contain_text("件見つかりました")
    assert serious(page) == []
