"""The evaluation's bookkeeping: the query set, the dev/test split, recall@5, MRR, the report."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from jirei.problems import JireiError
from jirei.search.eval_report import format_report
from jirei.search.evaluation import (
    CLASSES,
    TEST,
    Outcome,
    Query,
    load_queries,
    mean_reciprocal_rank,
    passes,
    recall_at_k,
    split_of,
)
from tests.repo import CASES_DIR


def test_committed_query_set_is_large_covers_every_class_and_points_at_real_pages() -> None:
    queries = load_queries()
    new = [q for q in queries if q.kind != "regression"]
    assert len(new) >= 150
    counts = Counter(q.kind for q in new)
    assert all(counts[kind] >= 10 for kind in CLASSES if kind != "regression"), counts
    assert len({q.text for q in queries}) == len(queries), "each query once"
    assert sum(1 for q in new if q.split == TEST) >= 50
    case_ids = {path.stem for path in CASES_DIR.glob("*.yml")}
    for query in queries:
        for url in query.expected:
            if url.startswith("/cases/"):
                assert url.split("/")[2] in case_ids, (query.text, url)


def test_the_split_is_a_fixed_hash_of_the_text_and_regression_queries_stay_in_dev() -> None:
    text = "ネット申請"
    expected = "test" if int(hashlib.sha256(text.encode()).hexdigest(), 16) % 3 == 0 else "dev"
    assert split_of(text, "colloquial") == expected
    assert split_of(text, "regression") == "dev"
    shares = Counter(split_of(f"語{i}", "topic") for i in range(300))
    assert 70 < shares["test"] < 130


def test_recall_is_capped_at_five_relevant_pages_and_mrr_uses_the_first_relevant_rank() -> None:
    many = Query("多い", tuple(f"/p{i}/" for i in range(8)), "テスト用")
    two = Query("二つ", ("/a/", "/b/"), "テスト用")
    outcomes = [
        Outcome(many, ("/x/", "/p0/", "/p1/", "/p2/", "/p3/", "/p4/"), 9),  # 4 of 5 in the top 5, first at 2
        Outcome(two, ("/a/", "/y/", "/z/", "/w/", "/v/", "/b/"), 6),  # /b/ is 6th: 1 of 2
    ]
    assert outcomes[0].recall == pytest.approx(0.8)
    assert outcomes[1].missing == ("/b/",)
    assert recall_at_k(outcomes) == pytest.approx(0.65)
    assert mean_reciprocal_rank(outcomes) == pytest.approx((1 / 2 + 1) / 2)


def test_the_bar_needs_test_recall_mrr_and_no_unrelated_result() -> None:
    text = next(f"試験{i}" for i in range(100) if split_of(f"試験{i}", "topic") == TEST)
    query = Query(text, ("/a/",), "テスト用", "topic")
    assert passes([Outcome(query, ("/a/",), 1)])
    assert not passes([Outcome(query, ("/x/", "/y/", "/a/"), 3)])  # recall 1, MRR 1/3
    assert not passes([Outcome(query, ("/a/",), 1, unrelated=("/a/",))])


def test_the_report_shows_dev_queries_but_only_the_measures_of_the_test_set() -> None:
    dev = next(f"開発{i}" for i in range(100) if split_of(f"開発{i}", "topic") == "dev")
    test = next(f"試験{i}" for i in range(100) if split_of(f"試験{i}", "topic") == "test")
    outcomes = [
        Outcome(Query(dev, ("/a/",), "根拠"), ("/a/",), 1),
        Outcome(Query(test, ("/b/",), "根拠"), ("/c/",), 1, unrelated=("/c/",)),
    ]
    report = format_report(outcomes)
    assert f"OK [topic] {dev}" in report
    assert test not in report
    assert "テスト用: 1 語  recall@5 = 0.000  MRR = 0.000  語を含まない結果 1 件" in report
    assert test in format_report(outcomes, show_test=True)


def test_a_malformed_entry_is_reported_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "queries.yml"
    path.write_text(
        "- query: 電子申請\n  expect: [/cases/x/]\n  why: 根拠\n"
        "- query: 書かない窓口\n  expect: [cases/y]\n  why: 根拠\n"
        "- query: 窓口\n  class: unknown\n  expect: [/cases/y/]\n  why: 根拠\n",
        encoding="utf-8",
    )
    with pytest.raises(JireiError) as raised:
        load_queries(path)
    assert [problem.key_path for problem in raised.value.problems] == ["[1]", "[2]"]
    assert "class" in raised.value.problems[1].message
