"""The hostile case files of the catalogue: each is refused with the rule it names (or, when
ACCEPTED, validates without errors), and no check raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from jirei.cases.loader import load_yaml_text
from jirei.cases.validate import validate_files
from jirei.problems import format_github, format_text
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY
from tests.security.catalogue import ACCEPTED, BASE_CASE, CASE_VARIANTS, CaseVariant


def validate_text(text: str, folder: Path) -> list[tuple[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / BASE_CASE.name
    path.write_bytes(text.encode("utf-8"))
    result = validate_files(
        [path], cases_dir=folder, reference=load_reference(DATA / "reference"), today=TODAY
    )
    for problem in result.problems:  # every problem prints on one line per part, without control characters
        for line in (format_text(problem), format_github(problem)):
            assert not any(ord(c) < 0x20 and c != "\n" for c in line), line
        assert "\n" not in format_github(problem)
    return [(problem.severity.value, problem.rule) for problem in result.problems]


def test_the_base_case_is_valid(tmp_path: Path) -> None:
    assert validate_text(BASE_CASE.read_text(encoding="utf-8"), tmp_path) == []


def test_the_catalogue_has_at_least_60_case_variants_with_distinct_names() -> None:
    names = [variant.name for variant in CASE_VARIANTS]
    assert len(names) == len(set(names)) and len(names) >= 60


@pytest.mark.parametrize("variant", CASE_VARIANTS, ids=lambda variant: variant.name)
def test_hostile_case_gets_its_rule(variant: CaseVariant, tmp_path: Path) -> None:
    found = validate_text(variant.text(), tmp_path)
    if variant.rule == ACCEPTED:
        assert [rule for severity, rule in found if severity == "error"] == []
    else:
        assert variant.rule in {rule for _, rule in found}, found


@pytest.mark.parametrize("variant", CASE_VARIANTS, ids=lambda variant: variant.name)
def test_libyaml_and_the_pure_python_parser_agree_on_the_variant(variant: CaseVariant) -> None:
    data = variant.text().encode("utf-8")
    fast, fast_problems = load_yaml_text(data, "a.yml")
    slow, slow_problems = load_yaml_text(data, "a.yml", fast=False)
    assert (fast is None) == (slow is None)
    if fast is not None and slow is not None:
        assert repr(fast.data) == repr(slow.data)  # repr: NaN is not equal to itself
    assert [(p.rule, p.line) for p in fast_problems] == [(p.rule, p.line) for p in slow_problems]
