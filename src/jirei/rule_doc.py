"""What a rule's documentation holds, the areas the errors page groups rules by, and the
helper both rule tables (jirei.rule_catalog, jirei.data_rule_catalog) are written with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleDoc:
    area: str
    meaning: str
    fix: str


FILE = "ファイルと YAML の書き方"
SCHEMA = "項目の形式（スキーマ）"
CONTENT = "事例の内容"
METRICS = "交付状況データの取り込みと検査"
LATER = "新しい数値（全国の月次・報道による値）と自動取得"
MAINTAINER = "メンテナー向け"


def rules(area: str, **entries: tuple[str, str]) -> dict[str, RuleDoc]:
    return {name.replace("_", "-"): RuleDoc(area, meaning, fix) for name, (meaning, fix) in entries.items()}
