"""A small site built from the fake cases (the valid case, a joint case and a 課題事例 under
tests/data/cases/site/) with the fake reference list: generated docs/, then
`mkdocs build --strict` (about two seconds), for tests that read the pages and the HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from jirei.reference.municipalities import load_reference
from jirei.site.build import build_site
from jirei.site.outputs.writer import copy_hand_written
from jirei.site.plugins.mkdocs_config import write_inherited_config
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE
from tests.repo import DEFAULT_METRICS_DIR, DOCS_DIR

SITE_CASES = DATA / "cases" / "site"
JOINT = "992020-test-kyodo"
CAUTIONARY = "993816-test-kadai"


def write_fixture_inputs(root: Path, metrics: Path) -> tuple[Path, Path]:
    """The fake cases in ``root/cases``, the published metrics files with their headers only
    (no figures) in ``metrics``, and the hand-written pages in ``root/docs``; returns
    (cases, docs)."""
    cases = root / "cases"
    cases.mkdir()
    for fixture in (VALID_CASE, *sorted(SITE_CASES.glob("*.yml"))):
        shutil.copyfile(fixture, cases / fixture.name)
    metrics.mkdir(parents=True)
    for csv_file in DEFAULT_METRICS_DIR.glob("*.csv"):
        with csv_file.open(encoding="utf-8") as handle:
            (metrics / csv_file.name).write_text(handle.readline(), encoding="utf-8")
    docs = root / "docs"
    docs.mkdir()
    copy_hand_written(DOCS_DIR, docs)
    return cases, docs


def build_fixture_site(root: Path) -> Path:
    """Generate and build the fixture site under ``root``; returns root (docs/ and site/ inside)."""
    metrics = root / "metrics"
    cases, docs = write_fixture_inputs(root, metrics)
    reference = load_reference(DATA / "reference")
    build_site(cases_dir=cases, docs_dir=docs, metrics_dir=metrics, reference=reference, today=TODAY)
    config = write_inherited_config(root / "mkdocs.yml")
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-5000:]
    return root
