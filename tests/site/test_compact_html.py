from __future__ import annotations

from jirei.site.plugins.compact_html import compact_html


def test_indentation_and_blank_lines_become_one_line_break() -> None:
    html = "<nav>\n    <ul>\n\n\n      <li>テスト市</li>   \n    </ul>\n</nav>\n"
    assert compact_html(html) == "<nav>\n<ul>\n<li>テスト市</li>\n</ul>\n</nav>\n"


def test_pre_textarea_script_and_style_are_copied_unchanged() -> None:
    verbatim = [
        "<pre><code>def f():\n\n    return 1\n</code></pre>",
        "<textarea>\n  一行目\n\n  二行目</textarea>",
        "<script>\n  var a = 1;\n\n  var b = 2;\n</script>",
        "<STYLE>\n  p { color: red; }\n</STYLE>",
    ]
    html = "<div>\n    " + "\n    ".join(verbatim) + "\n</div>"
    assert compact_html(html) == "<div>\n" + "\n".join(verbatim) + "\n</div>"


def test_a_leading_ideographic_space_is_content() -> None:
    assert compact_html("<p>\n\u3000テスト市の取組</p>") == "<p>\n\u3000テスト市の取組</p>"


def test_text_within_a_line_is_untouched() -> None:
    html = "<p>テスト市  と  見本村</p>"
    assert compact_html(html) == html
