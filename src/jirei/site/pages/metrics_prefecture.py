"""The prefecture pages' context: facts, trend, pace, later figures and the municipality list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jirei.metrics.analysis import Analysis, Rank, competition_ranks, pace, twelve_month_change
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.reference.municipalities import Prefecture
from jirei.site.pages.metrics_common import (
    DEFINITIONS_ANCHOR,
    PREFECTURE_TREND_COLUMNS,
    SOURCES_PREFECTURE,
    PageLinks,
    Trend,
    area_row,
    facts,
    measure_lines,
    rank_text,
    rate_points,
    release_kinds,
    trend_description,
)
from jirei.site.rendering.jinja import points
from jirei.site.rendering.urls import OVERVIEW_PAGE, municipality_page, prefecture_page, relative_url
from jirei.site.views.charts import line_chart
from jirei.site.views.currency import Currency
from jirei.site.views.later import LaterFigures, later_view
from jirei.site.views.pace import pace_view
from jirei.site.views.search_keys import hiragana

# --- prefecture -----------------------------------------------------------------------


def prefecture_ranks(metrics: MetricsData) -> dict[date, dict[str, Rank]]:
    """Competition ranks of the 47 prefectures at each release."""
    grouped: dict[date, list[AreaFigure]] = {}
    for figure in metrics.prefectures:
        grouped.setdefault(figure.release_date, []).append(figure)
    return {day: competition_ranks(figures) for day, figures in grouped.items()}


@dataclass(frozen=True)
class MunicipalityRow:
    name: str
    href: str
    category: str
    population: int
    rate: Decimal
    rank: str
    change: str


def _municipality_rows(analysis: Analysis, prefecture: Prefecture, page: str) -> list[MunicipalityRow]:
    rows = []
    for municipality in analysis.reference.municipalities_in(prefecture.pref_code):
        series = analysis.municipality_series(municipality.code)
        if not series:
            continue
        latest = series[-1]
        ranks = analysis.ranks_for(municipality.code, latest.release_date)
        change = twelve_month_change(series)
        rows.append(
            MunicipalityRow(
                name=municipality.name,
                href=relative_url(page, municipality_page(municipality.code)),
                category=municipality.category,
                population=latest.population,
                rate=latest.rate_percent,
                rank=rank_text(ranks.prefecture if ranks else None),
                change=points(change.rate_points) if change else "—",
            )
        )
    return sorted(rows, key=lambda r: (-r.rate, r.href))


def prefecture_context(
    analysis: Analysis,
    prefecture: Prefecture,
    pref_ranks: Mapping[date, Mapping[str, Rank]],
    currency: Currency,
    later: LaterFigures,
) -> dict[str, object]:
    page = prefecture_page(prefecture.pref_code)
    series = analysis.metrics.prefecture_series(prefecture.pref_code)
    title = f"{prefecture.name}のマイナンバーカード交付状況"
    context: dict[str, object] = {
        "title": title,
        "generated_from": SOURCES_PREFECTURE,
        "prefecture": prefecture,
        "links": PageLinks(
            overview=relative_url(page, OVERVIEW_PAGE),
            definitions=relative_url(page, f"{OVERVIEW_PAGE}#{DEFINITIONS_ANCHOR}"),
        ),
        "municipalities": _municipality_rows(analysis, prefecture, page),
        "has_data": bool(series),
        "reading": hiragana(prefecture.name_kana),
        "currency": currency,
        "later": later_view(
            prefecture.name,
            f"later-pref-{prefecture.pref_code}",
            series,
            later.reported_for(prefecture.pref_code),
            national_official=analysis.national,
        ),
    }
    if not series:
        return context
    latest = series[-1]
    rank_of = {f.release_date: pref_ranks.get(f.release_date, {}).get(prefecture.pref_code) for f in series}
    kind_of = release_kinds(analysis.metrics)
    lines = [
        *measure_lines(prefecture.name, rate_points(series), "primary", kind_of),
        *measure_lines("全国", rate_points(analysis.national), "national", kind_of),
    ]
    chart = line_chart(
        f"{prefecture.name}の人口に対する枚数の率の推移",
        trend_description(latest.release_date, lines),
        lines,
        chart_id=f"trend-pref-{prefecture.pref_code}",
    )
    rows = tuple(area_row(f, [rank_text(rank_of[f.release_date])]) for f in reversed(series))
    context.update(
        latest=latest,
        facts=facts(
            latest, twelve_month_change(series), [("都道府県順位", rank_text(rank_of[latest.release_date]))]
        ),
        trend=Trend(chart, PREFECTURE_TREND_COLUMNS, rows, "都道府県順位は47都道府県の中での順位です。"),
        pace=pace_view(
            prefecture.name, pace(series), currency.today, later.reported_for(prefecture.pref_code)
        ),
        status_heading=currency.status_heading(latest.release_date),
    )
    return context
