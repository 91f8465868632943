"""Build the real site once (generate docs/ into a temp folder, `mkdocs build --strict`,
then the Pagefind index) — shared by the full-build, search and browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jirei.search.pagefind_index import index_site
from jirei.site.build import build_site
from jirei.site.outputs.writer import copy_hand_written
from jirei.site.plugins.mkdocs_config import write_inherited_config
from tests.repo import CASES_DIR, DOCS_DIR


def build_real_site(tmp_path: Path) -> Path:
    """Generate docs/ into tmp_path, run mkdocs --strict and Pagefind there; returns the site folder."""
    docs = tmp_path / "docs"
    docs.mkdir()
    copy_hand_written(DOCS_DIR, docs)
    build_site(cases_dir=CASES_DIR, docs_dir=docs)
    config = write_inherited_config(tmp_path / "mkdocs.yml")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-5000:]
    site = tmp_path / "site"
    index_site(site)
    return site
