"""Slow: wayfinding on every kind of page (issue #17, item 4) — the top tab of the page's
section is marked active even on generated pages outside the navigation, a breadcrumb trail
(an ordered list in a labelled <nav>) leads back with real links, and a desktop shows no
empty left column."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

DESKTOP = {"width": 1366, "height": 768}
KAGA_CASE = "cases/172065-kaga-ikanai-kakanai/"
TRAIL = "nav[aria-label='パンくずリスト'] > ol > li > a"


@pytest.mark.parametrize(
    ("path", "tab"),
    [
        ("", "ホーム"),
        ("cases/", "事例一覧"),
        (KAGA_CASE, "事例一覧"),
        ("municipalities/172065/", "交付状況"),
        ("prefectures/17/", "交付状況"),
        ("compare/", "交付状況"),
        ("indexes/themes/", "探す"),
        ("tags/", "探す"),
        ("contributing/propose/", "事例を寄せる"),
    ],
)
def test_the_tab_of_the_pages_section_is_active(page: Page, path: str, tab: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(path)
    active = page.locator(".md-tabs__item--active")
    expect(active).to_have_count(1)
    expect(active).to_have_text(tab)
    expect(active.locator("a")).to_have_attribute("aria-current", "page")
    weight = active.locator("a").evaluate("a => getComputedStyle(a).fontWeight")
    assert int(weight) >= 700  # told apart by more than a brighter colour


@pytest.mark.parametrize(
    ("path", "labels", "targets"),
    [
        (
            KAGA_CASE,
            [
                "ホーム",
                "事例一覧",
                "石川県",
                "「行かない・書かない役所」を掲げ、カード普及と電子申請を一体で進めた加賀市",
            ],
            ["/", "/cases/", "/cases/finder/?pref=17", f"/{KAGA_CASE}"],
        ),
        (
            "municipalities/172065/",
            ["ホーム", "交付状況", "石川県", "加賀市"],
            ["/", "/metrics/", "/prefectures/17/", "/municipalities/172065/"],
        ),
        ("prefectures/17/", ["ホーム", "交付状況", "石川県"], ["/", "/metrics/", "/prefectures/17/"]),
        ("indexes/themes/", ["ホーム", "探す", "テーマ別"], ["/", "/cases/finder/", "/indexes/themes/"]),
        ("data/", ["ホーム", "このサイトについて", "オープンデータ"], ["/", "/about/", "/data/"]),
    ],
)
def test_breadcrumbs_are_a_labelled_ordered_list_of_real_links(
    page: Page, path: str, labels: list[str], targets: list[str]
) -> None:
    page.goto(path)
    links = page.locator(TRAIL)
    expect(links).to_have_text(labels)
    hrefs = [
        links.nth(i).evaluate("a => new URL(a.href).pathname + new URL(a.href).search")
        for i in range(len(labels))
    ]
    assert hrefs == targets
    expect(links.last).to_have_attribute("aria-current", "page")
    for target in targets:
        assert page.request.get(target).status == 200, target
    # above the page's title and its tags
    trail_y = page.locator("nav[aria-label='パンくずリスト']").bounding_box()["y"]  # type: ignore[index]
    assert trail_y < page.locator("article h1").bounding_box()["y"]  # type: ignore[index]


def test_the_home_page_has_no_trail(page: Page) -> None:
    page.goto("")
    expect(page.locator("nav[aria-label='パンくずリスト']")).to_have_count(0)


@pytest.mark.parametrize("path", [KAGA_CASE, "municipalities/172065/", "cases/", ""])
def test_no_empty_left_column_on_a_desktop(page: Page, path: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(path)
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    content = page.locator(".md-content").bounding_box()
    assert content is not None and content["width"] > 900  # the 250 px column went to the content


def test_a_section_page_keeps_its_section_menu_on_the_left(page: Page) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto("indexes/themes/")
    menu = page.locator(".md-sidebar--primary")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="条件で絞り込む")).to_be_visible()


def test_the_phone_menu_still_opens(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(KAGA_CASE)
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="事例一覧").first).to_be_visible()
