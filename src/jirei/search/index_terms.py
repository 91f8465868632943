"""What the index adds to a page before Pagefind reads it: dictionary keys and the section filter.

A page that says オンライン申請 (or 電子申請) gets the key of the 電子申請 group of
data/search/synonyms.yml, an ASCII word such as ``jireiwordab`` (:func:`group_key`), and the
key of the word itself (``jireialiasaab``, :func:`alias_key`), so a query that search.js
reads as that group finds every such page with one lookup instead of one per alias. Keys
are ASCII because Pagefind splits Japanese twice (Lindera here, Intl.Segmenter in the
browser) and the two disagree on hiragana (おくやみ窓口 is found by neither half of the
other's split); ASCII is split the same way by both, and all keys fall in one index chunk,
so a query downloads one chunk for all its dictionary words. A key is repeated once per
occurrence of its words (up to ``MAX_REPEAT``) and ``TITLE_BONUS`` more times when the title
has one, so that Pagefind's score ranks the pages that use the words most first. The keys
go only into the index (the HTML on disk is not changed), hidden at the end of the article.

Every page also gets a Pagefind filter ``section``: ``guide`` for pages about using and
contributing to the site (項目一覧, エラーの読み方, …), ``content`` for the rest. search.js
asks for ``content`` by default and shows ``guide`` behind 「サイトの使い方」.
"""

from __future__ import annotations

from collections.abc import Iterable

from jirei.search.article_text import ArticleText, article_text, normalize
from jirei.search.dictionary import SearchDictionary

# Top-level folders of the built site whose pages are about the site itself, not cases.
GUIDE_SECTIONS = frozenset({"contributing", "about", "data", "search", "schema"})
GUIDE, CONTENT = "guide", "content"
KEY_PREFIX = "jireiword"
ALIAS_PREFIX = "jireialias"
MAX_REPEAT = 5
TITLE_BONUS = 5
_ARTICLE_END = "</article>"


def _kind(char: str) -> str:
    """Script class used for word edges: katakana and Latin letters join into longer words."""
    if "\u30a0" <= char <= "\u30ff":
        return "katakana"
    if char.isascii() and char.isalnum():
        return "latin"
    return "other"


def count_word(text: str, word: str) -> int:
    """How often ``word`` occurs in ``text`` where, if it starts or ends in katakana or Latin
    letters, it is not part of a longer run of the same script (ライン is not in オンライン)."""
    count = 0
    head, tail = _kind(word[0]), _kind(word[-1])
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        joined_before = start > 0 and head != "other" and _kind(text[start - 1]) == head
        joined_after = end < len(text) and tail != "other" and _kind(text[end]) == tail
        if not joined_before and not joined_after:
            count += 1
        start = text.find(word, start + 1)
    return count


def _letters(index: int, width: int) -> str:
    if not 0 <= index < 26**width:
        raise ValueError(f"key index {index} out of range")
    return "".join(chr(ord("a") + index // 26**power % 26) for power in reversed(range(width)))


def group_key(index: int) -> str:
    """The index word of the ``index``-th group: jireiword + two letters (all keys of a kind have
    the same length, so that Pagefind's prefix matching never takes one key for another)."""
    return KEY_PREFIX + _letters(index, 2)


def alias_key(index: int) -> str:
    """The index word of the ``index``-th word, counted over the term and aliases of all groups
    (query-only aliases left out): jireialias + three letters."""
    return ALIAS_PREFIX + _letters(index, 3)


def _weight(article: ArticleText, words: Iterable[str]) -> int:
    forms = [normalize(word) for word in words]
    count = sum(count_word(article.text, form) for form in forms)
    if not count:
        return 0
    titled = any(count_word(article.title, form) for form in forms)
    return min(count, MAX_REPEAT) + (TITLE_BONUS if titled else 0)


def added_keys(article: ArticleText, dictionary: SearchDictionary) -> list[str]:
    """The keys of the groups whose term or aliases (not query-only) occur in the article and
    of each such word (the term too), each repeated as often as :func:`_weight` says."""
    keys: list[str] = []
    aliases = 0
    for index, group in enumerate(dictionary.groups):
        keys += [group_key(index)] * _weight(article, (group.term, *group.aliases))
        for word in (group.term, *group.aliases):
            keys += [alias_key(aliases)] * _weight(article, (word,))
            aliases += 1
    return keys


def section_of(url: str) -> str:
    """``guide`` for pages under GUIDE_SECTIONS (by the first folder of the site-root URL)."""
    first = url.strip("/").split("/", 1)[0]
    return GUIDE if first in GUIDE_SECTIONS else CONTENT


def _extra(keys: Iterable[str], section: str) -> str:
    words = " ".join(keys)
    hidden = f"<div hidden data-jirei-search-terms>{words}</div>" if words else ""
    return f'<span data-pagefind-filter="section:{section}"></span>{hidden}'


def augment(page_html: str, url: str, dictionary: SearchDictionary) -> str:
    """The page as given to Pagefind: the dictionary keys and the section filter at the end of the article."""
    cut = page_html.rfind(_ARTICLE_END)
    if cut < 0:
        return page_html
    keys = added_keys(article_text(page_html[:cut]), dictionary)
    return page_html[:cut] + _extra(keys, section_of(url)) + page_html[cut:]
