"""One kitchen-sink fixture that breaks every case rule, with its whole ordered problem list."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from jirei.cases.validate import ValidationResult, validate_files
from jirei.metrics.store import MetricsData
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE, official_rates

KITCHEN_SINK = DATA / "cases" / "kitchen-sink" / "992011-test-shinsei.yml"
# the official 交付枚数率 of the fixture's (invalid) code 992012 on 2021-05-01
OFFICIAL = MetricsData(
    municipalities=tuple(
        dataclasses.replace(figure, key="992012")
        for figure in official_rates((date(2021, 5, 1), "30.0")).municipalities
    )
)

# (line, severity, rule, key path), in the order `jirei validate` prints them
EXPECTED = [
    (3, "error", "required", ""),
    (3, "error", "enum", "schema_version"),
    (4, "error", "id-code", "id"),
    (4, "error", "id-filename", "id"),
    (6, "error", "unknown-key", "summry"),
    (7, "error", "html", "description"),
    (7, "error", "unsafe-link", "description"),
    (9, "error", "code-check-digit", "municipality.code"),
    (13, "error", "vocab", "themes[0]"),
    (15, "error", "quote-mismatch", "period.start"),
    (16, "error", "period-order", "period.end"),
    (17, "warning", "status-stale", "period.status"),
    (25, "error", "judgement-unsupported", "leadership.led_by"),
    (28, "error", "source-ref", "leadership.sources[0]"),
    (30, "error", "vocab", "measures[0].kind"),
    (33, "error", "evidence-missing", "measures[0].start"),
    (37, "error", "rate-range", "outcomes[0].value"),
    (39, "error", "date", "outcomes[0].as_of"),
    (42, "warning", "quote-not-verbatim", "outcomes[0].evidence[0].quote"),
    (44, "error", "official-mismatch", "outcomes[1].value"),
    (48, "error", "evidence-source", "outcomes[1].evidence[0].source"),
    (54, "error", "min-items", "challenges"),
    (57, "error", "related-case", "related_cases[0]"),  # itself (the file's id is 992020-test-other)
    (57, "error", "related-case", "related_cases[1]"),
    (59, "error", "adopter", "adopters[0].code"),
    (63, "error", "url", "sources[0].url"),
    (66, "error", "date-future", "sources[0].accessed"),
    (68, "error", "source-duplicate", "sources[1].id"),
    (74, "warning", "source-unused", "sources[2].id"),
    (76, "error", "source-title-placeholder", "sources[2].title"),
    (79, "warning", "source-weak", "sources[2].kind"),
    (90, "error", "review-overclaimed", "record.review_status"),
]


def _validate(tmp_path: Path) -> ValidationResult:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / VALID_CASE.name).write_bytes(KITCHEN_SINK.read_bytes())
    reference = load_reference(DATA / "reference")
    return validate_files([folder], cases_dir=folder, reference=reference, metrics=OFFICIAL, today=TODAY)


def test_kitchen_sink_reports_every_rule_in_order(tmp_path: Path) -> None:
    found = [(p.line, p.severity.value, p.rule, p.key_path) for p in _validate(tmp_path).problems]
    assert found == EXPECTED


def test_both_related_case_branches_are_reached(tmp_path: Path) -> None:
    related = [
        (p.key_path, p.message, p.got) for p in _validate(tmp_path).problems if p.rule == "related-case"
    ]
    assert related == [
        ("related_cases[0]", "自分自身は関連事例にできません", '"992020-test-other"'),
        ("related_cases[1]", "この id の事例はありません", '"992011-test-nothing"'),
    ]


def test_every_problem_has_a_japanese_message_and_a_column(tmp_path: Path) -> None:
    for problem in _validate(tmp_path).problems:
        assert problem.column is not None
        assert any("\u3040" <= char <= "\u9fff" for char in problem.message), problem
