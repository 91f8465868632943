"""Case pages show the evidence: quotes with locator and caveat for every figure, judgements
with their evidence or 不明, the 「根拠の確かさ」 box near the top, and the source kinds,
primary sources and notes. Read from the fixture site (tests/site/fixture_site.py)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from jirei.cases.model import Evidence
from jirei.reference.municipalities import load_reference
from jirei.site.pages.cases import render_case_pages
from jirei.site.rendering.jinja import make_environment, quote_text
from jirei.site.views.evidence import evidence_summary
from tests.cases.validation_helpers import DATA, TODAY
from tests.site.fixture_site import CAUTIONARY, JOINT, build_fixture_site
from tests.site.publish_helpers import fake_case


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("fixture-site"))


def _html(built: Path, case_id: str) -> str:
    return (built / "site" / "cases" / case_id / "index.html").read_text(encoding="utf-8")


def _row(html: str, label: str) -> str:
    """The table row whose first cell is ``label``."""
    match = re.search(rf"<tr><td>{label}</td>.*?</tr>", html, flags=re.S)
    assert match, label
    return match[0]


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("「コンビニでの交付は1,500件」", "コンビニでの交付は1,500件"),
        ("2020年7月に「書かない窓口」を導入", "2020年7月に『書かない窓口』を導入"),
        ("「書かない窓口」は北海道内に広がり", "『書かない窓口』は北海道内に広がり"),
        ("「書かない窓口」と「行かない窓口」", "『書かない窓口』と『行かない窓口』"),  # not one pair
        ("「", "『"),
    ],
)
def test_a_quote_loses_one_enclosing_pair_of_brackets_and_nests_the_rest(quote: str, shown: str) -> None:
    assert quote_text(quote) == shown


def test_each_figure_shows_its_quote_locator_and_caveat(built: Path) -> None:
    html = _html(built, JOINT)
    found = re.search(
        r'<ul class="jirei-evidence-list">\s*<li>コンビニでの交付件数 1,500件（2022年3月）: (.*?)</li>', html
    )
    assert found
    outcome = found[1]
    assert "「コンビニでの交付は1,500件」" in outcome  # the quote's own 「」 are not doubled
    assert "「「" not in html
    assert (
        '<strong class="jirei-caveat">要確認: 記事の日付が読み取れないため、時点は要確認。</strong>'
        in outcome
    )
    assert 'href="#fn:1"' in outcome  # the footnote to its source
    budget = _row(html, "予算")
    assert "「負担金は1,200万円」（議事録 3 頁）" in budget
    assert 'href="#fn:2"' in budget


def test_staff_procedures_and_dates_show_their_quotes(built: Path) -> None:
    html = _html(built, CAUTIONARY)
    assert re.search(
        r"人数</strong>: 2人（2022年4月 時点）<br><span class=\"jirei-evidence\">「担当は総務課の職員2人。」",
        html,
    )
    assert "「2022年4月から2023年3月まで試行した。」" in _row(html, "期間")
    assert "「4件の業務では効果が出なかった。」（報告書 p.5）" in html


def test_judgements_show_their_evidence_or_unknown(built: Path) -> None:
    joint = _html(built, JOINT)
    for label in ("主導", "進め方", "状況"):
        assert "不明（出典から分からない）" in _row(joint, label)
    valid = _html(built, "992011-test-shinsei")
    assert "「テスト課の職員の発案で始まった。」" in _row(valid, "主導")
    assert "「現場からのボトムアップで進めた。」" in _row(valid, "進め方")
    assert "「出張申請は現在も続けている。」" in _row(valid, "状況")


def test_the_evidence_box_comes_before_the_first_section_and_states_the_review_honestly(built: Path) -> None:
    joint = _html(built, JOINT)
    box = joint.index("根拠の確かさ：一部未確認")
    assert box < joint.index('<h2 id="概要"')
    assert "admonition warning jirei-evidence-box" in joint
    # the start date, the budget and the outcome: each quoted, as jirei audit counts them
    assert "その値を含む出典の引用がある数値・日付 <strong>3</strong> / 3 件" in joint
    assert "一次資料（公式・議会） <strong>0</strong> 件・そのほか（報道・事業者など） 2 件" in joint
    assert "要確認の注記: <strong>1</strong> 件" in joint
    assert "最終確認日: 2026年11月2日" in joint
    checked = _html(built, CAUTIONARY)
    assert "根拠の確かさ：確認済み" in checked
    assert "一次資料（公式・議会） <strong>1</strong> 件" in checked
    assert "要確認の注記" not in checked


def test_the_source_list_shows_kind_primary_source_and_note(built: Path) -> None:
    html = _html(built, JOINT)
    mirror = re.search(r'<li id="fn:2">.*?</li>', html, flags=re.S)
    assert mirror
    assert "（ミラー、2026年11月1日 閲覧）" in mirror[0]
    assert (
        '一次資料: <a href="https://example.com/kyodo/gikai">https://example.com/kyodo/gikai</a>' in mirror[0]
    )
    assert "注: 議会の会議録を転載したページ。一次資料は市議会の会議録。" in mirror[0]
    assert "（報道、" in html


def test_the_summary_counts_every_figure(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    # the period's start, the measure's start and the outcome's value
    assert evidence_summary(case).figures == 3
    empty = dataclasses.replace(case.outcomes[0], evidence=())
    summary = evidence_summary(dataclasses.replace(case, outcomes=(empty,)))
    assert (summary.figures, summary.quoted_figures) == (3, 2)


def test_markup_in_a_quote_or_caveat_is_escaped(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    evidence = Evidence(source="S1", quote="<b>50.5</b>%", locator="p.<i>3</i>", caveat="<script>x</script>")
    outcome = dataclasses.replace(case.outcomes[0], evidence=(evidence,))
    page = render_case_pages(
        [dataclasses.replace(case, outcomes=(outcome,))],
        make_environment(),
        reference=load_reference(DATA / "reference"),
        metrics=None,
        charts={},
        today=TODAY,
    )[f"cases/{case.id}.md"]
    assert "「&lt;b&gt;50.5&lt;/b&gt;%」（p.&lt;i&gt;3&lt;/i&gt;）" in page
    assert "要確認: &lt;script&gt;x&lt;/script&gt;" in page
    assert "<script>x" not in page
