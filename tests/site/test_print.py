"""Slow: headless Chromium prints a case page to PDF with the print styles (A4, no navigation, URL printed)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CASE = "cases/172065-kaga-ikanai-kakanai/"
A4_POINTS = (595.0, 842.0)  # 210 × 297 mm


def _media_box(pdf: bytes) -> tuple[float, float]:
    match = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert match, "no MediaBox in the PDF"
    return float(match[1]), float(match[2])


@pytest.mark.slow
def test_a_case_page_prints_on_a4_without_navigation_and_with_its_url(
    site_url: str, browser: Browser
) -> None:
    page = browser.new_page()
    try:
        page.goto(site_url + CASE)
        url_line = page.locator(".jirei-print-url")
        assert url_line.evaluate("e => getComputedStyle(e).display") == "none"  # not on screen
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).display") != "none"

        page.emulate_media(media="print")
        hidden = [".md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs", ".md-search"]
        for selector in hidden:
            if page.locator(selector).count():
                display = page.locator(selector).first.evaluate("e => getComputedStyle(e).display")
                assert display == "none", selector
        assert url_line.evaluate("e => getComputedStyle(e).display") == "block"
        assert "https://jirei-project.github.io/jirei/" + CASE in url_line.inner_text()
        footnotes = page.locator(".footnote")
        assert footnotes.evaluate("e => getComputedStyle(e).display") != "none"  # sources printed
        assert "https://" in footnotes.inner_text()
        row = page.locator(".md-typeset table tr").first
        assert row.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
        chart = page.locator(".jirei-chart").first
        assert chart.evaluate("e => getComputedStyle(e).breakInside") == "avoid"

        # Letter is asked for; the page's @page rule must win and give A4.
        pdf = page.pdf(format="Letter", prefer_css_page_size=True, print_background=False)
    finally:
        page.close()
    assert pdf.startswith(b"%PDF")
    width, height = _media_box(pdf)
    assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)
