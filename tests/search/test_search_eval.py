"""Slow: the evaluation set (tests/search/queries.yml) against the built site in headless Chromium.

Prints the dev queries one by one and the measures of both sets; fails unless the test set
reaches recall@5 ≥ 0.9 and MRR ≥ 0.8 and no result of any query lacks all of its words."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from jirei.search.eval_report import format_report
from jirei.search.evaluation import load_queries, passes, run_queries


@pytest.mark.slow
def test_the_test_set_reaches_recall_mrr_and_precision(browser: Browser, site_url: str) -> None:
    queries = load_queries()
    page = browser.new_page()
    page.goto(site_url)
    outcomes = run_queries(page, queries)
    page.close()
    report = format_report(outcomes)
    print("\n" + report)
    assert passes(outcomes), "\n".join(report.splitlines()[-16:])
