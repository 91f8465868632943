"""``jirei links``: check every source URL and write the maintenance report."""

from __future__ import annotations

import argparse
from datetime import date
from functools import partial
from pathlib import Path

from jirei.cases.dates import review_overdue
from jirei.cases.validate import validate_files
from jirei.links.check import check_url, check_urls, cited_urls, dead_links
from jirei.links.report import render_report
from jirei.paths import project
from jirei.problems import JireiError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "links",
        help="出典の URL が応答するか確かめ、点検の報告を書く",
        description="すべての事例の出典 URL に接続して応答を確かめ、応答のない出典と要更新の事例を"
        "Markdown の報告にまとめます。応答のない出典があれば終了コード 1 です。",
    )
    parser.add_argument("--output", type=Path, help="報告を書くファイル（省略時は画面に表示）")
    parser.add_argument("--timeout", type=float, default=20.0, help="1 件あたりの待ち時間（秒、既定 20）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    result = validate_files([project().cases_dir])
    if not result.ok:
        raise JireiError(result.errors)
    citations = cited_urls(result.cases)
    results = check_urls(list(citations), check=partial(check_url, timeout=args.timeout))
    dead = dead_links(results, citations)
    today = date.today()
    overdue = [case for case in result.cases if review_overdue(case.record.last_reviewed, today)]
    report = render_report(dead, overdue, checked=len(results), today=today)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        print(report, end="")
    return 1 if dead else 0
