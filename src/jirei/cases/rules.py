"""Rules a JSON Schema cannot express. Each rule is a small generator of problems.

Rules read the raw data defensively (a file with schema errors still gets every
rule problem that can be found), and point at the value a contributor must edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from jirei.cases.dates import parse_partial_date, review_overdue
from jirei.cases.evidence_rules import EVIDENCE_RULES
from jirei.cases.rule_base import Rule, RuleContext, problem_at, walk_strings
from jirei.cases.rule_base import get as _get
from jirei.cases.rule_base import items as _items
from jirei.cases.suggest import did_you_mean
from jirei.cases.vocabulary import VOCABULARY_FIELDS
from jirei.cases.yaml_values import KeyPath, LoadedYaml
from jirei.problems import Problem, Severity
from jirei.reference.codes import check_digit, is_valid_code

__all__ = ["RULES", "Rule", "RuleContext", "problem_at", "rule_problems", "values_at", "walk_strings"]

ID_PATTERN = re.compile(r"[0-9]{6}-[a-z0-9]+(-[a-z0-9]+)*")
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
UNSAFE_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file)\s*:", re.IGNORECASE)


# --- identity ---------------------------------------------------------------------------------


def rule_id_filename(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    case_id = _get(loaded.data, "id")
    stem = PurePath(loaded.path).stem
    if isinstance(case_id, str) and ID_PATTERN.fullmatch(case_id) and case_id != stem:
        yield problem_at(
            loaded, ("id",), "id-filename", "id はファイル名（.yml を除く）と同じにしてください",
            got=f'"{case_id}"', hint=f"id を「{stem}」にするか、ファイル名を「{case_id}.yml」にしてください",
        )  # fmt: skip


def rule_id_code(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    case_id, code = _get(loaded.data, "id"), _get(loaded.data, "municipality", "code")
    if isinstance(case_id, str) and isinstance(code, str) and not case_id.startswith(code + "-"):
        yield problem_at(
            loaded, ("id",), "id-code", "id の先頭 6 桁は municipality.code と同じにしてください",
            got=f'"{case_id}"', hint=f"id を「{code}-…」で始めてください",
        )  # fmt: skip


def rule_former_ids(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    """A former id keeps an old URL alive: it must not be the URL of a current case."""
    own_id = _get(loaded.data, "id")
    for index, former in _items(loaded.data, "former_ids"):
        if not isinstance(former, str) or not ID_PATTERN.fullmatch(former):
            continue  # the schema reports the shape
        if former == own_id:
            yield problem_at(
                loaded, ("former_ids", index), "former-id", "現在の id は former_ids に書けません",
                got=f'"{former}"', hint="former_ids には改名する前の id だけを書いてください",
            )  # fmt: skip
        elif former in ctx.known_ids:
            yield problem_at(
                loaded, ("former_ids", index), "former-id", "この id は現在の事例で使われています",
                got=f'"{former}"', hint=f"cases/{former}.yml のページと同じ URL になるため転送できません。旧 id を確かめてください",
            )  # fmt: skip


# --- municipality -------------------------------------------------------------------------------


def _municipality_problems(loaded: LoadedYaml, ctx: RuleContext, base: KeyPath) -> Iterator[Problem]:
    """The code, name, prefecture and category of the municipality mapping at ``base``."""
    code = _get(loaded.data, *base, "code")
    if not isinstance(code, str) or not re.fullmatch(r"[0-9]{6}", code):
        return
    if not is_valid_code(code):
        expected = code[:5] + str(check_digit(code[:5]))
        yield problem_at(
            loaded, (*base, "code"), "code-check-digit", "団体コードの検査数字（6 桁目）が合いません",
            got=f'"{code}"', hint=f"5 桁目までが正しければ「{expected}」です。総務省の団体コード表で確かめてください",
        )  # fmt: skip
        return
    found = ctx.reference.by_code.get(code)
    if found is None:
        yield problem_at(
            loaded, (*base, "code"), "code-unknown", "この団体コードは団体コード一覧にありません",
            got=f'"{code}"', hint="data/reference/municipalities.csv で団体名から正しいコードを探してください",
        )  # fmt: skip
        return
    for key in ("name", "prefecture", "category"):
        value = _get(loaded.data, *base, key)
        expected = getattr(found, key)
        if isinstance(value, str) and value != expected:
            yield problem_at(
                loaded, (*base, key), "code-mismatch",
                f"団体コード {code} の{_LABELS[key]}は「{expected}」です",
                got=f'"{value}"', hint=f"「{expected}」に直すか、団体コードを確かめてください",
            )  # fmt: skip


def rule_municipality(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    yield from _municipality_problems(loaded, ctx, ("municipality",))


def rule_members(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    """Each member of a joint initiative is a real municipality, named once, and not the lead."""
    seen = {_get(loaded.data, "municipality", "code"): "municipality"}
    for index, _member in _items(loaded.data, "members"):
        yield from _municipality_problems(loaded, ctx, ("members", index))
        code = _get(loaded.data, "members", index, "code")
        if not isinstance(code, str):
            continue
        if code in seen:
            yield problem_at(
                loaded, ("members", index, "code"), "member-duplicate",
                f"この団体は {seen[code]} と重なっています", got=f'"{code}"',
                hint="members には、代表の団体（municipality）以外の団体を 1 回ずつ書いてください",
            )  # fmt: skip
        seen.setdefault(code, f"members[{index}]")


_LABELS = {"name": "団体名", "prefecture": "都道府県名", "category": "団体区分"}


# --- vocabulary ------------------------------------------------------------------------------


def values_at(data: Any, field_path: str, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Every value at a field path such as ``measures[].kind`` ([] = each item of a list)."""
    head, _, rest = field_path.partition(".")
    name, every = head.removesuffix("[]"), head.endswith("[]")
    value = _get(data, name)
    targets = (
        enumerate(value) if every and isinstance(value, list) else ([(None, value)] if not every else [])
    )
    for index, item in targets:
        item_path = (*path, name) if index is None else (*path, name, index)
        if rest:
            yield from values_at(item, rest, item_path)
        elif item is not None:
            yield item_path, item


