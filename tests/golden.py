"""Golden-file comparison: `JIREI_UPDATE_GOLDEN=1 pytest` rewrites the expected files."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN_DIR = Path(__file__).resolve().parent / "data" / "golden"


def assert_golden(actual: str, relative: str) -> None:
    path = GOLDEN_DIR / relative
    if os.environ.get("JIREI_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{relative} differs; run JIREI_UPDATE_GOLDEN=1 pytest and review the diff"
