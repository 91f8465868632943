"""The search evaluation: queries written from the staff side, each with its relevant pages.

The query set is ``tests/search/queries.yml``; :func:`run_queries` asks the built
site's own search code (``window.jireiSearch`` in docs/javascripts/search.js, which
calls Pagefind) in headless Chromium, so the evaluation sees exactly what a reader sees.

Measures (issue #16): recall@5 = relevant pages in the top 5 ÷ min(relevant pages, 5);
MRR = mean of 1 / rank of the first relevant page in the top 10 (0 when none); precision
check = no result of the top 5 may contain none of the query's words or their synonyms
(the words search-query.js looked up). The queries are split once, by a fixed hash of the
text (:func:`split_of`), into a dev set used for tuning and a test set that is only scored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from jirei.paths import project
from jirei.problems import JireiError, Problem

if TYPE_CHECKING:
    from playwright.sync_api import Page

QUERIES_FILE = Path("tests") / "search" / "queries.yml"  # under the project root
TOP_K = 5
MRR_DEPTH = 10
THRESHOLD = 0.9  # recall@5 of the test set
MRR_THRESHOLD = 0.8  # MRR of the test set
CLASSES = {
    "colloquial": "短縮形・口語",
    "synonym": "同義語",
    "variant": "旧字・異体字の地名",
    "romaji": "ローマ字",
    "ward": "政令指定都市の区",
    "multiword": "複数の語",
    "noise": "1 文字の語・助詞",
    "contributor": "寄稿者向けページが紛れる語",
    "zero": "これまで 0 件の言い方",
    "topic": "事例ごとの話題",
    "regression": "以前の評価セット",
}
DEV, TEST = "dev", "test"

_SEARCH_JS = """async ([query, limit]) => {
  await window.jireiSearch.load();
  const found = await window.jireiSearch.search(query, limit, {text: true});
  const norm = window.jireiSearchQuery.normalize;
  const keys = found.analysis.concepts.flatMap((c) => c.words).map(norm).filter(Boolean);
  const unrelated = found.results.slice(0, 5)
    .filter((r) => !keys.some((k) => norm(r.text || r.title).includes(k))).map((r) => r.url);
  return {total: found.total, urls: found.results.map((r) => r.url), unrelated};
}"""


@dataclass(frozen=True)
class Query:
    text: str
    expected: tuple[str, ...]  # site-root paths such as /cases/<id>/
    why: str
    kind: str = "topic"  # a key of CLASSES

    @property
    def split(self) -> str:
        return split_of(self.text, self.kind)


def split_of(text: str, kind: str) -> str:
    """``test`` when the SHA-256 of the query text (UTF-8) is divisible by 3, else ``dev``;
    the old, tuned ``regression`` queries are always ``dev``. Fixed before any tuning."""
    if kind == "regression":
        return DEV
    return TEST if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 3 == 0 else DEV


@dataclass(frozen=True)
class Outcome:
    query: Query
    ranked: tuple[str, ...]  # the first MRR_DEPTH result paths
    total: int
    unrelated: tuple[str, ...] = ()  # top-5 results with none of the query's words

    @property
    def top(self) -> tuple[str, ...]:
        return self.ranked[:TOP_K]

    @property
    def missing(self) -> tuple[str, ...]:
        """Relevant pages that should have been in the top 5 but were not (none when 5 relevant were)."""
        found = sum(1 for url in self.query.expected if url in self.top)
        if found >= min(len(self.query.expected), TOP_K):
            return ()
        return tuple(url for url in self.query.expected if url not in self.top)

    @property
    def recall(self) -> float:
        found = sum(1 for url in self.query.expected if url in self.top)
        return found / min(len(self.query.expected), TOP_K)

    @property
    def reciprocal_rank(self) -> float:
        for rank, url in enumerate(self.ranked, start=1):
            if url in self.query.expected:
                return 1 / rank
        return 0.0


def _problem(path: Path, message: str, index: int | None = None) -> Problem:
    return Problem(str(path), "search-query", message, key_path=f"[{index}]" if index is not None else "")


def load_queries(path: Path | None = None) -> list[Query]:
    """Read the query set; every entry needs ``query``, ``expect`` (paths from the site root) and ``why``."""
    path = path or project().root / QUERIES_FILE
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
            or entry.get("class", "topic") not in CLASSES
            or not isinstance(expect, list)
            or not expect
            or not all(isinstance(url, str) and url.startswith("/") and url.endswith("/") for url in expect)
        ):
            problems.append(
                _problem(
                    path,
                    "query（文字列）・expect（/ で始まり / で終わるパスのリスト）・why（根拠）が必要で、"
                    f"class は {'・'.join(CLASSES)} のどれかです",
                    index,
                )
            )
            continue
        queries.append(Query(entry["query"], tuple(expect), entry["why"], entry.get("class", "topic")))
    if problems:
        raise JireiError(problems)
    return queries


def run_queries(page: Page, queries: Sequence[Query]) -> list[Outcome]:
    """Run each query through the site's search on an already loaded page of the site."""
    outcomes = []
    for query in queries:
        found = page.evaluate(_SEARCH_JS, [query.text, MRR_DEPTH])
        outcomes.append(Outcome(query, tuple(found["urls"]), int(found["total"]), tuple(found["unrelated"])))
    return outcomes


def recall_at_k(outcomes: Sequence[Outcome]) -> float:
    """Mean over queries of the share of relevant pages found in the top K (capped at K)."""
    return sum(outcome.recall for outcome in outcomes) / len(outcomes) if outcomes else 0.0


def mean_reciprocal_rank(outcomes: Sequence[Outcome]) -> float:
    return sum(outcome.reciprocal_rank for outcome in outcomes) / len(outcomes) if outcomes else 0.0


def of_split(outcomes: Sequence[Outcome], split: str) -> list[Outcome]:
    return [outcome for outcome in outcomes if outcome.query.split == split]


def passes(outcomes: Sequence[Outcome]) -> bool:
    """The issue's bar, on the test set: recall@5 ≥ 0.9, MRR ≥ 0.8 and no unrelated result."""
    test = of_split(outcomes, TEST)
    return (
        recall_at_k(test) >= THRESHOLD
        and mean_reciprocal_rank(test) >= MRR_THRESHOLD
        and not any(outcome.unrelated for outcome in outcomes)
    )
