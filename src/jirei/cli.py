"""The ``jirei`` command: one entry point, one sub-command module per job.

Domain code raises :class:`~jirei.problems.JireiError` or returns problems; this
edge turns them into printed lines and an exit code (never a traceback for a
user's mistake).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from jirei import __version__
from jirei.paths import use_root
from jirei.problems import JireiError, format_text


def build_parser() -> argparse.ArgumentParser:
    from jirei.commands import (
        audit_cmd,
        build_cmd,
        links_cmd,
        migrate_cmd,
        new_cmd,
        search_cmd,
        urls_cmd,
        validate_cmd,
    )
    from jirei.metrics import commands as metrics_cmd

    parser = argparse.ArgumentParser(
        prog="jirei",
        description="自治体事例集 jirei: 事例の検証・サイト生成・交付状況データの取り込み",
    )
    parser.add_argument("--version", action="version", version=f"jirei {__version__}")
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        metavar="DIR",
        help="プロジェクトのフォルダ（省略時は作業フォルダから上へ mkdocs.yml と cases/ のあるフォルダを探す）",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    validate_cmd.register(subparsers)
    audit_cmd.register(subparsers)
    build_cmd.register(subparsers)
    new_cmd.register(subparsers)
    migrate_cmd.register(subparsers)
    links_cmd.register(subparsers)
    urls_cmd.register(subparsers)
    metrics_cmd.register(subparsers)
    search_cmd.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        use_root(args.root)
        code: int = args.func(args)
    except JireiError as error:
        for problem in error.problems:
            print(format_text(problem), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which closed early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
