"""The field reference page is generated from the schema and documents every field."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

from jirei.cases.vocabulary import load_vocabulary
from jirei.problems import JireiError
from jirei.site.pages.fields import render_field_reference, schema_fields
from jirei.site.rendering.jinja import make_environment
from tests.repo import SCHEMA_PATH

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _property_names(node: Any) -> Iterator[str]:
    """Every key of every ``properties`` mapping anywhere in the schema (a walk independent of the page's)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                yield from value
            yield from _property_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _property_names(item)


def _page() -> str:
    return render_field_reference(SCHEMA, load_vocabulary(), make_environment())


def test_every_schema_field_has_a_row_on_the_page() -> None:
    rows = [
        line.split("|")[1].strip()
        for line in _page().splitlines()
        if line.startswith("| `") or line.startswith("| [`")
    ]
    documented_names = {row.split("`")[1].rsplit(".", 1)[-1].removesuffix("[]") for row in rows}
    assert set(_property_names(SCHEMA)) <= documented_names


def test_every_vocabulary_term_is_listed() -> None:
    page = _page()
    vocabulary = load_vocabulary()
    for terms in (vocabulary.themes, vocabulary.measures, vocabulary.success_factors):
        for term in terms:
            assert f"| {term} |" in page


def test_fields_carry_type_requirement_example_and_allowed_values() -> None:
    fields = {field.path: field for field in schema_fields(SCHEMA)}
    code = fields["municipality.code"]
    assert (code.type_label, code.required, code.example) == ("文字列", True, "172065")
    assert fields["municipality.subcategory"].required is False
    assert fields["period.status"].allowed == ("計画中", "実証中", "実施中", "完了", "横展開中", "不明")
    assert fields["leadership.led_by"].type_label == "文字列（決まった値）のリスト"
    assert fields["measures[].kind"].vocabulary == "measures"
    assert fields["themes"].vocabulary == "themes"
    assert fields["outcomes[].baseline.as_of"].type_label == "日付"


def test_an_undocumented_field_fails_the_build_naming_every_such_field() -> None:
    schema = copy.deepcopy(SCHEMA)
    del schema["properties"]["title"]["description"]
    del schema["$defs"]["municipality"]["properties"]["code"]["description"]  # municipality and members
    with pytest.raises(JireiError) as raised:
        schema_fields(schema)
    assert [(p.rule, p.key_path) for p in raised.value.problems] == [
        ("schema-undocumented", "title"),
        ("schema-undocumented", "municipality.code"),
        ("schema-undocumented", "members[].code"),
    ]
