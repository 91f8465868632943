"""JSON Schema validation of one loaded case, as Japanese problems with positions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from jirei.cases.fast_schema import Check, quick_check
from jirei.cases.suggest import did_you_mean
from jirei.cases.yaml_values import KeyPath, LoadedYaml, format_key_path
from jirei.paths import project
from jirei.problems import Problem

TYPE_NAMES = {
    "string": "文字列",
    "integer": "整数",
    "number": "数値",
    "array": "リスト（- で始まる行の並び）",
    "object": "キーと値の組（マッピング）",
    "boolean": "true または false",
    "null": "空",
}

PATTERN_MESSAGES = {
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "日付は YYYY-MM-DD、YYYY-MM または YYYY の形で書いてください",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "日付は YYYY-MM-DD の形で書いてください",
    "^[0-9]{6}$": "団体コードは検査数字を含む 6 桁の数字で書いてください",
    "^[0-9]{6}-[a-z0-9]+(-[a-z0-9]+)*$": (
        "ID は <6桁の団体コード>-<英小文字・数字の略称> の形で書いてください（例 172065-kaga-denshi-shinsei）"
    ),
    "^https?://": "URL は http:// または https:// で始めてください",
    "^[A-Za-z][A-Za-z0-9_-]{0,19}$": "出典 ID は英字で始まる 20 字以内の英数字にしてください（例 K1）",
}


def load_schema(path: Path | None = None) -> dict[str, Any]:
    """The case schema (the project's ``schema/case.schema.json`` unless ``path`` is given)."""
    return _read_schema(path or project().schema_path)


@lru_cache(maxsize=4)
def _read_schema(path: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def current_schema_version(path: Path | None = None) -> int:
    """The schema_version every case file must carry (the schema's ``const``)."""
    return int(load_schema(path)["properties"]["schema_version"]["const"])


@lru_cache(maxsize=4)
def _validator(path: Path) -> Draft202012Validator:
    return Draft202012Validator(load_schema(path))


def show(value: object) -> str:
    """A found value as the contributor wrote it, kept short."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "…"


def _type_names(expected: object) -> str:
    names = expected if isinstance(expected, list) else [expected]
    return "・".join(TYPE_NAMES.get(str(name), str(name)) for name in names)


def _schema_version_hint(value: object, current: int) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value < current:
        return "古い版の事例ファイルです。jirei migrate で現在の版に移行してください"
    if isinstance(value, int) and not isinstance(value, bool) and value > current:
        return (
            f"この jirei が扱える版は {current} までです。jirei を新しくしてください（git pull のあと make）"
        )
    return f"schema_version: {current} と書いてください（形式の版は 1 以上の整数です）"


def _problem_for(error: ValidationError, loaded: LoadedYaml) -> Problem:
    path: KeyPath = tuple(error.absolute_path)
    mark = loaded.mark_for(path)
    keyword = error.validator
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint: str | None = None
    got: str | None = show(value)
    rule = "schema"
    key_path = format_key_path(path)

    if keyword == "required":
        missing = str(error.message).split("'")[1]
        message = f"必須の項目「{missing}」がありません"
        hint = f"「{missing}:」を追加してください（項目の説明は docs の「事例ファイルの項目」を参照）"
        got, rule = None, "required"
    elif keyword == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [key for key in value if key not in allowed] if isinstance(value, dict) else []
        key = extra[0] if extra else "?"
        path = (*path, key)
        mark = loaded.key_marks.get(path, mark)
        key_path = format_key_path(path)
        message = "この項目名は使えません"
        hint = did_you_mean(key, allowed) or "使える項目名: " + "、".join(allowed)
        got, rule = f'"{key}"', "unknown-key"
    elif keyword == "type":
        message = f"{_type_names(error.validator_value)}を指定してください"
        rule = "type"
        if isinstance(value, int) and schema.get("pattern", "").startswith("^[0-9]"):
            hint = f'数字だけの値は "{value}" のように引用符で囲んでください'
    elif keyword in ("enum", "const"):
        options: list[Any] = list(error.validator_value) if keyword == "enum" else [error.validator_value]  # type: ignore[arg-type]
        message = "「" + "」「".join(str(option) for option in options) + "」のいずれかを指定してください"
        if keyword == "const":
            message = f"「{options[0]}」を指定してください"
        hint = did_you_mean(str(value), [str(option) for option in options])
        if path == ("schema_version",):
            hint = _schema_version_hint(value, int(options[0]))
        rule = "enum"
    elif keyword == "pattern":
        message = PATTERN_MESSAGES.get(
            str(error.validator_value), f"形式が正しくありません（{error.validator_value}）"
        )
        rule = "format"
    elif keyword == "maxLength":
        message = f"{error.validator_value} 字以内にしてください（現在 {len(str(value))} 字）"
        got, rule = None, "too-long"
    elif keyword == "minLength":
        message, rule = "空にはできません。内容を書いてください", "empty"
    elif keyword == "minItems":
        message, rule = f"少なくとも {error.validator_value} つ書いてください", "min-items"
    elif keyword == "uniqueItems":
        message, rule = "同じ値が重複しています", "duplicate-item"
    elif keyword in ("minimum", "maximum"):
        bound = "以上" if keyword == "minimum" else "以下"
        message, rule = f"{error.validator_value} {bound}の値にしてください", "range"
    else:
        message = str(error.message)
    return Problem(
        path=loaded.path,
        rule=rule,
        message=message,
        line=mark.line,
        column=mark.column,
        key_path=key_path,
        got=got,
        hint=hint,
    )


@lru_cache(maxsize=4)
def _surely_valid(path: Path) -> Check:
    return quick_check(load_schema(path))


def schema_problems(loaded: LoadedYaml, schema_path: Path | None = None) -> Iterator[Problem]:
    """Yield one problem per schema violation, most specific first (no duplicates per place).

    A quick check (jirei.cases.fast_schema) passes most files; jsonschema looks at the rest."""
    schema_path = schema_path or project().schema_path
    if _surely_valid(schema_path)(loaded.data):
        return
    for error in _validator(schema_path).iter_errors(loaded.data):
        yield _problem_for(error, loaded)
