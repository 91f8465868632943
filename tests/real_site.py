"""Build the real site once (generate docs/ into a temp folder, `mkdocs build --strict`,
then the Pagefind index) — shared by the full-build, search and browser tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from jirei.paths import CASES_DIR, DOCS_DIR, REPO_ROOT
from jirei.search.pagefind_index import index_site
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
    """Generate docs/ into tmp_path, run mkdocs --strict and Pagefind there; returns the site folder."""
    docs = tmp_path / "docs"
    docs.mkdir()
    copy_hand_written_docs(docs)
    build_site(cases_dir=CASES_DIR, docs_dir=docs)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO_ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n"
        f"theme:\n  custom_dir: {REPO_ROOT / 'overrides'}\n",
        encoding="utf-8",
    )
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-5000:]
    site = tmp_path / "site"
    index_site(site)
    return site
