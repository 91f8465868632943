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


def test_headings_break_between_phrases(page: Page) -> None:
    page.goto("municipalities/172065/")
    for selector in ("article h1", "article h2"):
        assert page.locator(selector).first.evaluate("h => getComputedStyle(h).wordBreak") == "auto-phrase"


# A break inside these changes what they say (2022年12｜月31日, 11位 /｜1,741).
ONE_LINE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日|\d+位 / [\d,]+)$")


@pytest.mark.parametrize("path", ["municipalities/172065/", "prefectures/17/"])
def test_dates_and_ranks_in_table_cells_stay_on_one_line_on_a_phone(page: Page, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    page.locator("details.jirei-data summary").first.click()
    cells = page.locator("article td")
    checked = 0
    for index in range(cells.count()):
        cell = cells.nth(index)
        if not ONE_LINE.match(cell.inner_text().strip()) or not cell.is_visible():
            continue
        lines = cell.evaluate(
            """td => { const range = document.createRange(); range.selectNodeContents(td);
                       const height = parseFloat(getComputedStyle(td).lineHeight);
                       return range.getBoundingClientRect().height / height; }"""
        )
        assert lines < 1.5, (path, cell.inner_text())
        checked += 1
    assert checked > 20
