"""Rules on values of the wrong shape (which the schema reports): the rule skips them instead of
failing, and sees every item after them. Each rule is called directly on a small loaded file."""

from __future__ import annotations

from jirei.cases.loader import load_yaml_text
from jirei.cases.rule_base import RuleContext
from jirei.cases.rules import (
    rule_former_ids,
    rule_members,
    rule_no_markup,
    rule_rates,
    rule_related,
    rule_sources,
)
from jirei.cases.vocabulary import load_vocabulary
from jirei.cases.yaml_values import LoadedYaml
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY

CONTEXT = RuleContext(
    reference=load_reference(DATA / "reference"),
    vocabulary=load_vocabulary(),
    known_ids=frozenset({"992011-test-shinsei", "992011-test-other"}),
    today=TODAY,
)


def _loaded(text: str) -> LoadedYaml:
    loaded, problems = load_yaml_text(text.encode(), "cases/992011-test-shinsei.yml")
    assert problems == [] and loaded is not None
    return loaded


def test_a_former_id_that_is_not_a_string_is_left_to_the_schema() -> None:
    loaded = _loaded("id: 992011-test-shinsei\nformer_ids: [992011, 992011-test-shinsei]\n")
    found = [(p.rule, p.key_path, p.got) for p in rule_former_ids(loaded, CONTEXT)]
    assert found == [("former-id", "former_ids[1]", '"992011-test-shinsei"')]


def test_two_members_with_the_same_code_name_the_first_of_them() -> None:
    loaded = _loaded(
        "municipality: {code: '992011', name: テスト市, prefecture: テスト県, category: 市}\n"
        "members:\n"
        "  - {code: '992020', name: 試験市, prefecture: テスト県, category: 市}\n"
        "  - {code: '992020', name: 試験市, prefecture: テスト県, category: 市}\n"
    )
    found = [(p.rule, p.key_path, p.message) for p in rule_members(loaded, CONTEXT)]
    assert found == [("member-duplicate", "members[1].code", "この団体は members[0] と重なっています")]


def test_evidence_items_without_a_source_string_are_left_to_the_schema() -> None:
    loaded = _loaded(
        "sources:\n  - {id: S1, url: 'https://example.com/'}\n"
        "period:\n"
        "  evidence:\n    - quote: 出典のない引用\n    - テスト\n    - {source: 1}\n    - {source: S2}\n"
        "  sources: [S1]\n"
    )
    found = [(p.rule, p.key_path) for p in rule_sources(loaded, CONTEXT)]
    assert found == [("evidence-source", "period.evidence[3].source")]


def test_a_percent_value_that_is_not_a_number_is_left_to_the_schema() -> None:
    loaded = _loaded("outcomes:\n  - {unit: '%', value: 多い}\n  - {unit: '%', value: 101}\n")
    found = [(p.rule, p.key_path, p.got) for p in rule_rates(loaded, CONTEXT)]
    assert found == [("rate-range", "outcomes[1].value", "101")]


def test_adopter_codes_of_the_wrong_shape_are_left_to_the_schema() -> None:
    loaded = _loaded(
        "id: 992011-test-shinsei\n"
        "adopters:\n  - {name: テスト町}\n  - {code: '99201'}\n  - {code: 992011}\n  - {code: '999999'}\n"
    )
    found = [(p.rule, p.key_path, p.got) for p in rule_related(loaded, CONTEXT)]
    assert found == [("adopter", "adopters[3].code", '"999999"')]


def test_text_after_a_url_is_still_checked_for_markup() -> None:
    loaded = _loaded("sources:\n  - url: 'https://example.com/<b>'\n    title: テスト<b>市</b>\n")
    found = [(p.rule, p.key_path, p.got) for p in rule_no_markup(loaded, CONTEXT)]
    assert found == [("html", "sources[0].title", '"<b>"')]
