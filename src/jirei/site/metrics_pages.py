"""Pages for the card issuance statistics: municipalities, prefectures, overview.

:func:`render_metrics_pages` returns ``{path relative to docs/: text}`` for every
municipality page, every prefecture page and the national
overview. All numbers are computed once by :func:`jirei.metrics.analysis.analyse`;
this module turns them into small view records and the templates only format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache, partial

import jinja2
from markupsafe import Markup

from jirei.metrics.analysis import (
    AVERAGE_GROUPS,
    NATIONAL_KEY,
    RANK_GROUPS,
    TARGET_DATE,
    TARGET_LABEL,
    Analysis,
    Change,
    Rank,
    Ranks,
    analyse,
    competition_ranks,
    fastest_risers,
    pace,
    top_ranked,
    twelve_month_change,
)
from jirei.metrics.measures import DEFINITION_CHANGE, DEFINITION_CHANGE_LABEL
from jirei.metrics.store import CATEGORY_ORDER, AgeFigure, AreaFigure, MetricsData, age_band_rank
from jirei.parallel import chunks, parallel_calls
from jirei.reference.municipalities import Municipality, Prefecture, Reference
from jirei.site.charts import Band, BarSeries, Marker, Series, bar_chart, line_chart
from jirei.site.currency_view import Currency, make_currency
from jirei.site.jinja import japanese_date, pct, points, signed
from jirei.site.later_view import LaterFigures, later_view, reported_rows
from jirei.site.links import CaseLink
from jirei.site.pace_view import pace_view
from jirei.site.search_keys import PLACES_FILE, hiragana, places_json, published_names
from jirei.site.similar_view import similar_view
from jirei.site.urls import (
    CONTRIBUTE_PAGE,
    MUNICIPALITIES_CSV,
    OVERVIEW_PAGE,
    municipality_page,
    prefecture_page,
    relative,
    relative_file_url,
    relative_url,
)

DEFINITIONS_ANCHOR = "data-definitions"
RANKING_RELEASE = date(2021, 5, 1)  # the second ranking table on the overview
LABEL_CHANGE = date(2022, 6, 1)  # the category table's groups change from the release after this
RANKING_LIMIT = 10
MUNICIPALITIES_PER_PART = 50  # pages rendered per task when the work is spread over cores

SOURCES_MUNICIPALITY = (
    "data/metrics/municipalities.csv, data/metrics/prefectures.csv, data/metrics/categories.csv"
)
SOURCES_PREFECTURE = SOURCES_MUNICIPALITY
SOURCES_OVERVIEW = SOURCES_MUNICIPALITY + ", data/metrics/ages.csv"

AVERAGE_LABELS = {
    "特別区": "特別区平均",
    "政令指定都市": "政令指定都市平均",
    "市": "市平均",
    "町村": "町村平均",
}
OVERVIEW_STYLES = {"特別区": "accent1", "政令指定都市": "accent2", "市": "category", "町村": "prefecture"}
SEX_STYLES = {"男": "solid", "女": "hatched", "計": "outline"}
TREND_COLUMNS = ("基準日", "人口", "枚数", "率", "全国順位", "都道府県内順位", "区分内順位")
PREFECTURE_TREND_COLUMNS = ("基準日", "人口", "枚数", "率", "都道府県順位")


# --- formatting ------------------------------------------------------------------


@lru_cache(maxsize=16384)
def rank_text(rank: Rank | None) -> str:
    """Remembered: a few thousand distinct ranks fill ~200,000 table cells."""
    return str(rank) if rank is not None else "—"


# --- view records --------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    chart: str  # SVG <figure> block
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # newest first
    note: str


@dataclass(frozen=True)
class CaseItem:
    title: str
    summary: str
    href: str


@dataclass(frozen=True)
class PageLinks:
    overview: str
    definitions: str
    prefecture: str = ""
    data: str = ""
    contribute: str = ""


def _rate_label(figure: AreaFigure) -> str:
    return f"人口に対する{figure.figure_kind}率"


def _change_text(change: Change | None) -> str:
    if change is None:
        return "比較できる約1年前の公表がありません"
    text = f"{points(change.rate_points)}（{signed(change.cards)}枚、{japanese_date(change.previous.release_date)}との比較）"
    if change.kind_changed:
        text += "※交付枚数と保有枚数の比較"
    return text


def _facts(
    figure: AreaFigure, change: Change | None, rank_rows: Sequence[tuple[str, str]]
) -> list[tuple[str, str]]:
    return [
        ("基準日", japanese_date(figure.release_date)),
        (_rate_label(figure), Markup("<strong>{}</strong>").format(pct(figure.rate_percent))),
        (
            "人口（率の分母）",
            f"{figure.population:,}人（{japanese_date(figure.population_base_date)} 住民基本台帳人口）",
        ),
        (figure.figure_kind, f"{figure.cards:,}枚（{japanese_date(figure.cards_base_date)} 時点）"),
        ("12か月の変化", _change_text(change)),
        *rank_rows,
    ]


def _area_row(figure: AreaFigure, ranks: Sequence[str]) -> tuple[str, ...]:
    return (
        japanese_date(figure.release_date),
        f"{figure.population:,}",
        f"{figure.cards:,}",
        pct(figure.rate_percent),
        *ranks,
    )


def _points(figures: Sequence[AreaFigure]) -> tuple[tuple[date, float], ...]:
    return tuple((f.release_date, float(f.rate_percent)) for f in figures)


def _latest_values(series: Sequence[Series]) -> str:
    parts = [f"{s.label} {max(s.points)[1]:.1f}%" for s in series if s.points]
    return "、".join(parts)


def _trend_description(latest: date, series: Sequence[Series]) -> str:
    return f"{japanese_date(latest)}時点の人口に対する枚数の率は、{_latest_values(series)}。"


# --- municipality ------------------------------------------------------------------


class _ComparisonLines:
    """The national, category-average and prefecture lines of the municipality charts,
    each built once and shared by every chart that draws it."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.national = Series("全国", _points(analysis.national), "national")
        self._prefectures: dict[tuple[str, str], Series] = {}

    def _prefecture(self, municipality: Municipality) -> Series:
        key = (municipality.pref_code, municipality.prefecture)
        if key not in self._prefectures:
            figures = self.analysis.metrics.prefecture_series(municipality.pref_code)
            self._prefectures[key] = Series(municipality.prefecture, _points(figures), "prefecture")
        return self._prefectures[key]

    def for_municipality(self, municipality: Municipality) -> list[Series]:
        """National, own-category average and prefecture lines for a municipality chart."""
        result = [self.national]
        average = self.analysis.average_series(municipality.code)
        if average is not None:
            group, points_ = average
            result.append(Series(AVERAGE_LABELS[group], points_, "category"))
        result.append(self._prefecture(municipality))
        return result


