"""Python-Markdown extension ``jirei.site.verbatim_html``: pass marked HTML blocks through untouched.

The generator wraps its own finished HTML (SVG charts, data tables) between
``<!-- jirei:html -->`` and ``<!-- /jirei:html -->`` lines (the ``verbatim`` Jinja filter).
Without this extension that is ordinary raw HTML in Markdown and renders the same; with
it, the block goes straight into Python-Markdown's HTML stash, so neither MkDocs' anchor
scanner nor ``md_in_html`` feeds it through Python's HTMLParser, and its table cells skip
the inline patterns. On the metrics pages that parsing was most of ``mkdocs build``'s time.

Ids inside a verbatim block are not seen by MkDocs' anchor validation: link only to
headings, not into these blocks.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

START = "<!-- jirei:html -->"
END = "<!-- /jirei:html -->"


def verbatim(block: str) -> Markup:
    """Jinja filter: mark trusted, finished HTML (not user text) to be passed through as is."""
    return Markup(f"{START}\n{block.strip()}\n{END}")  # generator-made HTML only


class _StashMarkedBlocks(Preprocessor):  # type: ignore[misc]
    def run(self, lines: list[str]) -> list[str]:
        result: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None and line == START:
                block = []
            elif block is None:
                result.append(line)
            elif line == END:
                result += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:  # no end marker: leave the lines to the usual raw-HTML handling
            result += [START, *block]
        return result


class VerbatimHtmlExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # Before MkDocs' raw-HTML scan (21) and the raw HTML / md_in_html block parser (20).
        md.preprocessors.register(_StashMarkedBlocks(md), "jirei_verbatim_html", 25)


def makeExtension(**kwargs: Any) -> VerbatimHtmlExtension:  # noqa: N802 (Python-Markdown's API)
    return VerbatimHtmlExtension(**kwargs)
