"""Shared set-up for validator tests: the fake reference list and a fixed 'today'."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

from jirei.cases.validate import ValidationResult, validate_files
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.problems import format_text
from jirei.reference.municipalities import load_reference

DATA = Path(__file__).resolve().parents[1] / "data"
VALID_CASE = DATA / "cases" / "valid" / "992011-test-shinsei.yml"
INVALID_DIR = DATA / "cases" / "invalid"
TODAY = date(2026, 11, 26)


def validate_as_case(fixture: Path, folder: Path, name: str = VALID_CASE.name) -> ValidationResult:
    """Validate a fixture copied into an empty cases folder under the valid case's file name."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(fixture, folder / name)
    return validate_files(
        [folder / name], cases_dir=folder, reference=load_reference(DATA / "reference"), today=TODAY
    )


def problem_lines(result: ValidationResult, folder: Path) -> list[str]:
    """Formatted problems with the temporary folder removed from the path."""
    return [format_text(problem).replace(f"{folder.as_posix()}/", "") for problem in result.problems]


def official_rates(*releases: tuple[date, str]) -> MetricsData:
    """Published 交付枚数率 figures for the fake テスト市 (992011), one per (release date, rate)."""
    return MetricsData(
        municipalities=tuple(
            AreaFigure(
                release_date=on,
                key="992011",
                label="テスト市",
                population=1000,
                population_base_date=date(2020, 1, 1),
                cards=int(Decimal(rate) * 10),
                cards_base_date=on,
                figure_kind="交付枚数",
                rate_percent=Decimal(rate),
            )
            for on, rate in releases
        )
    )
