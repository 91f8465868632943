"""Rules on evidence: every figure's quote contains it, every claim has evidence, and a case
is 確認済み only when all of that holds (schema version 2, see schema/CHANGELOG.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jirei.cases.figures import Claim, ClaimKind, all_claims, defined_sources, figure_claims, judgement_claims
from jirei.cases.quote_match import found_in
from jirei.cases.rule_base import Rule, RuleContext, get, problem_at
from jirei.cases.source_rules import SOURCE_RULES, rule_official_mismatch, rule_source_title
from jirei.cases.yaml_values import LoadedYaml, format_key_path
from jirei.problems import Problem, Severity

CONFIRMED, PARTLY = "確認済み", "一部未確認"
SPLICE = re.compile(r"…|\.\.\.|‥")


def _mismatch(loaded: LoadedYaml, claim: Claim) -> Problem:
    what = "日付" if claim.kind is ClaimKind.DATE else "数値"
    return problem_at(
        loaded, claim.path, "quote-mismatch",
        f"{claim.label}「{claim.shown_value}」が根拠の引用に見つかりません", got=found_in(claim.quotes),
        hint=f"出典の、この{what}をそのまま含む部分を引用してください（全角数字・桁区切り・万／億・％・和暦は照合できます）。"
        "出典と値が違うなら値を直してください",
    )  # fmt: skip


def rule_quote_mismatch(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for claim in figure_claims(loaded.data):
        if claim.quote_contains_value() is False:
            yield _mismatch(loaded, claim)


def rule_evidence_missing(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    """Figures the schema cannot require evidence for (the dates of the period and measures)."""
    for claim in figure_claims(loaded.data):
        written = get(loaded.data, *claim.evidence_path) is not None  # an empty list is the schema's
        if not written and not claim.schema_requires_evidence:
            yield problem_at(
                loaded, claim.path, "evidence-missing", f"{claim.label}に根拠がありません",
                got=f'"{claim.shown_value}"',
                hint=f"{format_key_path(claim.evidence_path)} に、この日付を含む引用を書いてください。"
                "根拠がなければこの値を消してください",
            )  # fmt: skip


def rule_judgement_unsupported(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for claim in judgement_claims(loaded.data):
        if not claim.evidence:
            yield problem_at(
                loaded, claim.path, "judgement-unsupported", f"{claim.label}の判断に根拠がありません",
                got=f'"{claim.shown_value}"',
                hint=f"出典がそう言っている部分を {format_key_path(claim.evidence_path)} に引用してください。"
                "出典が言っていないなら「不明」にしてください",
            )  # fmt: skip


def rule_quote_not_verbatim(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    """An ellipsis inside a quote joins two places of a source: the quote is no longer verbatim."""
    lists = {
        claim.evidence_path: claim.evidence for claim in all_claims(loaded.data)
    }  # start and end share one
    for evidence_path, evidence in lists.items():
        for index, item in enumerate(evidence):
            quote = get(item, "quote")
            if isinstance(quote, str) and SPLICE.search(quote.strip().strip("….‥")):
                yield problem_at(
                    loaded, (*evidence_path, index, "quote"), "quote-not-verbatim",
                    "引用に省略記号（…）があります。離れた 2 か所をつないだ引用は原文どおりではありません",
                    got=f'"{quote[:40]}"', hint="ひと続きの部分だけを引用し、必要なら根拠を 2 つに分けてください",
                    severity=Severity.WARNING,
                )  # fmt: skip


def _unproven(loaded: LoadedYaml, ctx: RuleContext) -> str | None:
    """Why the case cannot be 確認済み (in Japanese), or None when every claim is backed."""
    listed = defined_sources(loaded.data)
    for claim in all_claims(loaded.data):
        if not claim.quotes:
            return f"{claim.label}に引用がありません"
        if claim.quote_contains_value() is False:
            return f"{claim.label}が引用に見つかりません"
        if any(source not in listed for source in claim.sources):
            return f"{claim.label}の根拠が sources にない出典を引いています"
    for rule in (rule_source_title, rule_official_mismatch):
        for problem in rule(loaded, ctx):
            return f"{problem.key_path}: {problem.message}"
    return None


def rule_review_overclaimed(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    if get(loaded.data, "record", "review_status") != CONFIRMED:
        return
    reason = _unproven(loaded, ctx)
    if reason:
        yield problem_at(
            loaded, ("record", "review_status"), "review-overclaimed",
            f"「{CONFIRMED}」にできません: {reason}", got=f'"{CONFIRMED}"',
            hint=f"「{PARTLY}」にしてください。すべての数値と判断に引用があり jirei audit が通るときだけ「{CONFIRMED}」にできます",
        )  # fmt: skip


EVIDENCE_RULES: tuple[Rule, ...] = (
    rule_quote_mismatch,
    rule_evidence_missing,
    rule_judgement_unsupported,
    rule_quote_not_verbatim,
    *SOURCE_RULES,
    rule_review_overclaimed,
)
