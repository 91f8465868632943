"""Ranks, 12-month changes, pace and averages over the card issuance statistics.

Everything is computed once for all releases by :func:`analyse` (one pass per
release, dictionaries), so page generators only look results up.

Ranking groups follow the ministry's top-10 tables: 「市区」 (特別区, 政令指定都市,
市) and 「町村」 (町, 村). Ranks are standard competition ranks (1, 2, 2, 4) on the
published rate, highest first. Category averages for charts are computed from
municipality rows (Σ枚数 / Σ人口 × 100) so that they are consistent across all
releases, whereas the published category table changed its groups in 2022-06.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from jirei.metrics.pace import PaceProjection, project_pace
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.reference.municipalities import Reference

CITY_GROUP = "市区"
TOWN_GROUP = "町村"
RANK_GROUPS = (CITY_GROUP, TOWN_GROUP)
RANK_GROUP_OF_CATEGORY = {
    "特別区": CITY_GROUP,
    "政令指定都市": CITY_GROUP,
    "市": CITY_GROUP,
    "町": TOWN_GROUP,
    "村": TOWN_GROUP,
}
AVERAGE_GROUPS = ("特別区", "政令指定都市", "市", "町村")
AVERAGE_GROUP_OF_CATEGORY = {
    "特別区": "特別区",
    "政令指定都市": "政令指定都市",
    "市": "市",
    "町": "町村",
    "村": "町村",
}
NATIONAL_KEY = "全国"

# 「2022年度末までにほぼ全国民に」: the government target for the card.
TARGET_DATE = date(2023, 3, 31)
TARGET_LABEL = "2022年度末までにほぼ全国民に"

YEAR_DAYS = 365
YEAR_TOLERANCE_DAYS = 45


@dataclass(frozen=True)
class Rank:
    position: int
    size: int

    def __str__(self) -> str:
        return f"{self.position}位 / {self.size:,}"


@dataclass(frozen=True)
class Ranks:
    """A municipality's ranks at one release."""

    national: Rank
    prefecture: Rank
    group: Rank | None  # None when the municipality's category is unknown
    group_name: str | None  # 市区 / 町村


@dataclass(frozen=True)
class Change:
    """Now vs. the release closest to a year earlier."""

    previous: AreaFigure
    current: AreaFigure
    rate_points: Decimal
    cards: int
    days: int
    kind_changed: bool  # 交付枚数 ↔ 保有枚数 between the two releases


@dataclass(frozen=True)
class Pace:
    """A projection from trailing-12-month issuance, with its basis."""

    projection: PaceProjection
    basis: Change
    as_of: date  # cards base date of the latest figure
    target_date: date | None  # set when the latest figure is before the target


@dataclass(frozen=True)
class Riser:
    change: Change
    ranks: Ranks


@dataclass(frozen=True)
class Analysis:
    """All derived figures, computed once by :func:`analyse`."""

    metrics: MetricsData
    reference: Reference
    release_dates: tuple[date, ...]  # releases with municipality rows, oldest first
    by_release: Mapping[date, tuple[AreaFigure, ...]]
    ranks: Mapping[date, Mapping[str, Ranks]]
    average_group_of: Mapping[str, str]  # code → 特別区 / 政令指定都市 / 市 / 町村
    averages: Mapping[str, tuple[tuple[date, float], ...]]  # average group → (release, rate)
    national: tuple[AreaFigure, ...]  # published 全国 rows, oldest first

    @property
    def latest(self) -> date:
        return self.release_dates[-1]

    def ranks_for(self, code: str, on: date) -> Ranks | None:
        return self.ranks.get(on, {}).get(code)

    def municipality_series(self, code: str) -> list[AreaFigure]:
        return self.metrics.municipality_series(code)

    def average_series(self, code: str) -> tuple[str, tuple[tuple[date, float], ...]] | None:
        """(group name, series) of the municipality's own category average."""
        group = self.average_group_of.get(code)
        if group is None:
            return None
        return group, self.averages.get(group, ())

    def national_at(self, on: date) -> AreaFigure | None:
        return next((f for f in self.national if f.release_date == on), None)


def rank_group_for(category: str) -> str | None:
    return RANK_GROUP_OF_CATEGORY.get(category)


