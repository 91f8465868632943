"""Breadcrumbs for the generated pages outside the navigation (cases, municipalities,
prefectures): ホーム › 事例一覧 › 石川県 › <case>, ホーム › 交付状況 › 石川県 › 加賀市.

The theme template (overrides/partials/breadcrumbs.html) writes the trail above the page:
from the navigation for pages in it, from the ``trail`` front matter for case pages (so it
comes before their tags). The municipality and prefecture pages carry it at the top of their
content instead, so that they still share one frame (jirei.site.page_frames): front matter
that differs per page would give each its own frame. Both give the same markup.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from jirei.site.rendering.urls import OVERVIEW_PAGE, prefecture_page, relative_url

HOME_PAGE = "index.md"
CASES_PAGE = "cases/index.md"
FINDER_PAGE = "cases/finder.md"  # the finder keeps its filters in the query string (?pref=17)
LABEL = "パンくずリスト"


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str


def case_trail(page: str, title: str, pref_code: str, prefecture: str) -> list[Crumb]:
    """A case page: home, the case list, the case's prefecture in the finder, the case."""
    return [
        Crumb("ホーム", relative_url(page, HOME_PAGE)),
        Crumb("事例一覧", relative_url(page, CASES_PAGE)),
        Crumb(prefecture, relative_url(page, FINDER_PAGE) + f"?pref={pref_code}"),
        Crumb(title, "./"),
    ]


def metrics_trail(page: str, prefecture: str, pref_code: str, name: str | None = None) -> list[Crumb]:
    """A prefecture page (``name`` None) or a municipality page under its prefecture."""
    trail = [
        Crumb("ホーム", relative_url(page, HOME_PAGE)),
        Crumb("交付状況", relative_url(page, OVERVIEW_PAGE)),
        Crumb(prefecture, relative_url(page, prefecture_page(pref_code)) if name else "./"),
    ]
    if name:
        trail.append(Crumb(name, "./"))
    return trail


def trail_html(crumbs: Sequence[Crumb]) -> Markup:
    """An ordered list in a labelled <nav>; the last item is the page itself (aria-current)."""
    items = []
    for position, crumb in enumerate(crumbs):
        current = ' aria-current="page"' if position == len(crumbs) - 1 else ""
        items.append(f'<li><a href="{escape(crumb.url)}"{current}>{escape(crumb.label)}</a></li>')
    return Markup(f'<nav class="jirei-breadcrumbs" aria-label="{LABEL}"><ol>{"".join(items)}</ol></nav>')


def trail_front_matter(crumbs: Sequence[Crumb]) -> Markup:
    """The trail as one-line JSON (a YAML flow sequence) for the ``trail`` front matter key."""
    text = json.dumps([{"label": c.label, "url": c.url} for c in crumbs], ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
