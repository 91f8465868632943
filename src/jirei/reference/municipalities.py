"""The municipality reference list (data/reference/*.csv) and name matching."""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jirei.paths import project
from jirei.problems import JireiError, Problem

MUNICIPALITY_COLUMNS = ("code", "pref_code", "prefecture", "name", "name_kana", "category")
PREFECTURE_COLUMNS = ("pref_code", "code", "name", "name_kana")

# Variant kanji seen in the sources; both sides map to one spelling for comparison.
_VARIANTS = str.maketrans({"檮": "梼"})
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Municipality:
    code: str
    pref_code: str
    prefecture: str
    name: str
    name_kana: str
    category: str


@dataclass(frozen=True)
class Prefecture:
    pref_code: str
    code: str
    name: str
    name_kana: str


def normalize_name(raw: str) -> str:
    """NFKC, drop all whitespace (incl. U+3000), unify variant kanji."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", raw)).translate(_VARIANTS)


@dataclass(frozen=True)
class Reference:
    by_code: Mapping[str, Municipality]
    prefectures: Mapping[str, Prefecture]  # keyed by pref_code
    _by_pref: dict[str, list[Municipality]] = field(default_factory=dict, repr=False, compare=False)
    _by_pref_name: dict[str, dict[str, Municipality]] = field(default_factory=dict, repr=False, compare=False)
    _pref_by_name: dict[str, Prefecture] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for municipality in sorted(self.by_code.values(), key=lambda m: m.code):
            self._by_pref.setdefault(municipality.pref_code, []).append(municipality)
            names = self._by_pref_name.setdefault(municipality.pref_code, {})
            names[normalize_name(municipality.name)] = municipality
        for prefecture in self.prefectures.values():
            self._pref_by_name[normalize_name(prefecture.name)] = prefecture

    def municipalities_in(self, pref_code: str) -> list[Municipality]:
        return list(self._by_pref.get(pref_code, []))

    def prefecture_by_name(self, name: str) -> Prefecture | None:
        key = normalize_name(name)
        found = self._pref_by_name.get(key)
        if found is None and key and key[-1] not in "都道府県":
            for suffix in ("都", "道", "府", "県"):
                found = self._pref_by_name.get(key + suffix)
                if found is not None:
                    break
        return found

    def match_name(self, prefecture: str, raw_name: str) -> Municipality | None:
        """Find a municipality by its published name within a prefecture.

        Handles the 郡 prefix (岩船郡粟島浦村), island prefixes (三宅島　三宅村),
        full-width/half-width forms and the 檮/梼 variants.
        """
        pref = self.prefecture_by_name(prefecture)
        if pref is None:
            return None
        names = self._by_pref_name.get(pref.pref_code, {})
        key = normalize_name(raw_name)
        found = names.get(key)
        if found is not None:
            return found
        # Strip a leading 郡 or island name: try every split after 郡 / 島.
        for index in range(1, len(key)):
            if key[index - 1] in "郡島":
                found = names.get(key[index:])
                if found is not None:
                    return found
        return None

    def names_in(self, pref_code: str) -> list[str]:
        return [m.name for m in self._by_pref.get(pref_code, [])]

    def search(self, query: str) -> list[Municipality]:
        """Municipalities whose code starts with, or whose name/kana contains, ``query``."""
        key = normalize_name(query)
        if not key:
            return []
        if key.isascii() and key.isdigit():
            return [m for code, m in sorted(self.by_code.items()) if code.startswith(key)]
        results = []
        for code in sorted(self.by_code):
            municipality = self.by_code[code]
            haystacks = (
                normalize_name(municipality.name),
                normalize_name(municipality.prefecture + municipality.name),
                municipality.name_kana,
            )
            if any(key in haystack for haystack in haystacks):
                results.append(municipality)
        return results


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != columns:
                raise JireiError(
                    [
                        Problem(
                            path=str(path),
                            rule="reference-columns",
                            message="参照表の列が想定と異なります",
                            line=1,
                            got=",".join(reader.fieldnames or ()),
                            hint=f"想定: {','.join(columns)}",
                        )
                    ]
                )
            return list(reader)
    except FileNotFoundError:
        raise JireiError(
            [
                Problem(
                    path=str(path),
                    rule="reference-missing",
                    message="自治体参照表が見つかりません",
                    hint="scripts/build_reference.py で生成してください",
                )
            ]
        ) from None


@functools.lru_cache(maxsize=8)
def _load(directory: Path) -> Reference:
    municipalities = {
        row["code"]: Municipality(**row)
        for row in _read_rows(directory / "municipalities.csv", MUNICIPALITY_COLUMNS)
    }
    prefectures = {
        row["pref_code"]: Prefecture(**row)
        for row in _read_rows(directory / "prefectures.csv", PREFECTURE_COLUMNS)
    }
    return Reference(by_code=municipalities, prefectures=prefectures)


def load_reference(directory: Path | None = None) -> Reference:
    """Load (once per directory) the reference list written by scripts/build_reference.py
    (default: the project's data/reference)."""
    return _load(Path(directory or project().reference_dir).resolve())
