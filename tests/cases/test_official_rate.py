"""`jirei validate` warns when a case's 交付枚数率 differs from the official figure for that date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jirei.cases.validate import validate_files
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE, official_rates


def _validate(tmp_path: Path, official: str) -> list[tuple[str, str, str]]:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / VALID_CASE.name).write_bytes(VALID_CASE.read_bytes())  # states 50.5 on 2021-05-01
    result = validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"),
        metrics=official_rates((date(2021, 5, 1), official)), today=TODAY,
    )  # fmt: skip
    assert result.ok
    return [(p.severity.value, p.rule, p.message) for p in result.problems]


def test_a_rate_that_differs_from_the_official_figure_is_a_warning(tmp_path: Path) -> None:
    assert _validate(tmp_path, "48.0") == [
        ("warning", "official-rate", "総務省の公表値（2021-05-01、交付枚数）は 48.0% です")
    ]


def test_a_rate_within_rounding_of_the_official_figure_passes(tmp_path: Path) -> None:
    assert _validate(tmp_path, "50.4") == []
