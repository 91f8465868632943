"""The typed case model templates see (never raw dicts).

Field names follow the YAML keys one to one (documented in schema/case.schema.json).
:func:`build_case` turns an already schema-valid mapping into a :class:`Case`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, TypeVar, get_args, get_origin, get_type_hints


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    prefecture: str
    category: str
    subcategory: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a source id and a verbatim quote from that source."""

    source: str
    quote: str
    locator: str | None = None
    caveat: str | None = None


class Cited:
    """A figure whose sources are the ones its evidence quotes."""

    evidence: tuple[Evidence, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """The source ids the evidence cites, in order, each once."""
        return tuple(dict.fromkeys(item.source for item in self.evidence))


@dataclass(frozen=True)
class Period:
    status: str
    start: str | None = None
    end: str | None = None
    evidence: tuple[Evidence, ...] = ()
    status_evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Leadership:
    led_by: tuple[str, ...]
    approach: str
    description: str
    sources: tuple[str, ...]
    led_by_evidence: tuple[Evidence, ...] = ()
    approach_evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Staff(Cited):
    count: int
    as_of: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Partner:
    name: str
    kind: str
    role: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    unit: str
    sources: tuple[str, ...]
    established: str | None = None
    cross_departmental: bool | None = None
    staff: Staff | None = None
    external_talent: str | None = None
    partners: tuple[Partner, ...] = ()


@dataclass(frozen=True)
class Measure:
    kind: str
    title: str
    description: str
    sources: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Procedures(Cited):
    count: int
    as_of: str
    counting_method: str
    evidence: tuple[Evidence, ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class BudgetEntry(Cited):
    fiscal_year: int
    amount_yen: int
    kind: str
    funding: str
    purpose: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Baseline(Cited):
    value: float
    as_of: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Rank:
    position: int
    scope: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Outcome(Cited):
    metric: str
    value: float
    unit: str
    as_of: str
    evidence: tuple[Evidence, ...]
    label: str | None = None
    baseline: Baseline | None = None
    rank: Rank | None = None
    note: str | None = None
    population_base: str | None = None

    @property
    def display_label(self) -> str:
        return self.label or self.metric

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"


@dataclass(frozen=True)
class SuccessFactor:
    factor: str
    description: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Challenge:
    description: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Award:
    name: str
    awarded_by: str
    date: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Adopter:
    code: str
    sources: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    url: str
    title: str
    publisher: str
    accessed: str
    kind: str
    published: str | None = None
    primary_url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Record:
    created: str
    last_reviewed: str
    review_status: str


@dataclass(frozen=True)
class Case:
    schema_version: int
    id: str
    title: str
    summary: str
    description: str
    municipality: Municipality
    themes: tuple[str, ...]
    period: Period
    leadership: Leadership
    measures: tuple[Measure, ...]
    outcomes: tuple[Outcome, ...]
    success_factors: tuple[SuccessFactor, ...]
    challenges: tuple[Challenge, ...]
    lessons: tuple[str, ...]
    sources: tuple[Source, ...]
    record: Record
    license: str
    case_kind: str = "取組事例"
    members: tuple[Municipality, ...] = ()
    former_ids: tuple[str, ...] = ()
    title_en: str | None = None
    summary_en: str | None = None
    tags: tuple[str, ...] = ()
    organization: Organization | None = None
    procedures: Procedures | None = None
    budget: tuple[BudgetEntry, ...] = ()
    awards: tuple[Award, ...] = ()
    related_cases: tuple[str, ...] = ()
    adopters: tuple[Adopter, ...] = ()

    @property
    def municipalities(self) -> tuple[Municipality, ...]:
        """The lead municipality first, then the other members of a joint initiative."""
        return (self.municipality, *self.members)

    @property
    def source_numbers(self) -> dict[str, int]:
        """Footnote number of each source id, in the order the sources are listed."""
        return {source.id: number for number, source in enumerate(self.sources, start=1)}


T = TypeVar("T")
Converter = Callable[[Any], Any]


def _keep(value: Any) -> Any:
    return value


def _to_float(value: Any) -> Any:
    return float(value) if isinstance(value, int) else value


def _optional(convert: Converter) -> Converter:
    return lambda value: None if value is None else convert(value)


def _tuple_of(convert: Converter) -> Converter:
    return lambda value: tuple(convert(item) for item in value)


@cache
def _converter(hint: Any) -> Converter:
    """How a YAML value becomes the field type ``hint``; worked out once per hint."""
    origin = get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return _optional(_converter(inner))
    if origin is tuple:
        (item_hint, _ellipsis) = get_args(hint)
        return _tuple_of(_converter(item_hint))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return partial(_build, hint)
    return _to_float if hint is float else _keep


_FIELDS: dict[type, tuple[tuple[str, Converter], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, Converter], ...]:
    """(field name, converter) of a dataclass, from its type hints resolved once per class."""
    if cls not in _FIELDS:
        hints = get_type_hints(cls)
        _FIELDS[cls] = tuple((field.name, _converter(hints[field.name])) for field in dataclasses.fields(cls))
    return _FIELDS[cls]


def _build(cls: type[T], data: dict[str, Any]) -> T:
    kwargs = {name: convert(data[name]) for name, convert in _fields(cls) if data.get(name) is not None}
    return cls(**kwargs)


def build_case(data: dict[str, Any]) -> Case:
    """Build a :class:`Case` from a mapping that passed the schema."""
    return _build(Case, data)
