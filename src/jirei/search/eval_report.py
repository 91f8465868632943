"""The evaluation's report: per-query results of the dev set, and the measures of both sets.

The test set's per-query results are never printed (issue #16: tune without looking at
them); only its recall@5, MRR and the number of unrelated results are.
"""

from __future__ import annotations

from collections.abc import Sequence

from jirei.search.evaluation import (
    CLASSES,
    DEV,
    MRR_THRESHOLD,
    TEST,
    THRESHOLD,
    TOP_K,
    Outcome,
    mean_reciprocal_rank,
    of_split,
    recall_at_k,
)


def query_lines(outcomes: Sequence[Outcome]) -> list[str]:
    lines = []
    for outcome in outcomes:
        mark = "OK " if not outcome.missing and not outcome.unrelated else "NG "
        lines.append(f"{mark}[{outcome.query.kind}] {outcome.query.text}（{outcome.total} 件）")
        for rank, url in enumerate(outcome.top, start=1):
            notes = ("  ← 関連" if url in outcome.query.expected else "") + (
                "  ← 語を含まない" if url in outcome.unrelated else ""
            )
            lines.append(f"    {rank}. {url}{notes}")
        for url in outcome.missing:
            lines.append(f"    上位{TOP_K}件になし: {url}")
    return lines


def measure_line(label: str, outcomes: Sequence[Outcome]) -> str:
    unrelated = sum(len(outcome.unrelated) for outcome in outcomes)
    return (
        f"{label}: {len(outcomes)} 語  recall@{TOP_K} = {recall_at_k(outcomes):.3f}  "
        f"MRR = {mean_reciprocal_rank(outcomes):.3f}  語を含まない結果 {unrelated} 件"
    )


def format_report(outcomes: Sequence[Outcome], show_test: bool = False) -> str:
    """Dev queries one by one (test ones too with ``show_test``), then the measures by class
    (dev) and by set."""
    dev, test = of_split(outcomes, DEV), of_split(outcomes, TEST)
    lines = query_lines(dev + test if show_test else dev)
    lines.append("")
    for kind, label in CLASSES.items():
        chosen = [outcome for outcome in dev if outcome.query.kind == kind]
        if chosen:
            lines.append(measure_line(f"  開発用・{label}", chosen))
    lines.append(measure_line("開発用", dev))
    lines.append(measure_line("テスト用", test))
    lines.append(
        f"基準（テスト用）: recall@{TOP_K} ≥ {THRESHOLD}、MRR ≥ {MRR_THRESHOLD}、語を含まない結果 0 件"
    )
    return "\n".join(lines)