def _groups(codes: Iterable[str], reference: Reference) -> tuple[dict[str, str], dict[str, str]]:
    rank_group: dict[str, str] = {}
    average_group: dict[str, str] = {}
    for code in codes:
        municipality = reference.by_code.get(code)
        if municipality is None:
            continue
        if municipality.category in RANK_GROUP_OF_CATEGORY:
            rank_group[code] = RANK_GROUP_OF_CATEGORY[municipality.category]
        if municipality.category in AVERAGE_GROUP_OF_CATEGORY:
            average_group[code] = AVERAGE_GROUP_OF_CATEGORY[municipality.category]
    return rank_group, average_group


def pref_code_of(code: str, reference: Reference) -> str:
    municipality = reference.by_code.get(code)
    return municipality.pref_code if municipality is not None else code[:2]


def competition_ranks(figures: Iterable[AreaFigure]) -> dict[str, Rank]:
    """Standard competition ranks, highest rate first: 50, 40, 40, 30 → 1, 2, 2, 4 (of 4)."""
    return _scope_ranks(_best_first(figures), {})


def _best_first(figures: Iterable[AreaFigure]) -> list[AreaFigure]:
    """Highest rate first, then by key (ties keep the keys ascending)."""
    ordered = sorted(figures, key=lambda f: f.key)
    ordered.sort(key=lambda f: f.rate_percent, reverse=True)  # stable: keys stay ascending within a tie
    return ordered


def _scope_ranks(members: Sequence[AreaFigure], interned: dict[tuple[int, int], Rank]) -> dict[str, Rank]:
    """Competition ranks of members already ordered best first (equal ranks share one object)."""
    size = len(members)
    ranks: dict[str, Rank] = {}
    previous: Decimal | None = None
    rank = Rank(0, size)
    for index, figure in enumerate(members, start=1):
        if figure.rate_percent != previous:
            previous = figure.rate_percent
            rank = interned.get((index, size)) or interned.setdefault((index, size), Rank(index, size))
        ranks[figure.key] = rank
    return ranks


def _rank_release(
    figures: Sequence[AreaFigure],
    rank_group: Mapping[str, str],
    pref_of: Mapping[str, str],
    interned: dict[tuple[int, int], Rank],
) -> dict[str, Ranks]:
    """All ranks for one release. One sort: the members of a prefecture or group keep the
    national order, so their ranks follow from one pass each."""
    ordered = _best_first(figures)
    by_pref: dict[str, list[AreaFigure]] = {}
    by_group: dict[str, list[AreaFigure]] = {}
    for figure in ordered:
        by_pref.setdefault(pref_of[figure.key], []).append(figure)
        if figure.key in rank_group:
            by_group.setdefault(rank_group[figure.key], []).append(figure)
    national = _scope_ranks(ordered, interned)
    pref_ranks = {pref: _scope_ranks(members, interned) for pref, members in by_pref.items()}
    group_ranks = {group: _scope_ranks(members, interned) for group, members in by_group.items()}
    result: dict[str, Ranks] = {}
    for figure in figures:
        key = figure.key
        group = rank_group.get(key)
        result[key] = Ranks(
            national=national[key],
            prefecture=pref_ranks[pref_of[key]][key],
            group=group_ranks[group][key] if group is not None else None,
            group_name=group,
        )
    return result


def rate(cards: int, population: int) -> float:
    """Cards per population in percent (0 when there is no population)."""
    return cards / population * 100 if population else 0.0


def _averages(
    by_release: Mapping[date, Sequence[AreaFigure]], average_group: Mapping[str, str]
) -> dict[str, tuple[tuple[date, float], ...]]:
    series: dict[str, list[tuple[date, float]]] = {group: [] for group in AVERAGE_GROUPS}
    for release, figures in sorted(by_release.items()):
        cards: dict[str, int] = dict.fromkeys(AVERAGE_GROUPS, 0)
        population: dict[str, int] = dict.fromkeys(AVERAGE_GROUPS, 0)
        for figure in figures:
            group = average_group.get(figure.key)
            if group is not None:
                cards[group] += figure.cards
                population[group] += figure.population
        for group in AVERAGE_GROUPS:
            if population[group]:
                series[group].append((release, rate(cards[group], population[group])))
    return {group: tuple(points) for group, points in series.items()}


