"""Joint initiatives appear under every member; cautionary cases (課題事例) are labelled and
filterable; the home page and /cases/ show coverage by prefecture. Read from the fixture
site (tests/site/fixture_site.py): テスト県試験市 leads a joint case with サンプル県サンプル市
and テスト県試作町; テスト県テスト村 has a 課題事例."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site.fixture_site import CAUTIONARY, JOINT, build_fixture_site

BADGE = '<span class="jirei-badge jirei-badge--caution">課題事例</span>'


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("fixture-site"))


def _html(built: Path, page: str) -> str:
    return (built / "site" / page / "index.html").read_text(encoding="utf-8")


def _section(html: str, heading: str) -> str:
    """The HTML from the <h2> ``heading`` to the next <h2>."""
    start = html.index(f'<h2 id="{heading}"')
    end = html.find("<h2", start + 1)
    return html[start : end if end > 0 else None]


@pytest.mark.parametrize("code", ["992020", "982016", "994014"])
def test_a_joint_case_is_on_every_members_municipality_page(built: Path, code: str) -> None:
    html = _html(built, f"municipalities/{code}")
    assert f'href="../../cases/{JOINT}/"' in html


def test_a_joint_case_is_not_on_other_municipality_pages(built: Path) -> None:
    assert JOINT not in _html(built, "municipalities/992011")


def test_a_joint_case_is_in_every_member_prefectures_index(built: Path) -> None:
    html = _html(built, "indexes/prefectures")
    for prefecture in ("サンプル県", "テスト県"):
        assert f"../../cases/{JOINT}/" in _section(html, prefecture), prefecture
    assert CAUTIONARY not in _section(html, "サンプル県")


def test_a_joint_case_page_names_every_member_with_the_lead_marked(built: Path) -> None:
    html = _html(built, f"cases/{JOINT}")
    row = re.search(r"<tr><td>団体（共同の取組）</td><td>(.*?)</td></tr>", html)
    assert row
    names = re.findall(r'<a href="../../municipalities/(\d+)/">(.*?)</a>', row[1])
    assert names == [
        ("992020", "テスト県試験市"),
        ("982016", "サンプル県サンプル市"),
        ("994014", "テスト県試作町"),
    ]
    assert row[1].index("<strong>代表</strong>") < row[1].index("サンプル県サンプル市")


def test_the_finder_files_a_joint_case_under_each_members_prefecture_and_category(built: Path) -> None:
    html = _html(built, "cases/finder")
    item = re.search(rf'<li data-pref="([^"]*)" data-category="([^"]*)"[^>]*><a href="../{JOINT}/"', html)
    assert item
    assert item[1].split("|") == ["99", "98"]
    assert item[2].split("|") == ["市", "町"]
    assert '<option value="98">サンプル県</option>' in html


def test_the_finder_has_a_case_kind_filter_and_items_carry_their_kind(built: Path) -> None:
    html = _html(built, "cases/finder")
    assert '<select id="finder-kind" name="kind">' in html
    assert '<option value="課題事例">課題事例</option>' in html
    item = re.search(rf'<li [^>]*data-kind="([^"]*)"[^>]*><a href="../{CAUTIONARY}/">.*?</li>', html)
    assert item
    assert item[1] == "課題事例"
    assert BADGE in item[0]


@pytest.mark.parametrize(
    "page",
    ["index.html", "cases/index.html", "indexes/prefectures/index.html", "municipalities/993816/index.html"],
)
def test_a_cautionary_case_is_labelled_in_lists(built: Path, page: str) -> None:
    html = (built / "site" / page).read_text(encoding="utf-8")
    line = next(line for line in html.splitlines() if f'{CAUTIONARY}/"' in line)
    assert BADGE in line
    assert all(BADGE not in line for line in html.splitlines() if f'{JOINT}/"' in line)


def test_a_cautionary_case_page_says_what_kind_of_case_it_is(built: Path) -> None:
    html = _html(built, f"cases/{CAUTIONARY}")
    assert html.index(BADGE) < html.index("根拠の確かさ")
    assert "<tr><td>事例の種類</td><td>課題事例</td></tr>" in html
    assert "事例の種類" not in _html(built, f"cases/{JOINT}")


@pytest.mark.parametrize(
    ("page", "index"), [("", "indexes/prefectures/"), ("cases/", "../indexes/prefectures/")]
)
def test_home_and_cases_show_every_prefecture_with_its_case_count(built: Path, page: str, index: str) -> None:
    html = _html(built, page.rstrip("/") or ".")
    table = html[html.index('<div class="jirei-coverage"') :]
    table = table[: table.index("</table>")]
    assert '<th scope="col">地方</th>' in table
    counts = re.findall(
        r'<a class="jirei-coverage__pref[^"]*" href="([^"]+)">(.*?) <span[^>]*>(\d+)件</span></a>', table
    )
    assert counts == [(f"{index}#サンプル県", "サンプル県", "1"), (f"{index}#テスト県", "テスト県", "3")]
    assert "2 都道府県のうち <strong>2</strong> 都道府県に事例があります" in html
    prefectures = _html(built, "indexes/prefectures")
    assert '<h2 id="サンプル県"' in prefectures and '<h2 id="テスト県"' in prefectures


def test_the_home_page_counts_prefectures_members_and_cautionary_cases(built: Path) -> None:
    html = _html(built, ".")
    assert "3 件（2 都道府県の 5 団体、うち課題事例 1 件）" in html


def test_a_prefecture_without_cases_is_listed_and_muted(built: Path) -> None:
    """The prefecture index lists every prefecture, so every coverage link has its section."""
    from jirei.reference.municipalities import load_reference
    from jirei.site.views.coverage import coverage
    from tests.cases.validation_helpers import DATA

    result = coverage([], load_reference(DATA / "reference"), "index.md")
    assert [(p.name, p.cases) for region in result.regions for p in region.prefectures] == [
        ("サンプル県", 0),
        ("テスト県", 0),
    ]
    assert result.covered == 0
