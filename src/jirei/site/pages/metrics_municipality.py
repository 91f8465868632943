"""The municipality pages' context: facts, trend chart with comparison lines, pace, cases."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from jirei.cases.dates import parse_partial_date
from jirei.metrics.analysis import Analysis, Ranks, pace, twelve_month_change
from jirei.metrics.later.reported import ReportedFigure
from jirei.metrics.measures import DEFINITION_CHANGE, DEFINITION_CHANGE_LABEL
from jirei.metrics.store import AreaFigure
from jirei.reference.municipalities import Municipality
from jirei.site.outputs.downloads import MUNICIPALITY_CSV, MUNICIPALITY_JSON
from jirei.site.pages.data import DATA_PAGE, MUNICIPALITY_FILES_ANCHOR
from jirei.site.pages.metrics_common import (
    AVERAGE_LABELS,
    DEFINITIONS_ANCHOR,
    SOURCES_MUNICIPALITY,
    TREND_COLUMNS,
    CaseItem,
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
from jirei.site.rendering.jinja import japanese_date
from jirei.site.rendering.links import CaseLink
from jirei.site.rendering.urls import (
    CONTRIBUTE_PAGE,
    MUNICIPALITIES_CSV,
    OVERVIEW_PAGE,
    municipality_page,
    prefecture_page,
    relative_file_url,
    relative_url,
)
from jirei.site.views.charts import Band, Marker, Series, line_chart
from jirei.site.views.currency import Currency
from jirei.site.views.later import LaterFigures, reported_markers, reported_rows
from jirei.site.views.pace import pace_view
from jirei.site.views.search_keys import hiragana, published_names
from jirei.site.views.similar import similar_view

# --- municipality ------------------------------------------------------------------


class ComparisonLines:
    """The national, category-average and prefecture lines of the municipality charts,
    each built once and shared by every chart that draws it."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.kind_of = release_kinds(analysis.metrics)
        self.national = measure_lines("全国", rate_points(analysis.national), "national", self.kind_of)
        self._prefectures: dict[tuple[str, str], list[Series]] = {}

    def _prefecture(self, municipality: Municipality) -> list[Series]:
        key = (municipality.pref_code, municipality.prefecture)
        if key not in self._prefectures:
            figures = self.analysis.metrics.prefecture_series(municipality.pref_code)
            self._prefectures[key] = measure_lines(
                municipality.prefecture, rate_points(figures), "prefecture", self.kind_of
            )
        return self._prefectures[key]

    def for_municipality(self, municipality: Municipality) -> list[Series]:
        """National, own-category average and prefecture lines for a municipality chart."""
        result = list(self.national)
        average = self.analysis.average_series(municipality.code)
        if average is not None:
            group, points_ = average
            result += measure_lines(AVERAGE_LABELS[group], points_, "category", self.kind_of)
        result += self._prefecture(municipality)
        return result


def _rank_cells(ranks: Ranks | None) -> tuple[str, str, str]:
    """National, prefecture and group rank texts (— when unranked)."""
    if ranks is None:
        return ("—", "—", "—")
    return (rank_text(ranks.national), rank_text(ranks.prefecture), rank_text(ranks.group))


def _group_label(ranks: Ranks | None) -> str:
    return f"{ranks.group_name}での順位" if ranks is not None and ranks.group_name else "区分内順位"


def _municipality_trend(
    analysis: Analysis,
    comparison: ComparisonLines,
    municipality: Municipality,
    series: Sequence[AreaFigure],
    reported: Sequence[ReportedFigure],
    cases: Sequence[CaseLink],
) -> Trend:
    """The official lines; press-reported figures and the card rates this municipality's cases
    quote after the official series, as markers (never line points)."""
    lines = [
        *measure_lines(municipality.name, rate_points(series), "primary", comparison.kind_of),
        *comparison.for_municipality(municipality),
    ]
    markers = reported_markers(reported)
    case_markers = _case_markers(cases, after=series[-1].release_date)
    description = trend_description(series[-1].release_date, lines)
    if markers:
        description += (
            "その後の報道による値を三角の印で示します: " + "、".join(m.label for m in markers) + "。"
        )
    if case_markers:
        description += (
            "この団体の事例が引用したその後の率を◆の印で示します: "
            + "、".join(m.label for m in case_markers)
            + "。"
        )
    markers += case_markers
    chart = line_chart(
        f"{municipality.prefecture}{municipality.name}の人口に対する枚数の率の推移",
        description,
        lines,
        bands=[Band(DEFINITION_CHANGE, None, DEFINITION_CHANGE_LABEL)]
        if any(m.at >= DEFINITION_CHANGE for m in markers)
        else [],
        markers=markers,
        chart_id=f"trend-{municipality.code}",
    )
    rows = [
        area_row(figure, _rank_cells(analysis.ranks_for(municipality.code, figure.release_date)))
        for figure in reversed(series)
    ]
    note = (
        "区分平均は、同じ区分（特別区・政令指定都市・市・町村）の全団体の枚数の合計を人口の合計で割った値です。"
        "区分内順位は「市区」または「町村」の中での順位です。"
    )
    markers_note = ""
    if markers:
        kinds = [text for present, text in ((case_markers, "◆ この団体の事例が引用した値"),
                                            (reported, "▲▼ 報道による値")) if present]  # fmt: skip
        markers_note = (
            f"{japanese_date(series[-1].release_date)}より後の数値は総務省の公表値の線とつながず、印で示しています"
            f"（{'、'.join(kinds)}）。指標や分母が公表値と違うことがあります。"
        )
    return Trend(chart, TREND_COLUMNS, tuple(rows), note, markers_note)


