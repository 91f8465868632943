"""MkDocs plugin ``jirei-compact-html``: drop indentation and blank lines from each page's HTML.

Material's templates indent every line of the header, navigation and footer; on a
municipality page that whitespace is about a tenth of the file, on every one of the
site's ~1,800 pages. Collapsing a run of line breaks and indentation into one line
break renders the same (it is still whitespace); ``<pre>``, ``<textarea>``,
``<script>`` and ``<style>`` are copied unchanged. Engines that skip plugins (Zensical)
just build larger pages.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.plugins import BasePlugin

_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_BREAK = re.compile(r"[ \t]*\n[ \t\r\n]*")  # not \s: a leading U+3000 in Japanese text is content


def compact_html(html: str) -> str:
    """``html`` with every line break + blank lines + indentation reduced to one line break."""
    parts = []
    position = 0
    for match in _VERBATIM.finditer(html):
        parts.append(_BREAK.sub("\n", html[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_BREAK.sub("\n", html[position:]))
    return "".join(parts)


class CompactHtmlPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    def on_post_page(self, output: str, /, **kwargs: Any) -> str:
        return compact_html(output)
