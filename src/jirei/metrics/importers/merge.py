"""Merge parsed releases into the store: append new, keep identical, refuse conflicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from jirei.metrics.importers.parsed import ParsedFile
from jirei.metrics.store import AgeFigure, AreaFigure, MetricsData, Release
from jirei.problems import Problem

TABLE_LABELS = {
    "municipalities": "市区町村別",
    "prefectures": "都道府県別",
    "categories": "団体区分別",
    "ages": "男女・年齢別",
}


@dataclass
class MergeResult:
    data: MetricsData
    problems: list[Problem] = field(default_factory=list)
    added: set[date] = field(default_factory=set)  # release dates with new rows
    unchanged: set[date] = field(default_factory=set)  # release dates given again, identical
    rows_added: int = 0


def _row_id(row: AreaFigure | AgeFigure) -> str:
    if isinstance(row, AreaFigure):
        return row.key
    return f"{row.age_band}/{row.sex}"


def merge(existing: MetricsData, parsed_files: Sequence[ParsedFile]) -> MergeResult:
    tables: dict[str, dict[date, list[AreaFigure | AgeFigure]]] = {}
    for name in TABLE_LABELS:
        by_date: dict[date, list[AreaFigure | AgeFigure]] = {}
        for row in getattr(existing, name):
            by_date.setdefault(row.release_date, []).append(row)
        tables[name] = by_date
    releases = set(existing.releases)
    known = {(r.release_date, r.source_sha256) for r in releases}
    result = MergeResult(existing)
    for parsed in parsed_files:
        if parsed.release_date is None:
            continue
        when = parsed.release_date
        conflict = False
        new_tables: list[tuple[str, list[AreaFigure | AgeFigure]]] = []
        for name, label in TABLE_LABELS.items():
            rows: list[AreaFigure | AgeFigure] = list(getattr(parsed, name))
            if not rows:
                continue
            current = tables[name].get(when)
            if current is None:
                new_tables.append((name, rows))
                continue
            old = {_row_id(r): r for r in current}
            new = {_row_id(r): r for r in rows}
            if old != new:
                conflict = True
                differing = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
                result.problems.append(
                    Problem(
                        path=parsed.path,
                        rule="release-conflict",
                        message=f"{when.isoformat()} の{label}データは取り込み済みで、数値が異なります",
                        key_path=label,
                        got=f"{len(differing)} 行が異なる（最初: {differing[0]}）",
                        hint="公表値の訂正なら、data/metrics の該当行を確認してから取り込み直してください",
                    )
                )
        if conflict:
            continue
        for name, rows in new_tables:
            tables[name][when] = rows
            result.rows_added += len(rows)
        if new_tables:
            result.added.add(when)
        else:
            result.unchanged.add(when)
        if (when, parsed.sha256) not in known:
            releases.add(Release(when, parsed.figure_kind, parsed.layout, parsed.source_file, parsed.sha256))
            known.add((when, parsed.sha256))
    result.unchanged -= result.added

    def flat(name: str) -> tuple[AreaFigure | AgeFigure, ...]:
        return tuple(row for rows in tables[name].values() for row in rows)

    result.data = MetricsData(
        releases=tuple(releases),
        municipalities=flat("municipalities"),  # type: ignore[arg-type]
        prefectures=flat("prefectures"),  # type: ignore[arg-type]
        categories=flat("categories"),  # type: ignore[arg-type]
        ages=flat("ages"),  # type: ignore[arg-type]
    ).sorted()
    return result
