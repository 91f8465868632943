"""What the index adds to a page before Pagefind reads it: dictionary keys and the section filter.

A page that says オンライン申請 (or 電子申請) gets the key of the 電子申請 group of
data/search/synonyms.yml, an ASCII word such as ``jireiwordab`` (:func:`group_key`), so a
query that search.js reads as that group finds every such page with one lookup instead of
one per alias. The key is ASCII because Pagefind splits Japanese twice (Lindera here,
Intl.Segmenter in the browser) and the two disagree on hiragana (おくやみ窓口 is found by
neither half of the other's split); ASCII is split the same way by both. The keys go only
into the index (the HTML on disk is not changed), hidden at the end of the article.

Every page also gets a Pagefind filter ``section``: ``guide`` for pages about using and
contributing to the site (項目一覧, エラーの読み方, …), ``content`` for the rest. search.js
asks for ``content`` by default and shows ``guide`` behind 「サイトの使い方」.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from html.parser import HTMLParser

from jirei.search.dictionary import SearchDictionary

# Top-level folders of the built site whose pages are about the site itself, not cases.
GUIDE_SECTIONS = frozenset({"contributing", "about", "data", "search", "schema"})
GUIDE, CONTENT = "guide", "content"
KEY_PREFIX = "jireiword"
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_SKIPPED = frozenset({"svg", "script", "style"})
_ARTICLE_END = "</article>"


def _kind(char: str) -> str:
    """Script class used for word edges: katakana and Latin letters join into longer words."""
    if "\u30a0" <= char <= "\u30ff":
        return "katakana"
    if char.isascii() and char.isalnum():
        return "latin"
    return "other"


def contains_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` and, where it starts or ends in katakana or Latin letters,
    not as part of a longer run of the same script (ライン is not in オンライン)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        head, tail = _kind(word[0]), _kind(word[-1])
        joined_before = start > 0 and head != "other" and _kind(text[start - 1]) == head
        joined_after = end < len(text) and tail != "other" and _kind(text[end]) == tail
        if not joined_before and not joined_after:
            return True
        start = text.find(word, start + 1)
    return False


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


class _ArticleText(HTMLParser):
    """The text Pagefind indexes: inside <article>, outside data-pagefind-ignore, svg, script, style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._inside = 0  # depth inside <article>
        self._skip = 0  # depth inside a skipped element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if tag == "article":
            self._inside += 1
        if self._skip or tag in _SKIPPED or any(name == "data-pagefind-ignore" for name, _ in attrs):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._skip:
            self._skip -= 1
        if tag == "article" and self._inside:
            self._inside -= 1

    def handle_data(self, data: str) -> None:
        if self._inside and not self._skip:
            self.parts.append(data)


def page_text(page_html: str) -> str:
    """The normalized text of the page's article as Pagefind would index it."""
    parser = _ArticleText()
    parser.feed(page_html)
    parser.close()
    return normalize(" ".join(parser.parts))


def group_key(index: int) -> str:
    """The index word of the ``index``-th group: jireiword + two letters (all the same length,
    so that Pagefind's prefix matching never takes one key for another)."""
    if not 0 <= index < 26 * 26:
        raise ValueError(f"group index {index} out of range")
    return KEY_PREFIX + chr(ord("a") + index // 26) + chr(ord("a") + index % 26)


def added_keys(text: str, dictionary: SearchDictionary) -> list[str]:
    """Keys of the groups whose term or aliases (not query-only) occur in normalized ``text``."""
    return [
        group_key(index)
        for index, group in enumerate(dictionary.groups)
        if any(contains_word(text, normalize(word)) for word in (group.term, *group.aliases))
    ]


def section_of(url: str) -> str:
    """``guide`` for pages under GUIDE_SECTIONS (by the first folder of the site-root URL)."""
    first = url.strip("/").split("/", 1)[0]
    return GUIDE if first in GUIDE_SECTIONS else CONTENT


def _extra(keys: Iterable[str], section: str) -> str:
    words = " ".join(keys)
    hidden = f'<div hidden data-jirei-search-terms>{words}</div>' if words else ""
    return f'<span data-pagefind-filter="section:{section}"></span>{hidden}'


def augment(page_html: str, url: str, dictionary: SearchDictionary) -> str:
    """The page as given to Pagefind: the dictionary keys and the section filter at the end of the article."""
    cut = page_html.rfind(_ARTICLE_END)
    if cut < 0:
        return page_html
    keys = added_keys(page_text(page_html[:cut]), dictionary)
    return page_html[:cut] + _extra(keys, section_of(url)) + page_html[cut:]
