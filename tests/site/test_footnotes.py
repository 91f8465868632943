"""Footnote references and backlinks of case pages (Python-Markdown's footnotes markup)."""

from __future__ import annotations

from jirei.site.views.footnotes import Footnotes


def _ref(ref_id: str, number: int) -> str:
    return f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn:{number}">{number}</a></sup>'


def _back(ref_id: str, number: int) -> str:
    return f'<a class="footnote-backref" href="#{ref_id}" title="Jump back to footnote {number} in the text">&#8617;</a>'


def test_references_are_counted_in_reading_order_and_each_is_linked_back() -> None:
    notes = Footnotes({"A": 1, "B": 2, "C": 3})
    html = notes.reference("B") + notes.reference("A") + notes.reference("B") + notes.reference("B")
    assert html == _ref("fnref:2", 2) + _ref("fnref:1", 1) + _ref("fnref2:2", 2) + _ref("fnref3:2", 2)
    assert notes.backrefs(1) == "&#160;" + _back("fnref:1", 1)
    assert notes.backrefs(2) == "&#160;" + _back("fnref:2", 2) + _back("fnref2:2", 2) + _back("fnref3:2", 2)


def test_a_source_nothing_refers_to_has_no_backlink() -> None:
    assert Footnotes({"A": 1}).backrefs(1) == ""
