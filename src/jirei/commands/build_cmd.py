"""``jirei build``: validate, then generate the site's Markdown into docs/."""

from __future__ import annotations

import argparse
from datetime import date

from jirei.commands.output import print_problems
from jirei.site.build import build_site


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build",
        help="検証してからサイトの Markdown を docs/ に生成する",
        description="事例を検証し、問題がなければページを docs/ に生成します（内容が変わったファイルだけを書き換えます）。",
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="作成日として使う日付（データの古さの表示に使う。既定: 今日）。同じ日付なら同じページになります",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = build_site(today=args.today)
    if report.warnings:
        print_problems(report.warnings, "text", f"jirei build: 警告 {len(report.warnings)} 件")
    written = report.written
    print(
        f"jirei build: 事例 {report.cases} 件、ページ {report.pages} 件を生成"
        f"（書き換え {len(written.written)} 件、変更なし {written.unchanged} 件、削除 {len(written.removed)} 件）"
    )
    return 0
