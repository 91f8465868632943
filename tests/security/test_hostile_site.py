"""Slow: the accepted hostile cases built into a site with the real mkdocs.yml and theme; the
built pages (not the templates) are read and scanned."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.security.hostile_site import ON_THE_PAGE, build_hostile_site, case_id
from tests.security.scanner import scan_site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile-site"))


def _page(site: Path, name: str) -> str:
    index = next(i for i, variant in enumerate(ON_THE_PAGE) if variant.name == name)
    return (site / "cases" / case_id(index) / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_no_page_of_the_hostile_site_can_run_script_or_redirect(hostile_site: Path) -> None:
    pages, findings = scan_site(hostile_site)
    assert pages >= len(ON_THE_PAGE) and findings == []


@pytest.mark.slow
def test_a_quote_in_the_summary_stays_inside_every_meta_tag(hostile_site: Path) -> None:
    page = _page(hostile_site, "quote in the summary breaks out of <meta>")
    metas = re.findall(r"<meta [^>]*>", page)
    summary = 'x" http-equiv="refresh" content="0;url=https://example.com/'
    described = [tag for tag in metas if "description" in tag]
    assert len(described) == 3  # description, og:description, twitter:description
    for tag in described:
        assert html.unescape(re.search(r'content="([^"]*)"', tag).group(1)) == summary  # type: ignore[union-attr]
    assert not any("refresh" in tag.split("content=")[0] for tag in metas)


@pytest.mark.slow
def test_quotes_in_the_title_are_escaped_in_title_and_attributes(hostile_site: Path) -> None:
    page = _page(hostile_site, "quotes and apostrophes in the title")
    title = re.search(r"<title>([^<]*)</title>", page).group(1)  # type: ignore[union-attr]
    assert html.unescape(title).startswith("テスト市の \"出張\" と '申請'")
    assert '"出張"' not in re.sub(r">[^<]*<", "><", page)  # never raw inside a tag


@pytest.mark.slow
def test_attribute_lists_stay_text(hostile_site: Path) -> None:
    page = _page(hostile_site, "attribute list on a heading")
    assert "{: #x onfocus=alert(1) autofocus }" in page and 'id="x"' not in page


def _refuse(name: str) -> None:
    pytest.fail(f"NaN or Infinity in a JSON export: {name}")


@pytest.mark.slow
def test_feed_and_json_exports_stay_well_formed(hostile_site: Path) -> None:
    ET.parse(hostile_site / "feed.xml")
    for path in (hostile_site / "data").glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse)
