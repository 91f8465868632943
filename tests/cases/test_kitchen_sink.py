"""One kitchen-sink fixture that breaks every case rule, with its whole ordered problem list."""

from __future__ import annotations

from pathlib import Path

from tests.cases.validation_helpers import DATA, validate_as_case

KITCHEN_SINK = DATA / "cases" / "kitchen-sink" / "992011-test-shinsei.yml"

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
    (16, "error", "period-order", "period.end"),
    (17, "error", "enum", "period.status"),
    (22, "error", "source-ref", "leadership.sources[0]"),
    (24, "error", "vocab", "measures[0].kind"),
    (30, "error", "rate-range", "outcomes[0].value"),
    (32, "error", "date", "outcomes[0].as_of"),
    (38, "error", "min-items", "challenges"),
    (41, "error", "related-case", "related_cases[1]"),
    (43, "error", "adopter", "adopters[0].code"),
    (47, "error", "url", "sources[0].url"),
    (50, "error", "date-future", "sources[0].accessed"),
    (52, "error", "source-duplicate", "sources[1].id"),
    (58, "warning", "source-unused", "sources[2].id"),
]


def test_kitchen_sink_reports_every_rule_in_order(tmp_path: Path) -> None:
    result = validate_as_case(KITCHEN_SINK, tmp_path / "cases")
    found = [(p.line, p.severity.value, p.rule, p.key_path) for p in result.problems]
    assert found == EXPECTED


def test_every_problem_has_a_japanese_message_and_a_column(tmp_path: Path) -> None:
    result = validate_as_case(KITCHEN_SINK, tmp_path / "cases")
    for problem in result.problems:
        assert problem.column is not None
        assert any("\u3040" <= char <= "\u9fff" for char in problem.message), problem
