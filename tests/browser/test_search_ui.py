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
    page.fill(".md-search__input", "ｚｚｚｑｘ")  # no page has it, nor any word of it
    expect(page.locator(STATUS)).to_have_text("見つかりませんでした")
    expect(page.locator(RESULTS)).to_have_count(0)


def test_search_page_restores_the_query_from_the_url(page: Page) -> None:
    page.goto("search/?q=" + "書かない窓口")
    expect(page.locator("#jirei-search-page-q")).to_have_value("書かない窓口")
    expect(page.locator(".jirei-search-page__status")).to_contain_text("件見つかりました")
    links = page.locator(".jirei-search-page__list a")
    expect(links.filter(has_text="北見市")).to_have_count(1)


def test_romaji_a_ward_and_an_old_kanji_lead_to_the_municipality(page: Page) -> None:
    page.goto("")
    for query, code in (("miyakonojo", "452025"), ("横浜市中区", "141003"), ("竜ケ崎市", "082082")):
        page.fill(".md-search__input", query)
        expect(page.locator(RESULTS).first).to_have_attribute("href", f"/municipalities/{code}/")


def test_a_single_character_is_not_searched_and_says_why(page: Page) -> None:
    page.goto("")
    page.fill(".md-search__input", "町")
    expect(page.locator(STATUS)).to_have_text("見つかりませんでした")
    expect(page.locator(".jirei-search__hints")).to_contain_text("1 文字の語や助詞だけでは探せません")


def test_no_results_suggest_the_nearest_words_a_theme_and_the_finder(page: Page) -> None:
    page.goto("search/?q=ワンストツプ")
    expect(page.locator(".jirei-search-page__status")).to_have_text("見つかりませんでした")
    hints = page.locator(".jirei-search-page__hints")
    expect(hints).to_contain_text("もしかして")
    expect(hints.get_by_role("link", name="ワンストップ窓口", exact=True)).to_have_attribute(
        "href", "/search/?q=%E3%83%AF%E3%83%B3%E3%82%B9%E3%83%88%E3%83%83%E3%83%97%E7%AA%93%E5%8F%A3"
    )
    expect(hints.get_by_role("link", name="テーマ「ワンストップ窓口」")).to_have_count(1)
    expect(hints.get_by_role("link", name="条件で絞り込む")).to_have_attribute("href", "/cases/finder/")


def test_contributor_pages_wait_behind_the_site_guide_filter(page: Page) -> None:
    page.goto("")
    page.fill(".md-search__input", "項目一覧")
    expect(page.locator(STATUS)).not_to_have_text("検索しています…")
    expect(page.locator(RESULTS + "[href^='/contributing/']")).to_have_count(0)
    guide = page.locator(".jirei-search__hints").get_by_role("link", name="サイトの使い方のページ")
    guide.click()
    page.wait_for_url("**/search/?q=*section=guide*")
    expect(page.locator("input[name=section]")).to_be_checked()
    expect(page.locator(".jirei-search-page__list a[href='/contributing/fields/']")).to_have_count(1)
