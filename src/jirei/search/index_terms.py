"""What the index adds to a page before Pagefind reads it: dictionary terms and the section filter.

A page that says オンライン申請 gets the word 電子申請 (the term of its synonym group in
data/search/synonyms.yml), so a query that search.js rewrites to the term finds it with one
lookup instead of one per alias. The words go only into the index (the HTML on disk is not
changed) and at the end of the article, after the text an excerpt would normally show.

Every page also gets a Pagefind filter ``section``: ``guide`` for pages about using and
contributing to the site (項目一覧, エラーの読み方, …), ``content`` for the rest. search.js
asks for ``content`` by default and shows ``guide`` behind 「サイトの使い方」.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from jirei.search.dictionary import SearchDictionary

# Top-level folders of the built site whose pages are about the site itself, not cases.
GUIDE_SECTIONS = frozenset({"contributing", "about", "data", "search", "schema"})
GUIDE, CONTENT = "guide", "content"
_TAG = re.compile(r"<[^>]+>")
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


def page_text(page_html: str) -> str:
    return normalize(html.unescape(_TAG.sub(" ", page_html)))


def added_terms(text: str, dictionary: SearchDictionary) -> list[str]:
    """Terms of the groups whose aliases (not query-only) occur in normalized ``text``
    while the term itself does not."""
    terms = []
    for group in dictionary.groups:
        if contains_word(text, normalize(group.term)):
            continue
        if any(contains_word(text, normalize(alias)) for alias in group.aliases):
            terms.append(group.term)
    return terms


def section_of(url: str) -> str:
    """``guide`` for pages under GUIDE_SECTIONS (by the first folder of the site-root URL)."""
    first = url.strip("/").split("/", 1)[0]
    return GUIDE if first in GUIDE_SECTIONS else CONTENT


def _extra(terms: Iterable[str], section: str) -> str:
    words = " ".join(html.escape(term) for term in terms)
    hidden = f'<div hidden data-jirei-search-terms>{words}</div>' if words else ""
    return f'<span data-pagefind-filter="section:{section}"></span>{hidden}'


def augment(page_html: str, url: str, dictionary: SearchDictionary) -> str:
    """The page as given to Pagefind: the added terms and the section filter at the end of the article."""
    cut = page_html.rfind(_ARTICLE_END)
    if cut < 0:
        return page_html
    terms = added_terms(page_text(page_html[:cut]), dictionary)
    return page_html[:cut] + _extra(terms, section_of(url)) + page_html[cut:]
