"""The evaluation's bookkeeping: reading the query set, recall@5, the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from jirei.paths import CASES_DIR
from jirei.problems import JireiError
from jirei.search.evaluation import Outcome, Query, format_report, load_queries, recall_at_k


def test_committed_query_set_is_well_formed_and_points_at_real_pages() -> None:
    queries = load_queries()
    assert len(queries) >= 30
    case_ids = {path.stem for path in CASES_DIR.glob("*.yml")}
    for query in queries:
        for url in query.expected:
            if url.startswith("/cases/"):
                assert url.split("/")[2] in case_ids, (query.text, url)


def test_recall_counts_expected_pages_found_in_the_top_5() -> None:
    both = Query("テスト", ("/a/", "/b/"), "テスト用")
    one = Query("もう一つ", ("/c/",), "テスト用")
    outcomes = [Outcome(both, ("/a/", "/x/", "/y/", "/z/", "/w/"), 9), Outcome(one, ("/c/",), 1)]
    assert outcomes[0].missing == ("/b/",)
    assert recall_at_k(outcomes) == pytest.approx(0.75)
    report = format_report(outcomes)
    assert "NG テスト（9 件）" in report
    assert "上位5件になし: /b/" in report
    assert "recall@5 = 0.750" in report


def test_a_malformed_entry_is_reported_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "queries.yml"
    path.write_text(
        "- query: 電子申請\n  expect: [/cases/x/]\n  why: 根拠\n- query: 書かない窓口\n  expect: [cases/y]\n  why: 根拠\n",
        encoding="utf-8",
    )
    with pytest.raises(JireiError) as raised:
        load_queries(path)
    [problem] = raised.value.problems
    assert problem.key_path == "[1]"
    assert "expect" in problem.message
