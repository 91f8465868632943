"""The summary a fetch reports (and the scheduled workflow puts into its pull request):
what was added, the national rate, and the biggest movers among municipalities."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from jirei.metrics.analysis import NATIONAL_KEY
from jirei.metrics.later.national import NationalMonthly
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.reference.municipalities import Reference

MOVERS = 5


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def biggest_movers(
    before: Sequence[AreaFigure], after: Sequence[AreaFigure], limit: int = MOVERS
) -> list[tuple[AreaFigure, AreaFigure]]:
    """(previous, new) pairs with the largest rate change, largest first (ties by code)."""
    previous = {f.key: f for f in before}
    pairs = [(previous[f.key], f) for f in after if f.key in previous]
    pairs.sort(key=lambda pair: (-(pair[1].rate_percent - pair[0].rate_percent), pair[1].key))
    return pairs[:limit]


def release_summary(
    after: MetricsData,
    releases: Sequence[date],
    months: Sequence[NationalMonthly],
    reference: Reference,
) -> str:
    """Markdown, in Japanese."""
    lines = ["## マイナンバーカード交付状況の取り込み", ""]
    if not releases and not months:
        return "\n".join([*lines, "新しい公表はありませんでした。", ""])
    for release in releases:
        national = next((f for f in after.category_series(NATIONAL_KEY) if f.release_date == release), None)
        lines.append(f"### 総務省 {_day(release)}時点")
        if national is not None:
            lines.append(
                f"- 全国: 人口に対する{national.figure_kind}率 **{national.rate_percent}%**"
                f"（{national.cards:,}枚 / 人口 {national.population:,}人、{_day(national.population_base_date)}時点）"
            )
        older = [d for d in after.release_dates() if d < release]
        if older:
            previous = [f for f in after.municipalities if f.release_date == older[-1]]
            new = [f for f in after.municipalities if f.release_date == release]
            lines.append(f"- 率の伸びが大きい市区町村（{_day(older[-1])}との比較）:")
            for old, current in biggest_movers(previous, new):
                place = reference.by_code.get(current.key)
                name = f"{place.prefecture}{place.name}" if place else current.label
                change = current.rate_percent - old.rate_percent
                kinds = (
                    ""
                    if old.figure_kind == current.figure_kind
                    else f"（{old.figure_kind}→{current.figure_kind}）"
                )
                lines.append(
                    f"  - {name}: {old.rate_percent}% → {current.rate_percent}%（{change:+}ポイント）{kinds}"
                )
        lines.append("")
    if months:
        lines.append("### デジタル庁 全国の保有枚数")
        for month in months:
            lines.append(
                f"- {_day(month.as_of)}: {month.cards:,}枚、保有枚数率 {month.rate_percent}%（{month.rate_kind}、分母: {month.rate_base}）"
            )
        lines.append("")
    return "\n".join(lines)
