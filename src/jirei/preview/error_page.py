"""In the preview, a case file with errors gets a page that lists them, in place of its page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path, PurePath

from jirei.cases.validate import CASE_FILE
from jirei.problems import Problem, format_text
from jirei.site.rendering.urls import case_page


def _indented(text: str) -> str:
    """A Markdown code block: the messages are shown as typed, never read as HTML or Markdown."""
    return "".join(f"    {line}\n" for line in text.splitlines())


def error_page(case_id: str, problems: Iterable[Problem]) -> str:
    messages = "\n".join(format_text(problem) for problem in problems)
    return (
        f"# この事例ファイルにはエラーがあります（{case_id}）\n\n"
        "プレビューは、`cases/` の事例ファイルのエラーを直すと、このページに事例を表示します。"
        "検証の結果（`make validate` と同じ内容）:\n\n"
        f"{_indented(messages)}\n"
        "エラーの読み方は「[エラーの読み方](../contributing/errors.md)」にあります。\n"
    )


def error_pages(problems: Iterable[Problem], cases_dir: Path) -> dict[str, str]:
    """One page per existing case file with errors (page path → Markdown)."""
    by_case: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        name = PurePath(problem.path).name
        if problem.is_error and CASE_FILE.match(name) and (cases_dir / name).exists():
            by_case[PurePath(name).stem].append(problem)
    return {case_page(case_id): error_page(case_id, found) for case_id, found in by_case.items()}
