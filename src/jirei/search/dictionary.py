"""The search dictionary (data/search/synonyms.yml and data/search/wards.csv), validated on load.

``groups`` map what readers type (aliases) to the word the cases use (term); ``stopwords``
are hiragana words dropped from a query; ``variants`` map old and variant kanji in place
names to the common form; wards map each ward of a designated city to its city. The index
(:mod:`jirei.search.index_terms`) and the browser (``data/places.json`` → search.js) both
read it, so a query and a page meet on the same words.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jirei.paths import project
from jirei.problems import JireiError, Problem

SYNONYMS_FILE = Path("search") / "synonyms.yml"  # under data/
WARDS_FILE = Path("search") / "wards.csv"
WARD_COLUMNS = ("code", "city_code", "name", "reading")
_HIRAGANA = re.compile(r"^[\u3041-\u309f]+$")
_CODE = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class SynonymGroup:
    term: str
    aliases: tuple[str, ...]
    query_only: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ward:
    name: str  # with the city: 横浜市中区
    reading: str  # hiragana
    city_code: str


@dataclass(frozen=True)
class SearchDictionary:
    groups: tuple[SynonymGroup, ...]
    stopwords: tuple[str, ...]
    variants: dict[str, str]
    wards: tuple[Ward, ...]


def _problem(path: Path, message: str, key_path: str = "") -> Problem:
    return Problem(str(path), "search-dictionary", message, key_path=key_path)


def _words(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(word, str) and word.strip() for word in value):
        return [word.strip() for word in value]
    return None


def _groups(path: Path, raw: Any, problems: list[Problem]) -> list[SynonymGroup]:
    if not isinstance(raw, list) or not raw:
        problems.append(_problem(path, "groups は 1 件以上のリストで書いてください", "groups"))
        return []
    groups: list[SynonymGroup] = []
    seen: dict[str, str] = {}
    for index, entry in enumerate(raw):
        where = f"groups[{index}]"
        term = entry.get("term") if isinstance(entry, dict) else None
        aliases = _words(entry.get("aliases")) if isinstance(entry, dict) else None
        query_only = _words(entry.get("query_only")) if isinstance(entry, dict) else None
        if not isinstance(term, str) or not term.strip() or aliases is None or query_only is None:
            problems.append(
                _problem(
                    path,
                    "term（語）と aliases（言い換えのリスト）が必要です（query_only は任意のリスト）",
                    where,
                )
            )
            continue
        for word in [term, *aliases, *query_only]:
            if word in seen:
                problems.append(
                    _problem(path, f"「{word}」は {seen[word]} にもあります（語は 1 か所だけに書く）", where)
                )
            seen[word] = where
        groups.append(SynonymGroup(term.strip(), tuple(aliases), tuple(query_only)))
    return groups


def _variants(path: Path, raw: Any, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(raw, dict):
        problems.append(
            _problem(path, "variants は 旧字・異体字: 通用の字 の対応で書いてください", "variants")
        )
        return {}
    variants = {}
    for old, new in raw.items():
        if not (
            isinstance(old, str) and isinstance(new, str) and len(old) == 1 and len(new) == 1 and old != new
        ):
            problems.append(
                _problem(path, f"「{old}: {new}」は 1 文字から別の 1 文字への対応ではありません", "variants")
            )
            continue
        variants[old] = new
    return variants


def _wards_added(path: Path, raw: Any, problems: list[Problem]) -> list[Ward]:
    wards = []
    for index, entry in enumerate(raw or []):
        ok = isinstance(entry, dict) and all(
            isinstance(entry.get(k), str) for k in ("name", "reading", "city")
        )
        if not ok or not _CODE.match(entry["city"]) or not _HIRAGANA.match(entry["reading"]):
            problems.append(
                _problem(
                    path,
                    "name（区名）・reading（ひらがな）・city（市の団体コード 6 桁）が必要です",
                    f"wards_added[{index}]",
                )
            )
            continue
        wards.append(Ward(entry["name"], entry["reading"], entry["city"]))
    return wards


def load_wards(path: Path | None = None) -> list[Ward]:
    """data/search/wards.csv (written by scripts/build_wards.py from the 総務省 code list)."""
    path = path or project().data_dir / WARDS_FILE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise JireiError([_problem(path, f"区の一覧を読めません: {error}")]) from error
    wards, problems = [], []
    for number, row in enumerate(rows, start=2):
        if (
            tuple(row) != WARD_COLUMNS
            or not _CODE.match(row["city_code"])
            or not _HIRAGANA.match(row["reading"])
        ):
            problems.append(
                _problem(
                    path, f"{number} 行目: 列は {','.join(WARD_COLUMNS)}、読みはひらがなで書いてください"
                )
            )
            continue
        wards.append(Ward(row["name"], row["reading"], row["city_code"]))
    if problems:
        raise JireiError(problems)
    return wards


def load_dictionary(path: Path | None = None, wards_path: Path | None = None) -> SearchDictionary:
    """Read and check the dictionary; every problem is reported at once as a JireiError."""
    path = path or project().data_dir / SYNONYMS_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise JireiError([_problem(path, f"検索の辞書を読めません: {error}")]) from error
    if not isinstance(raw, dict):
        raise JireiError(
            [_problem(path, "検索の辞書は groups・stopwords・variants・wards_added の対応で書いてください")]
        )
    problems: list[Problem] = []
    unknown = sorted(set(raw) - {"groups", "stopwords", "variants", "wards_added"})
    if unknown:
        problems.append(_problem(path, f"知らない項目です: {', '.join(unknown)}"))
    groups = _groups(path, raw.get("groups"), problems)
    stopwords = _words(raw.get("stopwords"))
    if stopwords is None or not all(_HIRAGANA.match(word) for word in stopwords):
        problems.append(_problem(path, "stopwords はひらがなの語のリストで書いてください", "stopwords"))
        stopwords = []
    variants = _variants(path, raw.get("variants") or {}, problems)
    added = _wards_added(path, raw.get("wards_added"), problems)
    if problems:
        raise JireiError(problems)
    wards = load_wards(wards_path)
    names = {ward.name for ward in wards}
    clashes = [ward.name for ward in added if ward.name in names]
    if clashes:
        raise JireiError(
            [_problem(path, f"wards_added の {', '.join(clashes)} は wards.csv にもあります", "wards_added")]
        )
    return SearchDictionary(tuple(groups), tuple(stopwords), variants, tuple(wards + added))
