"""Benchmark steps that need the synthetic reference list, run one per process.

``python -m jirei.bench.steps STEP WORKDIR`` with STEP one of ``validate``,
``generate`` or ``edit``. The work folder has ``reference/``, ``metrics/``,
``cases/`` and ``docs/`` (see :mod:`jirei.bench.runner`). Running each step in
its own process lets the runner read that step's peak memory.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jirei.site.build as site_build
from jirei.cases.validate import validate_files
from jirei.metrics.store import load_metrics
from jirei.problems import JireiError, format_text
from jirei.reference.municipalities import load_reference
from jirei.site.build import BuildReport, build_site

EDIT_MARK = "（ベンチマークで編集）"


def _generate(work: Path, cases_dir: Path, docs_dir: Path) -> BuildReport:
    return build_site(
        cases_dir=cases_dir,
        docs_dir=docs_dir,
        metrics_dir=work / "metrics",
        reference=load_reference(work / "reference"),
    )


def validate(work: Path) -> int:
    result = validate_files(
        [work / "cases"],
        cases_dir=work / "cases",
        reference=load_reference(work / "reference"),
        metrics=load_metrics(work / "metrics"),
    )
    for problem in result.errors:
        print(format_text(problem), file=sys.stderr)
    print(json.dumps({"files": result.files_checked, "errors": len(result.errors)}))
    return 0 if result.ok else 1


def _timed(name: str, seconds: dict[str, float]) -> None:
    """Replace ``jirei.site.build.<name>`` by a wrapper that adds its run time to ``seconds``."""
    original: Callable[..., Any] = getattr(site_build, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started

    setattr(site_build, name, wrapper)


def generate(work: Path) -> int:
    """Generate docs/ and report how much of the time did not depend on the cases.

    The metrics pages (1,741 municipalities × every release) cost the same for any number
    of cases; the rest (validation, case pages, indexes, charts, writing) is what must
    grow linearly with the cases.
    """
    fixed: dict[str, float] = {}
    for name in ("load_metrics", "render_metrics_pages"):
        _timed(name, fixed)
    started = time.perf_counter()
    report = _generate(work, work / "cases", work / "docs")
    total = time.perf_counter() - started
    print(
        json.dumps(
            {
                "cases": report.cases,
                "pages": report.pages,
                "seconds": total,
                "fixed_seconds": sum(fixed.values()),
            }
        )
    )
    return 0


def edit(work: Path) -> int:
    """Change one case's summary, regenerate, and list the files that were rewritten."""
    case = sorted((work / "cases").glob("*.yml"))[0]
    text = case.read_text(encoding="utf-8")
    lines = [line + EDIT_MARK if line.startswith("summary: ") else line for line in text.splitlines()]
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = _generate(work, work / "cases", work / "docs")
    print(json.dumps({"case": case.stem, "mark": EDIT_MARK, "written": list(report.written.written)}))
    return 0


STEPS = {"validate": validate, "generate": generate, "edit": edit}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in STEPS:
        print(f"使い方: python -m jirei.bench.steps {{{'|'.join(STEPS)}}} WORKDIR", file=sys.stderr)
        return 2
    try:
        return STEPS[argv[0]](Path(argv[1]))
    except JireiError as error:
        for problem in error.problems:
            print(format_text(problem), file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
