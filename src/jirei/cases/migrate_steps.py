"""The steps between schema versions, each editing one parsed case (a ruamel CommentedMap) in place.

A step moves what it can and leaves the rest for a person: version 2 asks for a verbatim quote
per figure, which no program can invent, so the step turns each figure's source ids into evidence
entries without a quote, and ``jirei validate`` then points at every quote still to be written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

# v1 sources[].type → v2 sources[].kind
SOURCE_KIND_V2 = {
    "自治体公式": "公式",
    "国資料": "公式",
    "事例集": "事例集",
    "報道": "報道",
    "事業者": "事業者",
    "研究": "研究",
}


def _rename(mapping: Any, old: str, new: str, value: Any) -> None:
    """Replace key ``old`` by ``new`` with ``value``, in the same position, keeping its end-of-line comment."""
    position = list(mapping).index(old)
    old_value = mapping.pop(old)
    mapping.insert(position, new, value)
    comment = mapping.ca.items.pop(old, None)
    token = comment[2] if comment else None
    if token is None:
        return
    if isinstance(value, CommentedSeq) and value and isinstance(value[-1], CommentedMap):
        last = value[-1]  # a block list: the comment (and any comment lines under it) follows its last line
        key = list(last)[-1]
        indent = token.column - len(f"{old}: [{', '.join(map(str, old_value or ()))}]  ")
        token.column = indent + len(f"  - {key}: {last[key]}  ")
        last.ca.items[key] = [None, None, token, None]
        return
    token.column += len(new) - len(old) + len(str(value)) - len(str(old_value))
    mapping.ca.items[new] = comment


def _set(mapping: Any, key: str, value: Any) -> None:
    """Change a value, moving its end-of-line comment by as many characters as the value grew."""
    comment = mapping.ca.items.get(key)
    if comment and comment[2] is not None:
        comment[2].column += len(str(value)) - len(str(mapping[key]))
    mapping[key] = value


def _figures_v1(case: Any) -> Iterator[Any]:
    """Every v1 mapping whose ``sources`` backed a figure (v2 gives these ``evidence``)."""
    yield from case.get("outcomes") or ()
    yield from case.get("budget") or ()
    if isinstance(case.get("procedures"), dict):
        yield case["procedures"]
    organization = case.get("organization")
    if isinstance(organization, dict) and isinstance(organization.get("staff"), dict):
        yield organization["staff"]


def _evidence_without_quotes(source_ids: Any) -> CommentedSeq:
    evidence = CommentedSeq()
    for source_id in source_ids or ():
        evidence.append(CommentedMap([("source", source_id)]))
    return evidence


def v1_to_v2(case: Any) -> None:
    """Version 1 → 2: evidence for figures, ``kind`` for sources, and no unearned 確認済み."""
    for figure in _figures_v1(case):
        if isinstance(figure, dict) and "sources" in figure:
            _rename(figure, "sources", "evidence", _evidence_without_quotes(figure["sources"]))
    for source in case.get("sources") or ():
        if isinstance(source, dict) and "type" in source:
            _rename(source, "type", "kind", SOURCE_KIND_V2.get(source["type"], source["type"]))
    record = case.get("record")
    if isinstance(record, dict) and record.get("review_status") == "確認済み":
        _set(record, "review_status", "一部未確認")
