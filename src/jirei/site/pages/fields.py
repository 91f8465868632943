"""The field reference page (contributing/fields.md), generated from the case JSON Schema.

Every field of ``schema/case.schema.json`` becomes one row: its path in the ``a.b[].c`` form
the validator prints, its type, whether it is required, its description, an example and the
values it accepts (an enum, or the controlled vocabulary for vocabulary fields).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from jirei.cases.vocabulary import VOCABULARY_FIELDS, Vocabulary
from jirei.problems import JireiError, Problem

FIELDS_PAGE = "contributing/fields.md"

_TYPE_LABELS = {
    "string": "文字列",
    "integer": "整数",
    "number": "数値",
    "boolean": "true / false",
    "array": "リスト",
    "object": "項目の集まり",
}


@dataclass(frozen=True)
class Field:
    path: str  # as the validator prints it, with [] for "every item"
    type_label: str
    required: bool
    description: str
    example: str | None
    allowed: tuple[str, ...]  # enum or const values
    vocabulary: str | None  # section of data/vocabulary.yml

    @property
    def depth(self) -> int:
        return self.path.count(".") + self.path.count("[]")


def _resolve(node: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    """The node with its $ref target merged in (the referring node's own keys win)."""
    ref = node.get("$ref")
    if not ref:
        return dict(node)
    target = schema
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return {**_resolve(target, schema), **{k: v for k, v in node.items() if k != "$ref"}}


def _allowed(node: Mapping[str, Any]) -> list[Any]:
    return [node["const"]] if "const" in node else list(node.get("enum", []))


def _type_label(node: Mapping[str, Any], schema: Mapping[str, Any]) -> str:
    if allowed := _allowed(node):
        return "整数" if all(isinstance(v, int) for v in allowed) else "文字列（決まった値）"
    kind = node.get("type", "")
    if kind == "array":
        return f"{_type_label(_resolve(node.get('items', {}), schema), schema)}のリスト"
    if kind == "string" and str(node.get("pattern", "")).startswith("^[0-9]{4}"):
        return "日付"
    return _TYPE_LABELS.get(kind, "値")


def _example(node: Mapping[str, Any]) -> str | None:
    examples = node.get("examples")
    if not examples:
        return None
    return examples[0] if isinstance(examples[0], str) else json.dumps(examples[0], ensure_ascii=False)


def schema_fields(schema: Mapping[str, Any]) -> list[Field]:
    """Every field of the schema, depth first in schema order; raises listing every undocumented one."""
    fields = list(_walk(schema, schema, "", required=True))
    undocumented = [
        Problem(
            path="schema/case.schema.json",
            rule="schema-undocumented",
            message="項目の説明（description）がありません",
            key_path=field.path,
            hint="項目一覧のページに載せる日本語の説明を description に書いてください",
        )
        for field in fields
        if not field.description
    ]
    if undocumented:
        raise JireiError(undocumented)
    return fields


def _walk(
    node: Mapping[str, Any], schema: Mapping[str, Any], path: str, *, required: bool
) -> Iterator[Field]:
    node = _resolve(node, schema)
    items = _resolve(node["items"], schema) if node.get("type") == "array" and "items" in node else {}
    if path:
        description = str(node.get("description", "")).strip()
        allowed = tuple(str(value) for value in _allowed(node) or _allowed(items))
        yield Field(
            path=path,
            type_label=_type_label(node, schema),
            required=required,
            description=description,
            example=_example(node),
            allowed=allowed,
            vocabulary=VOCABULARY_FIELDS.get(path) or VOCABULARY_FIELDS.get(f"{path}[]"),
        )
    if items.get("type") == "object":
        yield from _walk_properties(items, schema, f"{path}[]")
    elif node.get("type") == "object":
        yield from _walk_properties(node, schema, path)


def _walk_properties(node: Mapping[str, Any], schema: Mapping[str, Any], prefix: str) -> Iterator[Field]:
    required = set(node.get("required", []))
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        yield from _walk(child, schema, path, required=name in required)


def _belongs_to(path: str, top: str) -> bool:
    return path.startswith((f"{top}.", f"{top}[]"))


def render_field_reference(schema: Mapping[str, Any], vocabulary: Vocabulary, env: Environment) -> str:
    fields = schema_fields(schema)
    top_level = [field for field in fields if field.depth == 0]
    children = {
        field.path: [child for child in fields if child.depth > 0 and _belongs_to(child.path, field.path)]
        for field in top_level
    }
    return env.get_template("fields.md.j2").render(
        schema_version=schema["properties"]["schema_version"].get("const"),
        top_level=top_level,
        children={path: nested for path, nested in children.items() if nested},
        vocabulary={
            section: getattr(vocabulary, section) for section in dict.fromkeys(VOCABULARY_FIELDS.values())
        },
    )
