"""A site built from the catalogue's accepted hostile cases (tests/security/catalogue.py):
what the validator lets through must be harmless on the built page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jirei.reference.municipalities import load_reference
from jirei.site.build import build_site
from jirei.site.outputs.writer import copy_hand_written
from jirei.site.plugins.mkdocs_config import write_inherited_config
from tests.cases.validation_helpers import DATA, TODAY
from tests.repo import DOCS_DIR
from tests.security.catalogue import ACCEPTED, BASE_CASE, CASE_VARIANTS, TEXT

BASE_ID = BASE_CASE.stem
# Accepted on purpose, and the warnings (invisible characters): both reach the page.
ON_THE_PAGE = [v for v in CASE_VARIANTS if v.rule == ACCEPTED] + [
    v for v in TEXT if v.rule == "text-invisible"
]


def case_id(index: int) -> str:
    return f"992011-hostile-{index:02d}"


def write_cases(folder: Path) -> dict[str, str]:
    """The accepted variants as case files, each under its own id; returns id → variant name."""
    folder.mkdir(parents=True)
    names = {}
    for index, variant in enumerate(ON_THE_PAGE):
        text = variant.text().replace(f"id: {BASE_ID}", f"id: {case_id(index)}")
        (folder / f"{case_id(index)}.yml").write_text(text, encoding="utf-8")
        names[case_id(index)] = variant.name
    return names


def build_hostile_site(tmp_path: Path) -> Path:
    cases = tmp_path / "cases"
    write_cases(cases)
    docs = tmp_path / "docs"
    docs.mkdir()
    copy_hand_written(DOCS_DIR, docs)
    empty_metrics = tmp_path / "no-metrics"
    empty_metrics.mkdir()
    build_site(
        cases_dir=cases,
        docs_dir=docs,
        metrics_dir=empty_metrics,
        reference=load_reference(DATA / "reference"),
        today=TODAY,
    )
    config = write_inherited_config(tmp_path / "mkdocs.yml")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],  # not --strict: no metrics, so no data files to link
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-5000:]
    return tmp_path / "site"
