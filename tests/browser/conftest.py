"""A page for each browser test that records console errors and every request, and fails
the test if any error was logged or any request left 127.0.0.1. A Content-Security-Policy
violation is logged as an error too (Chromium's own message, and CSP_REPORTER's)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request

# Runs before any script of the page (and is not subject to its policy): every violation of
# the page's Content-Security-Policy becomes a console error, so the test fails.
CSP_REPORTER = """document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});"""


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    errors: list[str] = []
    requests: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    def on_request(request: Request) -> None:
        requests.append(request.url)

    context = browser.new_context(base_url=site_url)
    context.add_init_script(CSP_REPORTER)
    opened = context.new_page()
    opened.on("console", on_console)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("request", on_request)
    yield opened
    context.close()
    assert errors == [], errors
    assert requests, "the test made no request"
    outside = [
        url for url in requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")
    ]
    assert outside == [], outside
