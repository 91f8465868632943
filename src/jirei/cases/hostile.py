"""Checks against values that would break or disguise a published page (SECURITY.md).

A case file comes from a stranger's pull request. Beyond what the schema says, these
checks refuse numbers that are not finite or absurdly large, numbers out of the range
their unit allows, a measure that ends before it starts, control characters and bidi
overrides in text, and warn on invisible (zero-width) characters.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from jirei.cases.dates import parse_partial_date
from jirei.cases.rules import LINK_TARGET, UNSAFE_SCHEME, problem_at, walk_strings
from jirei.cases.yaml_values import KeyPath, LoadedYaml
from jirei.problems import Problem, Severity

MAX_MAGNITUDE = 10**15  # 1,000 兆: no count, yen amount or rate in a case comes near it
# C0 and C1 control characters (and DEL), except tab and newline.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Embeddings, overrides and isolates: they reorder how the text is shown (U+202E makes "exe.txt" of "txt.exe").
BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Invisible characters: they make two titles that look the same differ, or hide a word from search.
ZERO_WIDTH = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u061c\u180e\u00ad]")
# What a browser ignores in a URL (control characters, white space) removed, case folded: the
# scheme a link would really have, however it was split or disguised in the text.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]+")
_SCRIPT_SCHEME = re.compile(r"(?:javascript|vbscript|livescript):")
_LINK_TO_DATA = re.compile(r"(?:\]\(|\]:|<)data:")
NON_NEGATIVE_UNITS = frozenset({"件", "手続", "時間", "団体", "人", "枚", "分", "円"})


def walk_numbers(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, int | float]]:
    """Every number in the document (not booleans) with its key path."""
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_numbers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_numbers(item, (*path, index))


def _codepoint(character: str) -> str:
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")


def number_problems(loaded: LoadedYaml) -> Iterator[Problem]:
    for path, value in walk_numbers(loaded.data):
        if isinstance(value, float) and not math.isfinite(value):
            yield problem_at(
                loaded, path, "number-not-finite", "数として扱えない値です（無限大や NaN）",
                got=str(value), hint="出典にある数値をそのまま書いてください。.nan・.inf・桁あふれする指数は使えません",
            )  # fmt: skip
        elif abs(value) >= MAX_MAGNITUDE:
            yield problem_at(
                loaded, path, "number-too-large", "大きすぎる数です（1,000 兆以上）",
                got=f"{value:.3g}", hint="単位（円・人など）と桁を確かめてください",
            )  # fmt: skip


def _items(data: Any, key: str) -> Iterator[tuple[int, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, list):
        yield from enumerate(value)


def _finite_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def unit_range_problems(loaded: LoadedYaml) -> Iterator[Problem]:
    """Outcome values and their baselines by unit: % in 0–100 (the value itself is rule
    ``rate-range`` in jirei.cases.rules), everything counted or paid ≥ 0."""
    for index, outcome in _items(loaded.data, "outcomes"):
        if not isinstance(outcome, dict):
            continue
        unit = outcome.get("unit")
        baseline = outcome.get("baseline")
        values: list[tuple[KeyPath, Any]] = [(("outcomes", index, "value"), outcome.get("value"))]
        if isinstance(baseline, dict):
            values.append((("outcomes", index, "baseline", "value"), baseline.get("value")))
        for path, value in values:
            if not _finite_number(value):
                continue
            if unit == "%" and path[-2] == "baseline" and not 0 <= value <= 100:
                yield problem_at(
                    loaded, path, "rate-range", "率（%）は 0 から 100 の間にしてください",
                    got=str(value), hint="比較の基準の率も、出典の値をそのまま書いてください",
                )  # fmt: skip
            elif unit in NON_NEGATIVE_UNITS and value < 0:
                yield problem_at(
                    loaded, path, "negative-number", f"単位が「{unit}」の値は 0 以上にしてください",
                    got=str(value), hint="減った量を表すときは、減った後の値を書き、減少は note に書いてください",
                )  # fmt: skip


def measure_order_problems(loaded: LoadedYaml) -> Iterator[Problem]:
    for index, measure in _items(loaded.data, "measures"):
        start = measure.get("start") if isinstance(measure, dict) else None
        end = measure.get("end") if isinstance(measure, dict) else None
        if not (isinstance(start, str) and isinstance(end, str)):
            continue
        first, last = parse_partial_date(start), parse_partial_date(end)
        if first and last and last < first:
            yield problem_at(
                loaded, ("measures", index, "end"), "measure-order", "施策の終了が開始より前になっています",
                got=f'"{end}"', hint=f"開始（{start}）以降の日付にしてください",
            )  # fmt: skip


def text_problems(loaded: LoadedYaml) -> Iterator[Problem]:
    for path, text in walk_strings(loaded.data):
        if found := CONTROL.search(text):
            yield problem_at(
                loaded, path, "text-control", "文字列に制御文字が含まれています",
                got=_codepoint(found.group()), hint="この文字を削除してください（\\0 や \\e などのエスケープで書かれていることがあります）",
            )  # fmt: skip
        if found := BIDI_CONTROL.search(text):
            yield problem_at(
                loaded, path, "text-bidi", "文字の並び順を変える制御文字（双方向テキストの制御）が含まれています",
                got=_codepoint(found.group()), hint="この文字を削除してください。表示と中身が食い違う原因になります",
            )  # fmt: skip
        if found := ZERO_WIDTH.search(text):
            yield problem_at(
                loaded, path, "text-invisible", "見えない文字（ゼロ幅の文字など）が含まれています",
                got=_codepoint(found.group()), hint="他のソフトから貼り付けたときに紛れ込むことがあります。削除してください",
                severity=Severity.WARNING,
            )  # fmt: skip


def _disguised_link(text: str) -> str | None:
    """A script or data: link that jirei.cases.rules' inline-link check does not see: a
    reference definition (``[r]: javascript:…``), a scheme split by a line break or a control
    character, an HTML entity (``&#106;avascript:``), full-width letters. None when there is none (or the inline check reports it)."""
    if any(UNSAFE_SCHEME.match(target) for target in LINK_TARGET.findall(text)):
        return None  # rule unsafe-link in jirei.cases.rules already reports it
    folded = _IGNORED_IN_URL.sub("", unicodedata.normalize("NFKC", html.unescape(text))).casefold()
    found = _SCRIPT_SCHEME.search(folded) or _LINK_TO_DATA.search(folded)
    return found.group() if found else None


def link_problems(loaded: LoadedYaml) -> Iterator[Problem]:
    for path, text in walk_strings(loaded.data):
        if path and path[-1] == "url":
            continue  # the schema and rule url allow only http(s) there
        if (scheme := _disguised_link(text)) is not None:
            yield problem_at(
                loaded, path, "unsafe-link", "この種類のリンクは書けません（分割・参照形式・全角などで書かれたものを含む）",
                got=f'"{scheme}"', hint="リンク先は http:// または https:// の URL にしてください",
            )  # fmt: skip


def hostile_problems(loaded: LoadedYaml) -> Iterator[Problem]:
    yield from number_problems(loaded)
    yield from unit_range_problems(loaded)
    yield from measure_order_problems(loaded)
    yield from text_problems(loaded)
    yield from link_problems(loaded)
