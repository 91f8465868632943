"""Case pages (``cases/<id>.md``): one per validated case, through templates/case.md.j2."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from jinja2 import Environment

from jirei.cases.model import Case
from jirei.cases.rules import parse_partial_date
from jirei.metrics.store import MetricsData
from jirei.paths import REPO_URL
from jirei.reference.municipalities import Reference
from jirei.site.anchors import anchor
from jirei.site.links import CaseLink
from jirei.site.similar_view import SimilarView, similar_view
from jirei.site.urls import case_page, municipality_page, relative

STALE_AFTER = timedelta(days=365)
INDEX_PAGES = {"themes": "../indexes/themes.md", "success_factors": "../indexes/success-factors.md"}


@dataclass(frozen=True)
class Population:
    value: int
    base_date: date


@dataclass(frozen=True)
class AdopterLink:
    label: str
    page: str
    note: str | None
    sources: tuple[str, ...]


def case_link(case: Case) -> CaseLink:
    rate_points = tuple(
        (outcome.as_of, outcome.value, outcome.display_label)
        for outcome in case.outcomes
        if outcome.metric in ("交付枚数率", "保有枚数率") and len(outcome.as_of) == 10
    )
    return CaseLink(
        id=case.id,
        title=case.title,
        summary=case.summary,
        page=case_page(case.id),
        municipality_code=case.municipality.code,
        period_start=case.period.start,
        period_end=case.period.end,
        outcome_points=rate_points,
    )


def is_stale(case: Case, today: date) -> bool:
    reviewed = parse_partial_date(case.record.last_reviewed)
    return reviewed is not None and today - reviewed > STALE_AFTER


def _population(metrics: MetricsData | None, code: str) -> Population | None:
    series = metrics.municipality_series(code) if metrics else []
    if not series:
        return None
    latest = series[-1]
    return Population(latest.population, latest.population_base_date)


def render_case_page(
    case: Case,
    env: Environment,
    *,
    cases_by_id: Mapping[str, Case],
    reference: Reference,
    metrics: MetricsData | None,
    chart: str,
    today: date,
    similar: SimilarView | None = None,
) -> str:
    page = case_page(case.id)
    anchors = {term: anchor(term) for term in (*case.themes, *(f.factor for f in case.success_factors))}
    adopters = [
        AdopterLink(
            label=f"{found.prefecture}{found.name}",
            page=relative(page, municipality_page(found.code)),
            note=adopter.note,
            sources=adopter.sources,
        )
        for adopter in case.adopters
        if (found := reference.by_code.get(adopter.code))
    ]
    related = [
        CaseLink(
            other.id,
            other.title,
            other.summary,
            relative(page, case_page(other.id)),
            other.municipality.code,
            other.period.start,
            other.period.end,
        )
        for other_id in case.related_cases
        if (other := cases_by_id.get(other_id))
    ]
    return env.get_template("case.md.j2").render(
        case=case,
        numbers=case.source_numbers,
        generated_from=f"cases/{case.id}.yml",
        municipality_page=relative(page, municipality_page(case.municipality.code)),
        population=_population(metrics, case.municipality.code),
        index_pages=INDEX_PAGES,
        anchors=anchors,
        stale=is_stale(case, today),
        chart=chart,
        related=related,
        adopters=adopters,
        similar=similar,
        edit_url=f"{REPO_URL}/edit/main/cases/{case.id}.yml",
    )


def render_case_pages(
    cases: Sequence[Case],
    env: Environment,
    *,
    reference: Reference,
    metrics: MetricsData | None,
    charts: Mapping[str, str],
    today: date,
    similar: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, str]:
    """Every case page; ``similar`` (code → 類似団体 codes) adds the 類似団体 section."""
    by_id = {case.id: case for case in cases}
    cases_by_code: dict[str, list[CaseLink]] = {}
    for case in cases:
        cases_by_code.setdefault(case.municipality.code, []).append(case_link(case))

    def peers(case: Case) -> SimilarView | None:
        if metrics is None or not similar:
            return None
        code = case.municipality.code
        return similar_view(case_page(case.id), code, similar, reference, metrics, cases_by_code)

    return {
        case_page(case.id): render_case_page(
            case,
            env,
            cases_by_id=by_id,
            reference=reference,
            metrics=metrics,
            chart=charts.get(case.id, ""),
            today=today,
            similar=peers(case),
        )
        for case in cases
    }
