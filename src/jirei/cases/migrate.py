"""Moving case files to the current schema version, keeping their comments and layout.

Each schema version bump registers one step in MIGRATIONS (from version n to n + 1) that
edits the parsed file in place. ruamel.yaml's round trip keeps comments, key order, quoting
and indentation, so a migrated file differs from the original only where the step changed it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from jirei.cases.migrate_steps import v1_to_v2
from jirei.cases.schema import current_schema_version
from jirei.cases.validate import discover, display_path
from jirei.problems import Problem

Step = Callable[[Any], None]  # edits one parsed case (a ruamel CommentedMap) in place

# from_version → the step to from_version + 1. Add one entry with every bump of
# schema_version, together with a test and an entry in schema/CHANGELOG.md.
MIGRATIONS: Mapping[int, Step] = {1: v1_to_v2}


def _round_trip_yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long Japanese lines
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout jirei new writes
    return yaml


@dataclass(frozen=True)
class Migration:
    path: Path
    from_version: int
    to_version: int
    text: str


def _version_problem(path: Path, message: str, got: object, hint: str) -> Problem:
    return Problem(
        path=display_path(path), rule="schema-version", message=message, key_path="schema_version",
        got=repr(got) if got is not None else None, hint=hint,
    )  # fmt: skip


def migrate_text(
    path: Path, text: str, *, current: int, migrations: Mapping[int, Step]
) -> Migration | Problem | None:
    """The migrated file, a problem, or None when the file is already current."""
    yaml = _round_trip_yaml()
    try:
        data = yaml.load(text)
    except YAMLError as error:
        return Problem(
            path=display_path(path), rule="yaml-syntax", message="YAML として読めないため移行できません",
            got=str(error).splitlines()[0], hint="jirei validate で YAML の誤りを先に直してください",
        )  # fmt: skip
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version is None:
        return _version_problem(path, "schema_version（形式の版）がありません", version,
                                f"schema_version: {current} を書き、内容を jirei validate で確かめてください")  # fmt: skip
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return _version_problem(path, "schema_version は 1 以上の整数で書いてください", version,
                                f"schema_version: {current} を書き、内容を jirei validate で確かめてください")  # fmt: skip
    if version > current:
        return _version_problem(path, f"この jirei が扱える版（{current}）より新しい版です", version,
                                "jirei を新しくしてください（git pull のあと make）")  # fmt: skip
    if version == current:
        return None
    for step_from in range(version, current):
        step = migrations.get(step_from)
        if step is None:
            return _version_problem(path, f"版 {step_from} から {step_from + 1} への移行手順がありません",
                                    version, "メンテナーに知らせてください（jirei.cases.migrate.MIGRATIONS）")  # fmt: skip
        step(data)
        data["schema_version"] = step_from + 1
    out = io.StringIO()
    yaml.dump(data, out)
    return Migration(path, version, current, out.getvalue())


def plan_migrations(
    paths: Sequence[Path], *, current: int | None = None, migrations: Mapping[int, Step] | None = None
) -> tuple[list[Migration], list[Problem]]:
    """Every migration needed under ``paths``, and every problem, without writing anything."""
    current = current if current is not None else current_schema_version()
    migrations = migrations if migrations is not None else MIGRATIONS
    files, problems = discover(paths)
    planned: list[Migration] = []
    for path in files:
        outcome = migrate_text(path, path.read_text(encoding="utf-8"), current=current, migrations=migrations)
        if isinstance(outcome, Migration):
            planned.append(outcome)
        elif isinstance(outcome, Problem):
            problems.append(outcome)
    return planned, problems


def apply_migrations(planned: Sequence[Migration]) -> None:
    """Write every migrated file: each to a temporary file first, then all renamed into place."""
    staged = []
    for migration in planned:
        temporary = migration.path.with_name(f".{migration.path.name}.migrating")
        temporary.write_text(migration.text, encoding="utf-8")
        staged.append((temporary, migration.path))
    for temporary, target in staged:
        temporary.replace(target)
