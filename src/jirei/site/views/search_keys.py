"""What a municipality or prefecture page shows so that search finds it: the reading in
hiragana and the names under which the statistics published it.

The reference list gives readings in katakana; readers type hiragana (かがし), and
Pagefind matches the text as written, so the page shows the hiragana form. There is
no list of former names in the repository; the published names (with the district,
e.g. 高岡郡檮原町 for 梼原町) are the other spellings the data holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from jirei.cases.vocabulary import Vocabulary, load_vocabulary
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.problems import JireiError, Problem
from jirei.reference.municipalities import Reference
from jirei.search.dictionary import SearchDictionary, Ward, load_dictionary
from jirei.search.index_terms import alias_key, group_key

PLACES_FILE = "data/places.json"

_KATAKANA = range(ord("ァ"), ord("ヶ") + 1)
_TO_HIRAGANA = {code: code - 0x60 for code in _KATAKANA}


def hiragana(katakana: str) -> str:
    """カガシ → かがし (ー and other marks are kept)."""
    return katakana.translate(_TO_HIRAGANA)


def published_names(name: str, figures: Iterable[AreaFigure]) -> list[str]:
    """The distinct names in the published rows that differ from the reference name, sorted."""
    return sorted({figure.label for figure in figures if figure.label != name})


def _synonyms(dictionary: SearchDictionary) -> list[list[object]]:
    """``[term, [aliases], [query-only aliases], group key, [keys of the term and each alias]]`` per group: the keys
    that ``jirei search index`` adds to pages (src/jirei/search/index_terms.py)."""
    rows: list[list[object]] = []
    aliases = 0
    for index, group in enumerate(dictionary.groups):
        keys = [alias_key(aliases + offset) for offset in range(1 + len(group.aliases))]
        aliases += 1 + len(group.aliases)
        rows.append([group.term, list(group.aliases), list(group.query_only), group_key(index), keys])
    return rows


def _ward(ward: Ward, reference: Reference) -> list[str]:
    city = reference.by_code[ward.city_code]
    reading = hiragana(city.name_kana)
    if not ward.name.startswith(city.name) or not ward.reading.startswith(reading):
        message = (
            f"区「{ward.name}」（{ward.reading}）の名前か読みが市「{city.name}」（{reading}）で始まりません"
        )
        raise JireiError([Problem("data/search/wards.csv", "search-dictionary", message)])
    return [ward.name[len(city.name) :], ward.reading[len(reading) :], ward.city_code]


def places_json(
    reference: Reference,
    metrics: MetricsData,
    dictionary: SearchDictionary | None = None,
    vocabulary: Vocabulary | None = None,
) -> str:
    """``data/places.json`` for the search box (search.js), read once per page:

    - ``prefectures``: ``[pref_code, name, reading, code]``;
    - ``municipalities``: ``[code, name, reading, [other spellings]]`` (other spellings
      are published names that are not just the district plus the name, e.g. 檮原町 for 梼原町);
    - ``wards``: ``[ward name, reading, city code]`` without the city's name and reading
      (横浜市中区 → ``["中区", "なかく", "141003"]``);
    - ``synonyms``: ``[term, [aliases], [query-only aliases], group key, [word keys]]`` (the
      keys that ``jirei search index`` adds to the pages with the words); ``stopwords``; ``variants``
      (old or variant kanji → common form); ``themes`` (the names on the theme index page,
      offered when a query finds nothing).

    Readings are hiragana; search-query.js makes the Hepburn romaji of each place from them.
    The search box looks a query up here first (exact name, reading, romaji, ward or code,
    then names and readings that start with it), so that a place is found however Pagefind's
    two Japanese segmenters (Lindera at index time, Intl.Segmenter in the browser) split its
    name: they disagree on most runs of hiragana (README, 検索).
    """
    dictionary = dictionary or load_dictionary()
    vocabulary = vocabulary or load_vocabulary()
    prefectures = [
        [p.pref_code, p.name, hiragana(p.name_kana), p.code]
        for p in sorted(reference.prefectures.values(), key=lambda p: p.pref_code)
    ]
    municipalities = [
        [
            m.code,
            m.name,
            hiragana(m.name_kana),
            [
                name
                for name in published_names(m.name, metrics.municipality_series(m.code))
                if not name.endswith(m.name)
            ],
        ]
        for m in sorted(reference.by_code.values(), key=lambda m: m.code)
    ]
    document = {
        "prefectures": prefectures,
        "municipalities": municipalities,
        "wards": [_ward(w, reference) for w in dictionary.wards if w.city_code in reference.by_code],
        "synonyms": _synonyms(dictionary),
        "stopwords": list(dictionary.stopwords),
        "variants": dictionary.variants,
        "themes": list(vocabulary.themes),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
