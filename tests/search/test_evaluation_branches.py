"""The evaluation's branches: a fake page for run_queries, every way a query entry can be wrong,
and the edge cases of recall, missing pages and MRR — values worked out by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jirei.problems import JireiError
from jirei.search.evaluation import (
    _SEARCH_JS,
    DEV,
    MRR_DEPTH,
    TEST,
    Outcome,
    Query,
    load_queries,
    mean_reciprocal_rank,
    of_split,
    passes,
    recall_at_k,
    run_queries,
    split_of,
)

FIELDS = "query（文字列）・expect（/ で始まり / で終わるパスのリスト）・why（根拠）が必要で、class は "


class FakePage:
    """Stands in for a Playwright page: records the calls, answers from a table."""

    def __init__(self, answers: dict[str, dict[str, Any]]) -> None:
        self.answers, self.calls = answers, []  # type: ignore[var-annotated]

    def evaluate(self, script: str, arguments: list[object]) -> dict[str, Any]:
        self.calls.append((script, arguments))
        return self.answers[str(arguments[0])]


def test_run_queries_asks_the_sites_search_for_ten_results_per_query() -> None:
    first, second = Query("電子申請", ("/a/",), "根拠"), Query("窓口", ("/b/",), "根拠", "synonym")
    page = FakePage(
        {
            "電子申請": {"total": "12", "urls": ["/a/", "/c/"], "unrelated": []},
            "窓口": {"total": 3, "urls": ["/c/"], "unrelated": ["/c/"]},
        }
    )
    outcomes = run_queries(page, [first, second])  # type: ignore[arg-type]
    assert page.calls == [(_SEARCH_JS, ["電子申請", 10]), (_SEARCH_JS, ["窓口", 10])]
    assert MRR_DEPTH == 10
    assert outcomes == [Outcome(first, ("/a/", "/c/"), 12, ()), Outcome(second, ("/c/",), 3, ("/c/",))]


def _load(tmp_path: Path, text: str) -> list[Query]:
    path = tmp_path / "queries.yml"
    path.write_text(text, encoding="utf-8")
    return load_queries(path)


def _refused(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    with pytest.raises(JireiError) as raised:
        _load(tmp_path, text)
    return [(Path(p.path).name, p.key_path, p.message) for p in raised.value.problems]


def test_a_good_entry_and_the_default_class(tmp_path: Path) -> None:
    queries = _load(tmp_path, "- query: 電子申請\n  expect: [/cases/x/, /y/]\n  why: 根拠\n")
    assert queries == [Query("電子申請", ("/cases/x/", "/y/"), "根拠", "topic")]


@pytest.mark.parametrize(
    "entry",
    [
        "- 電子申請\n",  # not a mapping
        "- query: 1\n  expect: [/a/]\n  why: 根拠\n",  # query not text
        "- query: 窓口\n  expect: [/a/]\n",  # no why
        "- query: 窓口\n  expect: [/a/]\n  why: 1\n",  # why not text
        "- query: 窓口\n  expect: /a/\n  why: 根拠\n",  # expect not a list
        "- query: 窓口\n  expect: []\n  why: 根拠\n",  # expect empty
        "- query: 窓口\n  expect: [a/]\n  why: 根拠\n",  # not from the site root
        "- query: 窓口\n  expect: [/a]\n  why: 根拠\n",  # no closing slash
        "- query: 窓口\n  expect: [/a/, 1]\n  why: 根拠\n",  # not every path text
        "- query: 窓口\n  class: その他\n  expect: [/a/]\n  why: 根拠\n",  # unknown class
    ],
)
def test_each_malformed_entry_is_refused_at_its_index(tmp_path: Path, entry: str) -> None:
    found = _refused(tmp_path, "- query: 電子申請\n  expect: [/x/]\n  why: 根拠\n" + entry)
    assert len(found) == 1
    name, key_path, message = found[0]
    assert (name, key_path) == ("queries.yml", "[1]")
    assert message.startswith(FIELDS) and message.endswith("のどれかです")
    assert "短縮形" not in message and "colloquial・synonym・variant" in message


@pytest.mark.parametrize(("text", "message"), [("[]\n", "評価用の検索語は 1 件以上のリストで書いてください"),
                                               ("a: 1\n", "評価用の検索語は 1 件以上のリストで書いてください")])  # fmt: skip
def test_a_file_that_is_not_a_list_of_queries(tmp_path: Path, text: str, message: str) -> None:
    assert _refused(tmp_path, text) == [("queries.yml", "", message)]


def test_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(JireiError) as raised:
        load_queries(tmp_path / "none.yml")
    [problem] = raised.value.problems
    assert (Path(problem.path).name, problem.rule, problem.key_path) == ("none.yml", "search-query", "")
    assert problem.message.startswith("評価用の検索語を読めません: [Errno 2] No such file or directory")
    assert _refused(tmp_path, "- [unclosed\n")[0][2].startswith("評価用の検索語を読めません: while parsing")


def test_missing_pages_recall_and_rank_at_their_edges() -> None:
    six = Query("六つ", tuple(f"/p{i}/" for i in range(6)), "根拠")
    all_five = Outcome(six, ("/p5/", "/p4/", "/p3/", "/p2/", "/p1/", "/p0/"), 6)
    assert all_five.top == ("/p5/", "/p4/", "/p3/", "/p2/", "/p1/")
    assert all_five.missing == ()  # five relevant in the top 5: nothing is missing, though /p0/ is 6th
    assert all_five.recall == 1.0
    one_short = Outcome(six, ("/p5/", "/p4/", "/p3/", "/p2/", "/x/", "/p0/"), 6)
    assert one_short.missing == ("/p0/", "/p1/")
    assert one_short.recall == pytest.approx(0.8)
    none = Outcome(six, tuple(f"/x{i}/" for i in range(10)), 10)
    assert (none.reciprocal_rank, none.recall, none.missing) == (0.0, 0.0, six.expected)
    tenth = Outcome(six, (*(f"/x{i}/" for i in range(9)), "/p3/"), 10)
    assert tenth.reciprocal_rank == pytest.approx(0.1)
    assert recall_at_k([]) == 0.0 and mean_reciprocal_rank([]) == 0.0


def test_the_bar_is_scored_on_the_test_set_only() -> None:
    dev_text = next(f"開発{i}" for i in range(100) if split_of(f"開発{i}", "topic") == DEV)
    test_text = next(f"試験{i}" for i in range(100) if split_of(f"試験{i}", "topic") == TEST)
    dev_miss = Outcome(Query(dev_text, ("/a/",), "根拠"), ("/x/",), 1)
    test_hit = Outcome(Query(test_text, ("/a/",), "根拠"), ("/a/",), 1)
    assert of_split([dev_miss, test_hit], TEST) == [test_hit]
    assert of_split([dev_miss, test_hit], DEV) == [dev_miss]
    assert passes([dev_miss, test_hit])  # a dev miss does not count against the bar
    assert not passes([dev_miss])  # no test query: recall 0
    second = Outcome(Query(test_text, ("/a/",), "根拠"), ("/x/", "/a/"), 2)  # recall 1, MRR 0.5
    assert not passes([second])
    assert passes([test_hit, test_hit, test_hit, test_hit, second])  # MRR (4 + 0.5) / 5 = 0.9
    dev_unrelated = Outcome(Query(dev_text, ("/a/",), "根拠"), ("/a/",), 1, unrelated=("/z/",))
    assert not passes([test_hit, dev_unrelated])  # an unrelated result anywhere fails


def _test_texts(count: int) -> list[str]:
    return [t for t in (f"評価{i}" for i in range(500)) if split_of(t, "topic") == TEST][:count]


def test_the_bar_is_met_exactly_at_recall_0_9_and_mrr_0_8() -> None:
    texts = _test_texts(10)
    queries = [Query(text, ("/a/",), "根拠") for text in texts]
    # 9 of 10 found first: recall 0.9, MRR 0.9
    at_recall = [Outcome(q, ("/a/",), 1) for q in queries[:9]] + [Outcome(queries[9], ("/x/",), 1)]
    assert recall_at_k(at_recall) == 0.9 and passes(at_recall)
    # all found, 6 first and 4 second: recall 1, MRR (6 + 4 × 0.5) / 10 = 0.8
    at_mrr = [Outcome(q, ("/a/",), 1) for q in queries[:6]] + [
        Outcome(q, ("/x/", "/a/"), 2) for q in queries[6:]
    ]
    assert mean_reciprocal_rank(at_mrr) == 0.8 and passes(at_mrr)


def test_the_split_is_the_hash_rule_for_every_text_and_regression_always_dev() -> None:
    import hashlib

    for i in range(60):
        text = f"分割{i}"
        by_rule = TEST if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 3 == 0 else DEV
        assert split_of(text, "topic") == by_rule
    hashed_to_test = _test_texts(1)[0]
    assert split_of(hashed_to_test, "regression") == DEV
