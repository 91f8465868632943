"""`jirei validate` reports a 交付枚数率 that differs from the official figure of the same date
(official-mismatch, which replaced the older official-rate warning: one implementation)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jirei.cases.validate import ValidationResult, default_metrics, validate_files
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE, official_rates


def _validate(tmp_path: Path, official: str) -> ValidationResult:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / VALID_CASE.name).write_bytes(VALID_CASE.read_bytes())  # states 50.5 on 2021-05-01
    return validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"),
        metrics=official_rates((date(2021, 5, 1), official)), today=TODAY,
    )  # fmt: skip


def test_a_rate_that_differs_from_the_official_figure_is_an_error_showing_both(tmp_path: Path) -> None:
    result = _validate(tmp_path, "48.0")
    assert not result.ok
    assert [(p.severity.value, p.rule, p.message) for p in result.problems] == [
        (
            "error",
            "official-mismatch",
            "事例の値 50.5%（2021-05-01）は、総務省の公表値 48.0%（2021-05-01 公表、交付枚数）と違います",
        ),
        ("error", "review-overclaimed", "「確認済み」にできません: outcomes[0].value: "
         "事例の値 50.5%（2021-05-01）は、総務省の公表値 48.0%（2021-05-01 公表、交付枚数）と違います"),
    ]  # fmt: skip


def test_a_rate_within_rounding_of_the_official_figure_passes(tmp_path: Path) -> None:
    assert _validate(tmp_path, "50.4").problems == ()


def test_the_committed_official_figures_are_there_to_compare_with() -> None:
    # validate and audit skip the official comparison when data/metrics/ is missing; it is
    # committed, so losing it must fail here rather than silently turn the check off
    metrics = default_metrics()
    assert metrics is not None
    kaga = metrics.official_rate("172065", date(2021, 5, 1))
    assert kaga is not None and str(kaga.rate_percent) == "65.1"
