"""Slow: pages read well on a desktop (1366×768) and a phone (390×844): 事例一覧 is a list whose
items take a few lines each and never overflow the screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

SIZES = [(1366, 768), (390, 844)]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_case_list_is_a_few_lines_per_case(page: Page, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto("cases/")
    items = page.locator(".jirei-case-list li")
    expect(items.first).to_be_visible()
    count = items.count()
    assert count >= 10
    tallest = 140 if width > 600 else 240  # px: the old seven-column table took up to 400 px a case
    for index in range(count):
        box = items.nth(index).bounding_box()
        assert box is not None
        assert box["height"] < tallest, (index, box)
        assert box["x"] + box["width"] <= width, (index, box)
        expect(items.nth(index).locator("a").first).to_have_attribute(
            "href", re.compile(r"^[0-9]{6}-[a-z0-9-]+/$")
        )
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_citation_wraps_without_doubled_brackets_and_has_a_place_for_the_access_date(
    page: Page, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto("cases/172065-kaga-ikanai-kakanai/")
    page.get_by_text("この事例を引用する").click()
    text = page.locator(".jirei-citation__text")
    expect(text).to_be_visible()
    content = text.inner_text()
    assert "「「" not in content and "」」" not in content, content
    assert content.endswith("（〇〇〇〇年〇月〇日閲覧）")
    box = text.bounding_box()
    assert box is not None and box["height"] > 30  # wraps onto more than one line
    for block in [text, *page.locator(".jirei-citation pre").all()]:
        assert block.evaluate("element => element.scrollWidth <= element.clientWidth + 1"), width
