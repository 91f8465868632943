"""Slow: the smaller problems of issue #17 item 10 — clickable tags and a real tag index,
the feed linked from every page, short heading ids (old ones still lead to their
heading), a search placeholder that fits, a municipality page that prints on 3 A4 pages."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

KAGA_CASE = "cases/172065-kaga-ikanai-kakanai/"
SIZES = [(1366, 768), (390, 844)]


def test_a_tag_on_a_case_page_leads_to_its_place_in_the_tag_index(page: Page) -> None:
    page.goto(KAGA_CASE)
    tag = page.locator(".md-tags a.md-tag", has_text="行かない・書かない役所")
    expect(tag).to_be_visible()
    tag.click()
    page.wait_for_url(re.compile(r"/tags/#"))
    target = unquote(page.url.split("#", 1)[1])
    heading = page.locator(f"[id='{target}']")
    expect(heading).to_contain_text("行かない・書かない役所")
    expect(
        heading.locator("xpath=following-sibling::ul[1]").locator(
            f"a[href$='{KAGA_CASE.removeprefix('cases/')}']"
        )
    ).to_have_count(1)


def test_the_tag_index_is_not_the_theme_index(page: Page) -> None:
    page.goto("indexes/themes/")
    themes = {t.replace("¶", "").strip() for t in page.locator("article h2").all_inner_texts()}
    page.goto("tags/")
    tags = {t.replace("¶", "").strip() for t in page.locator("article h2").all_inner_texts()}
    assert "行かない・書かない役所" in tags and "行かない・書かない役所" not in themes
    assert len(tags - themes) > len(tags) / 2


@pytest.mark.parametrize("path", ["", "cases/", KAGA_CASE, "municipalities/172065/", "data/", "search/"])
def test_every_page_links_the_feed_in_its_head_and_footer(page: Page, path: str) -> None:
    page.goto(path)
    head = page.locator("head link[rel='alternate'][type='application/atom+xml']")
    expect(head).to_have_count(1)
    footer = page.locator("footer a[href$='feed.xml']")
    expect(footer).to_be_visible()
    for link in (head, footer):
        url = link.evaluate("a => a.href")
        assert url.endswith("/feed.xml")
        assert page.request.get(url).status == 200


def test_the_case_list_links_the_feed(page: Page) -> None:
    page.goto("cases/")
    expect(page.locator("article a[href$='feed.xml']")).to_contain_text("更新フィード")


def test_case_headings_have_short_readable_ids(page: Page) -> None:
    page.goto(KAGA_CASE)
    ids = page.locator("article h2[id]").evaluate_all("hs => hs.map(h => h.id)")
    assert ids[:3] == ["summary", "leadership", "measures"]
    assert "outcomes" in ids and ids[-1] == "sources"
    every = page.locator("article [id]:is(h1, h2, h3, h4)").evaluate_all("hs => hs.map(h => h.id)")
    assert all(i.isascii() and len(i) <= 24 for i in every), every


def test_an_old_japanese_heading_link_still_finds_its_heading(page: Page) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{KAGA_CASE}#成果")
    expect(page).to_have_url(re.compile(r"#outcomes$"))
    box = page.locator("h2#outcomes").bounding_box()
    assert box is not None and 0 <= box["y"] < 768


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_search_placeholder_fits_in_the_box(page: Page, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto("cases/")
    if width < 1220:
        page.locator("label.md-header__button[for='__search']").click()
    box = page.locator(".md-search__input")
    expect(box).to_be_visible()
    needed, room = box.evaluate(
        """input => { const s = getComputedStyle(input, "::placeholder");
             const context = document.createElement("canvas").getContext("2d");
             context.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
             const own = getComputedStyle(input);
             return [context.measureText(input.placeholder).width,
                     input.clientWidth - parseFloat(own.paddingLeft) - parseFloat(own.paddingRight)]; }"""
    )
    assert needed <= room, (width, needed, room)


def test_a_municipality_page_prints_on_at_most_three_a4_pages(page: Page) -> None:
    page.goto("municipalities/172065/")
    pdf = page.pdf(prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert 1 <= pages <= 3, pages
    assert re.search(rb"/MediaBox \[0 0 59[45][.0-9]* 84[12]", pdf)  # A4: 595 × 842 pt
