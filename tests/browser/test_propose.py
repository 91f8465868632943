"""Slow: the 「事例を提案する」 page is linked from the nav, the home page and /about/; its form
(docs/javascripts/propose.js, under the site's Content-Security-Policy) turns what was typed
into the GitHub issue form's fields and a text copy, as text only; axe finds no serious
violations. Nothing is opened: the page fixture fails on any request that leaves 127.0.0.1."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from jirei.paths import REPO_URL
from tests.browser.test_pages import serious

pytestmark = pytest.mark.slow

HOSTILE = '<img src=x onerror="alert(1)">'


@pytest.mark.parametrize(
    ("path", "within"), [("", "article"), ("about/", "article"), ("contributing/", "nav")]
)
def test_the_propose_page_is_linked(page: Page, path: str, within: str) -> None:
    page.goto(path)
    link = page.locator(within).get_by_role("link", name="事例を提案する").first
    link.click()
    expect(page).to_have_url(re.compile(r"/contributing/propose/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("事例を提案する")


def test_the_form_fills_the_issue_form_and_a_text_copy(page: Page) -> None:
    page.goto("contributing/propose/")
    page.fill("#propose-municipality", "架空県見本市（999999）")
    page.fill("#propose-initiative", "窓口の予約 " + HOSTILE)
    page.fill("#propose-period", "2024年4月〜（実施中）")
    page.fill("#propose-leadership", "市民課")
    page.fill("#propose-measures", "- 予約の受付\n- 出張申請")
    page.fill("#propose-outcomes", "交付枚数率 70.0%（2024年3月末時点、出典 1）")
    page.fill("#propose-sources", "1. https://www.example.jp/")
    page.get_by_role("button", name="提案の文を作る").click()
    link = page.locator("#jirei-propose-open")
    expect(link).to_be_focused()
    href = link.get_attribute("href") or ""
    assert href.startswith(f"{REPO_URL}/issues/new?")
    query = {name: values[0] for name, values in parse_qs(urlsplit(href).query).items()}
    assert query["template"] == "case-proposal.yml"
    assert query["title"] == "[事例の提案] 窓口の予約 " + HOSTILE
    assert query["initiative"] == "窓口の予約 " + HOSTILE
    assert query["measures"] == "- 予約の受付\n- 出張申請"
    assert "challenges" not in query  # left empty
    copy = page.locator("#jirei-propose-body")
    expect(copy).to_contain_text("### 取組の名前\n\n窓口の予約 " + HOSTILE)
    assert page.locator("#jirei-propose-result img").count() == 0
    expect(page.locator("#jirei-propose-status")).to_contain_text("提案の文ができました")


def test_a_required_field_left_empty_stops_the_form(page: Page) -> None:
    page.goto("contributing/propose/")
    page.get_by_role("button", name="提案の文を作る").click()
    expect(page.locator("#jirei-propose-result")).to_be_hidden()


def test_the_template_download_is_the_commented_scaffold(page: Page) -> None:
    page.goto("contributing/propose/")
    href = page.get_by_role("link", name="事例ファイルのテンプレート").get_attribute("href") or ""
    text = page.request.get(page.url + href).text()
    assert text.startswith("# yaml-language-server:") and "架空県" in text and 'code: "999999"' in text


def test_no_serious_accessibility_violations_on_the_propose_page(page: Page) -> None:
    page.goto("contributing/propose/")
    page.fill("#propose-municipality", "架空県見本市")
    assert serious(page) == []
