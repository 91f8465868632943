"""``jirei audit [PATHS] [--format text|json]``: how well each case is backed by its sources.

Prints, per case, a table of its figures and judgements with their evidence, the comparison
with the official series, its sources by kind and its review state; then the totals. Exits 1
when any rule reports an error (warnings, such as a status growing old, never fail).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from jirei.cases.audit import AuditReport, CaseAudit, ClaimRow, audit_files
from jirei.cases.validate import default_metrics
from jirei.paths import project
from jirei.problems import format_text
from jirei.reference.municipalities import load_reference

CONTAINS_MARK = {True: "○ 含む", False: "× 含まない", None: "－ 引用なし"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="事例の数値・判断の根拠（引用）と公表値との照合を一覧にする",
        description="事例ごとに、数値・日付・判断の根拠（出典の引用）と、引用がその数値を含むか、"
        "総務省の公表値との照合、出典の種類、確認の状況を表示します。エラーがあれば終了コード 1。",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="対象のファイルまたはフォルダ（省略時は cases/）")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="出力の形式: text（人が読む）、json（ツール向け）",
    )
    parser.add_argument("--reference-dir", type=Path, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "－"


def _claim_line(row: ClaimRow) -> str:
    evidence = "、".join(row.sources) or "なし"
    check = (
        CONTAINS_MARK[row.contains] if row.kind != "判断" else ("○ 根拠あり" if row.sources else "× 根拠なし")
    )
    return f"  | {row.kind} | {row.label} | {row.value} | {evidence} | {check} |"


def _case_lines(case: CaseAudit) -> list[str]:
    kinds = "、".join(f"{kind} {count}" for kind, count in case.source_kinds.items()) or "なし"
    figures = len(case.figures)
    lines = [
        f"■ {case.case_id}（{case.path}）{case.title}",
        f"  確認の状況: {case.review_status or '－'}（最終確認 {case.last_reviewed or '－'}）、取組の状況: {case.status or '－'}"
        + (f"（古い可能性: {case.stale}）" if case.stale else ""),
        f"  数値・日付 {figures} 件: 引用あり {case.figures_quoted} 件、引用が数値を含む {case.figures_matching} 件"
        f"（{_percent(case.figures_matching, figures)}）。判断 {len(case.judgements)} 件: 根拠あり {case.judgements_supported} 件",
        f"  出典 {sum(case.source_kinds.values())} 件: {kinds}（一次資料 {case.primary_sources}、二次資料 {case.secondary_sources}）",
    ]
    if case.figures or case.judgements:
        lines += ["  | 種類 | 項目 | 値 | 根拠の出典 | 引用の照合 |", "  | --- | --- | --- | --- | --- |"]
        lines += [_claim_line(row) for row in (*case.figures, *case.judgements)]
    for row in case.official:
        verdict = (
            "一致"
            if row.agrees
            else ("別の分母: " + row.population_base if row.population_base else "不一致")
        )
        lines.append(
            f"  公表値との照合: {row.key_path} 事例 {row.case_value}%（{row.as_of}）／総務省 {row.official_value}%"
            f"（{row.release_date} 公表、{row.figure_kind}）→ {verdict}"
        )
    lines.append(f"  問題: エラー {case.errors} 件、警告 {case.warnings} 件")
    lines += [
        "    " + format_text(problem).replace("\n", "\n    ") for problem in case.problems if problem.is_error
    ]
    return lines


def render_text(report: AuditReport) -> str:
    totals = report.totals
    lines = [line for case in report.cases for line in (*_case_lines(case), "")]
    lines += [
        "■ 合計",
        f"  事例 {totals['cases']} 件、数値・日付 {totals['figures']} 件（引用あり {totals['figures_quoted']} 件、"
        f"引用が数値を含む {totals['figures_matching']} 件 = {_percent(totals['figures_matching'], totals['figures'])}）",
        f"  判断 {totals['judgements']} 件（根拠あり {totals['judgements_supported']} 件）、"
        f"公表値との照合 {totals['official_comparisons']} 件（食い違い {totals['official_disagreements']} 件）",
        f"  出典: 一次資料 {totals['primary_sources']} 件、二次資料 {totals['secondary_sources']} 件。"
        f"古い可能性のある状況 {totals['stale_statuses']} 件",
        f"jirei audit: エラー {totals['errors']} 件、警告 {totals['warnings']} 件（事例ファイル {report.files_checked} 件）",
    ]
    return "\n".join(lines)


def _case_json(case: CaseAudit) -> dict[str, Any]:
    data = asdict(case)
    data["problems"] = [{**asdict(p), "severity": p.severity.value} for p in case.problems]
    data.update(
        figures_quoted=case.figures_quoted, figures_matching=case.figures_matching,
        judgements_supported=case.judgements_supported, primary_sources=case.primary_sources,
        secondary_sources=case.secondary_sources, errors=case.errors, warnings=case.warnings,
    )  # fmt: skip
    return data


def render_json(report: AuditReport) -> str:
    data = {
        "cases": [_case_json(case) for case in report.cases],
        "totals": report.totals,
        "files_checked": report.files_checked,
        "ok": report.ok,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def run(args: argparse.Namespace) -> int:
    reference = load_reference(args.reference_dir)
    report = audit_files(args.paths or [project().cases_dir], metrics=default_metrics(), reference=reference)
    print(render_json(report) if args.format == "json" else render_text(report))
    return 0 if report.ok else 1
