"""Rules on what the sources are: real titles, weak kinds, how old a "now" status is, and
rates that the official series contradicts."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from jirei.cases.dates import parse_partial_date
from jirei.cases.official import official_comparisons
from jirei.cases.rule_base import RuleContext, get, items, problem_at
from jirei.cases.yaml_values import LoadedYaml
from jirei.problems import Problem, Severity

TITLE_PLACEHOLDERS = ("未確認", "不明", "TODO", "TBD", "仮題", "（仮）", "XXX")
# 「…」 as the whole title or in brackets stands for a title not written; inside a headline
# (「その効果、想像以上…テスト市が」) it is the headline's own
ELLIPSIS_PLACEHOLDER = re.compile(r"^[\s…‥.・]*$|[「『（(\[【]\s*(?:…|‥|\.{3})+\s*[」』）)\]】]")
WEAK_KINDS = frozenset({"ミラー", "個人"})
NOW_STATUSES = frozenset({"実施中", "実証中", "横展開中"})
STALE_AFTER_YEARS = 2


def rule_source_title(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for index, source in items(loaded.data, "sources"):
        title = get(source, "title")
        if not isinstance(title, str):
            continue
        found = [word for word in TITLE_PLACEHOLDERS if word in title]
        found += [match.group() for match in [ELLIPSIS_PLACEHOLDER.search(title)] if match]
        if found:
            yield problem_at(
                loaded, ("sources", index, "title"), "source-title-placeholder",
                f"出典の題名が仮のもの（「{found[0]}」を含む）です", got=f'"{title}"',
                hint="出典のページを開き、そのページ自身の見出しをそのまま書いてください",
            )  # fmt: skip


def rule_source_weak(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for index, source in items(loaded.data, "sources"):
        kind = get(source, "kind")
        if kind in WEAK_KINDS and not get(source, "note"):
            yield problem_at(
                loaded, ("sources", index, "kind"), "source-weak",
                f"「{kind}」の出典には、一次資料がないことなどを説明する note が必要です", got=f'"{kind}"',
                hint="一次資料（総務省・自治体の公式ページ・議会の記録）があればそれを出典にし、"
                "primary_url に書いてください。ないときは note にそう書いてください",
                severity=Severity.WARNING,
            )  # fmt: skip


def _last_day(text: Any) -> date | None:
    """The last day a partial date covers: '2024' → 2024-12-31, '2024-05' → 2024-05-31."""
    first = parse_partial_date(text) if isinstance(text, str) else None
    if first is None:
        return None
    if len(text) == 4:
        return date(first.year, 12, 31)
    if len(text) == 7:
        return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    return first


def years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def status_staleness(data: Any, today: date) -> str | None:
    """Why a "now" status may no longer hold (in Japanese), or None when it is fresh enough."""
    status, evidence = get(data, "period", "status"), get(data, "period", "status_evidence")
    if status not in NOW_STATUSES or not isinstance(evidence, list | tuple) or not evidence:
        return None  # judgement-unsupported reports a status without evidence
    published = {get(s, "id"): _last_day(get(s, "published")) for _, s in items(data, "sources")}
    dates = [day for item in evidence if (day := published.get(get(item, "source"))) is not None]
    if not dates:
        return "根拠の出典に公表日（published）がありません"
    newest = max(dates)
    if newest < years_before(today, STALE_AFTER_YEARS):
        return f"いちばん新しい根拠の公表日が {newest.isoformat()} で、{STALE_AFTER_YEARS} 年以上前です"
    return None


def rule_status_stale(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    reason = status_staleness(loaded.data, ctx.today)
    if reason:
        status = get(loaded.data, "period", "status")
        yield problem_at(
            loaded, ("period", "status"), "status-stale", f"「{status}」の根拠が古いか日付がありません: {reason}",
            got=f'"{status}"',
            hint="今も続いていると分かる新しい出典を status_evidence に加えるか、分からなければ status を「不明」に、"
            "終わっていれば「完了」と period.end にしてください",
            severity=Severity.WARNING,
        )  # fmt: skip


def rule_official_mismatch(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for row in official_comparisons(loaded.data, ctx.metrics):
        if row.mismatch:
            yield problem_at(
                loaded, row.path, "official-mismatch",
                f"事例の値 {row.case_value}%（{row.as_of.isoformat()}）は、総務省の公表値 "
                f"{row.official_value}%（{row.release_date.isoformat()} 公表、{row.figure_kind}）と違います",
                got=f"{row.case_value}（公表値 {row.official_value}）",
                hint="公表値に直すか、別の人口で割った率なら population_base にその分母を書いてください",
            )  # fmt: skip


SOURCE_RULES = (rule_source_title, rule_source_weak, rule_status_stale, rule_official_mismatch)
