from __future__ import annotations

import markdown
from mkdocs.config import load_config

from jirei.site.plugins.verbatim_html import END, START, verbatim
from tests.repo import REPO_ROOT

TABLE = "<table>\n<tr><td>*テスト市*</td><td>1,000</td></tr>\n</table>"


def _render(text: str) -> str:
    return markdown.markdown(text, extensions=["jirei.site.plugins.verbatim_html", "md_in_html"])


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


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's own extensions and settings (mkdocs.yml)."""
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )


def test_nested_blocks_count_only_the_outermost_markers() -> None:
    inner = verbatim("<p>*内側*</p>")
    html = _render(f"{START}\n<div>\n{inner}\n<p>*外側*</p>\n</div>\n{END}\n")
    assert html == "<div>\n<p>*内側*</p>\n<p>*外側*</p>\n</div>"


def test_bare_headings_in_blocks_get_what_markdown_headings_get() -> None:
    body = "<p>テスト市の値。</p>"
    as_markdown = f"# テスト市の交付状況\n\n## 推移\n\n{verbatim(body)}\n\n## 推移\n\n## R&D の状況\n"
    in_blocks = verbatim(
        f"<h1>テスト市の交付状況</h1>\n<h2>推移</h2>\n{body}\n<h2>推移</h2>\n<h2>R&amp;D の状況</h2>"
    )
    expected, actual = _site_markdown(), _site_markdown()
    expected_html = expected.convert(as_markdown)
    actual_html = actual.convert(in_blocks)
    assert actual.toc_tokens == expected.toc_tokens  # ids (推移, 推移_1), names, nesting
    assert [t["id"] for t in actual.toc_tokens[0]["children"]] == ["推移", "推移_1", "rd-の状況"]
    assert actual_html.split("\n") == expected_html.split("\n")


def test_a_page_with_markdown_headings_keeps_them_as_the_table_of_contents() -> None:
    md = _site_markdown()
    html = md.convert(f"# テスト\n\n{verbatim('<h2>枠の中</h2>')}\n")
    assert [t["name"] for t in md.toc_tokens] == ["テスト"]
    assert "<h2>枠の中</h2>" in html  # left as written
