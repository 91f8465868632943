"""Slow: the evaluation set (tests/search/queries.yml) against the built site in headless Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from jirei.search.evaluation import THRESHOLD, format_report, load_queries, recall_at_k, run_queries


@pytest.mark.slow
def test_recall_at_5_reaches_the_threshold(browser: Browser, site_url: str) -> None:
    queries = load_queries()
    assert len(queries) >= 30
    page = browser.new_page()
    page.goto(site_url)
    outcomes = run_queries(page, queries)
    page.close()
    print("\n" + format_report(outcomes))
    assert recall_at_k(outcomes) >= THRESHOLD, format_report([o for o in outcomes if o.missing])
