"""The page scanner finds every hostile page of its catalogue and passes a clean one, so a
clean scan of the whole site (test_real_site.py) means something."""

from __future__ import annotations

import pytest

from jirei.site.plugins.csp import add_policy, meta_tag, script_hash
from tests.security.scanner import scan_html

THEME_SCRIPT = '__md_scope=new URL("../..",location),__md_hash=e=>0'


def page(body: str, head: str = "") -> str:
    """A page as the site builds it: the policy added by jirei.site.plugins.csp, then ``body``."""
    return add_policy(
        f'<!doctype html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    )


# (what the page does, body, a word the finding must contain)
HOSTILE_PAGES = [
    ("onclick", '<a onclick="alert(1)">x</a>', "event handler"),
    ("ONCLICK in capitals", '<A ONCLICK="alert(1)">x</A>', "event handler"),
    ("svg onload", "<svg onload=alert(1)></svg>", "event handler"),
    ("onerror without quotes", "<img src=x onerror=alert(1)>", "event handler"),
    ("javascript: href", '<a href="javascript:alert(1)">x</a>', "script or data URL"),
    ("JAVASCRIPT: in capitals", '<a href="JAVASCRIPT:alert(1)">x</a>', "script or data URL"),
    ("leading space and newline", '<a href=" java\nscript:alert(1)">x</a>', "script or data URL"),
    ("tab inside the scheme", '<a href="java\tscript:alert(1)">x</a>', "script or data URL"),
    ("control character first", '<a href="\x01javascript:alert(1)">x</a>', "script or data URL"),
    ("decimal entity", '<a href="&#106;avascript:alert(1)">x</a>', "script or data URL"),
    ("hex entity without semicolon", '<a href="&#x6A;avascript&#58;alert(1)">x</a>', "script or data URL"),
    ("entity-encoded newline", '<a href="java&#x0A;script:alert(1)">x</a>', "script or data URL"),
    ("vbscript:", '<a href="vbscript:msgbox(1)">x</a>', "script or data URL"),
    ("data: document", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "script or data URL"),
    ("data: in srcset", '<img src="a.png" srcset="a.png 1x, data:image/svg+xml,x 2x">', "script or data URL"),
    ("form action", '<form action="javascript:alert(1)"></form>', "script or data URL"),
    ("button formaction", '<button formaction="javascript:alert(1)">x</button>', "script or data URL"),
    (
        "svg xlink:href",
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        "script or data URL",
    ),
    ("meta refresh elsewhere", '<meta http-equiv="refresh" content="0;url=https://example.com/">', "refresh"),
    ("meta refresh, capitals", '<meta HTTP-EQUIV="Refresh" content="5">', "refresh"),
    ("meta set-cookie", '<meta http-equiv="set-cookie" content="a=b">', "http-equiv"),
    ("external script", '<script src="https://example.com/x.js"></script>', "not from this site"),
    ("protocol-relative script", '<script src="//example.com/x.js"></script>', "not from this site"),
    ("inline script", "<script>alert(1)</script>", "not the theme's"),
    ("module script", '<script type="module">alert(1)</script>', "not the theme's"),
    ("iframe", '<iframe src="https://example.com/"></iframe>', "another document"),
    ("object", '<object data="x.swf"></object>', "another document"),
    ("embed", '<embed src="x.swf">', "another document"),
    ("base", '<base href="https://example.com/">', "another document"),
    ("style expression", '<p style="width: expression(alert(1))">x</p>', "style"),
]


@pytest.mark.parametrize(("what", "body", "word"), HOSTILE_PAGES, ids=[row[0] for row in HOSTILE_PAGES])
def test_scanner_finds_the_hostile_page(what: str, body: str, word: str) -> None:
    findings = scan_html(page(body))
    assert any(word in finding for finding in findings), findings


def test_a_clean_page_with_the_theme_script_passes() -> None:
    body = f'<a href="../x/">x</a><a href="https://example.com/">y</a><script>{THEME_SCRIPT}</script>'
    body += (
        '<script id="__config" type="application/json">{"a": 1}</script><script src="../js/a.js"></script>'
    )
    assert scan_html(page(body)) == []


def test_the_theme_script_must_be_in_the_policy() -> None:
    html = f'<html><head><meta charset="utf-8">{meta_tag()}</head><body><script>{THEME_SCRIPT}</script></body></html>'
    assert any("hash is not in the page's policy" in finding for finding in scan_html(html))
    assert script_hash(THEME_SCRIPT) in page(f"<script>{THEME_SCRIPT}</script>")


@pytest.mark.parametrize(
    ("what", "html", "word"),
    [
        ("no policy", "<html><head></head><body></body></html>", "0 Content-Security-Policy"),
        ("two policies", f"<html><head>{meta_tag()}{meta_tag()}</head></html>", "2 Content-Security-Policy"),
        ("unsafe-inline", """<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'"></head></html>""", "weak script-src"),
        ("any origin", """<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self' https:; object-src 'none'; base-uri 'self'"></head></html>""", "other origins"),
        ("no object-src", """<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"></head></html>""", "object-src"),
        ("script before the policy", f"<html><head><script src='a.js'></script>{meta_tag()}</head></html>", "before the Content-Security-Policy"),
    ],
)  # fmt: skip
def test_scanner_finds_a_missing_or_weak_policy(what: str, html: str, word: str) -> None:
    assert any(word in finding for finding in scan_html(html)), scan_html(html)


def test_redirect_pages_for_renamed_cases_pass() -> None:
    html = page('<meta http-equiv="refresh" content="0; url=../992011-test-shinsei/">')
    assert scan_html(html) == []
