"""Slow: on the fixture site (a joint case and a 課題事例, tests/site/fixture_site.py) the finder
files a joint case under each member and filters by 事例の種類 with the choice in the URL, and
axe-core finds no serious violations on the pages with evidence, labels and the coverage table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from jirei.search.browser import serve_site
from tests.browser.test_pages import serious
from tests.site.fixture_site import CAUTIONARY, JOINT, build_fixture_site

pytestmark = pytest.mark.slow

VISIBLE = "#jirei-finder-list > li:not([hidden])"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Overrides the real site for the `page` fixture of tests/browser/conftest.py."""
    root: Path = build_fixture_site(tmp_path_factory.mktemp("fixture-site"))
    with serve_site(root / "site") as url:
        yield url


def test_the_case_kind_filter_keeps_its_choice_in_the_url(page: Page) -> None:
    page.goto("cases/finder/")
    expect(page.locator(VISIBLE)).to_have_count(3)
    page.select_option("#finder-kind", "課題事例")
    expect(page.locator(VISIBLE)).to_have_count(1)
    expect(page.locator(VISIBLE).first.locator("a")).to_have_attribute("href", f"../{CAUTIONARY}/")
    expect(page).to_have_url(re.compile(r"\?kind=%E8%AA%B2%E9%A1%8C%E4%BA%8B%E4%BE%8B$"))
    page.goto("cases/finder/?kind=取組事例")
    expect(page.locator("#finder-kind")).to_have_value("取組事例")
    expect(page.locator(VISIBLE)).to_have_count(2)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pref=98", [JOINT]),  # only a member (サンプル県サンプル市) is in サンプル県
        ("pref=99&category=町", [JOINT]),  # テスト県試作町 is a member; the lead is a 市
        ("category=市", ["992011-test-shinsei", JOINT]),
    ],
)
def test_a_joint_case_is_found_under_each_members_prefecture_and_category(
    page: Page, query: str, expected: list[str]
) -> None:
    page.goto(f"cases/finder/?{query}")
    expect(page.locator(VISIBLE)).to_have_count(len(expected))
    hrefs = [page.locator(VISIBLE).nth(i).locator("a").get_attribute("href") for i in range(len(expected))]
    assert hrefs == [f"../{case_id}/" for case_id in expected]


@pytest.mark.parametrize("path", ["", "cases/", f"cases/{JOINT}/", f"cases/{CAUTIONARY}/", "cases/finder/"])
def test_no_serious_accessibility_violations_on_the_fixture_pages(page: Page, path: str) -> None:
    page.goto(path)
    assert serious(page) == []


def test_a_finder_with_no_match_says_which_condition_to_take_off(page: Page) -> None:
    # サンプル県 has only the joint case (a 取組事例); the one 課題事例 is in テスト県.
    page.goto("cases/finder/?pref=98&kind=課題事例")
    expect(page.locator(VISIBLE)).to_have_count(0)
    loosen = page.locator(".jirei-finder-loosen")
    expect(loosen).to_be_visible()
    expect(loosen.locator("li")).to_have_text(
        [
            "「都道府県: サンプル県」を外すと 1 件 この条件を外す",
            "「事例の種類: 課題事例」を外すと 1 件 この条件を外す",
        ]
    )
    loosen.get_by_role("button", name="条件「事例の種類: 課題事例」を外す（1 件）").click()
    expect(page.locator(VISIBLE)).to_have_count(1)
    expect(page.locator(VISIBLE).first.locator("a")).to_have_attribute("href", f"../{JOINT}/")
    expect(loosen).to_be_hidden()
    expect(page).to_have_url(re.compile(r"\?pref=98$"))
