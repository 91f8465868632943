"""Consistency checks of the store: municipalities → prefectures → 全国, per release."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from jirei.metrics.cells import percent_of
from jirei.metrics.store import (
    CATEGORIES_FILE,
    MUNICIPALITIES_FILE,
    PREFECTURES_FILE,
    AreaFigure,
    MetricsData,
)
from jirei.problems import Problem, Severity

RATE_TOLERANCE = Decimal("0.1")
K = TypeVar("K")


def rate_warnings(table: tuple[AreaFigure, ...], path: Path) -> list[Problem]:
    """Published rates that disagree with their own counts (PDF extraction slips), as warnings."""
    problems = []
    for figure in table:
        computed = percent_of(figure.cards, figure.population)
        if abs(computed - figure.rate_percent) > RATE_TOLERANCE:
            problems.append(
                Problem(
                    path=str(path),
                    rule="rate-mismatch",
                    message=f"{figure.release_date.isoformat()} {figure.label}の率が枚数÷人口（{computed}%）と合いません",
                    key_path=f"{figure.release_date.isoformat()}.{figure.key}",
                    got=f"{figure.rate_percent}%",
                    hint="公表資料の値をそのまま残しています。ページでは公表値を表示します",
                    severity=Severity.WARNING,
                )
            )
    return problems


def _sum_problems(
    figure: AreaFigure, summed: tuple[int, int], path: Path, rule: str, whole: str, parts: str
) -> list[Problem]:
    """Population and cards of one total row against the sum of its parts."""
    problems = []
    for what, own, total in (("人口", figure.population, summed[0]), ("枚数", figure.cards, summed[1])):
        if own != total:
            problems.append(
                Problem(
                    path=str(path),
                    rule=rule,
                    message=f"{figure.release_date.isoformat()} {whole}の{what}が{parts}の合計と合いません",
                    key_path=f"{figure.release_date.isoformat()}.{figure.key}",
                    got=f"{whole} {own:,} / {parts}合計 {total:,}",
                )
            )
    return problems


def _totals(figures: Iterable[AreaFigure], key: Callable[[AreaFigure], K]) -> dict[K, tuple[int, int]]:
    sums: dict[K, list[int]] = defaultdict(lambda: [0, 0])
    for figure in figures:
        sums[key(figure)][0] += figure.population
        sums[key(figure)][1] += figure.cards
    return {group: (population, cards) for group, (population, cards) in sums.items()}


def check_metrics(data: MetricsData, directory: Path) -> list[Problem]:
    """Municipalities must sum to prefectures and prefectures to 全国 in every release."""
    problems: list[Problem] = []
    by_prefecture = _totals(data.municipalities, lambda f: (f.release_date, f.key[:2]))
    by_release = _totals(data.prefectures, lambda f: (f.release_date, ""))
    muni_dates = {figure.release_date for figure in data.municipalities}
    for figure in data.prefectures:
        if figure.release_date in muni_dates:
            summed = by_prefecture.get((figure.release_date, figure.key), (0, 0))
            path = directory / PREFECTURES_FILE
            problems += _sum_problems(figure, summed, path, "sum-prefecture", figure.label, "市区町村")
    for figure in data.categories:
        if figure.key == "全国" and (figure.release_date, "") in by_release:
            summed = by_release[(figure.release_date, "")]
            problems += _sum_problems(
                figure, summed, directory / CATEGORIES_FILE, "sum-national", "全国", "都道府県"
            )
    problems += rate_warnings(data.municipalities, directory / MUNICIPALITIES_FILE)
    problems += rate_warnings(data.prefectures, directory / PREFECTURES_FILE)
    problems += rate_warnings(data.categories, directory / CATEGORIES_FILE)
    return problems
