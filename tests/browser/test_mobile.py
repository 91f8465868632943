"""Slow: on a phone (390×844, issue #17 item 5) one tap on the search icon gives the box the
caret; a table wider than the screen says so (a hint and a shadow) and scrolls with the
keyboard, a table that fits says nothing; chart text is drawn at 11 px or more."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
HINT = "横にスクロールできます"
WIDE = ".md-typeset__scrollwrap[data-jirei-overflow]"


def test_one_tap_on_the_search_icon_puts_the_caret_in_the_box(page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("cases/")
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator(".md-search__input")
    expect(box).to_be_visible()
    expect(box).to_be_focused()
    page.keyboard.type("加賀")
    expect(box).to_have_value("加賀")


def test_a_wide_table_says_it_scrolls_and_scrolls_with_the_keyboard(page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("prefectures/17/")
    page.locator("details.jirei-data summary").first.click()
    wide = page.locator(WIDE).first
    expect(wide).to_be_visible()
    expect(wide).to_have_attribute("tabindex", "0")
    expect(wide).to_have_attribute("aria-label", f"表（{HINT}）")
    hint = page.locator(f"{WIDE}").first.locator("xpath=preceding-sibling::p[1]")
    expect(hint).to_have_text(HINT)
    expect(hint).to_be_visible()
    background = wide.evaluate("box => getComputedStyle(box).backgroundImage")
    assert "gradient" in background  # the shadow at the edge with more to see
    wide.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # Arrow keys scroll smoothly: wait for the box to move (fails after 5 s if it never does).
    page.wait_for_function("box => box.scrollLeft > 0", arg=wide.element_handle(), timeout=5000)


def test_a_table_that_fits_has_no_hint(page: Page) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("municipalities/172065/")
    boxes = page.locator(".md-typeset__scrollwrap")
    expect(boxes.first).to_have_attribute("tabindex", "0")
    expect(page.locator(WIDE)).to_have_count(0)
    visible_hints = [h for h in page.get_by_text(HINT, exact=True).all() if h.is_visible()]
    assert visible_hints == []


@pytest.mark.parametrize("path", ["municipalities/172065/", "prefectures/17/", "metrics/"])
def test_chart_text_is_at_least_11_px_on_a_phone(page: Page, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(path)
    sizes = page.locator("figure.jirei-chart svg text").evaluate_all(
        """texts => texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)"""
    )
    assert sizes, path
    assert min(sizes) >= 11, (path, min(sizes))


def test_the_comparison_chart_fits_the_phone_with_readable_text(page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("compare/?codes=172065,452025")
    chart = page.locator("#jirei-compare-chart")
    expect(chart.locator("svg")).to_be_visible()
    assert chart.evaluate(
        "figure => figure.scrollWidth <= figure.clientWidth + 1"
    )  # draws to the screen's width
    sizes = chart.locator("svg text").evaluate_all(
        "texts => texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)"
    )
    assert sizes and min(sizes) >= 11, sizes
