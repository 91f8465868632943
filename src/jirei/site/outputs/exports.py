"""Open data exports of the cases: ``data/cases.json`` and ``data/cases.csv``.

cases.json holds every case in the shape of its YAML file, so each entry is valid
against schema/case.schema.json. cases.csv is one flat row per case for
spreadsheets: UTF-8 with a BOM and CRLF line ends, because Excel on an office PC
reads a BOM-less UTF-8 CSV as Shift_JIS and shows mojibake. Lists are joined with
``LIST_SEPARATOR`` (the JSON keeps them lossless).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from jirei.cases.model import Case, Outcome
from jirei.paths import SITE_NAME, SITE_URL
from jirei.site.rendering.permalinks import case_url, municipality_url, site_url
from jirei.site.views.evidence import evidence_summary

CASES_JSON = "data/cases.json"
CASES_CSV = "data/cases.csv"
SCHEMA_URL = site_url("schema/case.schema.json")
LIST_SEPARATOR = "; "


def _plain(value: Any) -> Any:
    """Dataclasses → dicts without unset optional fields; tuples → lists; 139.0 → 139."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _plain(item)
            for field in dataclasses.fields(value)
            if (item := getattr(value, field.name)) is not None and item != ()
        }
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def case_record(case: Case) -> dict[str, Any]:
    """The case as its YAML file has it (valid against the schema)."""
    record: dict[str, Any] = _plain(case)
    return record


def cases_json(cases: Sequence[Case]) -> str:
    document = {
        "title": f"{SITE_NAME} 事例データ",
        "license": "CC-BY-4.0",
        "schema": SCHEMA_URL,
        "case_url": SITE_URL + "cases/{id}/",
        "cases": [case_record(case) for case in cases],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _outcome(outcome: Outcome) -> str:
    value = _plain(outcome.value)
    return f"{outcome.display_label} {value}{outcome.unit}（{outcome.as_of}）"


# column name → (Japanese description shown on the data page, value of a case)
CSV_COLUMNS: tuple[tuple[str, str, Callable[[Case], str]], ...] = (
    ("id", "事例 ID（<団体コード>-<略称>）", lambda c: c.id),
    ("url", "事例ページの固定 URL", lambda c: case_url(c.id)),
    ("title", "題名", lambda c: c.title),
    ("title_en", "英語の題名（ある事例のみ）", lambda c: c.title_en or ""),
    ("summary", "要約", lambda c: c.summary),
    ("summary_en", "英語の要約（ある事例のみ）", lambda c: c.summary_en or ""),
    ("municipality_code", "団体コード（6 桁、検査数字つき）", lambda c: c.municipality.code),
    ("municipality_name", "団体名", lambda c: c.municipality.name),
    ("prefecture", "都道府県名", lambda c: c.municipality.prefecture),
    ("category", "団体区分（特別区・政令指定都市・市・町・村）", lambda c: c.municipality.category),
    ("municipality_url", "団体の交付状況ページの URL", lambda c: municipality_url(c.municipality.code)),
    (
        "member_codes",
        "共同の取組で、代表の団体（municipality_code）とともに取り組んだほかの団体の団体コード",
        lambda c: _joined([m.code for m in c.members]),
    ),
    (
        "member_names",
        "共同の取組のほかの団体（都道府県名つき、member_codes と同じ順）",
        lambda c: _joined([f"{m.prefecture}{m.name}" for m in c.members]),
    ),
    ("case_kind", "事例の種類（取組事例・課題事例）", lambda c: c.case_kind),
    ("themes", "テーマ", lambda c: _joined(c.themes)),
    ("tags", "タグ", lambda c: _joined(c.tags)),
    ("period_start", "開始（YYYY、YYYY-MM または YYYY-MM-DD）", lambda c: c.period.start or ""),
    ("period_end", "終了（続いている場合は空）", lambda c: c.period.end or ""),
    ("status", "状況", lambda c: c.period.status),
    ("led_by", "主導した人・組織", lambda c: _joined(c.leadership.led_by)),
    ("approach", "進め方", lambda c: c.leadership.approach),
    ("measures", "施策名", lambda c: _joined([m.title for m in c.measures])),
    ("measure_kinds", "施策の種類", lambda c: _joined(sorted({m.kind for m in c.measures}))),
    ("success_factors", "成功要因", lambda c: _joined([f.factor for f in c.success_factors])),
    ("outcomes", "成果（指標 値単位（時点））", lambda c: _joined([_outcome(o) for o in c.outcomes])),
    ("source_urls", "出典の URL", lambda c: _joined([s.url for s in c.sources])),
    (
        "source_kinds",
        "出典の種類（公式・報道・事業者・議会・個人・事例集・研究・ミラー、source_urls と同じ順）",
        lambda c: _joined([s.kind for s in c.sources]),
    ),
    (
        "primary_source_urls",
        "出典の一次資料の URL（出典に primary_url があるものだけ）",
        lambda c: _joined([s.primary_url for s in c.sources if s.primary_url]),
    ),
    (
        "figures",
        "数値・日付（成果・比較の基準・順位・人数・手続数・予算・期間と施策の日付）の数（jirei audit と同じ数え方）",
        lambda c: str(evidence_summary(c).figures),
    ),
    (
        "figures_quoted",
        "そのうち、その値を含む出典の引用（根拠）がある数",
        lambda c: str(evidence_summary(c).quoted_figures),
    ),
    ("former_ids", "以前の事例 ID（旧 URL は転送されます）", lambda c: _joined(c.former_ids)),
    ("created", "作成日", lambda c: c.record.created),
    ("last_reviewed", "最終確認日", lambda c: c.record.last_reviewed),
    ("review_status", "確認の状況（確認済み・一部未確認など）", lambda c: c.record.review_status),
    ("license", "事例の文章のライセンス", lambda c: c.license),
)


def cases_csv(cases: Sequence[Case]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _description, _value in CSV_COLUMNS])
    for case in cases:
        writer.writerow([value(case) for _name, _description, value in CSV_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")
