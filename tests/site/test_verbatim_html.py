from __future__ import annotations

import markdown

from jirei.site.verbatim_html import END, START, verbatim

TABLE = "<table>\n<tr><td>*テスト市*</td><td>1,000</td></tr>\n</table>"


def _render(text: str) -> str:
    return markdown.markdown(text, extensions=["jirei.site.verbatim_html", "md_in_html"])


def test_a_marked_block_is_passed_through_without_markdown_processing() -> None:
    html = _render(f"# 見出し\n\n{verbatim(TABLE)}\n\n*強調*\n")
    assert TABLE in html  # the asterisks stay: no inline Markdown inside the block
    assert "<em>強調</em>" in html and START not in html and END not in html


def test_the_same_block_renders_alike_without_the_extension() -> None:
    plain = markdown.markdown(f"{verbatim(TABLE)}\n", extensions=["md_in_html"])
    assert TABLE in plain  # ordinary raw HTML: engines without the extension show the same table


def test_an_unterminated_marker_is_left_to_the_usual_raw_html_handling() -> None:
    html = _render(f"{START}\n<div>テスト</div>\n\n段落\n")
    assert "<div>テスト</div>" in html and "<p>段落</p>" in html


def test_two_blocks_keep_their_order() -> None:
    html = _render(f"{verbatim('<div>一</div>')}\n\n間\n\n{verbatim('<div>二</div>')}\n")
    assert html.index("<div>一</div>") < html.index("<p>間</p>") < html.index("<div>二</div>")
