"""A small project for the preview: the fake cases, the metrics files with headers only,
the hand-written docs/ and the repository's templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from jirei.preview.generator import Preview
from tests.cases.validation_helpers import DATA, TODAY
from tests.repo import TEMPLATES_DIR
from tests.site.fixture_site import write_fixture_inputs


@pytest.fixture
def preview(tmp_path: Path) -> Preview:
    metrics = tmp_path / "data" / "metrics"
    cases, docs = write_fixture_inputs(tmp_path, metrics)
    return Preview(
        cases_dir=cases,
        docs_dir=docs,
        templates_dir=TEMPLATES_DIR,
        data_dir=tmp_path / "data",
        metrics_dir=metrics,
        reference_dir=DATA / "reference",
        today=TODAY,
    )
