"""The national overview's context (/metrics/): facts, trends, category table, rankings, ages,
later figures, pace and the prefecture list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jirei.metrics.analysis import (
    AVERAGE_GROUPS,
    RANK_GROUPS,
    TARGET_DATE,
    TARGET_LABEL,
    Analysis,
    Rank,
    fastest_risers,
    pace,
    top_ranked,
    twelve_month_change,
)
from jirei.metrics.measures import DEFINITION_CHANGE, DEFINITION_CHANGE_LABEL
from jirei.metrics.store import CATEGORY_ORDER, AgeFigure, AreaFigure, MetricsData, age_band_rank
from jirei.site.pages.metrics_common import (
    AVERAGE_LABELS,
    DEFINITIONS_ANCHOR,
    LABEL_CHANGE,
    OVERVIEW_STYLES,
    RANKING_LIMIT,
    SEX_STYLES,
    SOURCES_OVERVIEW,
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
from jirei.site.pages.metrics_prefecture import MunicipalityRow
from jirei.site.rendering.jinja import japanese_date, pct, points
from jirei.site.rendering.urls import OVERVIEW_PAGE, municipality_page, prefecture_page, relative
from jirei.site.views.bar_chart import BarSeries, bar_chart
from jirei.site.views.charts import line_chart
from jirei.site.views.currency import Currency
from jirei.site.views.later import LaterFigures, later_view, reported_rows
from jirei.site.views.pace import pace_view

# --- overview ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryTable:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # newest first; first cell is the release date


@dataclass(frozen=True)
class RankingRow:
    rank: int
    name: str
    href: str
    rate: Decimal
    extra: str  # population or gain


@dataclass(frozen=True)
class RankingTable:
    title: str
    rows: tuple[RankingRow, ...]


def _category_table(metrics: MetricsData) -> CategoryTable:
    cells: dict[date, dict[str, Decimal]] = {}
    for figure in metrics.categories:
        cells.setdefault(figure.release_date, {})[figure.key] = figure.rate_percent
    keys = [key for key in CATEGORY_ORDER if any(key in row for row in cells.values())]
    rows = tuple(
        (japanese_date(day), *(pct(cells[day][key]) if key in cells[day] else "—" for key in keys))
        for day in sorted(cells, reverse=True)
    )
    return CategoryTable(("基準日", *keys), rows)


def _label_change(metrics: MetricsData) -> date:
    """The first release whose category table has 特別区・市 (2022-06-01 in the published data)."""
    merged = [f.release_date for f in metrics.categories if f.key == "特別区・市"]
    return min(merged) if merged else LABEL_CHANGE


def _name(analysis: Analysis, code: str, fallback: AreaFigure) -> str:
    municipality = analysis.reference.by_code.get(code)
    if municipality is None:
        return f"{fallback.prefecture}{fallback.label}"
    return f"{municipality.prefecture}{municipality.name}"


def _top_table(analysis: Analysis, group: str, day: date) -> RankingTable:
    rows = []
    for figure in top_ranked(analysis, group, day, RANKING_LIMIT):
        ranks = analysis.ranks_for(figure.key, day)
        rows.append(
            RankingRow(
                rank=ranks.group.position if ranks and ranks.group else 0,
                name=_name(analysis, figure.key, figure),
                href=relative(OVERVIEW_PAGE, municipality_page(figure.key)),
                rate=figure.rate_percent,
                extra=f"{figure.population:,}",
            )
        )
    return RankingTable(f"{group}（{japanese_date(day)}）", tuple(rows))


def _riser_table(analysis: Analysis, group: str) -> RankingTable:
    rows = []
    for position, riser in enumerate(fastest_risers(analysis, group, limit=RANKING_LIMIT), start=1):
        figure = riser.change.current
        rows.append(
            RankingRow(
                rank=position,
                name=_name(analysis, figure.key, figure),
                href=relative(OVERVIEW_PAGE, municipality_page(figure.key)),
                rate=figure.rate_percent,
                extra=points(riser.change.rate_points),
            )
        )
    return RankingTable(f"{group}（{japanese_date(analysis.latest)}、約12か月前との比較）", tuple(rows))


@dataclass(frozen=True)
class AgeView:
    release_date: date
    chart: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _age_view(ages: Sequence[AgeFigure]) -> AgeView | None:
    if not ages:
        return None
    latest = max(a.release_date for a in ages)
    rows = [a for a in ages if a.release_date == latest]
    bands = sorted({a.age_band for a in rows if a.age_band != "全体"}, key=age_band_rank)
    sexes = [s for s in ("男", "女") if any(a.sex == s for a in rows)] or ["計"]
    value = {(a.age_band, a.sex): a.rate_percent for a in rows}
    series = [
        BarSeries(
            sex, tuple(float(value[(b, sex)]) if (b, sex) in value else None for b in bands), SEX_STYLES[sex]
        )
        for sex in sexes
    ]
    highest = max(bands, key=lambda b: value.get((b, "計"), Decimal(-1)))
    description = f"{japanese_date(latest)}時点。人口に対する枚数の率が最も高い年齢層は{highest}（計 {pct(value.get((highest, '計'), Decimal(0)))}）。"
    chart = bar_chart(
        f"年齢層・男女別の人口に対する枚数の率（{japanese_date(latest)}）",
        description,
        bands,
        series,
        chart_id="ages",
    )
    table_sexes = [s for s in ("男", "女", "計") if any(a.sex == s for a in rows)]
    table = tuple(
        (band, *(pct(value[(band, s)]) if (band, s) in value else "—" for s in table_sexes))
        for band in sorted({a.age_band for a in rows}, key=age_band_rank)
    )
    return AgeView(latest, chart, ("年齢層", *table_sexes), table)


def _prefecture_list(
    analysis: Analysis, pref_ranks: Mapping[date, Mapping[str, Rank]]
) -> list[MunicipalityRow]:
    rows = []
    for pref_code, prefecture in sorted(analysis.reference.prefectures.items()):
        series = analysis.metrics.prefecture_series(pref_code)
        if not series:
            continue
        latest = series[-1]
        change = twelve_month_change(series)
        rows.append(
            MunicipalityRow(
                name=prefecture.name,
                href=relative(OVERVIEW_PAGE, prefecture_page(pref_code)),
                category="",
                population=latest.population,
                rate=latest.rate_percent,
                rank=rank_text(pref_ranks.get(latest.release_date, {}).get(pref_code)),
                change=points(change.rate_points) if change else "—",
            )
        )
    return rows


def overview_context(
    analysis: Analysis,
    pref_ranks: Mapping[date, Mapping[str, Rank]],
    ranking_release: date,
    currency: Currency,
    later: LaterFigures,
) -> dict[str, object]:
    national = list(analysis.national)
    context: dict[str, object] = {
        "title": "マイナンバーカード交付状況（全国）",
        "generated_from": SOURCES_OVERVIEW,
        "links": PageLinks(overview="index.md", definitions=f"#{DEFINITIONS_ANCHOR}"),
        "category_table": _category_table(analysis.metrics),
        "label_change": _label_change(analysis.metrics),
        "prefectures": _prefecture_list(analysis, pref_ranks),
        "ages": _age_view(analysis.metrics.ages),
        "target_date": TARGET_DATE,
        "target_label": TARGET_LABEL,
        "has_data": bool(national),
        "rank_groups": RANK_GROUPS,
        "average_groups": AVERAGE_GROUPS,
        "currency": currency,
        "definition_change_label": DEFINITION_CHANGE_LABEL,
        "definition_change": DEFINITION_CHANGE,
        "later": later_view(
            "全国", "later-national", national, later.reported_for("全国"), national=later.national
        ),
        "later_prefectures": reported_rows([f for f in later.reported if f.scope != "national"]),
    }
    if analysis.release_dates:
        releases = [analysis.latest]
        if ranking_release in analysis.ranks and ranking_release != analysis.latest:
            releases.append(ranking_release)
        context["top_tables"] = [_top_table(analysis, g, day) for day in releases for g in RANK_GROUPS]
        context["riser_tables"] = [_riser_table(analysis, g) for g in RANK_GROUPS]
    if not national:
        return context
    latest = national[-1]
    kind_of = release_kinds(analysis.metrics)
    lines = measure_lines("全国", rate_points(national), "primary", kind_of)
    for group in AVERAGE_GROUPS:
        if analysis.averages.get(group):
            lines += measure_lines(
                AVERAGE_LABELS[group], analysis.averages[group], OVERVIEW_STYLES[group], kind_of
            )
    chart = line_chart(
        "全国と団体区分別の人口に対する枚数の率の推移",
        trend_description(latest.release_date, lines),
        lines,
        chart_id="trend-national",
    )
    rows = tuple(area_row(f, []) for f in reversed(national))
    context.update(
        latest=latest,
        facts=facts(latest, twelve_month_change(national), []),
        trend=Trend(
            chart,
            ("基準日", "人口", "枚数", "率"),
            rows,
            "区分別の線は市区町村の行から計算した値です（データの定義を参照）。",
        ),
        pace=pace_view("全国", pace(national), currency.today, later.reported_for("全国")),
        status_heading=currency.status_heading(latest.release_date),
    )
    return context
