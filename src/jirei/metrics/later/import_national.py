"""``jirei metrics import-national``: the Digital Agency's national monthly counts into
data/metrics/national-monthly.csv (all files checked first; nothing written on a problem)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jirei.metrics.importers.digital_agency import MonthFigure, PopulationBase, national_rows, parse_national
from jirei.metrics.importers.importer import source_name
from jirei.metrics.later.national import (
    NATIONAL_MONTHLY_FILE,
    NationalMonthly,
    load_national_monthly,
    serialize_national_monthly,
)
from jirei.metrics.store import MetricsData
from jirei.problems import JireiError, Problem, sort_key


@dataclass(frozen=True)
class NationalSummary:
    files: int
    added: tuple[NationalMonthly, ...]
    changed_files: tuple[Path, ...]


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def population_base(metrics: MetricsData) -> PopulationBase:
    """The population of the ministry's newest national row — the stated base of computed rates."""
    national = metrics.category_series("全国")
    if not national:
        raise JireiError([Problem(path="data/metrics/categories.csv", rule="national-value",
                                  message="計算の分母にする全国の人口がありません",
                                  hint="先に jirei metrics import で総務省の公表を取り込んでください")])  # fmt: skip
    newest = national[-1]
    return PopulationBase(
        newest.population,
        f"総務省公表の住民基本台帳人口（{_day(newest.population_base_date)}時点）{newest.population:,}人",
    )


def national_contents(
    paths: Sequence[Path], data_dir: Path, metrics: MetricsData
) -> tuple[dict[str, bytes], tuple[NationalMonthly, ...]]:
    """The new national-monthly.csv bytes and the rows it adds; raises JireiError on any problem."""
    figures: list[MonthFigure] = []
    problems: list[Problem] = []
    names: dict[str, str] = {}
    for path in paths:
        if not path.is_file():
            problems.append(Problem(path=str(path), rule="no-source", message="ファイルがありません"))
            continue
        found, found_problems = parse_national(str(path), path.read_bytes())
        figures += found
        problems += found_problems
        names[str(path)] = source_name(path)
    if problems:
        raise JireiError(sorted(problems, key=sort_key))
    rows, problems = national_rows(figures, names, population_base(metrics))
    existing = {row.as_of: row for row in load_national_monthly(data_dir)}
    for row in rows:
        old = existing.get(row.as_of)
        if old is not None and old.cards != row.cards:
            problems.append(Problem(path=row.source_file, rule="national-conflict",
                                    message=f"{row.as_of:%Y-%m} の保有枚数が取り込み済みの値と違います",
                                    got=f"{row.cards:,}（取り込み済み {old.cards:,}）",
                                    hint="公表元の訂正なら、data/metrics/national-monthly.csv の行を消してから取り込み直してください"))  # fmt: skip
    if problems:
        raise JireiError(sorted(problems, key=sort_key))
    added = tuple(row for row in rows if row.as_of not in existing)
    merged = dict(existing)
    for row in rows:
        old = merged.get(row.as_of)
        # A published rate replaces a computed one; otherwise what is stored stays.
        if old is None or (old.computed and not row.computed):
            merged[row.as_of] = row
    return {NATIONAL_MONTHLY_FILE: serialize_national_monthly(merged.values())}, added
