"""``jirei search index|report``: build the Pagefind index of a built site; print the evaluation."""

from __future__ import annotations

import argparse
from pathlib import Path

from jirei.search.eval_report import format_report
from jirei.search.evaluation import load_queries, passes, run_queries
from jirei.search.pagefind_index import index_site

DEFAULT_SITE = Path("site")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = subparsers.add_parser("search", help="サイト内検索の索引づくりと評価")
    actions = search.add_subparsers(dest="search_command", metavar="ACTION", required=True)

    index = actions.add_parser(
        "index",
        help="ビルド済みのサイトに Pagefind の検索索引（site/pagefind/）を作る",
        description="mkdocs build --strict の後に実行します。各ページの本文（article）だけを索引にします。",
    )
    index.add_argument(
        "site", nargs="?", type=Path, default=DEFAULT_SITE, help="サイトのフォルダ（既定: site）"
    )
    index.set_defaults(func=run_index)

    report = actions.add_parser(
        "report",
        help="評価用の検索語をブラウザ（headless Chromium）で検索し、開発用の語ごとの上位 5 件と、開発用・テスト用の recall@5・MRR を表示する",
    )
    report.add_argument(
        "site", nargs="?", type=Path, default=DEFAULT_SITE, help="索引済みのサイト（既定: site）"
    )
    report.add_argument(
        "--queries", type=Path, default=None, help="評価セット（既定: tests/search/queries.yml）"
    )
    report.add_argument(
        "--show-test",
        action="store_true",
        help="テスト用の語ごとの結果も表示する（調整の後に確かめるときだけ）",
    )
    report.set_defaults(func=run_report)


def run_index(args: argparse.Namespace) -> int:
    output = index_site(args.site)
    files = sum(1 for path in output.rglob("*") if path.is_file())
    print(f"jirei search index: {output} に検索索引を作りました（{files} ファイル）")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from jirei.search.browser import chromium, serve_site

    queries = load_queries(args.queries)
    with serve_site(args.site) as root, chromium() as browser:
        page = browser.new_page()
        page.goto(root)
        outcomes = run_queries(page, queries)
    print(format_report(outcomes, show_test=args.show_test))
    return 0 if passes(outcomes) else 1
