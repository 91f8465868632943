"""事例一覧 (/cases/) is a list, not a wide table: each case's title is the main line and its
団体・区分・期間・状況・主導・テーマ follow on a line below, with every link kept. Read from the
fixture site (tests/site/fixture_site.py)."""

from __future__ import annotations

import re

import pytest

from jirei.site.rendering.anchors import anchor
from tests.site.fixture_site import CAUTIONARY, JOINT, build_fixture_site


@pytest.fixture(scope="module")
def all_cases(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = build_fixture_site(tmp_path_factory.mktemp("fixture-site"))
    html = (root / "site" / "cases" / "index.html").read_text(encoding="utf-8")
    return html[html.index(f'<h2 id="{anchor("すべての事例")}"') :]


def _item(all_cases: str, case_id: str) -> str:
    found = re.search(rf'<li><a href="{case_id}/">.*?</li>', all_cases, re.S)
    assert found, case_id
    return found[0]


def test_the_cases_are_a_list_not_a_table(all_cases: str) -> None:
    assert "<table" not in all_cases
    assert all_cases.count('<span class="jirei-case-list__meta">') == 3
    assert len(re.findall(r'<li><a href="99\d{4}-[a-z-]+/">', all_cases)) == 3


def test_a_joint_case_links_every_member_and_names_its_facts(all_cases: str) -> None:
    item = _item(all_cases, JOINT)
    meta = item[item.index("jirei-case-list__meta") :]
    assert re.findall(r'href="../municipalities/(\d+)/"', meta) == ["992020", "982016", "994014"]
    for label in ("期間 ", "状況 ", "主導 ", "テーマ "):
        assert label in meta, label
    assert '<span class="jirei-nowrap">' in meta


def test_a_cautionary_case_keeps_its_badge_on_the_title_line(all_cases: str) -> None:
    item = _item(all_cases, CAUTIONARY)
    assert item.index("課題事例</span>") < item.index("jirei-case-list__meta")
