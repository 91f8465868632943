"""What every case rule shares: the context it runs in, safe access to raw data, and
:func:`problem_at`, which points a problem at the value a contributor must edit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from jirei.cases.vocabulary import Vocabulary
from jirei.cases.yaml_values import KeyPath, LoadedYaml, format_key_path
from jirei.metrics.store import MetricsData
from jirei.problems import Problem, Severity
from jirei.reference.municipalities import Reference


@dataclass(frozen=True)
class RuleContext:
    reference: Reference
    vocabulary: Vocabulary
    known_ids: frozenset[str]  # every case id in cases/ and the files being checked
    today: date
    metrics: MetricsData | None = None


Rule = Callable[[LoadedYaml, RuleContext], Iterator[Problem]]


def get(data: Any, *path: str | int) -> Any:
    for step in path:
        if isinstance(step, str) and isinstance(data, dict):
            data = data.get(step)
        elif isinstance(step, int) and isinstance(data, list | tuple) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


def items(data: Any, *path: str) -> Iterator[tuple[int, Any]]:
    value = get(data, *path)
    if isinstance(value, list | tuple):
        yield from enumerate(value)


def problem_at(
    loaded: LoadedYaml,
    path: KeyPath,
    rule: str,
    message: str,
    got: str | None = None,
    hint: str | None = None,
    severity: Severity = Severity.ERROR,
) -> Problem:
    mark = loaded.mark_for(path)
    return Problem(
        path=loaded.path,
        rule=rule,
        message=message,
        line=mark.line,
        column=mark.column,
        key_path=format_key_path(path),
        got=got,
        hint=hint,
        severity=severity,
    )


def walk_strings(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every string in the document with its key path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_strings(item, (*path, index))
