"""The quick schema check says "valid" only where jsonschema finds no error."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from jirei.cases.fast_schema import UnsupportedSchemaError, _Compiler, quick_check
from jirei.cases.loader import load_yaml
from jirei.cases.schema import load_schema
from tests.cases.validation_helpers import DATA
from tests.repo import CASES_DIR

SCHEMA = load_schema()
QUICK = quick_check(SCHEMA)
JSONSCHEMA = Draft202012Validator(SCHEMA)
FIXTURES = sorted([*(DATA / "cases").rglob("*.yml"), *CASES_DIR.glob("*.yml")])
ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    1.0,
    2.5,
    -3,
    "",
    "x",
    "2020-01",
    [],
    ["a", "a"],
    {},
    {"a": 1},
]


def _data(path: Path) -> Any:
    loaded, _ = load_yaml(path)
    return loaded.data if loaded is not None else None


def _valid(data: Any) -> bool:
    return next(JSONSCHEMA.iter_errors(data), None) is None


def test_the_case_schema_has_a_quick_check() -> None:
    _Compiler(SCHEMA).compile(SCHEMA)  # raises UnsupportedSchemaError for an unknown keyword


# the fixtures that are not YAML at all (the loader refuses them, so no schema check runs)
UNREADABLE = {"file_indent", "file_tab"}


@pytest.mark.parametrize(
    "path", [p for p in FIXTURES if p.stem not in UNREADABLE], ids=lambda path: path.stem
)
def test_same_verdict_as_jsonschema_on_every_fixture(path: Path) -> None:
    data = _data(path)
    assert data is not None, path
    assert QUICK(data) == _valid(data)


def test_only_the_broken_yaml_fixtures_do_not_load() -> None:
    assert {path.stem for path in FIXTURES if _data(path) is None} == UNREADABLE


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in the data (mappings and lists)."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    found = [path]
    for key, value in items:
        found += _places(value, (*path, key))
    return found


def _mutated(data: Any, rng: random.Random) -> Any:
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(_places(data)[1:])
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        action = rng.random()
        if action < 0.15 and isinstance(parent, dict):
            del parent[path[-1]]
        elif action < 0.25 and isinstance(parent, dict):
            parent["unknown_key"] = rng.choice(ODD_VALUES)
        elif action < 0.35 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
    return data


def test_never_valid_where_jsonschema_finds_an_error() -> None:
    rng = random.Random(20261126)
    originals = [data for path in FIXTURES if (data := _data(path)) is not None and _valid(data)]
    verdicts = {
        (QUICK(data), _valid(data)) for data in (_mutated(rng.choice(originals), rng) for _ in range(3000))
    }
    assert (True, False) not in verdicts
    assert {(True, True), (False, False)} <= verdicts  # both answers were exercised


def test_not_sure_is_left_to_jsonschema() -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer"}, "tags": {"uniqueItems": True}}}
    check = quick_check(schema)
    assert check({"n": 1, "tags": ["a", "b"]})
    assert not check({"n": 1.0}) and _accepts(schema, {"n": 1.0})  # jsonschema: 1.0 is an integer
    assert not check({"tags": [1, 2]}) and _accepts(schema, {"tags": [1, 2]})
    assert not quick_check({"anyOf": [{"type": "string"}]})("x")  # an unhandled keyword: never sure
    with pytest.raises(UnsupportedSchemaError, match=r"^\$ref https://example\.com/other\.json$"):
        _Compiler({}).compile({"$ref": "https://example.com/other.json"})


def test_unique_lists_of_flat_string_mappings_are_decided_as_jsonschema_does() -> None:
    """``members`` is a uniqueItems list of municipalities (mappings of strings)."""
    schema = {"type": "object", "properties": {"members": {"uniqueItems": True}}}
    check = quick_check(schema)
    a, b = {"code": "992020", "name": "試験市"}, {"code": "982016", "name": "サンプル市"}
    for members in ([a, b], [a, dict(reversed(a.items()))], [a, "992020"], [{"code": 1}, {"code": 1}]):
        data = {"members": members}
        assert not check(data) or _accepts(schema, data), members  # never sure of an invalid one
    assert check({"members": [a, b]})
    assert not check({"members": [a, dict(reversed(a.items()))]})  # the same mapping twice


def _accepts(schema: dict[str, Any], data: Any) -> bool:
    return next(Draft202012Validator(schema).iter_errors(data), None) is None
