"""The feed past its limit, dates where ``created`` is after ``last_reviewed``, ties, and the
escaping of the English title and summary — each against values worked out by hand."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from jirei.cases.model import Case
from jirei.site.outputs.feed import FEED_LIMIT, feed_xml
from tests.site.publish_helpers import fake_case, variant

A = "{http://www.w3.org/2005/Atom}"


def _dated(case: Case, case_id: str, created: str, reviewed: str) -> Case:
    return variant(case, id=case_id, record=variant(case.record, created=created, last_reviewed=reviewed))


def _entries(xml: str) -> list[ET.Element]:
    return ET.fromstring(xml.encode("utf-8")).findall(f"{A}entry")


def _ids(xml: str) -> list[str]:
    return [entry.findtext(f"{A}id", "").rsplit("/", 2)[-2] for entry in _entries(xml)]


def test_with_55_cases_the_default_feed_keeps_the_50_newest(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    # case n (1…55) was reviewed on day n after 2025-12-31 (2026-01-01 … 2026-02-24), given oldest first
    days = [f"2026-01-{n:02d}" for n in range(1, 32)] + [f"2026-02-{n:02d}" for n in range(1, 25)]
    cases = [_dated(case, f"992011-test-{n:02d}", "2025-01-01", day) for n, day in enumerate(days, start=1)]
    assert FEED_LIMIT == 50
    ids = _ids(feed_xml(cases))
    assert ids == [f"992011-test-{n:02d}" for n in range(55, 5, -1)]  # 55 down to 6; 1–5 left out
    assert _ids(feed_xml(list(reversed(cases)))) == ids  # the input order does not matter


def test_created_after_last_reviewed_dates_the_entry_by_created(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    late = _dated(case, "992011-test-late", created="2026-03-01", reviewed="2026-01-15")
    middle = _dated(case, "992011-test-middle", created="2025-06-01", reviewed="2026-02-01")
    xml = feed_xml([middle, late])
    assert _ids(xml) == ["992011-test-late", "992011-test-middle"]  # 2026-03-01 is after 2026-02-01
    entry = _entries(xml)[0]
    assert entry.findtext(f"{A}published") == "2026-03-01T00:00:00+09:00"
    assert entry.findtext(f"{A}updated") == "2026-03-01T00:00:00+09:00"
    assert _entries(xml)[1].findtext(f"{A}updated") == "2026-02-01T00:00:00+09:00"
    assert ET.fromstring(xml.encode()).findtext(f"{A}updated") == "2026-03-01T00:00:00+09:00"


def test_cases_updated_the_same_day_are_ordered_by_id_from_z_to_a(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    cases = [_dated(case, f"992011-test-{name}", "2025-01-01", "2026-01-10") for name in ("b", "c", "a")]
    assert _ids(feed_xml(cases)) == ["992011-test-c", "992011-test-b", "992011-test-a"]
    assert _ids(feed_xml(cases, limit=2)) == ["992011-test-c", "992011-test-b"]


def test_an_empty_feed_is_still_dated() -> None:
    root = ET.fromstring(feed_xml([]).encode())
    assert root.findall(f"{A}entry") == []
    assert root.findtext(f"{A}updated") == "2000-01-01T00:00:00+09:00"


def test_english_title_and_summary_are_escaped_in_the_content(tmp_path: Path) -> None:
    case = variant(fake_case(tmp_path), title_en="A & B <i>x</i>", summary_en='Say "1 < 2" & go')
    content = _entries(feed_xml([case]))[0].find(f"{A}content")
    assert content is not None
    assert content.text == (
        "<p>テスト市が出張申請を行ったという、テストのためだけの架空の事例。</p>"
        '<p lang="en"><strong>A &amp; B &lt;i&gt;x&lt;/i&gt;</strong><br>Say &quot;1 &lt; 2&quot; &amp; go</p>'
    )


def test_an_english_summary_without_a_title_and_a_title_without_a_summary(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    only_summary = variant(case, title_en=None, summary_en="Only <this>.")
    only_title = variant(case, id="992011-test-title", title_en="Only & title", summary_en=None)
    summary = "<p>テスト市が出張申請を行ったという、テストのためだけの架空の事例。</p>"
    contents = {
        entry.findtext(f"{A}id", "").rsplit("/", 2)[-2]: entry.findtext(f"{A}content")
        for entry in _entries(feed_xml([only_summary, only_title]))
    }
    assert contents == {
        "992011-test-shinsei": summary + '<p lang="en">Only &lt;this&gt;.</p>',
        "992011-test-title": summary + '<p lang="en"><strong>Only &amp; title</strong></p>',
    }


def test_each_theme_is_a_category_and_the_summary_is_plain_text(tmp_path: Path) -> None:
    case = variant(fake_case(tmp_path), themes=("出張申請", "書かない窓口"), summary="1 < 2 & 3")
    entry = _entries(feed_xml([case]))[0]
    assert [c.get("term") for c in entry.findall(f"{A}category")] == ["出張申請", "書かない窓口"]
    assert entry.findtext(f"{A}summary") == "1 < 2 & 3"
    assert entry.find(f"{A}link[@rel='alternate']").get("type") == "text/html"  # type: ignore[union-attr]


def test_the_whole_feed_of_one_case(tmp_path: Path) -> None:
    case = variant(
        _dated(fake_case(tmp_path), "992011-test-shinsei", "2026-01-02", "2026-01-03"),
        title="テスト市の出張申請",
        summary="概要",
        title_en=None,
        summary_en=None,
        themes=("出張申請",),
    )
    site = "https://jirei-project.github.io/jirei/"
    assert feed_xml([case]) == (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">\n'
        f"  <id>{site}</id>\n"
        "  <title>jirei 自治体DX事例集（新しい事例・更新された事例）</title>\n"
        "  <subtitle>マイナンバーカードの普及と行政手続のオンライン化に取り組んだ自治体の事例</subtitle>\n"
        f'  <link rel="self" type="application/atom+xml" href="{site}feed.xml" />\n'
        f'  <link rel="alternate" type="text/html" href="{site}" />\n'
        "  <updated>2026-01-03T00:00:00+09:00</updated>\n"
        "  <author>\n"
        "    <name>jirei 自治体DX事例集</name>\n"
        f"    <uri>{site}</uri>\n"
        "  </author>\n"
        "  <rights>事例の文章は CC BY 4.0</rights>\n"
        "  <entry>\n"
        f"    <id>{site}cases/992011-test-shinsei/</id>\n"
        "    <title>テスト市の出張申請</title>\n"
        f'    <link rel="alternate" type="text/html" href="{site}cases/992011-test-shinsei/" />\n'
        "    <published>2026-01-02T00:00:00+09:00</published>\n"
        "    <updated>2026-01-03T00:00:00+09:00</updated>\n"
        "    <summary>概要</summary>\n"
        '    <content type="html">&lt;p&gt;概要&lt;/p&gt;</content>\n'
        '    <category term="出張申請" />\n'
        "  </entry>\n"
        "</feed>\n"
    )
