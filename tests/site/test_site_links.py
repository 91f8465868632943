"""Slow: every relative link in every built page leads to a file of the site (and to an id there).

MkDocs checks links only in Markdown; the finished HTML that generated pages pass through
(jirei.site.plugins.verbatim_html) carries its own final URLs, so this test checks what readers get.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from jirei.paths import SITE_URL

SITE_PATH = urlsplit(SITE_URL).path  # '/jirei/': absolute paths within the site start with it


class _Page(HTMLParser):
    """The href/src values and the ids (link targets) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)


def _parse(page: Path) -> _Page:
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


def _target(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file a link on ``page`` opens and its fragment; None for other sites (http(s), mailto…)."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    if path.startswith("/"):
        base = site / path.removeprefix(SITE_PATH) if path.startswith(SITE_PATH) else site / "__outside__"
    else:
        base = page.parent / path
    if path.endswith("/") or base.is_dir():
        base = base / "index.html"
    return base.resolve(), unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """One line per link that leads nowhere: the page, the link and what is missing."""
    site = site.resolve()
    pages = {page: _parse(page) for page in site.rglob("*.html")}
    problems = []
    for page, parsed in pages.items():
        for link in parsed.links:
            found = _target(site, page, link)
            if found is None:
                continue
            target, fragment = found
            where = target.relative_to(site) if target.is_relative_to(site) else target
            if not target.is_relative_to(site) or not target.is_file():
                missing = f"ファイル {where} がない"
            elif fragment and target in pages and fragment not in pages[target].ids:
                missing = f"{where} に id「{fragment}」がない"
            else:
                continue
            problems.append(f"{page.relative_to(site)}: {link} → {missing}")
    return problems


@pytest.mark.slow
def test_every_relative_link_in_the_site_resolves(site: Path) -> None:
    problems = broken_links(site)
    assert problems == [], f"行き先のないリンクが {len(problems)} 件:\n" + "\n".join(problems[:50])


def test_broken_links_names_the_page_the_link_and_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "cases" / "a").mkdir(parents=True)
    (tmp_path / "municipalities" / "1").mkdir(parents=True)
    (tmp_path / "municipalities" / "1" / "index.html").write_text('<h2 id="x">x</h2>', encoding="utf-8")
    (tmp_path / "data.csv").write_text("a\n", encoding="utf-8")
    links = [
        "../../municipalities/1/",  # ok
        "../../municipalities/1/#x",  # ok
        "../../data.csv",  # ok
        "#top",  # ok: an id on the page
        "https://example.com/missing/",  # another site: not checked
        "mailto:someone@example.com",
        f"{SITE_PATH}municipalities/1/",  # ok: absolute within the site
        "../../municipalities/2/",
        "../../municipalities/1/#y",
        "#nowhere",
        "../../../../outside.html",
    ]
    body = "".join(f'<a href="{link}">x</a>' for link in links)
    (tmp_path / "cases" / "a" / "index.html").write_text(f'<p id="top">{body}</p>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "cases/a/index.html: ../../municipalities/2/ → ファイル municipalities/2/index.html がない",
        "cases/a/index.html: ../../municipalities/1/#y → municipalities/1/index.html に id「y」がない",
        "cases/a/index.html: #nowhere → cases/a/index.html に id「nowhere」がない",
        f"cases/a/index.html: ../../../../outside.html → ファイル {tmp_path.resolve().parent.parent / 'outside.html'} がない",
    ]
