"""Slow: the real site, generated and built with `mkdocs build --strict` once per session (tests/real_site.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.repo import CASES_DIR


@pytest.mark.slow
def test_every_case_has_a_page(site: Path) -> None:
    for case_file in CASES_DIR.glob("*.yml"):
        page = site / "cases" / case_file.stem / "index.html"
        assert page.exists(), case_file.name
        assert "この事例を編集" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_all_municipality_and_prefecture_pages_and_the_overview_exist(site: Path) -> None:
    assert len(list((site / "municipalities").glob("*/index.html"))) == 1741
    assert len(list((site / "prefectures").glob("*/index.html"))) == 47
    assert (site / "metrics" / "index.html").exists()


@pytest.mark.slow
def test_kaga_shows_its_rate_and_rank_for_2021_05_01(site: Path) -> None:
    html = (site / "municipalities" / "172065" / "index.html").read_text(encoding="utf-8")
    row = next(line for line in html.splitlines() if "2021年5月1日" in line and "65.1" in line)
    assert re.search(r"(?<![0-9０-９])1位", row), row  # 1位, not 11位 or 21位


@pytest.mark.slow
def test_no_page_loads_anything_from_another_site(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, page
        assert '<script src="http' not in html, page


# Markup in case text reaching a page is tested where it can fail: on the hostile site
# (tests/security/test_hostile_site.py), whose cases carry it; validation keeps it out of cases/.


@pytest.mark.slow
def test_contributor_reference_pages_are_published(site: Path) -> None:
    fields = (site / "contributing" / "fields" / "index.html").read_text(encoding="utf-8")
    assert "municipality.code" in fields and "書かない窓口" in fields
    errors = (site / "contributing" / "errors" / "index.html").read_text(encoding="utf-8")
    assert "review-overdue" in errors
