"""Totals against their parts, checked before anything is written.

The ministry's sheet carries a 全国 row and may carry prefecture rows; Code for Japan's files
give prefectures and 全国 in files of their own. Stored as they are, a total that disagrees with
its municipalities (a typing slip, a row missing or counted twice) would be published beside
them, and ``jirei metrics check`` would find it only after the import. So the import refuses it:
a workbook's total at its row and column, a CSV release's at the file that gave the total.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from jirei.metrics.checks import check_metrics
from jirei.metrics.importers.parsed import ParsedFile
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.problems import Problem

# the store table each sum rule's total comes from
_TOTAL_TABLE = {"sum-prefecture": "prefectures", "sum-national": "categories"}


@dataclass(frozen=True)
class TotalRow:
    """A total row as read from the sheet: its figure and its 1-based line."""

    figure: AreaFigure
    line: int


def check_total(
    parsed: ParsedFile,
    total: TotalRow,
    parts: Iterable[AreaFigure],
    *,
    columns: dict[str, int],
    cell_name: Callable[[int, int], str],
) -> None:
    """Add a ``sum-mismatch`` problem for the population and the cards of ``total`` when they
    differ from the sums of ``parts`` (the municipalities of the area)."""
    parts = list(parts)
    figure = total.figure
    for key, what, own, summed in (
        ("population", "人口", figure.population, sum(p.population for p in parts)),
        ("cards", "枚数", figure.cards, sum(p.cards for p in parts)),
    ):
        if own != summed:
            column = columns[key] + 1
            parsed.add(
                "sum-mismatch",
                f"{figure.label}の行の{what}が、その下の市区町村 {len(parts)} 行の合計と合いません",
                line=total.line,
                column=column,
                key_path=cell_name(total.line, column),
                got=f"{own:,}（市区町村の合計 {summed:,}、差 {own - summed:+,}）",
                hint="元の表の合計行と市区町村の行を確かめてください（行の抜け・重複・入力の誤り）",
            )


def release_sum_problems(
    data: MetricsData, added: Iterable[date], parsed_files: Sequence[ParsedFile]
) -> list[Problem]:
    """``check_metrics``' sum errors in the releases being added, each pointed at the source
    file that gave the total (not at data/metrics/, which is not written)."""
    new = set(added)
    if not new:
        return []
    subset = MetricsData(
        municipalities=tuple(f for f in data.municipalities if f.release_date in new),
        prefectures=tuple(f for f in data.prefectures if f.release_date in new),
        categories=tuple(f for f in data.categories if f.release_date in new),
    )
    sources = {
        (table, parsed.release_date): parsed.path
        for parsed in parsed_files
        for table in _TOTAL_TABLE.values()
        if getattr(parsed, table)
    }
    problems = []
    for problem in check_metrics(subset, Path()):
        if problem.is_error and problem.rule in _TOTAL_TABLE:
            day = date.fromisoformat(problem.key_path.partition(".")[0])
            source = sources.get((_TOTAL_TABLE[problem.rule], day), problem.path)
            problems.append(
                replace(problem, path=source, hint="元の表の合計の行と市区町村の行を確かめてください")
            )
    return problems
