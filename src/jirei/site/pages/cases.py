"""Case pages (``cases/<id>.md``): one per validated case, through templates/case.md.j2."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from jinja2 import Environment
from markupsafe import Markup

from jirei.cases.dates import review_overdue
from jirei.cases.model import Case, Municipality
from jirei.metrics.measures import CARD_RATE_METRICS
from jirei.metrics.store import MetricsData
from jirei.paths import REPO_URL
from jirei.reference.municipalities import Reference
from jirei.site.rendering.anchors import anchor
from jirei.site.rendering.links import CaseLink
from jirei.site.rendering.permalinks import case_url
from jirei.site.rendering.urls import case_page, municipality_page, relative_url
from jirei.site.views.case_gap import official_gap
from jirei.site.views.citation import citation
from jirei.site.views.evidence import evidence_summary, judgements
from jirei.site.views.footnotes import Footnotes
from jirei.site.views.jsonld import case_jsonld, front_matter_json
from jirei.site.views.similar import SimilarView, similar_view

INDEX_PAGES = {"themes": "indexes/themes.md", "success_factors": "indexes/success-factors.md"}


@dataclass(frozen=True)
class Population:
    value: int
    base_date: date


@dataclass(frozen=True)
class RelatedLink:
    title: str
    url: str  # relative to the built case page


@dataclass(frozen=True)
class PlaceLink:
    municipality: Municipality
    url: str  # relative to the built case page


@dataclass(frozen=True)
class AdopterLink:
    label: str
    url: str  # relative to the built case page
    note: str | None
    sources: tuple[str, ...]


@cache
def material_icon(name: str) -> Markup:
    """A Material for MkDocs icon as pymdownx.emoji renders `:material-pencil:` (name 'material/pencil')."""
    svg = (files("material") / "templates" / ".icons" / f"{name}.svg").read_text(encoding="utf-8")
    return Markup(f'<span class="twemoji">{svg.strip()}</span>')  # the theme's own file


def links_by_code(cases: Sequence[Case]) -> dict[str, list[CaseLink]]:
    """Each municipality code with the links to its cases, in the given order; a joint case
    is listed under every member."""
    grouped: dict[str, list[CaseLink]] = {}
    for case in cases:
        link = case_link(case)
        for municipality in case.municipalities:
            grouped.setdefault(municipality.code, []).append(link)
    return grouped


def case_link(case: Case) -> CaseLink:
    rate_points = tuple(
        (outcome.as_of, outcome.value, outcome.display_label)
        for outcome in case.outcomes
        if outcome.metric in CARD_RATE_METRICS and len(outcome.as_of) == 10
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
        case_kind=case.case_kind,
    )


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
            url=relative_url(page, municipality_page(found.code)),
            note=adopter.note,
            sources=adopter.sources,
        )
        for adopter in case.adopters
        if (found := reference.by_code.get(adopter.code))
    ]
    related = [
        RelatedLink(other.title, relative_url(page, case_page(other.id)))
        for other_id in case.related_cases
        if (other := cases_by_id.get(other_id))
    ]
    return env.get_template("case.md.j2").render(
        case=case,
        footnotes=Footnotes(case.source_numbers),
        generated_from=f"cases/{case.id}.yml",
        municipality_url=relative_url(page, municipality_page(case.municipality.code)),
        places=[
            PlaceLink(place, relative_url(page, municipality_page(place.code)))
            for place in case.municipalities
        ],
        members=case.members,
        judgements=judgements(case),
        proof=evidence_summary(case),
        population=_population(metrics, case.municipality.code),
        official_gap=official_gap(case, metrics, today),
        index_urls={key: relative_url(page, index) for key, index in INDEX_PAGES.items()},
        anchors=anchors,
        stale=review_overdue(case.record.last_reviewed, today),
        chart=chart,
        related=related,
        adopters=adopters,
        similar=similar,
        edit_url=f"{REPO_URL}/edit/main/cases/{case.id}.yml",
        edit_icon=material_icon("material/pencil"),
        permalink=case_url(case.id),
        citation=citation(case),
        jsonld=Markup(front_matter_json(case_jsonld(case))),
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
    cases_by_code: Mapping[str, Sequence[CaseLink]] | None = None,
) -> dict[str, str]:
    """Every case page; ``similar`` (code → 類似団体 codes) adds the 類似団体 section, which
    lists the cases in ``cases_by_code`` (built from ``cases`` when not given)."""
    by_id = {case.id: case for case in cases}
    if cases_by_code is None:
        cases_by_code = links_by_code(cases)

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
