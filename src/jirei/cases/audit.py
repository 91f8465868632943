"""How well each case is backed by its sources: the data of ``jirei audit`` and of the case pages.

Per case: every figure and judgement with its evidence and whether the quote contains the
figure, the official-series comparison of its 交付枚数率, its sources by kind (primary or
secondary), its review state, whether a "now" status has grown old, and the validator's
problems. :func:`audit_case` gives the same for a typed case (the pages' 「根拠の確かさ」).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jirei.cases.figures import Claim, ClaimKind, all_claims, case_data
from jirei.cases.loader import load_yaml
from jirei.cases.model import Case
from jirei.cases.official import OfficialComparison, official_comparisons
from jirei.cases.rule_base import get, items
from jirei.cases.source_rules import status_staleness
from jirei.cases.validate import discover, display_path, validate_files
from jirei.cases.yaml_values import format_key_path
from jirei.metrics.store import MetricsData
from jirei.problems import Problem
from jirei.reference.municipalities import Reference

SOURCE_KINDS = ("公式", "議会", "報道", "事業者", "事例集", "研究", "個人", "ミラー")
PRIMARY_KINDS = frozenset({"公式", "議会"})  # 総務省・自治体・議会の資料そのもの


@dataclass(frozen=True)
class ClaimRow:
    key_path: str
    kind: str  # 数値・日付・判断
    label: str
    value: str
    sources: tuple[str, ...]
    quoted: bool  # at least one quote
    contains: bool | None  # the quote contains the figure (None: a judgement, or nothing quoted)

    @classmethod
    def of(cls, claim: Claim) -> ClaimRow:
        return cls(
            claim.key_path, claim.kind.value, claim.label, claim.shown_value,
            tuple(dict.fromkeys(claim.sources)), bool(claim.quotes), claim.quote_contains_value(),
        )  # fmt: skip


@dataclass(frozen=True)
class OfficialRow:
    key_path: str
    as_of: str
    case_value: str
    release_date: str
    official_value: str
    figure_kind: str
    population_base: str | None
    agrees: bool

    @classmethod
    def of(cls, row: OfficialComparison) -> OfficialRow:
        return cls(
            format_key_path(row.path), row.as_of.isoformat(), str(row.case_value),
            row.release_date.isoformat(), str(row.official_value), row.figure_kind,
            row.population_base, row.agrees,
        )  # fmt: skip


@dataclass(frozen=True)
class CaseAudit:
    path: str
    case_id: str
    title: str
    figures: tuple[ClaimRow, ...]
    judgements: tuple[ClaimRow, ...]
    official: tuple[OfficialRow, ...]
    source_kinds: dict[str, int]
    review_status: str | None
    last_reviewed: str | None
    status: str | None
    stale: str | None  # why a "now" status may no longer hold
    problems: tuple[Problem, ...] = ()

    @property
    def figures_quoted(self) -> int:
        return sum(row.quoted for row in self.figures)

    @property
    def figures_matching(self) -> int:
        return sum(row.contains is True for row in self.figures)

    @property
    def mismatches(self) -> tuple[ClaimRow, ...]:
        return tuple(row for row in self.figures if row.contains is False)

    @property
    def judgements_supported(self) -> int:
        return sum(bool(row.sources) for row in self.judgements)

    @property
    def primary_sources(self) -> int:
        return sum(count for kind, count in self.source_kinds.items() if kind in PRIMARY_KINDS)

    @property
    def secondary_sources(self) -> int:
        return sum(self.source_kinds.values()) - self.primary_sources

    @property
    def errors(self) -> int:
        return sum(problem.is_error for problem in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def _source_kinds(data: Any) -> dict[str, int]:
    counts = Counter(str(get(source, "kind")) for _, source in items(data, "sources"))
    ordered = {kind: counts.pop(kind) for kind in SOURCE_KINDS if kind in counts}
    return {**ordered, **dict(sorted(counts.items()))}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def audit_data(
    data: Any, *, path: str, metrics: MetricsData | None, today: date, problems: Sequence[Problem] = ()
) -> CaseAudit:
    """The audit of one case from its mapping (a loaded YAML file or :func:`case_data`)."""
    claims = all_claims(data)
    return CaseAudit(
        path=path,
        case_id=_text(get(data, "id")) or Path(path).stem,
        title=_text(get(data, "title")) or "",
        figures=tuple(ClaimRow.of(c) for c in claims if c.kind is not ClaimKind.JUDGEMENT),
        judgements=tuple(ClaimRow.of(c) for c in claims if c.kind is ClaimKind.JUDGEMENT),
        official=tuple(OfficialRow.of(row) for row in official_comparisons(data, metrics)),
        source_kinds=_source_kinds(data),
        review_status=_text(get(data, "record", "review_status")),
        last_reviewed=_text(get(data, "record", "last_reviewed")),
        status=_text(get(data, "period", "status")),
        stale=status_staleness(data, today),
        problems=tuple(problems),
    )


def audit_case(case: Case, *, metrics: MetricsData | None, today: date) -> CaseAudit:
    """The audit of a validated case, for its page (its problems are not known here)."""
    return audit_data(case_data(case), path=f"{case.id}.yml", metrics=metrics, today=today)


@dataclass(frozen=True)
class AuditReport:
    cases: tuple[CaseAudit, ...]
    problems: tuple[Problem, ...]  # every problem, also of files that could not be read
    files_checked: int
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)


def _totals(cases: Sequence[CaseAudit], problems: Sequence[Problem]) -> dict[str, int]:
    errors = sum(problem.is_error for problem in problems)
    return {
        "cases": len(cases),
        "figures": sum(len(case.figures) for case in cases),
        "figures_quoted": sum(case.figures_quoted for case in cases),
        "figures_matching": sum(case.figures_matching for case in cases),
        "judgements": sum(len(case.judgements) for case in cases),
        "judgements_supported": sum(case.judgements_supported for case in cases),
        "official_comparisons": sum(len(case.official) for case in cases),
        "official_disagreements": sum(not row.agrees for case in cases for row in case.official),
        "primary_sources": sum(case.primary_sources for case in cases),
        "secondary_sources": sum(case.secondary_sources for case in cases),
        "stale_statuses": sum(case.stale is not None for case in cases),
        "errors": errors,
        "warnings": len(problems) - errors,
    }


def audit_files(
    paths: Sequence[Path],
    *,
    metrics: MetricsData | None,
    today: date | None = None,
    reference: Reference | None = None,
    cases_dir: Path | None = None,
) -> AuditReport:
    """Validate the files (every rule) and audit each one that can be read."""
    today = today or date.today()
    options: dict[str, Any] = {"cases_dir": cases_dir} if cases_dir else {}
    result = validate_files(paths, reference=reference, metrics=metrics, today=today, **options)
    files, _ = discover(paths)
    audits = []
    for file in files:
        shown = display_path(file)
        loaded, _load_problems = load_yaml(file, shown)
        if loaded is None or not isinstance(loaded.data, dict):
            continue
        own = [problem for problem in result.problems if problem.path == shown]
        audits.append(audit_data(loaded.data, path=shown, metrics=metrics, today=today, problems=own))
    return AuditReport(tuple(audits), result.problems, result.files_checked, _totals(audits, result.problems))
