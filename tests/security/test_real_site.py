"""Slow: the whole real site (the session's ``real_site`` fixture, built once from cases/ and
data/metrics/), every page scanned and checked for the Content-Security-Policy."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.security.scanner import scan_site


@pytest.mark.slow
def test_no_page_of_the_real_site_can_run_script_or_redirect(real_site: Path) -> None:
    pages, findings = scan_site(real_site)
    assert pages > 1000  # every case, municipality and prefecture page, not a sample
    assert findings == [], "\n".join(findings[:50])


@pytest.mark.slow
def test_every_page_carries_the_policy_first_in_its_head(real_site: Path) -> None:
    for path in real_site.rglob("*.html"):
        head = path.read_text(encoding="utf-8")[:400]
        assert (
            '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src' in head
        ), path


def _refuse(name: str) -> None:
    pytest.fail(f"NaN or Infinity in a JSON export: {name}")


@pytest.mark.slow
def test_feeds_sitemaps_and_json_exports_are_well_formed(real_site: Path) -> None:
    for name in ("feed.xml", "sitemap.xml"):
        ET.parse(real_site / name)
    exports = list((real_site / "data").rglob("*.json"))
    assert exports
    for path in exports:
        json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse)


@pytest.mark.slow
def test_no_page_shows_an_attribute_list_as_text(real_site: Path) -> None:
    """A generated page that needs `{ #id }` or `{ .class }` must opt in (jirei.site.plugins.attr_lists)
    or write the HTML itself; otherwise the braces would show on the page."""
    leftover = re.compile(r"\{:? ?(?:[#.][\w:-]+|[a-z-]+=)[^{}<]*\}")
    shown = [
        path.relative_to(real_site).as_posix()
        for path in real_site.rglob("*.html")
        if leftover.search(
            re.sub(r"<(script|pre)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
        )
    ]
    assert shown == []
