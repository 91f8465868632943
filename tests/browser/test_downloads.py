"""Slow: the download links a member of staff follows give files Excel reads without 文字化け:
every CSV linked from the data page and a municipality page starts with a byte order mark."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.slow

BOM = b"\xef\xbb\xbf"


def _linked(page: Page, selector: str) -> list[str]:
    hrefs = page.locator(selector).evaluate_all("links => links.map(link => link.getAttribute('href'))")
    return [urljoin(page.url, href) for href in hrefs]


def test_every_csv_on_the_data_page_has_a_bom(page: Page) -> None:
    page.goto("data/")
    csv_urls = _linked(page, "article a[href$='.csv']")
    assert len(csv_urls) >= 7
    for url in csv_urls:
        assert page.request.get(url).body().startswith(BOM), url


def test_a_municipality_page_offers_its_own_csv_and_json(page: Page) -> None:
    page.goto("municipalities/172065/")
    (csv_url,) = _linked(page, "article a:has-text('CSV（Excel で開けます）')")
    (json_url,) = _linked(page, "article a:text-is('JSON')")
    body = page.request.get(csv_url).body()
    assert body.startswith(BOM) and len(body) < 8_000
    assert body[len(BOM) :].decode("utf-8").splitlines()[-1].split(",")[1:4] == ["172065", "石川県", "加賀市"]
    document = json.loads(page.request.get(json_url).text())
    assert document["code"] == "172065" and len(document["rows"]) > 40
