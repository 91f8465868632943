"""The finder's, the comparison's and the proposal form's scripts load only on their own pages
(front matter ``jirei_scripts``, overrides/main.html), so that the other pages, the national
map page among them (a 200 KB budget in the benchmark), do not download them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site.fixture_site import build_fixture_site

OWN = {"cases/finder": "finder.js", "compare": "compare.js", "contributing/propose": "propose.js"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("fixture-site")) / "site"


def _scripts(site: Path, page: str) -> set[str]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'<script src="[^"]*javascripts/([a-z-]+\.js)"', html))


@pytest.mark.parametrize(("page", "script"), sorted(OWN.items()))
def test_a_page_loads_its_own_script_and_no_other_pages(site: Path, page: str, script: str) -> None:
    scripts = _scripts(site, page)
    assert script in scripts
    assert scripts & set(OWN.values()) == {script}


@pytest.mark.parametrize("page", [".", "cases", "metrics", "municipalities/992011", "contributing"])
def test_other_pages_load_none_of_them(site: Path, page: str) -> None:
    scripts = _scripts(site, page)
    assert "search.js" in scripts  # the site-wide scripts are still there
    assert scripts & set(OWN.values()) == set()