def _rank_cells(ranks: Ranks | None) -> tuple[str, str, str]:
    """National, prefecture and group rank texts (— when unranked)."""
    if ranks is None:
        return ("—", "—", "—")
    return (rank_text(ranks.national), rank_text(ranks.prefecture), rank_text(ranks.group))


def _group_label(ranks: Ranks | None) -> str:
    return f"{ranks.group_name}での順位" if ranks is not None and ranks.group_name else "区分内順位"


def _municipality_trend(
    analysis: Analysis, comparison: _ComparisonLines, municipality: Municipality, series: Sequence[AreaFigure]
) -> Trend:
    lines = [
        Series(municipality.name, _points(series), "primary"),
        *comparison.for_municipality(municipality),
    ]
    chart = line_chart(
        f"{municipality.prefecture}{municipality.name}の人口に対する枚数の率の推移",
        _trend_description(series[-1].release_date, lines),
        lines,
        chart_id=f"trend-{municipality.code}",
    )
    rows = [
        _area_row(figure, _rank_cells(analysis.ranks_for(municipality.code, figure.release_date)))
        for figure in reversed(series)
    ]
    note = (
        "区分平均は、同じ区分（特別区・政令指定都市・市・町村）の全団体の枚数の合計を人口の合計で割った値です。"
        "区分内順位は「市区」または「町村」の中での順位です。"
    )
    return Trend(chart, TREND_COLUMNS, tuple(rows), note)


