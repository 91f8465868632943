"""The comparison page (``/compare/``): up to 4 municipalities side by side.

The page itself is static: a plain explanation and links for readers without JavaScript,
and an empty tool that docs/javascripts/compare.js fills. The script finds municipalities
in data/places.json (name, reading, code, as the search box does) and loads, for each
chosen municipality, its prefecture's file ``compare/data/<pref_code>.json`` (every release's
rate, the latest figures, ranks and cases), so a comparison downloads a few small files.
The choice lives in the URL (``?codes=172065,452025``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

import jinja2

from jirei.metrics.analysis import Analysis
from jirei.site.rendering.links import CaseLink
from jirei.site.rendering.urls import municipality_page, relative_url

COMPARE_PAGE = "compare/index.md"
COMPARE_DATA = "compare/data/{pref_code}.json"
MAX_CHOSEN = 4


def _record(
    analysis: Analysis, code: str, dates: Sequence[date], cases: Sequence[CaseLink]
) -> dict[str, object]:
    municipality = analysis.reference.by_code[code]
    series = analysis.municipality_series(code)
    by_date = {f.release_date: f for f in series}
    record: dict[str, object] = {
        "name": f"{municipality.prefecture}{municipality.name}",
        "category": municipality.category,
        "page": relative_url(COMPARE_PAGE, municipality_page(code)),
        "rates": [float(by_date[d].rate_percent) if d in by_date else None for d in dates],
        "cases": [[c.title, relative_url(COMPARE_PAGE, c.page)] for c in sorted(cases, key=lambda c: c.id)],
    }
    if series:
        latest = series[-1]
        ranks = analysis.ranks_for(code, latest.release_date)
        record["latest"] = {
            "date": latest.release_date.isoformat(),
            "population": latest.population,
            "cards": latest.cards,
            "kind": latest.figure_kind,
            "rate": str(latest.rate_percent),
        }
        if ranks is not None:
            record["ranks"] = {
                "national": str(ranks.national),
                "prefecture": str(ranks.prefecture),
                "group": str(ranks.group) if ranks.group else "—",
                "group_name": ranks.group_name or "区分",
            }
    return record


def compare_data(analysis: Analysis, cases_by_code: Mapping[str, Sequence[CaseLink]]) -> dict[str, str]:
    """``{docs path: JSON}``: one file per prefecture with its municipalities."""
    dates = list(analysis.release_dates)
    files: dict[str, dict[str, object]] = {}
    for code in sorted(analysis.reference.by_code):
        document = files.setdefault(code[:2], {"dates": [d.isoformat() for d in dates], "municipalities": {}})
        municipalities = document["municipalities"]
        assert isinstance(municipalities, dict)
        municipalities[code] = _record(analysis, code, dates, cases_by_code.get(code, ()))
    return {
        COMPARE_DATA.format(pref_code=pref): json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
        for pref, doc in files.items()
    }


def render_compare_page(
    analysis: Analysis, cases_by_code: Mapping[str, Sequence[CaseLink]], env: jinja2.Environment
) -> dict[str, str]:
    """The page and its data files."""
    page = env.get_template("compare.md.j2").render(
        generated_from="data/metrics/municipalities.csv, cases/*.yml", max_chosen=MAX_CHOSEN
    )
    return {COMPARE_PAGE: page, **compare_data(analysis, cases_by_code)}


class CompareLinks:
    """``jirei_compare.href(code)`` in the municipality template: the comparison of a
    municipality with its first similar municipalities (jirei.metrics.similar)."""

    def __init__(self, similar: Mapping[str, Sequence[str]]) -> None:
        self.similar = similar

    def href(self, code: str) -> str:
        codes = [code, *list(self.similar.get(code, ()))[: MAX_CHOSEN - 1]]
        return relative_url(municipality_page(code), COMPARE_PAGE) + "?codes=" + ",".join(codes)
