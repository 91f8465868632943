"""Matching published names and codes against the reference list."""

from __future__ import annotations

import difflib

from jirei.metrics.cells import CellError
from jirei.reference.codes import is_valid_code
from jirei.reference.municipalities import Municipality, Prefecture, Reference, normalize_name

_MISSING_CODES = frozenset({"", "<NA>", "NA", "NaN", "nan", "None"})


def suggest(reference: Reference, prefecture: Prefecture | None, raw_name: str) -> list[str]:
    """Closest reference names (within the prefecture when known)."""
    if prefecture is not None:
        pool = {normalize_name(n): f"{prefecture.name}{n}" for n in reference.names_in(prefecture.pref_code)}
    else:
        pool = {
            normalize_name(m.prefecture + m.name): m.prefecture + m.name for m in reference.by_code.values()
        }
    key = normalize_name(raw_name)
    if prefecture is not None and "郡" in key:
        key = key.split("郡", 1)[1] or key
    return [pool[k] for k in difflib.get_close_matches(key, list(pool), n=3, cutoff=0.4)]


def resolve_prefecture(reference: Reference, name: str) -> Prefecture:
    found = reference.prefecture_by_name(name)
    if found is None:
        close = difflib.get_close_matches(
            normalize_name(name), [p.name for p in reference.prefectures.values()], n=3, cutoff=0.4
        )
        raise CellError(
            "unknown-prefecture",
            "都道府県名が参照表にありません",
            name or "(空)",
            hint=f"候補: {'、'.join(close)}" if close else None,
        )
    return found


def resolve_municipality(
    reference: Reference, prefecture: str, name: str, code_text: str = ""
) -> Municipality:
    """The municipality for a published (prefecture, name[, code]) triple.

    A missing code (``<NA>``) is matched by name; a given code must exist and its
    name must match the published name.
    """
    pref = reference.prefecture_by_name(prefecture)
    code_text = code_text.strip()
    if code_text in _MISSING_CODES:
        found = reference.match_name(prefecture, name)
        if found is None:
            close = suggest(reference, pref, name)
            raise CellError(
                "unknown-municipality",
                f"市区町村名「{name}」が参照表（{prefecture}）にありません",
                f"{prefecture}{name}",
                hint=f"近い名前: {'、'.join(close)}" if close else "都道府県名と市区町村名を確認してください",
            )
        return found
    code = code_text.zfill(6)
    if not is_valid_code(code):
        raise CellError("code-invalid", "団体コードが正しくありません（6 桁・検査数字）", code_text)
    by_code = reference.by_code.get(code)
    if by_code is None:
        raise CellError("unknown-code", "団体コードが参照表にありません", code)
    by_name = reference.match_name(prefecture, name)
    if by_name is None or by_name.code != code:
        raise CellError(
            "code-name-mismatch",
            f"団体コード {code} は{by_code.prefecture}{by_code.name}ですが、名前は「{prefecture}{name}」です",
            f"{code} {prefecture}{name}",
        )
    return by_code
