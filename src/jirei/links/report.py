"""The Markdown body of the one maintenance issue the weekly job opens or refreshes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from jirei.cases.model import Case
from jirei.links.check import Citation, LinkResult


def render_report(
    dead: Sequence[tuple[LinkResult, list[Citation]]],
    overdue: Sequence[Case],
    *,
    checked: int,
    today: date,
) -> str:
    lines = [
        f"{today.isoformat()} の定期点検の結果です（出典 URL {checked} 件を確認）。"
        "この issue は毎週の点検で書き換えられます。直したら次の点検で一覧から消えます。",
        "",
        "## 応答のない出典",
        "",
    ]
    if not dead:
        lines.append("ありません。")
    for result, citations in dead:
        cited_by = "、".join(f"`cases/{c.case_id}.yml` の {c.source_id}" for c in citations)
        lines.append(f"- <{result.url}>: {result.detail}（{cited_by}「{citations[0].title}」）")
    lines += ["", "## 最終確認から 1 年以上たった事例（要更新）", ""]
    if not overdue:
        lines.append("ありません。")
    for case in overdue:
        lines.append(f"- `cases/{case.id}.yml`「{case.title}」: 最終確認日 {case.record.last_reviewed}")
    lines += [
        "",
        "直し方: 移転先が見つかれば `url` を差し替え、見つからなければ国立国会図書館の WARP や "
        "Internet Archive の保存版の URL にし、`accessed` を確認した日にしてください。"
        "一時的な障害のこともあるので、ブラウザでも開いて確かめてください。",
    ]
    return "\n".join(lines) + "\n"
