"""Cases for the publishing tests: the fake valid case (with variations) and the real cases."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from jirei.cases.model import Case
from jirei.cases.validate import validate_files
from tests.cases.validation_helpers import VALID_CASE, validate_as_case
from tests.repo import CASES_DIR


def fake_case(tmp_path: Path) -> Case:
    result = validate_as_case(VALID_CASE, tmp_path / "cases")
    assert result.ok, result.problems
    return result.cases[0]


def variant(case: Case, **changes: object) -> Case:
    return dataclasses.replace(case, **changes)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def real_cases() -> tuple[Case, ...]:
    result = validate_files([CASES_DIR])
    assert result.ok, result.errors
    return result.cases
