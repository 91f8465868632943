"""The 類似団体 table shown on municipality and case pages (templates/partials/similar.md.j2).

Its hrefs are URLs relative to the built page: the table is finished HTML, which MkDocs does not rewrite.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jirei.metrics.store import MetricsData
from jirei.reference.municipalities import Reference
from jirei.site.rendering.links import CaseLink
from jirei.site.rendering.urls import municipality_page, relative_url


@dataclass(frozen=True)
class SimilarCase:
    title: str
    href: str


@dataclass(frozen=True)
class SimilarRow:
    name: str  # prefecture + name
    href: str
    population: int
    rate: Decimal
    figure_kind: str
    as_of: date  # the release
    cases: tuple[SimilarCase, ...]


@dataclass(frozen=True)
class SimilarView:
    category: str
    own: SimilarRow  # the municipality itself, shown first for comparison
    rows: tuple[SimilarRow, ...]
    basis: str = ""  # which grouping the list comes from (jirei.metrics.similar.Peers)
    peer_group: str = ""  # the 総務省 類似団体区分, "" when the category was used

    @property
    def cases(self) -> tuple[SimilarCase, ...]:
        return tuple(case for row in self.rows for case in row.cases)


def _row(
    from_page: str,
    code: str,
    reference: Reference,
    metrics: MetricsData,
    cases_by_code: Mapping[str, Sequence[CaseLink]],
) -> SimilarRow:
    municipality = reference.by_code[code]
    latest = metrics.municipality_series(code)[-1]
    cases = tuple(
        SimilarCase(link.title, relative_url(from_page, link.page))
        for link in sorted(cases_by_code.get(code, ()), key=lambda link: link.id)
    )
    return SimilarRow(
        name=f"{municipality.prefecture}{municipality.name}",
        href=relative_url(from_page, municipality_page(code)),
        population=latest.population,
        rate=latest.rate_percent,
        figure_kind=latest.figure_kind,
        as_of=latest.release_date,
        cases=cases,
    )


def similar_view(
    from_page: str,
    code: str,
    similar: Mapping[str, Sequence[str]],
    reference: Reference,
    metrics: MetricsData,
    cases_by_code: Mapping[str, Sequence[CaseLink]],
) -> SimilarView | None:
    """The similar municipalities of `code` with their latest rates and cases; None without any."""
    peers = similar.get(code, ())
    if not peers:
        return None
    rows = tuple(_row(from_page, peer, reference, metrics, cases_by_code) for peer in peers)
    own = _row(from_page, code, reference, metrics, cases_by_code)
    category = reference.by_code[code].category
    basis = getattr(peers, "basis", "") or f"同じ区分（{category}）"
    return SimilarView(category, own, rows, basis, getattr(peers, "peer_group", ""))
