"""The typed case model templates see (never raw dicts).

Field names follow the YAML keys one to one (documented in schema/case.schema.json).
:func:`build_case` turns an already schema-valid mapping into a :class:`Case`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, TypeVar, get_args, get_origin, get_type_hints


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    prefecture: str
    category: str
    subcategory: str | None = None


@dataclass(frozen=True)
class Period:
    start: str
    status: str
    end: str | None = None


@dataclass(frozen=True)
class Leadership:
    led_by: tuple[str, ...]
    approach: str
    description: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Staff:
    count: int
    as_of: str
    sources: tuple[str, ...]


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


@dataclass(frozen=True)
class Procedures:
    count: int
    as_of: str
    counting_method: str
    sources: tuple[str, ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class BudgetEntry:
    fiscal_year: int
    amount_yen: int
    kind: str
    funding: str
    purpose: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Baseline:
    value: float
    as_of: str


@dataclass(frozen=True)
class Rank:
    position: int
    scope: str


@dataclass(frozen=True)
class Outcome:
    metric: str
    value: float
    unit: str
    as_of: str
    sources: tuple[str, ...]
    label: str | None = None
    baseline: Baseline | None = None
    rank: Rank | None = None
    note: str | None = None

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
    type: str
    published: str | None = None


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
    def source_numbers(self) -> dict[str, int]:
        """Footnote number of each source id, in the order the sources are listed."""
        return {source.id: number for number, source in enumerate(self.sources, start=1)}


T = TypeVar("T")


def _convert(hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return _convert(inner, value)
    if origin is tuple:
        (item_hint, _ellipsis) = get_args(hint)
        return tuple(_convert(item_hint, item) for item in value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value


_FIELD_HINTS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field name, resolved type hint) of a dataclass, resolved once per class."""
    if cls not in _FIELD_HINTS:
        hints = get_type_hints(cls)
        fields = dataclasses.fields(cls)
        _FIELD_HINTS[cls] = tuple((field.name, hints[field.name]) for field in fields)
    return _FIELD_HINTS[cls]


def _build(cls: type[T], data: dict[str, Any]) -> T:
    kwargs = {
        name: _convert(hint, data[name]) for name, hint in _field_hints(cls) if data.get(name) is not None
    }
    return cls(**kwargs)


def build_case(data: dict[str, Any]) -> Case:
    """Build a :class:`Case` from a mapping that passed the schema."""
    return _build(Case, data)