def rule_vocabulary(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for field_path, section in VOCABULARY_FIELDS.items():
        terms: Mapping[str, str] = getattr(ctx.vocabulary, section)
        for path, value in values_at(loaded.data, field_path):
            if isinstance(value, str) and value not in terms:
                hint = did_you_mean(value, terms) or f"使える語: {'、'.join(terms)}"
                yield problem_at(
                    loaded, path, "vocab", f"data/vocabulary.yml の {section} にない語です",
                    got=f'"{value}"', hint=hint + "（新しい語が必要なら data/vocabulary.yml に説明付きで追加してください）",
                )  # fmt: skip


# --- sources -----------------------------------------------------------------------------------


def _source_refs(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and path != () and isinstance(value, list):
                for index, ref in enumerate(value):
                    if isinstance(ref, str):
                        yield (*path, key, index), ref
            elif key.endswith("evidence") and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, dict) and isinstance(item.get("source"), str):
                        yield (*path, key, index, "source"), item["source"]
            else:
                yield from _source_refs(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _source_refs(value, (*path, index))


def rule_sources(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    defined: dict[str, int] = {}
    for index, source in _items(loaded.data, "sources"):
        source_id = _get(source, "id")
        if not isinstance(source_id, str):
            continue
        if source_id in defined:
            yield problem_at(
                loaded, ("sources", index, "id"), "source-duplicate", "同じ出典 ID が 2 回定義されています",
                got=f'"{source_id}"', hint=f"sources[{defined[source_id]}] と違う ID にしてください",
            )  # fmt: skip
        defined.setdefault(source_id, index)
    used: set[str] = set()
    for path, ref in _source_refs(loaded.data):
        used.add(ref)
        if ref not in defined:
            hint = did_you_mean(ref, defined) or "sources に出典を追加し、その id をここに書いてください"
            rule, message = (  # a quote from a source that is not listed backs nothing
                ("evidence-source", "根拠（evidence）の出典 ID が sources にありません")
                if path[-1] == "source"
                else ("source-ref", "sources にない出典 ID です")
            )
            yield problem_at(loaded, path, rule, message, got=f'"{ref}"', hint=hint)
    for source_id, index in defined.items():
        if source_id not in used:
            yield problem_at(
                loaded, ("sources", index, "id"), "source-unused", "どこからも参照されていない出典です",
                got=f'"{source_id}"', hint="本文の項目の sources から参照するか、この出典を削除してください",
                severity=Severity.WARNING,
            )  # fmt: skip


def rule_urls(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for index, source in _items(loaded.data, "sources"):
        url = _get(source, "url")
        if not isinstance(url, str) or not re.match(r"https?://", url):
            continue  # the schema reports a missing or wrong scheme
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
            yield problem_at(
                loaded, ("sources", index, "url"), "url", "URL は http:// または https:// で始まる完全な形にしてください",
                got=f'"{url}"', hint="ブラウザのアドレス欄の URL をそのまま貼り付けてください（空白は入れない）",
            )  # fmt: skip


# --- text safety ---------------------------------------------------------------------------------


def rule_no_markup(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for path, text in walk_strings(loaded.data):
        if path and path[-1] == "url":
            continue
        tag = HTML_TAG.search(text)
        if tag:
            yield problem_at(
                loaded, path, "html", "HTML タグは書けません",
                got=f'"{tag.group(0)[:40]}"', hint="文字の < と > を使わずに書いてください。本文（description）では強調や箇条書きを Markdown で書けます",
            )  # fmt: skip
        for target in LINK_TARGET.findall(text):
            if UNSAFE_SCHEME.match(target):
                yield problem_at(
                    loaded, path, "unsafe-link", "この種類のリンクは書けません",
                    got=f'"{target[:40]}"', hint="リンク先は http:// または https:// の URL にしてください",
                )  # fmt: skip


# --- dates and numbers ------------------------------------------------------------------------------

_DATE_KEYS = frozenset({"start", "end", "as_of", "established", "date", "published", "accessed"})
_RECORD_KEYS = frozenset({"created", "last_reviewed"})


def _date_paths(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    for key_path, value in walk_strings(data, path):
        key = key_path[-1] if key_path else None
        if key in _DATE_KEYS or (key in _RECORD_KEYS and key_path[:1] == ("record",)):
            yield key_path, value


def rule_dates(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for path, text in _date_paths(loaded.data):
        if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", text):
            continue  # the schema reports the shape
        parsed = parse_partial_date(text)
        if parsed is None:
            yield problem_at(
                loaded, path, "date", "存在しない日付です", got=f'"{text}"',
                hint="月は 01〜12、日はその月にある日にしてください",
            )  # fmt: skip
        elif parsed > ctx.today:
            yield problem_at(
                loaded, path, "date-future", "未来の日付は書けません",
                got=f'"{text}"', hint=f"今日（{ctx.today.isoformat()}）までの日付にしてください",
            )  # fmt: skip
    start, end = _get(loaded.data, "period", "start"), _get(loaded.data, "period", "end")
    if isinstance(start, str) and isinstance(end, str):
        first, last = parse_partial_date(start), parse_partial_date(end)
        if first and last and last < first:
            yield problem_at(
                loaded, ("period", "end"), "period-order", "終了が開始より前になっています",
                got=f'"{end}"', hint=f"開始（{start}）以降の日付にしてください",
            )  # fmt: skip


def rule_review_overdue(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    reviewed = _get(loaded.data, "record", "last_reviewed")
    if isinstance(reviewed, str) and review_overdue(reviewed, ctx.today):
        yield problem_at(
            loaded, ("record", "last_reviewed"), "review-overdue",
            "最終確認日から 1 年以上たっています。サイトでは「要更新」と表示されます",
            got=f'"{reviewed}"',
            hint="出典を開き直して内容と数値を確かめ、last_reviewed を確認した日に更新してください",
            severity=Severity.WARNING,
        )  # fmt: skip


def rule_rates(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for index, outcome in _items(loaded.data, "outcomes"):
        value = _get(outcome, "value")
        if _get(outcome, "unit") != "%" or not isinstance(value, int | float) or isinstance(value, bool):
            continue
        if not 0 <= value <= 100:
            yield problem_at(
                loaded, ("outcomes", index, "value"), "rate-range", "率（%）は 0 から 100 の間にしてください",
                got=str(value), hint="100 を超える集計上の値は、値ではなく note に事情とともに書いてください",
            )  # fmt: skip


# --- links between cases ---------------------------------------------------------------------------


def rule_related(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    own_id = _get(loaded.data, "id")
    for index, related in _items(loaded.data, "related_cases"):
        if not isinstance(related, str):
            continue
        if related == own_id:
            yield problem_at(loaded, ("related_cases", index), "related-case", "自分自身は関連事例にできません",
                           got=f'"{related}"')  # fmt: skip
        elif related not in ctx.known_ids:
            hint = (
                did_you_mean(related, ctx.known_ids - {own_id}) or "cases/ にある事例の id を書いてください"
            )
            yield problem_at(loaded, ("related_cases", index), "related-case", "この id の事例はありません",
                           got=f'"{related}"', hint=hint)  # fmt: skip
    for index, adopter in _items(loaded.data, "adopters"):
        code = _get(adopter, "code")
        if isinstance(code, str) and re.fullmatch(r"[0-9]{6}", code) and code not in ctx.reference.by_code:
            yield problem_at(
                loaded, ("adopters", index, "code"), "adopter", "この団体コードは団体コード一覧にありません",
                got=f'"{code}"', hint="data/reference/municipalities.csv で団体名から正しいコードを探してください",
            )  # fmt: skip


RULES: tuple[Rule, ...] = (
    rule_id_filename,
    rule_id_code,
    rule_former_ids,
    rule_municipality,
    rule_members,
    rule_vocabulary,
    rule_sources,
    rule_urls,
    rule_no_markup,
    rule_dates,
    rule_review_overdue,
    rule_rates,
    rule_related,
    *EVIDENCE_RULES,
)


def rule_problems(loaded: LoadedYaml, ctx: RuleContext) -> Iterator[Problem]:
    for rule in RULES:
        yield from rule(loaded, ctx)
