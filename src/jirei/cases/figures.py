"""Every claim a case makes that needs evidence: its figures, dates and judgements.

A claim knows where its value is (key path), where its evidence is, and the evidence
items themselves. The evidence rules, ``jirei audit`` and the case pages all read claims
from here, so the list of what needs a quote is written once. Claims are read from the
raw YAML mapping (the rules run on files that may have schema errors) or from a typed
case turned into a mapping (:func:`case_claims`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from jirei.cases.model import Case
from jirei.cases.quote_match import (
    QuotedDate,
    as_decimal,
    format_number,
    parse_iso,
    quote_has_date,
    quote_has_first_rank,
    quote_has_number,
)
from jirei.cases.rule_base import get, items
from jirei.cases.yaml_values import KeyPath, format_key_path

UNKNOWN = "不明"


class ClaimKind(StrEnum):
    NUMBER = "数値"
    DATE = "日付"
    JUDGEMENT = "判断"


@dataclass(frozen=True)
class Claim:
    kind: ClaimKind
    label: str  # Japanese, for messages and the audit table
    path: KeyPath  # the value
    value: Any
    evidence_path: KeyPath  # where its evidence is, or would be written
    evidence: tuple[Any, ...]  # the raw evidence items
    schema_requires_evidence: bool = False  # the schema already reports missing evidence
    published: Mapping[str, str] = dataclasses.field(default_factory=dict)  # source id → published
    is_rank: bool = False

    @property
    def key_path(self) -> str:
        return format_key_path(self.path)

    @property
    def quotes(self) -> list[str]:
        return [quote for item in self.evidence if isinstance(quote := get(item, "quote"), str) and quote]

    @property
    def sources(self) -> list[str]:
        return [source for item in self.evidence if isinstance(source := get(item, "source"), str)]

    @property
    def shown_value(self) -> str:
        if isinstance(self.value, list | tuple):
            return "、".join(str(item) for item in self.value)
        number = as_decimal(self.value)
        return format_number(number) if number is not None else str(self.value)

    def _quotes_with_dates(self) -> tuple[list[str], list[QuotedDate | None]]:
        """Each quote with the publication date of its source (None when the case gives none)."""
        quotes, dates = [], []
        for item in self.evidence:
            quote, source = get(item, "quote"), get(item, "source")
            if isinstance(quote, str) and quote:
                published = self.published.get(source) if isinstance(source, str) else None
                quotes.append(quote)
                dates.append(parse_iso(published) if isinstance(published, str) else None)
        return quotes, dates

    def quote_contains_value(self) -> bool | None:
        """Whether some quote contains the figure; None for a judgement or when nothing is quoted."""
        quotes = self.quotes
        if self.kind is ClaimKind.JUDGEMENT or not quotes:
            return None
        if self.kind is ClaimKind.DATE:
            texts, dates = self._quotes_with_dates()
            return isinstance(self.value, str) and quote_has_date(self.value, texts, dates)
        if self.is_rank and as_decimal(self.value) == 1 and quote_has_first_rank(quotes):
            return True
        return quote_has_number(self.value, quotes)


def _evidence(data: Any, path: KeyPath) -> tuple[Any, ...]:
    value = get(data, *path)
    return tuple(value) if isinstance(value, list | tuple) else ()


def _published(data: Any) -> dict[str, str]:
    """Each source's publication date, by id (quotes without a year are read against it)."""
    return {
        source_id: published
        for _, source in items(data, "sources")
        if isinstance(source_id := get(source, "id"), str)
        and isinstance(published := get(source, "published"), str)
    }


def _claim(
    data: Any,
    kind: ClaimKind,
    label: str,
    path: KeyPath,
    evidence_path: KeyPath,
    required: bool = True,
    is_rank: bool = False,
) -> Claim | None:
    value = get(data, *path)
    if value is None:
        return None
    evidence = _evidence(data, evidence_path)
    published = _published(data) if kind is ClaimKind.DATE else {}
    return Claim(kind, label, path, value, evidence_path, evidence, required, published, is_rank)


def _outcome_claims(data: Any) -> Iterator[Claim | None]:
    for index, outcome in items(data, "outcomes"):
        name = get(outcome, "label") or get(outcome, "metric") or f"{index + 1} 番目"
        base: KeyPath = ("outcomes", index)
        yield _claim(data, ClaimKind.NUMBER, f"成果「{name}」の値", (*base, "value"), (*base, "evidence"))
        baseline = (*base, "baseline")
        yield _claim(data, ClaimKind.NUMBER, f"成果「{name}」の比較の基準値", (*baseline, "value"),
                     (*baseline, "evidence"))  # fmt: skip
        rank = (*base, "rank")
        rank_evidence = (
            (*rank, "evidence") if get(data, *rank, "evidence") is not None else (*base, "evidence")
        )
        yield _claim(
            data, ClaimKind.NUMBER, f"成果「{name}」の順位", (*rank, "position"), rank_evidence, is_rank=True
        )


def _figure_claims(data: Any) -> Iterator[Claim | None]:
    yield from _outcome_claims(data)
    staff = ("organization", "staff")
    yield _claim(data, ClaimKind.NUMBER, "体制の人数", (*staff, "count"), (*staff, "evidence"))
    yield _claim(data, ClaimKind.NUMBER, "手続の数", ("procedures", "count"), ("procedures", "evidence"))
    for index, _entry in items(data, "budget"):
        base: KeyPath = ("budget", index)
        yield _claim(data, ClaimKind.NUMBER, "予算・決算の額", (*base, "amount_yen"), (*base, "evidence"))
    for key, label in (("start", "開始"), ("end", "終了")):
        yield _claim(data, ClaimKind.DATE, f"期間の{label}", ("period", key), ("period", "evidence"), False)
    for index, measure in items(data, "measures"):
        title = get(measure, "title") or f"{index + 1} 番目"
        for key, label in (("start", "開始"), ("end", "終了")):
            yield _claim(data, ClaimKind.DATE, f"施策「{title}」の{label}", ("measures", index, key),
                         ("measures", index, "evidence"), False)  # fmt: skip


JUDGEMENTS: tuple[tuple[KeyPath, KeyPath, str], ...] = (
    (("leadership", "led_by"), ("leadership", "led_by_evidence"), "主導した人・部署（led_by）"),
    (("leadership", "approach"), ("leadership", "approach_evidence"), "進め方（approach）"),
    (("period", "status"), ("period", "status_evidence"), "取組の状況（status）"),
)


def _is_unknown(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return list(value) == [UNKNOWN]
    return isinstance(value, str) and value == UNKNOWN


def judgement_claims(data: Any) -> Iterator[Claim]:
    """Every judgement that says something (「不明」 needs no evidence)."""
    for path, evidence_path, label in JUDGEMENTS:
        claim = _claim(data, ClaimKind.JUDGEMENT, label, path, evidence_path, False)
        if claim is not None and not _is_unknown(claim.value):
            yield claim


def figure_claims(data: Any) -> Iterator[Claim]:
    """Every figure and dated fact of a case, in file order."""
    yield from (claim for claim in _figure_claims(data) if claim is not None)


def all_claims(data: Any) -> list[Claim]:
    return [*figure_claims(data), *judgement_claims(data)]


def case_data(case: Case) -> Mapping[str, Any]:
    """A typed case as the mapping its YAML file was (the field names are the YAML keys)."""
    return dataclasses.asdict(case)


def case_claims(case: Case) -> list[Claim]:
    return all_claims(case_data(case))


def defined_sources(data: Any) -> set[str]:
    return {
        source_id for _, source in items(data, "sources") if isinstance(source_id := get(source, "id"), str)
    }