def analyse(metrics: MetricsData, reference: Reference) -> Analysis:
    """Compute ranks for every release and the category averages, once."""
    grouped: dict[date, list[AreaFigure]] = {}
    for figure in metrics.municipalities:
        grouped.setdefault(figure.release_date, []).append(figure)
    by_release = {day: tuple(figures) for day, figures in sorted(grouped.items())}
    codes = {figure.key for figure in metrics.municipalities}
    rank_group, average_group = _groups(codes, reference)
    pref_of = {code: pref_code_of(code, reference) for code in codes}
    interned: dict[tuple[int, int], Rank] = {}  # one object per distinct rank, over all releases
    ranks = {
        day: _rank_release(figures, rank_group, pref_of, interned) for day, figures in by_release.items()
    }
    national = tuple(metrics.category_series(NATIONAL_KEY))
    return Analysis(
        metrics=metrics,
        reference=reference,
        release_dates=tuple(by_release),
        by_release=by_release,
        ranks=ranks,
        average_group_of=average_group,
        averages=_averages(by_release, average_group),
        national=national,
    )


# --- changes and pace ----------------------------------------------------------


def year_before(series: Sequence[AreaFigure], current: AreaFigure) -> AreaFigure | None:
    """The figure released closest to 365 days before ``current`` (within ±45 days)."""
    wanted = current.release_date - timedelta(days=YEAR_DAYS)
    window = timedelta(days=YEAR_TOLERANCE_DAYS)
    earliest, latest = wanted - window, wanted + window
    candidates = [
        f for f in series if earliest <= f.release_date <= latest and f.release_date < current.release_date
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda f: (abs((f.release_date - wanted).days), f.release_date))


def _at(series: Sequence[AreaFigure], on: date | None) -> AreaFigure | None:
    if not series:
        return None
    if on is None:
        return max(series, key=lambda f: f.release_date)
    return next((f for f in series if f.release_date == on), None)


def twelve_month_change(series: Sequence[AreaFigure], on: date | None = None) -> Change | None:
    """Rate points and cards gained over about 12 months up to ``on`` (default: latest)."""
    current = _at(series, on)
    if current is None:
        return None
    previous = year_before(series, current)
    if previous is None:
        return None
    return Change(
        previous=previous,
        current=current,
        rate_points=current.rate_percent - previous.rate_percent,
        cards=current.cards - previous.cards,
        days=(current.cards_base_date - previous.cards_base_date).days,
        kind_changed=current.figure_kind != previous.figure_kind,
    )


def pace(series: Sequence[AreaFigure], on: date | None = None, target: date = TARGET_DATE) -> Pace | None:
    """Project full coverage from the trailing-12-month issuance.

    per year = (cards now − cards a year earlier) × 365 / days between the two
    cards base dates; remaining = population − cards (not below 0). The multiple
    needed to reach full coverage by ``target`` is given while the latest figure
    is before it.
    """
    change = twelve_month_change(series, on)
    if change is None or change.days <= 0:
        return None
    current = change.current
    per_year = change.cards * YEAR_DAYS / change.days
    remaining = max(current.population - current.cards, 0)
    before_target = current.cards_base_date < target
    target_years = (target - current.cards_base_date).days / YEAR_DAYS if before_target else None
    return Pace(
        projection=project_pace(remaining, per_year, target_years),
        basis=change,
        as_of=current.cards_base_date,
        target_date=target if before_target else None,
    )


# --- rankings for the overview -----------------------------------------------------


def top_ranked(analysis: Analysis, group: str, on: date | None = None, limit: int = 10) -> list[AreaFigure]:
    """The top ``limit`` ranks of a group (ties at the cut-off included), best first."""
    day = on if on is not None else analysis.latest
    ranks = analysis.ranks.get(day, {})
    positions: dict[str, int] = {}
    for code, rank in ranks.items():
        if rank.group_name == group and rank.group is not None and rank.group.position <= limit:
            positions[code] = rank.group.position
    members = [f for f in analysis.by_release.get(day, ()) if f.key in positions]
    return sorted(members, key=lambda f: (positions[f.key], f.key))


def fastest_risers(analysis: Analysis, group: str, on: date | None = None, limit: int = 10) -> list[Riser]:
    """Largest rate-point gains over about 12 months up to ``on`` (default: latest), per group."""
    day = on if on is not None else analysis.latest
    ranks = analysis.ranks.get(day, {})
    risers = []
    for figure in analysis.by_release.get(day, ()):
        rank = ranks.get(figure.key)
        if rank is None or rank.group_name != group:
            continue
        change = twelve_month_change(analysis.municipality_series(figure.key), day)
        if change is not None:
            risers.append(Riser(change, rank))
    risers.sort(key=lambda r: (-r.change.rate_points, r.change.current.key))
    return risers[:limit]
