"""The Atom feed: parses as Atom, required elements per entry, dates from the records, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from jirei.site.outputs.feed import FEED_LIMIT, feed_xml
from tests.site.publish_helpers import fake_case, real_cases, variant

A = "{http://www.w3.org/2005/Atom}"


def _parse(xml: str) -> ET.Element:
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == f"{A}feed"
    return root


def test_the_real_feed_is_atom_with_id_title_updated_and_a_link_per_entry() -> None:
    root = _parse(feed_xml(real_cases()))
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{tag}") is not None, tag
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://jirei-project.github.io/jirei/feed.xml"  # type: ignore[union-attr]
    entries = root.findall(f"{A}entry")
    assert len(entries) == min(len(real_cases()), FEED_LIMIT)
    for entry in entries:
        for tag in ("id", "title", "updated", "published", "summary"):
            element = entry.find(f"{A}{tag}")
            assert element is not None and element.text, tag
        link = entry.find(f"{A}link[@rel='alternate']")
        assert link is not None and link.get("href") == entry.findtext(f"{A}id")
        assert entry.findtext(f"{A}id", "").startswith("https://jirei-project.github.io/jirei/cases/")


def test_entries_are_dated_from_the_record_newest_update_first(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    old = variant(
        case,
        id="992011-test-old",
        record=variant(case.record, created="2025-01-10", last_reviewed="2025-02-01"),
    )
    new = variant(case, record=variant(case.record, created="2024-05-01", last_reviewed="2026-03-15"))
    root = _parse(feed_xml([old, new]))
    entries = root.findall(f"{A}entry")
    assert [entry.findtext(f"{A}id") for entry in entries] == [
        "https://jirei-project.github.io/jirei/cases/992011-test-shinsei/",
        "https://jirei-project.github.io/jirei/cases/992011-test-old/",
    ]
    assert entries[0].findtext(f"{A}updated") == "2026-03-15T00:00:00+09:00"
    assert entries[0].findtext(f"{A}published") == "2024-05-01T00:00:00+09:00"
    assert root.findtext(f"{A}updated") == "2026-03-15T00:00:00+09:00"


def test_past_the_limit_the_feed_keeps_the_newest_updates(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    # reviewed on 2026-01-01 … 2026-01-05; with room for 3, the feed keeps the 5th, 4th and 3rd
    cases = [
        variant(case, id=f"992011-test-{day}", record=variant(case.record, last_reviewed=f"2026-01-0{day}"))
        for day in (3, 1, 5, 2, 4)
    ]
    entries = _parse(feed_xml(cases, limit=3)).findall(f"{A}entry")
    assert [entry.findtext(f"{A}id", "").rsplit("/", 2)[-2] for entry in entries] == [
        "992011-test-5",
        "992011-test-4",
        "992011-test-3",
    ]


def test_the_real_feed_is_capped_at_the_limit() -> None:
    assert len(real_cases()) > FEED_LIMIT  # the cap matters now: there are more cases than it
    assert len(_parse(feed_xml(real_cases())).findall(f"{A}entry")) == FEED_LIMIT


def test_the_feed_is_byte_identical_for_unchanged_cases() -> None:
    assert feed_xml(real_cases()) == feed_xml(list(reversed(real_cases())))


def test_english_title_and_summary_go_into_the_content(tmp_path: Path) -> None:
    root = _parse(feed_xml([fake_case(tmp_path)]))
    content = root.find(f"{A}entry/{A}content")
    assert content is not None and content.get("type") == "html"
    assert content.text == (
        "<p>テスト市が出張申請を行ったという、テストのためだけの架空の事例。</p>"
        '<p lang="en"><strong>Outreach applications in Test City (a fictitious case for tests)</strong><br>'
        "A fictitious case, only for tests, in which Test City took applications on site.</p>"
    )


def test_case_text_is_escaped_in_the_feed(tmp_path: Path) -> None:
    case = variant(fake_case(tmp_path), title="A & B <テスト>", summary_en=None, title_en=None)
    xml = feed_xml([case])
    assert "<title>A &amp; B &lt;テスト&gt;</title>" in xml
    assert _parse(xml).findtext(f"{A}entry/{A}title") == "A & B <テスト>"
