"""Pages for the card issuance statistics: municipalities, prefectures, overview.

:func:`render_metrics_pages` returns ``{path relative to docs/: text}`` for every
municipality page, every prefecture page and the national
overview. All numbers are computed once by :func:`jirei.metrics.analysis.analyse`;
this module turns them into small view records and the templates only format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial

import jinja2

from jirei.metrics.analysis import NATIONAL_KEY, Analysis, analyse
from jirei.metrics.store import MetricsData
from jirei.parallel import chunks, parallel_calls
from jirei.reference.municipalities import Reference
from jirei.site.outputs.downloads import municipality_downloads
from jirei.site.pages.metrics_common import (
    MUNICIPALITIES_PER_PART,
    RANKING_RELEASE,
    measure_lines,
    rate_points,
    release_kinds,
    trend_description,
)
from jirei.site.pages.metrics_municipality import ComparisonLines, municipality_context
from jirei.site.pages.metrics_overview import overview_context
from jirei.site.pages.metrics_prefecture import prefecture_context, prefecture_ranks
from jirei.site.rendering.jinja import japanese_date
from jirei.site.rendering.links import CaseLink
from jirei.site.rendering.urls import OVERVIEW_PAGE, municipality_page, prefecture_page
from jirei.site.views.charts import Band, Marker, line_chart
from jirei.site.views.currency import make_currency
from jirei.site.views.later import LaterFigures
from jirei.site.views.search_keys import PLACES_FILE, places_json

# --- entry points -------------------------------------------------------------------


class _MetricsPages:
    """What every metrics page shares, computed once; renders the pages in parts."""

    def __init__(
        self,
        metrics: MetricsData,
        reference: Reference,
        cases_by_code: Mapping[str, Sequence[CaseLink]],
        env: jinja2.Environment,
        similar: Mapping[str, Sequence[str]],
        ranking_release: date,
        analysis: Analysis | None,
        today: date,
        later: LaterFigures,
    ) -> None:
        self.analysis = analysis or analyse(metrics, reference)
        self.later = later
        self.currency = make_currency(today, list(self.analysis.release_dates), later.national)
        self.comparison = ComparisonLines(self.analysis)
        self.pref_ranks = prefecture_ranks(metrics)
        self.cases_by_code = cases_by_code
        self.env = env
        self.similar = similar
        self.ranking_release = ranking_release
        for name in ("municipality.md.j2", "prefecture.md.j2", "metrics.md.j2"):
            env.get_template(name)  # compiled once here, not once in each worker

    def parts(self) -> list[Callable[[], dict[str, str]]]:
        """Independent parts that together make every page, in page order: runs of
        municipalities (most of the work, so several runs can be rendered at once), then the
        prefectures, then the overview and the places lookup."""
        codes = sorted(self.analysis.reference.by_code)
        runs = chunks(codes, MUNICIPALITIES_PER_PART)
        return [*(partial(self.municipalities, run) for run in runs), self.prefectures, self.overview]

    def municipalities(self, codes: Sequence[str]) -> dict[str, str]:
        template = self.env.get_template("municipality.md.j2")
        by_code = self.analysis.reference.by_code
        pages: dict[str, str] = {}
        for code in codes:
            pages.update(municipality_downloads(code, self.analysis.municipality_series(code)))
        return pages | {
            municipality_page(code): template.render(
                municipality_context(
                    self.analysis,
                    self.comparison,
                    by_code[code],
                    self.cases_by_code,
                    self.similar,
                    self.currency,
                    self.later,
                )
            )
            for code in codes
        }

    def prefectures(self) -> dict[str, str]:
        template = self.env.get_template("prefecture.md.j2")
        prefectures = self.analysis.reference.prefectures
        return {
            prefecture_page(code): template.render(
                prefecture_context(
                    self.analysis, prefectures[code], self.pref_ranks, self.currency, self.later
                )
            )
            for code in sorted(prefectures)
        }

    def overview(self) -> dict[str, str]:
        context = overview_context(
            self.analysis, self.pref_ranks, self.ranking_release, self.currency, self.later
        )
        return {
            OVERVIEW_PAGE: self.env.get_template("metrics.md.j2").render(context),
            PLACES_FILE: places_json(self.analysis.reference, self.analysis.metrics),
        }


def render_metrics_pages(
    metrics: MetricsData,
    reference: Reference,
    cases_by_code: Mapping[str, Sequence[CaseLink]],
    env: jinja2.Environment,
    *,
    similar: Mapping[str, Sequence[str]] | None = None,
    ranking_release: date = RANKING_RELEASE,
    analysis: Analysis | None = None,
    today: date | None = None,
    later: LaterFigures | None = None,
) -> dict[str, str]:
    """All metrics pages and the places lookup: {path relative to docs/: text}.

    ``similar`` maps a code to its 類似団体 (jirei.metrics.similar); none are listed without it.
    ``analysis``: ``analyse(metrics, reference)`` when the caller already has it.
    ``today``: the build date the pages state the data's age against (deterministic builds).
    ``later``: the national monthly and press-reported figures after the official series.
    The parts are rendered on every usable core (jirei.parallel).
    """
    site = _MetricsPages(
        metrics,
        reference,
        cases_by_code,
        env,
        similar or {},
        ranking_release,
        analysis,
        today or date.today(),
        later or LaterFigures(),
    )
    pages: dict[str, str] = {}
    for part in parallel_calls(site.parts()):
        pages.update(part)
    return pages


def municipality_chart_for_case(
    metrics: MetricsData,
    reference: Reference,
    code: str,
    period_start: date,
    period_end: date | None,
    outcome_points: Sequence[tuple[date, float, str]],
    chart_id: str,
) -> str:
    """The official series for a case's municipality with the initiative's period shaded
    and the case's own outcome figures marked (an SVG ``<figure>`` block)."""
    municipality = reference.by_code[code]
    series = metrics.municipality_series(code)
    kind_of = release_kinds(metrics)
    lines = [
        *measure_lines(f"{municipality.name}（公表値）", rate_points(series), "primary", kind_of),
        *measure_lines("全国", rate_points(metrics.category_series(NATIONAL_KEY)), "national", kind_of),
    ]
    markers = [
        Marker(day, value, f"{label}: {value:.1f}%（{japanese_date(day)}）")
        for day, value, label in outcome_points
    ]
    period = f"{japanese_date(period_start)}〜{japanese_date(period_end) if period_end else ''}"
    description = (
        trend_description(series[-1].release_date, lines) if series else "公表値はありません。"
    ) + f"取組期間（{period}）を網掛けで示します。"
    if markers:
        description += "事例の成果指標: " + "、".join(m.label for m in markers) + "。"
    return line_chart(
        f"{municipality.prefecture}{municipality.name}の人口に対する枚数の率と取組期間",
        description,
        lines,
        bands=[Band(period_start, period_end, f"取組期間 {period}")],
        markers=markers,
        chart_id=chart_id,
    )
