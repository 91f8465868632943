"""Where a case took place, as lists show it: a joint case names every member, lead first."""

from __future__ import annotations

from jirei.cases.model import Case

CAUTIONARY = "課題事例"


def place_label(case: Case) -> str:
    """'テスト県テスト市', or every member of a joint case joined with '・' (lead first)."""
    return "・".join(f"{place.prefecture}{place.name}" for place in case.municipalities)


def prefecture_codes(case: Case) -> tuple[str, ...]:
    """The two-digit prefecture codes of every member, each once, in member order."""
    return tuple(dict.fromkeys(place.code[:2] for place in case.municipalities))
