"""Slow: the choropleth maps are clickable and keyboard reachable; /compare/ restores its
state from the URL, adds by reading, removes, and explains itself without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_pages import serious

pytestmark = pytest.mark.slow

KAGA = 'a[href="../municipalities/172065/"]'


def test_the_national_map_is_clickable(page: Page) -> None:
    page.goto("metrics/")
    area = page.locator(f"#map-national svg {KAGA}")
    expect(area).to_have_count(1)
    assert "石川県加賀市" in (area.locator("xpath=./*[local-name()='title']").text_content() or "")
    area.locator("path").click(force=True)  # small at this scale; the click must reach the link
    expect(page).to_have_url(re.compile(r"/municipalities/172065/$"))


def test_the_national_map_page_has_no_serious_violations(page: Page) -> None:
    page.goto("metrics/")
    assert serious(page) == []


def test_the_map_is_reachable_by_keyboard_and_switches_release(page: Page) -> None:
    page.goto("metrics/")
    page.locator(".jirei-map__pick--l1").check()
    expect(page.locator(".jirei-map__key--l1")).to_be_visible()
    expect(page.locator(".jirei-map__key--l0")).to_be_hidden()
    first = page.locator("#map-national svg a").first
    first.focus()
    expect(first).to_be_focused()
    href = first.get_attribute("href") or ""
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href.removeprefix("..")) + "$"))


def test_a_prefecture_map_links_its_municipalities_and_has_no_serious_violations(page: Page) -> None:
    page.goto("prefectures/17/")
    links = page.locator(".jirei-map svg a")
    assert links.count() == 19  # 石川県's 19 municipalities
    page.locator('.jirei-map svg a[href="../../municipalities/172065/"] path').click()
    expect(page).to_have_url(re.compile(r"/municipalities/172065/$"))
    page.goto("prefectures/17/")
    assert serious(page) == []


def test_compare_restores_its_state_from_the_url(page: Page) -> None:
    page.goto("compare/?codes=172065,452025")
    chosen = page.locator("#jirei-compare-chosen li")
    expect(chosen).to_have_count(2)
    expect(chosen.first).to_contain_text("石川県加賀市")
    expect(page.locator("#jirei-compare-table thead th a")).to_have_text(["石川県加賀市", "宮崎県都城市"])
    expect(page.locator("#jirei-compare-chart path.jirei-compare__line")).to_have_count(2)
    assert page.url.endswith("?codes=172065,452025")
    expect(page.locator("[data-jirei-compare-fallback]")).to_be_hidden()
    assert serious(page) == []


def test_compare_adds_by_reading_and_removes_keeping_the_url(page: Page) -> None:
    page.goto("compare/?codes=172065")
    expect(page.locator("#jirei-compare-chosen li")).to_have_count(1)
    page.fill("#jirei-compare-input", "みやこのじょうし")
    expect(page.locator("#jirei-compare-suggestions button").first).to_contain_text("都城市")
    page.press("#jirei-compare-input", "Enter")
    expect(page.locator("#jirei-compare-chosen li")).to_have_count(2)
    expect(page).to_have_url(re.compile(r"\?codes=172065,452025$"))
    page.get_by_role("button", name="石川県加賀市を外す").click()
    expect(page.locator("#jirei-compare-chosen li")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"\?codes=452025$"))


def test_compare_without_javascript_explains_and_links(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("compare/?codes=172065,452025")
        expect(page.locator("[data-jirei-compare-fallback]")).to_contain_text("JavaScript が必要です")
        expect(page.locator("[data-jirei-compare]")).to_be_hidden()
        assert page.locator("[data-jirei-compare-fallback] a").count() >= 3
    finally:
        context.close()


def test_a_municipality_page_opens_the_comparison_with_its_peers(page: Page) -> None:
    page.goto("municipalities/172065/")
    expect(page.locator(".jirei-similar")).to_contain_text("総務省の類似団体区分")
    page.get_by_role("link", name="加賀市と類似団体を並べて比べる").click()
    expect(page).to_have_url(re.compile(r"/compare/\?codes=172065(,\d{6}){3}$"))
    expect(page.locator("#jirei-compare-chosen li")).to_have_count(4)