def _case_items(page: str, cases: Sequence[CaseLink]) -> list[CaseItem]:
    return [
        CaseItem(c.title, c.summary, relative_url(page, c.page)) for c in sorted(cases, key=lambda c: c.id)
    ]


def _municipality_context(
    analysis: Analysis,
    comparison: _ComparisonLines,
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
        facts=_facts(latest, twelve_month_change(series), rank_rows),
        trend=_municipality_trend(analysis, comparison, municipality, series),
        pace=pace_view(municipality.name, pace(series), currency.today),
        status_heading=currency.status_heading(latest.release_date),
    )
    return context


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


def _prefecture_context(
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
    lines = [
        Series(prefecture.name, _points(series), "primary"),
        Series("全国", _points(analysis.national), "national"),
    ]
    chart = line_chart(
        f"{prefecture.name}の人口に対する枚数の率の推移",
        _trend_description(latest.release_date, lines),
        lines,
        chart_id=f"trend-pref-{prefecture.pref_code}",
    )
    rows = tuple(_area_row(f, [rank_text(rank_of[f.release_date])]) for f in reversed(series))
    context.update(
        latest=latest,
        facts=_facts(
            latest, twelve_month_change(series), [("都道府県順位", rank_text(rank_of[latest.release_date]))]
        ),
        trend=Trend(chart, PREFECTURE_TREND_COLUMNS, rows, "都道府県順位は47都道府県の中での順位です。"),
        pace=pace_view(prefecture.name, pace(series), currency.today),
        status_heading=currency.status_heading(latest.release_date),
    )
    return context


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


def _overview_context(
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
    lines = [Series("全国", _points(national), "primary")]
    lines += [
        Series(AVERAGE_LABELS[group], analysis.averages[group], OVERVIEW_STYLES[group])
        for group in AVERAGE_GROUPS
        if analysis.averages.get(group)
    ]
    chart = line_chart(
        "全国と団体区分別の人口に対する枚数の率の推移",
        _trend_description(latest.release_date, lines),
        lines,
        chart_id="trend-national",
    )
    rows = tuple(_area_row(f, []) for f in reversed(national))
    context.update(
        latest=latest,
        facts=_facts(latest, twelve_month_change(national), []),
        trend=Trend(
            chart,
            ("基準日", "人口", "枚数", "率"),
            rows,
            "区分別の線は市区町村の行から計算した値です（データの定義を参照）。",
        ),
        pace=pace_view("全国", pace(national), currency.today),
        status_heading=currency.status_heading(latest.release_date),
    )
    return context


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
        self.comparison = _ComparisonLines(self.analysis)
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
        return {
            municipality_page(code): template.render(
                _municipality_context(
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
                _prefecture_context(
                    self.analysis, prefectures[code], self.pref_ranks, self.currency, self.later
                )
            )
            for code in sorted(prefectures)
        }

    def overview(self) -> dict[str, str]:
        context = _overview_context(
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
    lines = [
        Series(f"{municipality.name}（公表値）", _points(series), "primary"),
        Series("全国", _points(metrics.category_series(NATIONAL_KEY)), "national"),
    ]
    markers = [
        Marker(day, value, f"{label}: {value:.1f}%（{japanese_date(day)}）")
        for day, value, label in outcome_points
    ]
    period = f"{japanese_date(period_start)}〜{japanese_date(period_end) if period_end else ''}"
    description = (
        _trend_description(series[-1].release_date, lines) if series else "公表値はありません。"
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
