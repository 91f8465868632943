"""Every rule id is documented, and every documented id is still used."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from jirei.problems import Problem
from jirei.rule_catalog import RULE_CATALOG
from jirei.site.pages.errors import render_errors_page
from jirei.site.rendering.jinja import make_environment
from tests.repo import REPO_ROOT

SOURCES = "\n".join(
    path.read_text(encoding="utf-8")
    for path in (REPO_ROOT / "src" / "jirei").rglob("*.py")
    if path.name not in ("rule_catalog.py", "data_rule_catalog.py")
)


def test_a_problem_with_an_undocumented_rule_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="not documented"):
        Problem(path="テスト.yml", rule="no-such-rule", message="テスト")


@pytest.mark.parametrize("rule_id", sorted(RULE_CATALOG))
def test_documented_rule_is_used_in_the_code(rule_id: str) -> None:
    assert re.search(rf"[\"']{re.escape(rule_id)}[\"']", SOURCES), (
        f"{rule_id} is documented but never emitted"
    )


def test_errors_page_lists_every_rule_with_its_fix() -> None:
    page = render_errors_page(make_environment())
    for rule_id, doc in RULE_CATALOG.items():
        assert f"| `{rule_id}` | {escape(doc.meaning)} | {escape(doc.fix)} |" in page
