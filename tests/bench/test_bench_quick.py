"""Smoke test: `scripts/bench.py --quick` runs every step at a tiny scale and prints its report.

Times are not checked here (the benchmark itself holds the time budgets).
"""

from __future__ import annotations

import subprocess
import sys

from tests.repo import REPO_ROOT


def test_quick_benchmark_prints_its_table_and_budgets() -> None:
    completed = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "bench.py"), "--quick"],
        capture_output=True, text=True, check=False, cwd=REPO_ROOT,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-3000:]
    out = completed.stdout
    assert "| 規模 | 段階 | 時間 | ピークメモリ | サイト容量 | 検索で最初に読むバイト数 |" in out
    for step in (
        "取り込み",
        "検証",
        "生成",
        "mkdocs build --strict",
        "ProperDocs build",
        "素の MkDocs build",
    ):
        assert f"| 事例 6 件・3 回 | {step} |" in out, step
    assert "| 事例 3 件・3 回 | **パイプライン合計（生成 + mkdocs" in out  # (+ Pagefind when installed)
    assert "PASS [事例 6 件・3 回] ProperDocs で生成した docs/ をビルドできる" in out
    edit = next(line for line in out.splitlines() if "[事例 6 件・3 回] 事例 1 件" in line)
    assert edit.startswith("PASS") and "cases/" in edit  # only the files that show the edited case
    assert "生成時間は事例数に線形" in out and "サイト容量の内訳" in out
