"""``jirei migrate [PATHS] [--check]``: move case files to the current schema version."""

from __future__ import annotations

import argparse
from pathlib import Path

from jirei.cases.migrate import apply_migrations, plan_migrations
from jirei.cases.schema import current_schema_version
from jirei.commands.output import print_problems
from jirei.paths import project


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="事例ファイルを現在の形式の版に移行する",
        description="schema_version が古い事例ファイルを、コメントと書き方を保ったまま現在の版に書き換えます。"
        "問題が 1 つでもあれば、どのファイルも書き換えません。",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="対象のファイルまたはフォルダ（省略時は cases/）")
    parser.add_argument(
        "--check", action="store_true", help="書き換えず、移行が必要なファイルがあれば終了コード 1"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    current = current_schema_version()
    planned, problems = plan_migrations(args.paths or [project().cases_dir], current=current)
    verb = "移行が必要" if args.check else "移行しました"
    for migration in planned:
        print(f"{migration.path.as_posix()}: 版 {migration.from_version} → {migration.to_version}（{verb}）")
    if problems:
        print_problems(
            problems, "text", f"jirei migrate: エラー {len(problems)} 件。どのファイルも書き換えていません"
        )
        return 1
    if args.check:
        print(f"jirei migrate: 移行が必要なファイル {len(planned)} 件（現在の版 {current}）")
        return 1 if planned else 0
    apply_migrations(planned)
    print(f"jirei migrate: {len(planned)} 件を版 {current} に移行しました")
    return 0
