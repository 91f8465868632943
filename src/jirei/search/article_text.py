"""The text of a built page as Pagefind indexes it: its article, without the parts marked
``data-pagefind-ignore`` (lists of other pages, data tables) and without svg, script, style.
Also the article's title (its h1), which the index keys weigh more."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SKIPPED = frozenset({"svg", "script", "style"})


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@dataclass(frozen=True)
class ArticleText:
    title: str  # normalized
    text: str  # normalized, title included


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._inside = 0  # depth inside <article>
        self._skip = 0  # depth inside a skipped element
        self._heading = 0  # depth inside the article's h1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if tag == "article":
            self._inside += 1
        if self._skip or tag in _SKIPPED or any(name == "data-pagefind-ignore" for name, _ in attrs):
            self._skip += 1
        if self._heading or (tag == "h1" and self._inside):
            self._heading += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._skip:
            self._skip -= 1
        if self._heading:
            self._heading -= 1
        if tag == "article" and self._inside:
            self._inside -= 1

    def handle_data(self, data: str) -> None:
        if self._inside and not self._skip:
            self.parts.append(data)
            if self._heading:
                self.title.append(data)


def article_text(page_html: str) -> ArticleText:
    parser = _Parser()
    parser.feed(page_html)
    parser.close()
    return ArticleText(normalize("".join(parser.title)), normalize(" ".join(parser.parts)))
