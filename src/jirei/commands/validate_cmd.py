"""``jirei validate [PATHS]``: check case files and report every problem at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from jirei.cases.validate import default_metrics, validate_files
from jirei.commands.output import add_format_option, print_problems, summary_line
from jirei.paths import project


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="事例ファイルを検証する",
        description="事例ファイル（YAML）を検証し、見つかった問題をすべて 1 行ずつ表示します。",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="検証するファイルまたはフォルダ（省略時は cases/）"
    )
    add_format_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [project().cases_dir]
    result = validate_files(paths, metrics=default_metrics())
    print_problems(
        result.problems, args.format, summary_line("jirei validate", result.problems, result.files_checked)
    )
    return 0 if result.ok else 1
