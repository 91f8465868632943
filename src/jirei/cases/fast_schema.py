"""A quick yes/no check that a case is valid against the schema, so that jsonschema (and
its detailed errors) runs only on files that may have errors.

The schema is turned once into plain Python checks for the keywords it uses. A check may
answer "not sure" (False) where jsonschema would accept, never the other way round: a
float for an integer, an enum value of another type, or a uniqueItems list that is not all
strings or flat mappings of strings goes to jsonschema. A schema with any other keyword gets
no quick check at all.

Measured on the 68 cases (2 cores, 2026-12-07, best of 5): the schema step takes 20 ms with
the quick check and 96 ms with jsonschema alone (about 4.8×), so it stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

# Keywords that never make an instance invalid (jsonschema's Draft202012Validator does not
# assert "format" without a format checker).
ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "$defs", "title", "description", "examples", "default", "format"}
)
_SCALARS = (str, int, float, bool, type(None))


class UnsupportedSchemaError(Exception):
    """The schema uses something the quick check does not handle."""


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


TYPES: dict[str, Check] = {
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),  # 1.0: not sure
    "number": _is_number,
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "array": lambda value: isinstance(value, list),
    "object": lambda value: isinstance(value, dict),
}


def _type(names: str | list[str]) -> Check:
    try:
        checks = [TYPES[name] for name in ([names] if isinstance(names, str) else names)]
    except KeyError as missing:
        raise UnsupportedSchemaError(f"type {missing}") from None
    return lambda value: any(check(value) for check in checks)


def _enum(options: list[Any]) -> Check:
    """The same type and an equal value (1.0 or True for 1 go to jsonschema)."""
    if not all(isinstance(option, _SCALARS) for option in options):
        raise UnsupportedSchemaError("enum with a list or object")
    typed = {(type(option), option) for option in options}
    return lambda value: isinstance(value, _SCALARS) and (type(value), value) in typed


def _pattern(pattern: str) -> Check:
    search = re.compile(pattern).search  # jsonschema uses re.search too
    return lambda value: not isinstance(value, str) or search(value) is not None


def _unique_key(item: Any) -> Any:
    """A hashable stand-in, equal exactly when jsonschema finds two items equal: a string, or a
    mapping of strings to strings (a municipality in ``members``); None for anything else."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and all(isinstance(value, str) for value in item.values()):
        return tuple(sorted(item.items()))
    return None


def _unique_items(unique: bool) -> Check:
    def check(value: Any) -> bool:
        if not unique or not isinstance(value, list):
            return True
        keys = [_unique_key(item) for item in value]
        return None not in keys and len(set(keys)) == len(keys)

    return check


def _bound(applies: Check, within: Callable[[Any], bool]) -> Check:
    return lambda value: not applies(value) or within(value)


# keyword → its check from the keyword's value (each passes values it does not apply to)
KEYWORDS: dict[str, Callable[[Any], Check]] = {
    "type": _type,
    "enum": _enum,
    "const": lambda const: _enum([const]),
    "pattern": _pattern,
    "uniqueItems": _unique_items,
    "minLength": lambda n: _bound(TYPES["string"], lambda v: len(v) >= n),
    "maxLength": lambda n: _bound(TYPES["string"], lambda v: len(v) <= n),
    "minimum": lambda n: _bound(_is_number, lambda v: v >= n),
    "maximum": lambda n: _bound(_is_number, lambda v: v <= n),
    "minItems": lambda n: _bound(TYPES["array"], lambda v: len(v) >= n),
    "required": lambda keys: _bound(TYPES["object"], lambda v: all(key in v for key in keys)),
}


class _Compiler:
    """Schema → check, for the subschemas that take other schemas ($ref, items, properties)."""

    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda value: True
        if not isinstance(schema, Mapping):
            raise UnsupportedSchemaError(f"schema {schema!r}")
        checks = [
            self._keyword(keyword, argument, schema)
            for keyword, argument in schema.items()
            if keyword not in ANNOTATIONS
        ]
        return lambda value: all(check(value) for check in checks)

    def _keyword(self, keyword: str, argument: Any, schema: Mapping[str, Any]) -> Check:
        if keyword in KEYWORDS:
            return KEYWORDS[keyword](argument)
        if keyword == "$ref":
            return self._ref(argument)
        if keyword == "items":
            item = self.compile(argument)
            return _bound(TYPES["array"], lambda v: all(item(entry) for entry in v))
        if keyword == "properties":
            known = {name: self.compile(subschema) for name, subschema in argument.items()}
            return _bound(TYPES["object"], lambda v: all(known[k](v[k]) for k in known.keys() & v.keys()))
        if keyword == "additionalProperties":
            return self._additional(argument, schema)
        raise UnsupportedSchemaError(f"keyword {keyword}")

    def _additional(self, argument: Any, schema: Mapping[str, Any]) -> Check:
        if "patternProperties" in schema:
            raise UnsupportedSchemaError("patternProperties")
        named = frozenset(schema.get("properties", {}))
        if argument is False:
            return _bound(TYPES["object"], named.issuperset)
        extra = self.compile(argument)
        return _bound(TYPES["object"], lambda v: all(extra(v[k]) for k in v.keys() - named))

    def _ref(self, ref: str) -> Check:
        """A reference inside the schema ("#/$defs/name"), compiled once (also when recursive)."""
        if ref not in self.refs:
            self.refs[ref] = lambda value: False  # stands in while compiling a recursive reference
            self.refs[ref] = self.compile(self._target(ref))
        return lambda value: self.refs[ref](value)

    def _target(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise UnsupportedSchemaError(f"$ref {ref}")
        target: Any = self.root
        for part in ref[2:].split("/"):
            key = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or key not in target:
                raise UnsupportedSchemaError(f"$ref {ref}")
            target = target[key]
        return target


def quick_check(schema: Mapping[str, Any]) -> Check:
    """True: surely valid against ``schema``. False: maybe not (ask jsonschema)."""
    try:
        return _Compiler(schema).compile(schema)
    except UnsupportedSchemaError:
        return lambda value: False
