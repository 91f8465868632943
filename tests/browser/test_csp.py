"""Slow: the Content-Security-Policy in the browser. The theme's inline scripts and the site's
own scripts run under it (the other browser tests pass with no violation logged); a script
that got into a page some other way is blocked, and the block is caught as a console error."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from tests.browser.conftest import CSP_REPORTER

pytestmark = pytest.mark.slow


def test_the_theme_runs_under_the_policy(page: Page) -> None:
    page.goto("cases/172065-kaga-ikanai-kakanai/")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert (
        page.evaluate("typeof __md_scope") == "object"
    )  # Material's inline script ran (its hash is allowed)
    page.get_by_text("この事例を引用する").click()
    copy = page.get_by_role("button", name="クリップボードへコピー").first
    expect(copy).to_be_attached()  # the theme's bundle added the copy buttons
    copy.click()  # and they work under the policy (the fixture fails on any console error)


@pytest.mark.parametrize(
    ("what", "script"),
    [
        ("inline script added later", "const s = document.createElement('script'); s.textContent = 'window.pwned = 1'; document.body.append(s);"),
        ("event handler attribute", "const d = document.createElement('div'); d.setAttribute('onclick', 'window.pwned = 1'); document.body.append(d); d.click();"),
        ("javascript: link", "const a = document.createElement('a'); a.href = 'javascript:window.pwned = 1'; document.body.append(a); a.click();"),
        ("script from another site", "const s = document.createElement('script'); s.src = 'https://example.com/x.js'; document.body.append(s);"),
        ("object", "const o = document.createElement('object'); o.data = '/x.swf'; document.body.append(o);"),
    ],
)  # fmt: skip
def test_injected_script_is_blocked_and_reported(
    browser: Browser, site_url: str, what: str, script: str
) -> None:
    errors: list[str] = []
    context = browser.new_context(base_url=site_url)
    context.add_init_script(CSP_REPORTER)
    context.route("https://example.com/**", lambda route: route.abort())
    opened = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    opened.on("console", on_console)
    opened.goto("cases/")
    opened.evaluate(script)  # DevTools evaluation itself is not subject to the policy; what it adds is
    opened.wait_for_timeout(300)
    pwned = opened.evaluate("window.pwned")
    context.close()
    assert pwned is None, what
    assert any("CSP violation" in error or "Content Security Policy" in error for error in errors), (
        what,
        errors,
    )
