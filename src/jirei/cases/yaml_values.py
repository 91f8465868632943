"""What loading a case file yields, shared by both loaders (jirei.cases.loader and
jirei.cases.event_loader): positions, the loaded file, and YAML 1.2 core-style scalars.

Only YAML 1.2 core-style scalars: no timestamps (dates stay strings), no yes/no/on/off
booleans, no octal/sexagesimal ints (so "012345" and "12:30" stay strings), no merge keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from yaml.resolver import BaseResolver

MAX_DEPTH = 64  # nesting limit, far below Python's recursion limit
MAX_NUMBER_CHARS = 32  # a longer number is refused before conversion (int() stops at 4,300 digits)


KeyPath = tuple[str | int, ...]

TAG_PREFIX = "tag:yaml.org,2002:"
STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG = (
    TAG_PREFIX + n for n in ("str", "int", "float", "bool", "null")
)
SCALAR_TAGS = frozenset({STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG})
_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT_RE = re.compile(
    r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"
    r"|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"
)
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")
SCALAR_PATTERNS = {INT_TAG: _INT_RE, FLOAT_TAG: _FLOAT_RE, BOOL_TAG: _BOOL_RE, NULL_TAG: _NULL_RE}


class Mark(NamedTuple):
    """A position in the file. A named tuple: a case file has hundreds, made and sent
    between processes (jirei.parallel) much faster than dataclass objects."""

    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class LoadedYaml:
    path: str
    data: Any
    value_marks: dict[KeyPath, Mark]
    key_marks: dict[KeyPath, Mark]

    def mark_for(self, path: KeyPath) -> Mark:
        """Position of the value at `path`; for a missing key, the nearest existing ancestor
        (so 'missing key' errors point at the parent mapping)."""
        while path and path not in self.value_marks:
            path = path[:-1]
        return self.value_marks.get(path, Mark(1, 1))


def format_key_path(path: KeyPath) -> str:
    """("a", 0, "b") -> "a[0].b"; () -> ""."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def to_mark(mark: Any) -> Mark:
    """A 1-based Mark from PyYAML's 0-based mark."""
    return Mark(mark.line + 1, mark.column + 1)


# (tag, pattern, first characters), in the order PyYAML's resolver tries them.
CORE_RESOLVERS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (BOOL_TAG, _BOOL_RE, tuple("tTfF")),
    (NULL_TAG, _NULL_RE, ("~", "n", "N", "")),
    (INT_TAG, _INT_RE, tuple("-+0123456789")),
    (FLOAT_TAG, _FLOAT_RE, tuple("-+0123456789.")),
)
_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _tag, _pattern, _firsts in CORE_RESOLVERS:
    for _first in _firsts:
        _BY_FIRST.setdefault(_first, []).append((_tag, _pattern))


def use_core_resolvers(loader_class: type[BaseResolver]) -> None:
    """Give a PyYAML loader class exactly these implicit resolvers."""
    loader_class.yaml_implicit_resolvers = {}
    for tag, pattern, firsts in CORE_RESOLVERS:
        loader_class.add_implicit_resolver(tag, pattern, list(firsts))


def resolve_plain(value: str) -> str:
    """The tag PyYAML's resolver (with use_core_resolvers) gives an untagged plain scalar."""
    for tag, pattern in _BY_FIRST.get(value[:1], []):
        if pattern.match(value):
            return tag
    return STR_TAG


def too_long(tag: str, value: str) -> bool:
    return tag in (INT_TAG, FLOAT_TAG) and len(value) > MAX_NUMBER_CHARS


def scalar_value(tag: str, value: str) -> Any:
    """A scalar's Python value for its (resolved, well-formed) tag."""
    if tag == INT_TAG:
        return int(value)
    if tag == FLOAT_TAG:
        lowered = value.lower()
        return float(lowered.replace(".", "") if lowered.endswith((".inf", ".nan")) else value)
    if tag == BOOL_TAG:
        return value.lower() == "true"
    if tag == NULL_TAG:
        return None
    return value
