"""The importer's part of the hostile catalogue (tests/security/): tables an attacker or a
broken export would hand to `jirei metrics import`. Each names the rule it expects; each is
refused with the file and the line, never a traceback, and leaves data/metrics/ byte-identical."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from cfj_factory import write_release
from test_metrics_import import import_error, rewrite

from jirei.metrics.importers.importer import import_paths
from jirei.metrics.store import load_metrics
from jirei.reference.municipalities import Reference

TEST_CITY = '"テスト県","テスト市",66350,43216,65.1,'
FUTURE = (date.today() + timedelta(days=40)).strftime("%Y/%m/%d")

# (what, file, old, new, rule)
HOSTILE_TABLES = [
    ("rate above 100", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,66350,100.5,', "rate-out-of-range"),
    ("negative rate", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,0,-1,', "rate-out-of-range"),
    ("rate far from cards ÷ population", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,43216,55.1,', "rate-out-of-range"),
    ("cards 3 × the population", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,199050,65.1,', "count-out-of-range"),
    ("negative count", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,-5,65.1,', "not-a-number"),
    ("5,000-digit count", "all_localgovs.csv", TEST_CITY, f'"テスト県","テスト市",{"9" * 5000},43216,65.1,', "cell-unreadable"),
    ("4,301-digit count", "all_localgovs.csv", TEST_CITY, f'"テスト県","テスト市",66350,{"1" * 4301},65.1,', "cell-unreadable"),
    ("1e309 rate", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,43216,1e309,', "cell-unreadable"),
    ("NaN rate", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,43216,NaN,', "cell-unreadable"),
    ("Infinity rate", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,43216,Infinity,', "cell-unreadable"),
    ("5,000-digit rate", "all_localgovs.csv", TEST_CITY, f'"テスト県","テスト市",66350,43216,65.{"1" * 5000},', "cell-unreadable"),
    ("1e309 count", "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",1e309,43216,65.1,', "not-a-number"),
    ("cell over the CSV field limit", "all_localgovs.csv", TEST_CITY, f'"テスト県","{"x" * 200_000}",66350,43216,65.1,', "cell-unreadable"),
    ("release dated after today", "all_prefectures.csv", '"2021/05/01","サンプル県"', f'"{FUTURE}","サンプル県"', "release-future"),
    ("population base date after today", "all_localgovs.csv", '65.1,"2020/01/01"', f'65.1,"{FUTURE}"', "release-future"),
    ("demographics rate above 100", "demographics.csv", "25.0,33.3,30.0,100.0", "25.0,33.3,130.0,100.0", "rate-out-of-range"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "name", "old", "new", "rule"), HOSTILE_TABLES, ids=[r[0] for r in HOSTILE_TABLES]
)
def test_hostile_table_is_refused_with_file_and_line(
    what: str, name: str, old: str, new: str, rule: str, tmp_path: Path, reference: Reference
) -> None:
    target = tmp_path / "metrics"
    import_paths([write_release(tmp_path / "src" / "20210501")], target, reference)
    folder = write_release(tmp_path / "bad" / "20210601", release="2021/06/01")
    rewrite(folder / name, old.replace("2021/05/01", "2021/06/01"), new.replace("2021/05/01", "2021/06/01"))
    problems = import_error([folder], target, reference)  # also: the store is byte-identical
    matching = [problem for problem in problems if problem.rule == rule]
    assert matching, [(p.rule, p.message) for p in problems]
    assert all(problem.path.endswith(name) and problem.line for problem in matching)
    assert all(len(problem.got or "") <= 200 for problem in problems)  # no 5,000-digit echo


def test_a_small_slip_between_rate_and_counts_is_stored(tmp_path: Path, reference: Reference) -> None:
    """Up to 5 points apart is stored as published (the two known slips are 3.5 and 3.8 points);
    `jirei metrics check` warns about it (rule rate-mismatch)."""
    folder = write_release(tmp_path / "src" / "20210501")
    rewrite(folder / "all_localgovs.csv", TEST_CITY, '"テスト県","テスト市",66350,43216,68.9,')
    import_paths([folder], tmp_path / "metrics", reference)
    stored = {f.key: f.rate_percent for f in load_metrics(tmp_path / "metrics").municipalities}
    assert str(stored["992011"]) == "68.9"
