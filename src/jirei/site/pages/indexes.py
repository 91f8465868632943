"""The home page, the all-cases table and the index pages (prefecture, theme, approach, factor)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment

from jirei.cases.model import Case
from jirei.cases.vocabulary import Vocabulary
from jirei.metrics.freshness import DataAge
from jirei.metrics.store import MetricsData
from jirei.reference.municipalities import Reference
from jirei.site.pages.propose import PROPOSE_PAGE
from jirei.site.rendering.urls import case_page, municipality_page, prefecture_page, relative, relative_url
from jirei.site.views.coverage import coverage
from jirei.site.views.places import CAUTIONARY, place_label, prefecture_codes

APPROACHES = {
    "トップダウン": "首長や幹部が方針を示し、組織を動かした事例",
    "ボトムアップ": "現場の職員の発案・工夫から広がった事例",
    "併用": "トップの方針と現場の工夫を組み合わせた事例",
    "不明": "確認できた資料からは、誰がどう主導したかが分からない事例",
}
INDEXES = (
    # (page, title, intro)
    (
        "indexes/prefectures.md",
        "都道府県別",
        "事例を都道府県ごとに並べています。団体名から交付状況のページにも移れます。",
    ),
    (
        "indexes/themes.md",
        "テーマ別",
        "事例をテーマ（統制語彙）ごとに並べています。1 つの事例が複数のテーマに載ることがあります。",
    ),
    (
        "indexes/approaches.md",
        "主導の進め方別",
        "誰がどのように取組を主導したか（トップダウン・ボトムアップ・併用）で並べています。",
    ),
    ("indexes/success-factors.md", "成功要因別", "事例に挙げられた成功要因ごとに並べています。"),
)


@dataclass(frozen=True)
class Entry:
    title: str
    page: str
    place: str
    summary: str
    created: str
    kind: str  # case_kind: 取組事例 or 課題事例


@dataclass(frozen=True)
class Group:
    heading: str
    description: str
    cases: tuple[Entry, ...]


def _entry(case: Case, from_page: str) -> Entry:
    return Entry(
        case.title,
        relative(from_page, case_page(case.id)),
        place_label(case),
        case.summary,
        case.record.created,
        case.case_kind,
    )


def _groups(
    cases: Sequence[Case],
    page: str,
    terms: Mapping[str, str],
    terms_of: Callable[[Case], Iterable[str]],
) -> list[Group]:
    return [
        Group(term, description, tuple(_entry(case, page) for case in cases if term in terms_of(case)))
        for term, description in terms.items()
    ]


def _prefecture_groups(cases: Sequence[Case], reference: Reference, page: str) -> list[Group]:
    """Every prefecture (the coverage table links to each), with the cases any member of is in it."""
    groups = []
    for pref_code, prefecture in sorted(reference.prefectures.items()):
        members = tuple(_entry(case, page) for case in cases if pref_code in prefecture_codes(case))
        link = relative(page, prefecture_page(pref_code))
        groups.append(Group(prefecture.name, f"[{prefecture.name}の交付状況]({link})", members))
    return groups


def render_index_pages(
    cases: Sequence[Case],
    env: Environment,
    *,
    vocabulary: Vocabulary,
    reference: Reference,
    metrics: MetricsData | None,
    today: date | None = None,
) -> dict[str, str]:
    """``today``: the build date, against which the home page states the data's age."""
    ordered = sorted(cases, key=lambda case: case.id)
    group_sets = {
        "indexes/prefectures.md": _prefecture_groups(ordered, reference, "indexes/prefectures.md"),
        "indexes/themes.md": _groups(ordered, "indexes/themes.md", vocabulary.themes, lambda c: c.themes),
        "indexes/approaches.md": _groups(
            ordered, "indexes/approaches.md", APPROACHES, lambda c: (c.leadership.approach,)
        ),
        "indexes/success-factors.md": _groups(
            ordered,
            "indexes/success-factors.md",
            vocabulary.success_factors,
            lambda c: [factor.factor for factor in c.success_factors],
        ),
    }
    template = env.get_template("grouped_index.md.j2")
    pages = {
        page: template.render(title=title, intro=intro, groups=group_sets[page], generated_from="cases/*.yml")
        for page, title, intro in INDEXES
    }
    pages["cases/index.md"] = _cases_table(ordered, env, reference)
    pages["index.md"] = _home(ordered, env, reference, metrics, today or date.today())
    return pages


def _cases_table(cases: Sequence[Case], env: Environment, reference: Reference) -> str:
    page = "cases/index.md"
    rows = [
        {
            "title": case.title,
            "page": relative(page, case_page(case.id)),
            "kind": case.case_kind,
            "places": [
                (f"{place.prefecture}{place.name}", relative(page, municipality_page(place.code)))
                for place in case.municipalities
            ],
            "category": "・".join(dict.fromkeys(place.category for place in case.municipalities)),
            "start": case.period.start,
            "end": case.period.end,
            "status": case.period.status,
            "approach": case.leadership.approach,
            "themes": case.themes,
        }
        for case in cases
    ]
    index_links = [(title, relative(page, index_page)) for index_page, title, _intro in INDEXES]
    return env.get_template("cases_table.md.j2").render(
        rows=rows,
        index_links=index_links,
        coverage=coverage(cases, reference, page),
        generated_from="cases/*.yml",
    )


def _home(
    cases: Sequence[Case], env: Environment, reference: Reference, metrics: MetricsData | None, today: date
) -> str:
    newest = sorted(cases, key=lambda case: (case.record.created, case.id), reverse=True)[:5]
    national = None
    if metrics is not None and metrics.categories:
        latest = max(metrics.categories, key=lambda figure: (figure.release_date, figure.key == "全国"))
        national = {
            "figure_kind": latest.figure_kind,
            "rate": latest.rate_percent,
            "release": latest.release_date.isoformat(),
            "age": DataAge(latest.release_date, today),
        }
    return env.get_template("home.md.j2").render(
        counts={
            "cases": len(cases),
            "municipalities": len({place.code for case in cases for place in case.municipalities}),
            "prefectures": len({code for case in cases for code in prefecture_codes(case)}),
            "cautionary": sum(1 for case in cases if case.case_kind == CAUTIONARY),
            "all_municipalities": len(reference.by_code),
        },
        national=national,
        coverage=coverage(cases, reference, "index.md"),
        newest=[_entry(case, "index.md") for case in newest],
        indexes=[(title, page, intro) for page, title, intro in INDEXES],
        links={
            "metrics": "metrics/index.md",
            "cases": "cases/index.md",
            "cases_button": relative_url("index.md", "cases/index.md"),  # a raw-HTML link (no attr_list)
            "about": "about.md",
            "propose": PROPOSE_PAGE,
            "data": "data/index.md",
        },
        generated_from="cases/*.yml, data/metrics/",
    )
