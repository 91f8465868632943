"""``jirei urls``: check (or extend) the committed list of published URLs."""

from __future__ import annotations

import argparse
from pathlib import Path

from jirei.commands.output import print_problems
from jirei.paths import project
from jirei.problems import JireiError
from jirei.site.build import build_site
from jirei.site.outputs.published import (
    compare,
    format_list,
    published_urls,
    read_list,
    removed_problems,
    unlisted_problems,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "urls",
        help="公開 URL の一覧（data/published-urls.txt）と生成結果を照合する",
        description="サイトを生成し、公開済みの URL がすべて残っているか、新しい URL が一覧にあるかを確かめます。",
    )
    parser.add_argument(
        "--update", action="store_true", help="新しい URL を一覧に追記する（URL の削除はエラー）"
    )
    parser.set_defaults(func=run)


def _display(path: Path) -> str:
    root = project().root
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def check_urls(docs_dir: Path, list_path: Path, *, update: bool) -> int:
    """Compare docs_dir's URLs with the list; with update, append new ones. Returns the exit code."""
    display = _display(list_path)
    listed = read_list(list_path)
    current = published_urls(docs_dir)
    changes = compare(listed, current)
    removed = removed_problems(changes, list_path, display)
    if removed:
        raise JireiError(removed)
    if update:
        if changes.added:
            list_path.write_text(format_list([*listed, *changes.added]), encoding="utf-8")
        print(
            f"jirei urls: {len(changes.added)} 件を追記しました（一覧 {len(listed) + len(changes.added)} 件）"
        )
        return 0
    unlisted = unlisted_problems(changes, display)
    if unlisted:
        print_problems(unlisted, "text", f"jirei urls: 一覧にない URL {len(unlisted)} 件")
        return 1
    print(f"jirei urls: 公開 URL {len(listed)} 件はすべて生成されています")
    return 0


def run(args: argparse.Namespace) -> int:
    build_site()
    here = project()
    return check_urls(here.docs_dir, here.published_urls, update=args.update)