def _case_markers(cases: Sequence[CaseLink], after: date) -> list[Marker]:
    """The card rates the cases quote with a date after ``after`` (the official series' end)."""
    markers = []
    for case in sorted(cases, key=lambda c: c.id):
        for as_of, value, label in case.outcome_points:
            day = parse_partial_date(as_of)
            if day is not None and day > after:
                markers.append(
                    Marker(day, value, f"事例「{case.title}」の{label} {value:.1f}%（{japanese_date(day)}）")
                )
    return markers


def _case_items(page: str, cases: Sequence[CaseLink]) -> list[CaseItem]:
    return [
        CaseItem(c.title, c.summary, relative_url(page, c.page), c.case_kind)
        for c in sorted(cases, key=lambda c: c.id)
    ]


def municipality_context(
    analysis: Analysis,
    comparison: ComparisonLines,
    municipality: Municipality,
    cases_by_code: Mapping[str, Sequence[CaseLink]],
    similar: Mapping[str, Sequence[str]],
    currency: Currency,
    later: LaterFigures,
) -> dict[str, object]:
    page = municipality_page(municipality.code)
    series = analysis.municipality_series(municipality.code)
    title = f"{municipality.prefecture}{municipality.name}のマイナンバーカード交付状況"
    links = PageLinks(
        overview=relative_url(page, OVERVIEW_PAGE),
        definitions=relative_url(page, f"{OVERVIEW_PAGE}#{DEFINITIONS_ANCHOR}"),
        prefecture=relative_url(page, prefecture_page(municipality.pref_code)),
        data=relative_file_url(page, MUNICIPALITIES_CSV),
        contribute=relative_url(page, CONTRIBUTE_PAGE),
    )
    context: dict[str, object] = {
        "title": title,
        "generated_from": SOURCES_MUNICIPALITY,
        "municipality": municipality,
        "links": links,
        "cases": _case_items(page, cases_by_code.get(municipality.code, ())),
        "has_data": bool(series),
        "similar": similar_view(
            page, municipality.code, similar, analysis.reference, analysis.metrics, cases_by_code
        ),
        "reading": hiragana(municipality.name_kana),
        "published_names": published_names(municipality.name, series),
        "currency": currency,
        "reported": reported_rows(later.reported_for(municipality.code)),
        "downloads": {
            "csv": relative_file_url(page, MUNICIPALITY_CSV.format(code=municipality.code)),
            "json": relative_file_url(page, MUNICIPALITY_JSON.format(code=municipality.code)),
            "columns": relative_url(page, f"{DATA_PAGE}#{MUNICIPALITY_FILES_ANCHOR}"),
        }
        if series
        else None,
    }
    if not series:
        return context
    latest = series[-1]
    ranks = analysis.ranks_for(municipality.code, latest.release_date)
    rank_rows = [
        ("全国順位", rank_text(ranks.national if ranks else None)),
        (f"{municipality.prefecture}内の順位", rank_text(ranks.prefecture if ranks else None)),
        (_group_label(ranks), rank_text(ranks.group if ranks else None)),
    ]
    context.update(
        latest=latest,
        facts=facts(latest, twelve_month_change(series), rank_rows),
        trend=_municipality_trend(
            analysis,
            comparison,
            municipality,
            series,
            later.reported_for(municipality.code),
            cases_by_code.get(municipality.code, ()),
        ),
        pace=pace_view(
            municipality.name, pace(series), currency.today, later.reported_for(municipality.code)
        ),
        status_heading=currency.status_heading(latest.release_date),
    )
    return context
