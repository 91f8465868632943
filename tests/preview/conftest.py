"""A small project for the preview: the fake cases, the metrics files with headers only,
the hand-written docs/ and the repository's templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jirei.preview.generator import Preview
from jirei.site.outputs.writer import copy_hand_written
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE
from tests.repo import DEFAULT_METRICS_DIR, DOCS_DIR, TEMPLATES_DIR

SITE_CASES = DATA / "cases" / "site"


@pytest.fixture
def preview(tmp_path: Path) -> Preview:
    cases = tmp_path / "cases"
    cases.mkdir()
    for fixture in (VALID_CASE, *sorted(SITE_CASES.glob("*.yml"))):
        shutil.copyfile(fixture, cases / fixture.name)
    metrics = tmp_path / "data" / "metrics"
    metrics.mkdir(parents=True)
    for csv_file in DEFAULT_METRICS_DIR.glob("*.csv"):
        with csv_file.open(encoding="utf-8") as handle:
            (metrics / csv_file.name).write_text(handle.readline(), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    copy_hand_written(DOCS_DIR, docs)
    return Preview(
        cases_dir=cases,
        docs_dir=docs,
        templates_dir=TEMPLATES_DIR,
        data_dir=tmp_path / "data",
        metrics_dir=metrics,
        reference_dir=DATA / "reference",
        today=TODAY,
    )
