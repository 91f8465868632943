"""Slow: the header search box and the search page, in headless Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

STATUS = "#jirei-search-status"
RESULTS = "#jirei-search-results a"


def test_header_box_lists_the_case_for_a_query(page: Page) -> None:
    page.goto("cases/")
    page.fill(".md-search__input", "電子申請")
    expect(page.locator(STATUS)).to_contain_text("件見つかりました")
    first = page.locator(RESULTS).first
    expect(first).to_have_attribute("href", "/cases/172065-kaga-ikanai-kakanai/")
    expect(first).to_contain_text("事例")


def test_header_box_finds_a_municipality_by_its_reading_and_opens_it_with_the_keyboard(page: Page) -> None:
    page.goto("")
    page.keyboard.press("/")
    page.keyboard.type("かがし")
    expect(page.locator(RESULTS).first).to_have_attribute("href", "/municipalities/172065/")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/municipalities/172065/")
    expect(page.locator("h1")).to_contain_text("石川県加賀市")


def test_header_box_says_when_nothing_matches(page: Page) -> None:
    page.goto("")
    page.fill(".md-search__input", "該当なしのはずの語ｚｚｚｑ")
    expect(page.locator(STATUS)).to_have_text("見つかりませんでした")
    expect(page.locator(RESULTS)).to_have_count(0)


def test_search_page_restores_the_query_from_the_url(page: Page) -> None:
    page.goto("search/?q=" + "書かない窓口")
    expect(page.locator("#jirei-search-page-q")).to_have_value("書かない窓口")
    expect(page.locator(".jirei-search-page__status")).to_contain_text("件見つかりました")
    links = page.locator(".jirei-search-page__list a")
    expect(links.filter(has_text="北見市")).to_have_count(1)
