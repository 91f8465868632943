"""Slow: the 404 page is in Japanese and offers ways on: home, 事例一覧, 条件で絞り込む,
交付状況 and a search box that goes to the search page (axe finds no serious violations)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from jirei.search.browser import serve_site
from tests.browser.test_pages import serious

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site_url(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site under /jirei/ as published (the 404 page's links and assets are absolute)."""
    root = tmp_path_factory.mktemp("published")
    (root / "jirei").symlink_to(real_site, target_is_directory=True)
    with serve_site(root) as url:
        yield url.rstrip("/") + "/jirei/"


WAYS = {
    "ホーム": r"/$",
    "事例一覧": r"/cases/$",
    "条件で絞り込む": r"/cases/finder/$",
    "交付状況": r"/metrics/$",
}


def test_the_404_page_is_japanese_with_ways_on(page: Page) -> None:
    page.goto("404.html")
    expect(page).to_have_title(re.compile(r"^ページが見つかりません"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("ページが見つかりません")
    assert "Not found" not in page.locator("article").inner_text()
    article = page.locator("article")
    for name, ending in WAYS.items():
        expect(article.get_by_role("link", name=name, exact=True)).to_have_attribute(
            "href", re.compile(ending)
        )
    form = article.get_by_role("search")
    expect(form).to_have_attribute("action", re.compile(r"/search/$"))
    expect(form.locator("input#jirei-404-q")).to_have_attribute("name", "q")
    assert serious(page) == []
    article.get_by_role("link", name="事例一覧", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("事例一覧")


def test_the_404_search_box_opens_the_search_page(page: Page) -> None:
    page.goto("404.html")
    page.fill("#jirei-404-q", "電子申請")
    page.locator("article").get_by_role("button", name="検索").click()
    expect(page).to_have_url(re.compile(r"/jirei/search/\?q=%E9%9B%BB"))
    expect(page.locator(".jirei-search-page__status")).to_contain_text("件見つかりました")
