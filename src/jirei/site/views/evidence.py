"""What a case page says about its evidence: the quotes shown with each figure and
judgement, and the 「根拠の確かさ」 box (templates/case.md.j2).

The box counts the figures and dated facts the way ``jirei audit`` does (one list of them,
:func:`jirei.cases.figures.case_claims`): how many there are and how many have a quote that
contains the value. It tells primary sources (公式・議会) from the rest and shows the review state.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jirei.cases.figures import ClaimKind, case_claims
from jirei.cases.model import Case, Cited, Evidence

PRIMARY_KINDS = ("公式", "議会")
UNKNOWN = "不明"
CHECKED = "確認済み"


def figures(case: Case) -> Iterator[Cited]:
    """Every figure of the case, in the order the page shows them."""
    yield from case.budget
    if case.organization and case.organization.staff:
        yield case.organization.staff
    if case.procedures:
        yield case.procedures
    for outcome in case.outcomes:
        yield outcome
        if outcome.baseline:
            yield outcome.baseline


def _evidence(case: Case) -> Iterator[Evidence]:
    for figure in figures(case):
        yield from figure.evidence
    period, leadership = case.period, case.leadership
    yield from (*period.evidence, *period.status_evidence)
    yield from (*leadership.led_by_evidence, *leadership.approach_evidence)
    for measure in case.measures:
        yield from measure.evidence
    for outcome in case.outcomes:
        if outcome.rank:
            yield from outcome.rank.evidence


@dataclass(frozen=True)
class EvidenceSummary:
    """The numbers of the 「根拠の確かさ」 box."""

    figures: int
    quoted_figures: int
    primary_sources: int
    other_sources: int
    caveats: int
    review_status: str
    last_reviewed: str

    @property
    def checked(self) -> bool:
        return self.review_status == CHECKED


def evidence_summary(case: Case) -> EvidenceSummary:
    claims = [claim for claim in case_claims(case) if claim.kind is not ClaimKind.JUDGEMENT]
    primary = sum(1 for source in case.sources if source.kind in PRIMARY_KINDS)
    return EvidenceSummary(
        figures=len(claims),
        quoted_figures=sum(1 for claim in claims if claim.quote_contains_value()),
        primary_sources=primary,
        other_sources=len(case.sources) - primary,
        caveats=sum(1 for item in _evidence(case) if item.caveat),
        review_status=case.record.review_status,
        last_reviewed=case.record.last_reviewed,
    )


@dataclass(frozen=True)
class Judgement:
    """A judgement row (主導・進め方・状況): its value and the evidence that backs it."""

    label: str
    value: str
    evidence: tuple[Evidence, ...]

    @property
    def unknown(self) -> bool:
        return self.value == UNKNOWN


def judgements(case: Case) -> tuple[Judgement, ...]:
    leadership = case.leadership
    return (
        Judgement("主導", "・".join(leadership.led_by), leadership.led_by_evidence),
        Judgement("進め方", leadership.approach, leadership.approach_evidence),
        Judgement("状況", case.period.status, case.period.status_evidence),
    )
