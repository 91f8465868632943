"""The search evaluation: realistic queries, each with the pages that must be in its top 5.

The query set is ``tests/search/queries.yml``; :func:`run_queries` asks the built
site's own search code (``window.jireiSearch`` in docs/javascripts/search.js, which
calls Pagefind) in headless Chromium, so the evaluation sees exactly what a reader sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from jirei.paths import REPO_ROOT
from jirei.problems import JireiError, Problem

if TYPE_CHECKING:
    from playwright.sync_api import Page

QUERIES_PATH = REPO_ROOT / "tests" / "search" / "queries.yml"
TOP_K = 5
THRESHOLD = 0.9

_SEARCH_JS = """async ([query, limit]) => {
  await window.jireiSearch.load();
  const found = await window.jireiSearch.search(query, limit);
  return {total: found.total, urls: found.results.map((r) => r.url)};
}"""


@dataclass(frozen=True)
class Query:
    text: str
    expected: tuple[str, ...]  # site-root paths such as /cases/<id>/
    why: str


@dataclass(frozen=True)
class Outcome:
    query: Query
    top: tuple[str, ...]  # the first TOP_K result paths
    total: int

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(url for url in self.query.expected if url not in self.top)

    @property
    def recall(self) -> float:
        return 1 - len(self.missing) / len(self.query.expected)


def _problem(path: Path, message: str, index: int | None = None) -> Problem:
    return Problem(str(path), "search-query", message, key_path=f"[{index}]" if index is not None else "")


def load_queries(path: Path = QUERIES_PATH) -> list[Query]:
    """Read the query set; every entry needs ``query``, ``expect`` (paths from the site root) and ``why``."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise JireiError([_problem(path, f"評価用の検索語を読めません: {error}")]) from error
    if not isinstance(entries, list) or not entries:
        raise JireiError([_problem(path, "評価用の検索語は 1 件以上のリストで書いてください")])
    queries, problems = [], []
    for index, entry in enumerate(entries):
        expect = entry.get("expect") if isinstance(entry, dict) else None
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("query"), str)
            or not isinstance(entry.get("why"), str)
            or not isinstance(expect, list)
            or not expect
            or not all(isinstance(url, str) and url.startswith("/") and url.endswith("/") for url in expect)
        ):
            problems.append(
                _problem(
                    path,
                    "query（文字列）・expect（/ で始まり / で終わるパスのリスト）・why（根拠）が必要です",
                    index,
                )
            )
            continue
        queries.append(Query(entry["query"], tuple(expect), entry["why"]))
    if problems:
        raise JireiError(problems)
    return queries


def run_queries(page: Page, queries: Sequence[Query]) -> list[Outcome]:
    """Run each query through the site's search on an already loaded page of the site."""
    outcomes = []
    for query in queries:
        found = page.evaluate(_SEARCH_JS, [query.text, TOP_K])
        outcomes.append(Outcome(query, tuple(found["urls"]), int(found["total"])))
    return outcomes


def recall_at_k(outcomes: Sequence[Outcome]) -> float:
    """Mean over queries of the share of expected pages found in the top K."""
    return sum(outcome.recall for outcome in outcomes) / len(outcomes) if outcomes else 0.0


def format_report(outcomes: Sequence[Outcome]) -> str:
    lines = []
    for outcome in outcomes:
        mark = "OK " if not outcome.missing else "NG "
        lines.append(f"{mark}{outcome.query.text}（{outcome.total} 件）")
        for rank, url in enumerate(outcome.top, start=1):
            lines.append(f"    {rank}. {url}{'  ← 期待' if url in outcome.query.expected else ''}")
        for url in outcome.missing:
            lines.append(f"    上位{TOP_K}件になし: {url}")
    passed = sum(1 for outcome in outcomes if not outcome.missing)
    lines.append(
        f"recall@{TOP_K} = {recall_at_k(outcomes):.3f}（{len(outcomes)} 件中 {passed} 件で期待ページがすべて上位{TOP_K}件、基準 {THRESHOLD}）"
    )
    return "\n".join(lines)
