"""What every metrics page shares: constants, view records and the formatting of facts,
table rows and chart descriptions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from markupsafe import Markup

from jirei.metrics.analysis import Change, Rank
from jirei.metrics.measures import ISSUED, MEASURES
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.site.rendering.jinja import japanese_date, pct, points, signed
from jirei.site.views.charts import Series

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
    markers_note: str = ""  # shown under the chart when it marks figures after the official series


@dataclass(frozen=True)
class CaseItem:
    title: str
    summary: str
    href: str
    case_kind: str


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


def facts(
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


def area_row(figure: AreaFigure, ranks: Sequence[str]) -> tuple[str, ...]:
    return (
        japanese_date(figure.release_date),
        f"{figure.population:,}",
        f"{figure.cards:,}",
        pct(figure.rate_percent),
        *ranks,
    )


def rate_points(figures: Sequence[AreaFigure]) -> tuple[tuple[date, float], ...]:
    return tuple((f.release_date, float(f.rate_percent)) for f in figures)


def measure_lines(
    label: str, points: Sequence[tuple[date, float]], style: str, kind_of: Mapping[date, str]
) -> list[Series]:
    """One line per measure: 交付枚数率 and 保有枚数率 points are never joined into one line.

    ``kind_of`` maps a release date to its measure (releases.csv); a series of one measure
    keeps its plain label."""
    kinds = [k for k in MEASURES if any(kind_of.get(day, ISSUED) == k for day, _ in points)]
    if len(kinds) <= 1:
        return [Series(label, tuple(points), style)]
    return [
        Series(f"{label}（{k}率）", tuple(p for p in points if kind_of.get(p[0], ISSUED) == k), style)
        for k in kinds
    ]


def release_kinds(metrics: MetricsData) -> dict[date, str]:
    """Release date → measure (one measure per release), from the national rows and releases.csv."""
    kinds = {f.release_date: f.figure_kind for f in metrics.category_series("全国")}
    kinds.update({r.release_date: r.figure_kind for r in metrics.releases})
    return kinds


def _latest_values(series: Sequence[Series]) -> str:
    parts = [f"{s.label} {max(s.points)[1]:.1f}%" for s in series if s.points]
    return "、".join(parts)


def trend_description(latest: date, series: Sequence[Series]) -> str:
    return f"{japanese_date(latest)}時点の人口に対する枚数の率は、{_latest_values(series)}。"
