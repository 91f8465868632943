"""The case finder (``cases/finder.md``): every case as a list item carrying its facets in
``data-*`` attributes, and a form of native selects; docs/javascripts/finder.js hides the
items that do not match and keeps the choice in the URL's query string.

Without JavaScript the page is a plain list of all cases.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from jinja2 import Environment

from jirei.cases.model import Case
from jirei.reference.municipalities import Reference
from jirei.site.views.places import place_label, prefecture_codes

FINDER_PAGE = "cases/finder.md"
KINDS = ("取組事例", "課題事例")  # case_kind; 課題事例 tells what did not work
# (key, label, lower bound inclusive): the population bands of the finder.
BANDS = (
    ("1", "1万人未満", 0),
    ("2", "1万〜5万人", 10_000),
    ("3", "5万〜10万人", 50_000),
    ("4", "10万〜30万人", 100_000),
    ("5", "30万人以上", 300_000),
)


@dataclass(frozen=True)
class FinderItem:
    id: str
    title: str
    place: str
    summary: str
    kind: str  # case_kind
    # A joint case carries the prefecture, category and band of every member.
    prefs: tuple[str, ...]
    categories: tuple[str, ...]
    bands: tuple[str, ...]  # BANDS keys, none without population data
    themes: tuple[str, ...]
    approach: str
    status: str
    start_year: str


@dataclass(frozen=True)
class Facet:
    name: str  # query-string key
    label: str
    options: tuple[tuple[str, str], ...]  # (value, label)


def population_band(population: int | None) -> str:
    if population is None:
        return ""
    return [key for key, _, lower in BANDS if population >= lower][-1]


def _options(values: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple((value, value) for value in values)


def _once(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(value for value in dict.fromkeys(values) if value)


def _item(case: Case, reference: Reference, populations: Mapping[str, int]) -> FinderItem:
    categories = []
    for place in case.municipalities:
        known = reference.by_code.get(place.code)
        categories.append(known.category if known else place.category)
    return FinderItem(
        id=case.id,
        title=case.title,
        place=place_label(case),
        summary=case.summary,
        kind=case.case_kind,
        prefs=prefecture_codes(case),
        categories=_once(categories),
        bands=_once([population_band(populations.get(place.code)) for place in case.municipalities]),
        themes=tuple(case.themes),
        approach=case.leadership.approach,
        status=case.period.status,
        start_year=(case.period.start or "")[:4],
    )


def render_finder_page(
    cases: Sequence[Case], env: Environment, *, reference: Reference, populations: Mapping[str, int]
) -> dict[str, str]:
    """``populations``: latest population by code (jirei.metrics.similar.latest_populations)."""
    items = [_item(case, reference, populations) for case in sorted(cases, key=lambda c: c.id)]
    prefs = sorted({pref for item in items for pref in item.prefs})
    years = sorted({item.start_year for item in items if item.start_year})
    category_order = ("特別区", "政令指定都市", "市", "町", "村")
    facets = (
        Facet(
            "pref",
            "都道府県",
            tuple((p, reference.prefectures[p].name) for p in prefs if p in reference.prefectures),
        ),
        Facet(
            "category", "区分", _options([c for c in category_order if any(c in i.categories for i in items)])
        ),
        Facet("band", "人口規模", tuple((key, label) for key, label, _ in BANDS)),
        Facet("theme", "テーマ", _options(sorted({t for i in items for t in i.themes}))),
        Facet("kind", "事例の種類", _options(KINDS)),
        Facet("approach", "主導の進め方", _options(sorted({i.approach for i in items}))),
        Facet("status", "状況", _options(sorted({i.status for i in items}))),
        Facet("from", "開始年（から）", tuple((y, f"{y}年") for y in years)),
        Facet("to", "開始年（まで）", tuple((y, f"{y}年") for y in years)),
    )
    text = env.get_template("finder.md.j2").render(items=items, facets=facets, generated_from="cases/*.yml")
    return {FINDER_PAGE: text}
