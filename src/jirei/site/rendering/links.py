"""Small link records passed between page generators (no dependency on the case model)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CaseLink:
    """A case as another page lists it.

    ``page`` is the generated Markdown path relative to ``docs/`` (``cases/<id>.md``);
    a page links to it relatively so that ``mkdocs build --strict`` checks the link.
    """

    id: str
    title: str
    summary: str
    page: str
    municipality_code: str
    period_start: str | None
    period_end: str | None
    outcome_points: tuple[tuple[str, float, str], ...] = ()  # (as_of date, rate %, metric label)
    case_kind: str = "取組事例"  # or 課題事例 (a cautionary case), labelled in lists
