"""Python-Markdown extension ``jirei.site.plugins.verbatim_html``: pass marked HTML blocks through untouched.

The generator wraps its own finished HTML (SVG charts, data tables) between
``<!-- jirei:html -->`` and ``<!-- /jirei:html -->`` lines (the ``verbatim`` Jinja filter).
Without this extension that is ordinary raw HTML in Markdown and renders the same; with
it, the block goes straight into Python-Markdown's HTML stash, so neither MkDocs' anchor
scanner nor ``md_in_html`` feeds it through Python's HTMLParser, and its table cells skip
the inline patterns. On the metrics pages that parsing was most of ``mkdocs build``'s time.

Links and ids inside a verbatim block are not seen by MkDocs' link and anchor validation;
tests/site/test_site_links.py checks every link of the built site instead.

Blocks may nest (a page made of one block that includes partials with their own): only
the outermost markers count. A page whose headings are all bare ``<h1>``–``<h6>`` lines
inside blocks (the municipality and prefecture pages, one block each) has no Markdown
left to convert; the toc extension's own slugify, unique ids and permalink then give
those headings exactly the ids, ``¶`` links and table of contents that Markdown
headings would get (``_HeadingsInBlocks``).
"""

from __future__ import annotations

import html
import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import nest_toc_tokens, unique
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

START = "<!-- jirei:html -->"
END = "<!-- /jirei:html -->"


def verbatim(block: str) -> Markup:
    """Jinja filter: mark trusted, finished HTML (not user text) to be passed through as is."""
    return Markup(f"{START}\n{block.strip()}\n{END}")  # generator-made HTML only


class _StashMarkedBlocks(Preprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.stashed: list[int] = []  # this document's blocks, as indices into the HTML stash

    def run(self, lines: list[str]) -> list[str]:
        self.stashed = []
        result: list[str] = []
        block: list[str] = []
        depth = 0
        for line in lines:
            if line == START:
                depth += 1
            elif line == END and depth:
                depth -= 1
                if not depth:
                    self.stashed.append(self.md.htmlStash.html_counter)
                    result += ["", self.md.htmlStash.store("\n".join(block)), ""]
                    block = []
            elif depth:
                block.append(line)
            else:
                result.append(line)
        if depth:  # no end marker: leave the lines to the usual raw-HTML handling
            result += [START, *block]
        return result


_BARE_HEADING = re.compile(r"^<h([1-6])>([^<>]+)</h\1>$", re.MULTILINE)


class _HeadingsInBlocks(Treeprocessor):  # type: ignore[misc]
    """Ids, permalinks and table-of-contents entries for bare headings inside the blocks of a
    page without Markdown headings, made by the toc extension's own functions."""

    def __init__(self, md: Markdown, blocks: _StashMarkedBlocks) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, root: Element) -> None:
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None  # noqa: SIM401 (a Registry, no .get)
        if toc is None or getattr(self.md, "toc_tokens", None):
            return  # no toc extension, or Markdown headings: those pages keep Markdown's table of contents
        used: set[str] = set()
        counters: dict[str, int] = {}
        tokens: list[dict[str, Any]] = []

        def heading(match: re.Match[str]) -> str:
            level, text = int(match.group(1)), html.unescape(match.group(2))
            element = Element(f"h{level}", id=unique(toc.slugify(text, toc.sep), used, counters))
            element.text = text
            if toc.toc_top <= level <= toc.toc_bottom:
                name = str(escape(text))
                tokens.append(
                    {
                        "level": level,
                        "id": element.get("id"),
                        "name": name,
                        "html": name,
                        "data-toc-label": "",
                    }
                )
            if toc.use_permalinks not in (False, None):
                toc.add_permalink(element, element.get("id"))
            return str(self.md.serializer(element))

        stash = self.md.htmlStash.rawHtmlBlocks
        for index in self.blocks.stashed:
            stash[index] = _BARE_HEADING.sub(heading, stash[index])
        if tokens:
            self.md.toc_tokens = nest_toc_tokens(tokens)


class VerbatimHtmlExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        blocks = _StashMarkedBlocks(md)
        # Before MkDocs' raw-HTML scan (21) and the raw HTML / md_in_html block parser (20).
        md.preprocessors.register(blocks, "jirei_verbatim_html", 25)
        # After the toc extension (5), which leaves toc_tokens empty on a page without Markdown headings.
        md.treeprocessors.register(_HeadingsInBlocks(md, blocks), "jirei_verbatim_headings", 4)


def makeExtension(**kwargs: Any) -> VerbatimHtmlExtension:  # noqa: N802 (Python-Markdown's API)
    return VerbatimHtmlExtension(**kwargs)
