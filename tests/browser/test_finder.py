"""Slow: the case finder narrows and widens, keeps its state in the URL, and works by keyboard.

Expected counts come from the case files themselves, so the tests hold as cases are added.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page, expect

from tests.repo import CASES_DIR

pytestmark = pytest.mark.slow

ITEMS = "#jirei-finder-list > li"
VISIBLE = "#jirei-finder-list > li:not([hidden])"


def cases() -> list[dict[str, Any]]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CASES_DIR.glob("*.yml"))]


def count(predicate: Any) -> int:
    return sum(1 for case in cases() if predicate(case))


def test_filters_narrow_and_widen_and_combine(page: Page) -> None:
    page.goto("cases/finder/")
    total = len(cases())
    expect(page.locator(VISIBLE)).to_have_count(total)
    page.select_option("#finder-theme", "出張申請")
    outreach = count(lambda c: "出張申請" in c["themes"])
    expect(page.locator(VISIBLE)).to_have_count(outreach)
    page.select_option("#finder-pref", "28")  # 兵庫県
    both = count(lambda c: "出張申請" in c["themes"] and c["municipality"]["code"].startswith("28"))
    assert 0 < both < outreach
    expect(page.locator(VISIBLE)).to_have_count(both)
    expect(page).to_have_url(re.compile(r"\?pref=28&theme=%E5%87%BA"))
    page.select_option("#finder-theme", "")  # widen again
    hyogo = count(lambda c: c["municipality"]["code"].startswith("28"))
    assert hyogo > both
    expect(page.locator(VISIBLE)).to_have_count(hyogo)
    expect(page.locator("#jirei-finder-count")).to_have_text(f"{total} 件中 {hyogo} 件の事例が条件に合います")
    page.click("text=条件をすべて外す")
    expect(page.locator(VISIBLE)).to_have_count(total)


def test_a_shared_url_restores_its_filter(page: Page) -> None:
    # An approach some 町 case has (the cases say 「不明」 wherever no source states one).
    approach = next(c["leadership"]["approach"] for c in cases() if c["municipality"]["category"] == "町")
    page.goto(f"cases/finder/?category=町&approach={approach}")
    expect(page.locator("#finder-category")).to_have_value("町")
    expect(page.locator("#finder-approach")).to_have_value(approach)
    # a joint case is found under the category of every member, not only the lead's
    expected = count(
        lambda c: (
            any(m["category"] == "町" for m in (c["municipality"], *c.get("members", ())))
            and c["leadership"]["approach"] == approach
        )
    )
    assert expected > 0
    expect(page.locator(VISIBLE)).to_have_count(expected)
    expect(page.locator(VISIBLE).filter(has_text="西川町")).to_have_count(1)


def test_the_finder_works_with_the_keyboard_alone(page: Page) -> None:
    page.goto("cases/finder/")
    page.focus("#finder-pref")
    page.keyboard.press("Tab")
    expect(page.locator("#finder-category")).to_be_focused()
    page.keyboard.press("ArrowDown")  # a native select changes its value with the arrow keys
    expect(page.locator("#finder-category")).not_to_have_value("")
    assert page.locator(VISIBLE).count() < page.locator(ITEMS).count()
