"""Consistency checks of the store: municipalities → prefectures → 全国, per release."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

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


def check_metrics(data: MetricsData, directory: Path) -> list[Problem]:
    problems: list[Problem] = []
    muni: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
    for figure in data.municipalities:
        totals = muni[(figure.release_date, figure.key[:2])]
        totals[0] += figure.population
        totals[1] += figure.cards
    pref: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    muni_dates = {figure.release_date for figure in data.municipalities}
    for figure in data.prefectures:
        pref[figure.release_date][0] += figure.population
        pref[figure.release_date][1] += figure.cards
        if figure.release_date not in muni_dates:
            continue
        summed = muni.get((figure.release_date, figure.key), [0, 0])
        for index, what in enumerate(("人口", "枚数")):
            own = figure.population if index == 0 else figure.cards
            if summed[index] != own:
                problems.append(
                    Problem(
                        path=str(directory / PREFECTURES_FILE),
                        rule="sum-prefecture",
                        message=f"{figure.release_date.isoformat()} {figure.label}の{what}が市区町村の合計と合いません",
                        key_path=f"{figure.release_date.isoformat()}.{figure.key}",
                        got=f"都道府県 {own:,} / 市区町村合計 {summed[index]:,}",
                    )
                )
    for figure in data.categories:
        if figure.key != "全国" or figure.release_date not in pref:
            continue
        summed = pref[figure.release_date]
        for index, what in enumerate(("人口", "枚数")):
            own = figure.population if index == 0 else figure.cards
            if summed[index] != own:
                problems.append(
                    Problem(
                        path=str(directory / CATEGORIES_FILE),
                        rule="sum-national",
                        message=f"{figure.release_date.isoformat()} 全国の{what}が都道府県の合計と合いません",
                        key_path=f"{figure.release_date.isoformat()}.全国",
                        got=f"全国 {own:,} / 都道府県合計 {summed[index]:,}",
                    )
                )
    problems += rate_warnings(data.municipalities, directory / MUNICIPALITIES_FILE)
    problems += rate_warnings(data.prefectures, directory / PREFECTURES_FILE)
    problems += rate_warnings(data.categories, directory / CATEGORIES_FILE)
    return problems
