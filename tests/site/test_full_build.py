"""Slow: generate the real site into a temporary folder and build it with `mkdocs build --strict`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jirei.paths import CASES_DIR, DOCS_DIR, REPO_ROOT
from jirei.site.build import build_site
from jirei.site.writer import MANIFEST


def copy_hand_written_docs(target: Path) -> None:
    """Copy docs/ without what an earlier `jirei build` generated there (listed in its manifest)."""
    manifest = DOCS_DIR / MANIFEST
    generated = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.exists() else set()
    for source in DOCS_DIR.rglob("*"):
        relative = source.relative_to(DOCS_DIR).as_posix()
        if source.is_file() and relative not in generated and relative != MANIFEST:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)


def build_real_site(tmp_path: Path) -> Path:
    """Generate docs/ into tmp_path and run mkdocs --strict there; returns the site folder."""
    docs = tmp_path / "docs"
    docs.mkdir()
    copy_hand_written_docs(docs)
    build_site(cases_dir=CASES_DIR, docs_dir=docs)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO_ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n", encoding="utf-8"
    )
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-5000:]
    return tmp_path / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_real_site(tmp_path_factory.mktemp("site"))


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
    assert "1位" in row


@pytest.mark.slow
def test_no_page_loads_anything_from_another_site(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, page
        assert '<script src="http' not in html, page


@pytest.mark.slow
def test_no_markup_from_case_text_reaches_a_page(site: Path) -> None:
    for page in (site / "cases").glob("*/index.html"):
        assert "<script>alert" not in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_contributor_reference_pages_are_published(site: Path) -> None:
    fields = (site / "contributing" / "fields" / "index.html").read_text(encoding="utf-8")
    assert "municipality.code" in fields and "書かない窓口" in fields
    errors = (site / "contributing" / "errors" / "index.html").read_text(encoding="utf-8")
    assert "review-overdue" in errors
