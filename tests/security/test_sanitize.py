"""The layer under the validator: the catalogue's Markdown payloads, raw (as if the escaping in
jirei.site.rendering.jinja and every check were gone), through the site's own Markdown set-up and
jirei.site.plugins.sanitize, leave nothing the page scanner objects to."""

from __future__ import annotations

from functools import cache

import markdown
import pytest
from mkdocs.config import load_config

from jirei.site.plugins.attr_lists import OPT_IN
from jirei.site.plugins.sanitize import sanitize_html
from tests.repo import REPO_ROOT
from tests.security.catalogue import ATTRIBUTE_LISTS, LINKS, MARKUP, META, CaseVariant
from tests.security.scanner import scan_html
from tests.security.test_scanner import page

PAYLOADS = [*LINKS, *ATTRIBUTE_LISTS, *MARKUP, *META]


@cache
def site_markdown() -> markdown.Markdown:
    """One instance for every test, reset between documents (as it would be if MkDocs reused it)."""
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def render(text: str, *, sanitize: bool = True) -> str:
    converter = site_markdown()
    converter.reset()
    converted = converter.convert(text)
    return sanitize_html(converted) if sanitize else converted


def payload(variant: CaseVariant) -> str:
    """The variant's text as it would reach Markdown: indentation and YAML quoting removed."""
    lines = [line.removeprefix("  ") for line in variant.new.split("\n")]
    text = "\n".join(lines)
    for key in ("description: ", "title: ", "summary: ", "title_en: ", "- "):
        text = text.replace(key, "", 1) if text.lstrip().startswith(key) else text
    return (
        text.strip()
        .strip("'\"")
        .encode()
        .decode("unicode_escape")
        .encode("latin-1", "replace")
        .decode("utf-8", "replace")
    )


@pytest.mark.parametrize("variant", PAYLOADS, ids=lambda variant: variant.name)
def test_payload_is_harmless_after_markdown_and_the_sanitizer(variant: CaseVariant) -> None:
    html = render(payload(variant))
    assert scan_html(page(html)) == [], html


def test_attribute_lists_are_off_unless_a_page_opts_in() -> None:
    html = render('段落\n{: onclick="alert(1)" #x }', sanitize=False)
    assert "{: onclick" in html and "<p" in html and 'id="x"' not in html  # left as text
    opted_in = render(f"{OPT_IN}\n\n## 見出し {{ #downloads }}", sanitize=False)
    assert 'id="downloads"' in opted_in and "jirei:attr-list" not in opted_in
    assert 'id="x"' not in render("## 見出し {: #x }", sanitize=False)  # off again on the next page


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ('<a href="https://example.com/">x</a>', 'href="https://example.com/"'),
        ('<a href="mailto:a@example.com">x</a>', 'href="mailto:a@example.com"'),
        ('<a href="../cases/">x</a>', 'href="../cases/"'),
        ('<a href="#fn:1">x</a>', 'href="#fn:1"'),
        ('<table><tr><td style="text-align: right;">1</td></tr></table>', "text-align"),
        ('<li data-pref="99">x</li>', 'data-pref="99"'),
        ('<svg viewBox="0 0 1 1" role="img"><path d="M0 0"></path></svg>', 'viewBox="0 0 1 1"'),
    ],
)
def test_what_the_pages_need_is_kept(html: str, kept: str) -> None:
    assert kept in sanitize_html(html)


@pytest.mark.parametrize(
    ("html", "removed"),
    [
        ('<a href="ftp://example.com/">x</a>', "ftp:"),
        ('<a href="file:///etc/passwd">x</a>', "file:"),
        ('<table><tr><td style="background: url(javascript:alert(1))">1</td></tr></table>', "javascript"),
        ("<p>x<!-- hidden --></p>", "hidden"),
        ('<img src="https://example.com/x.png">', "<img"),
        ("<script>alert(1)</script>", "alert"),
        ("<style>p{}</style>", "p{}"),
        ('<input type="text" onfocus="alert(1)" autofocus>', "onfocus"),
    ],
)
def test_what_the_pages_do_not_need_is_removed(html: str, removed: str) -> None:
    assert removed not in sanitize_html(html)
