"""Problems found in user input, and how they are printed.

Every check in jirei yields :class:`Problem` objects instead of raising, so that
all problems in all files are reported at once. The CLI turns them into one line
each (``path:line:col: error [rule] key.path: message (got …)``), a hint line
where the fix is known, and a summary line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

from jirei.rule_catalog import RULE_CATALOG


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in one file.

    ``rule`` is a stable ASCII id (documented in docs/contributing/errors.md);
    ``message`` and ``hint`` are Japanese; ``key_path`` is ``a.b[0].c``.
    """

    path: str
    rule: str
    message: str
    line: int | None = None
    column: int | None = None
    key_path: str = ""
    got: str | None = None
    hint: str | None = None
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        if self.rule not in RULE_CATALOG:
            raise ValueError(f"rule id {self.rule!r} is not documented in jirei.rule_catalog")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class JireiError(Exception):
    """A user-facing failure carrying one or more problems (never a traceback)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.message for p in self.problems))


def location(problem: Problem) -> str:
    parts = [problem.path]
    if problem.line is not None:
        parts.append(str(problem.line))
        if problem.column is not None:
            parts.append(str(problem.column))
    return ":".join(parts)


_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Control characters (ESC, CR, LF…) and bidi overrides shown as ``\\x1b``, ``\\u202e``: a
    file name or value cannot move the cursor, colour the terminal or start a new line."""
    return _INVISIBLE.sub(lambda found: ascii(found.group()).strip("'"), text)


def format_text(problem: Problem) -> str:
    """Format one problem as ``path:line:col: error [rule] key: message (got …)``."""
    key = f" {problem.key_path}:" if problem.key_path else ""
    got = f" (got {problem.got})" if problem.got is not None else ""
    line = visible(
        f"{location(problem)}: {problem.severity.value} [{problem.rule}]{key} {problem.message}{got}"
    )
    if problem.hint:
        line += f"\n    hint: {visible(problem.hint)}"
    return line


def escape_github_data(text: str) -> str:
    """A workflow command's message, escaped by GitHub's rules: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """A workflow command's property value: the message's escapes, plus ``:`` and ``,``."""
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: Problem) -> str:
    """Format one problem as a GitHub Actions workflow command (a PR annotation). Every value is
    escaped, so a file name or value with a line break cannot start a command of its own."""
    props = [("file", problem.path)]
    if problem.line is not None:
        props.append(("line", str(problem.line)))
    if problem.column is not None:
        props.append(("col", str(problem.column)))
    props.append(("title", f"[{problem.rule}] {problem.key_path}".rstrip()))
    text = problem.message + (f" (got {problem.got})" if problem.got is not None else "")
    if problem.hint:
        text += f"\n{problem.hint}"
    properties = ",".join(f"{name}={escape_github_property(value)}" for name, value in props)
    return f"::{problem.severity.value} {properties}::{escape_github_data(text)}"


def to_json(problems: Iterable[Problem]) -> str:
    rows = []
    for problem in problems:
        row = asdict(problem)
        row["severity"] = problem.severity.value
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, indent=2)


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line or 0, problem.column or 0, problem.rule)
