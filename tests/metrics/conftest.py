"""Fixtures shared by the metrics tests: the fake reference and a store holding one fake release."""

from __future__ import annotations

from pathlib import Path

import pytest
from cfj_factory import REFERENCE_DIR, write_release

from jirei.metrics.importers.importer import import_paths
from jirei.reference.municipalities import Reference, load_reference


@pytest.fixture
def reference() -> Reference:
    return load_reference(REFERENCE_DIR)


@pytest.fixture
def data_dir(tmp_path: Path, reference: Reference) -> Path:
    """A store that already holds one fake release (2021-05-01)."""
    target = tmp_path / "metrics"
    import_paths([write_release(tmp_path / "src" / "20210501")], target, reference)
    return target
