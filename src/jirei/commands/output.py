"""Printing problems in the formats the CLI offers (text, json, github)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from jirei.problems import Problem, format_github, format_text, to_json

FORMATS = ("text", "json", "github")


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="出力の形式: text（人が読む）、json（ツール向け）、github（プルリクエストの注釈）",
    )


def summary_line(command: str, problems: Sequence[Problem], files: int) -> str:
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{command}: 問題はありません（事例ファイル {files} 件）"
    files_with = len({problem.path for problem in problems})
    return f"{command}: エラー {errors} 件、警告 {warnings} 件（事例ファイル {files} 件中 {files_with} 件）"


def print_problems(problems: Sequence[Problem], output_format: str, summary: str) -> None:
    if output_format == "json":
        print(to_json(problems))
        print(summary, file=sys.stderr)
        return
    formatter = format_github if output_format == "github" else format_text
    for problem in problems:
        print(formatter(problem))
    print(summary)
