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
from jirei.reference.municipalities import Reference
from jirei.search.dictionary import SearchDictionary, load_dictionary
from jirei.search.index_terms import group_key
from jirei.search.romaji import hepburn, place_stem

PLACES_FILE = "data/places.json"

_KATAKANA = range(ord("ァ"), ord("ヶ") + 1)
_TO_HIRAGANA = {code: code - 0x60 for code in _KATAKANA}


def hiragana(katakana: str) -> str:
    """カガシ → かがし (ー and other marks are kept)."""
    return katakana.translate(_TO_HIRAGANA)


def published_names(name: str, figures: Iterable[AreaFigure]) -> list[str]:
    """The distinct names in the published rows that differ from the reference name, sorted."""
    return sorted({figure.label for figure in figures if figure.label != name})


def places_json(
    reference: Reference,
    metrics: MetricsData,
    dictionary: SearchDictionary | None = None,
    vocabulary: Vocabulary | None = None,
) -> str:
    """``data/places.json`` for the search box (search.js), read once per page:

    - ``prefectures``: ``[pref_code, name, reading, code, romaji]``;
    - ``municipalities``: ``[code, name, reading, [other spellings], romaji]`` (other spellings
      are published names that are not just the district plus the name, e.g. 檮原町 for 梼原町);
    - ``wards``: ``[ward name, reading, city code]`` (横浜市中区 → 141003);
    - ``synonyms``: ``[term, [aliases and query-only aliases], index key]`` (the key that
      ``jirei search index`` adds to every page with the term or an alias); ``stopwords``; ``variants``
      (old or variant kanji → common form); ``themes`` (the names on the theme index page,
      offered when a query finds nothing).

    Readings are hiragana; romaji is modified Hepburn of the name without 市・町・村 (src/jirei/search/romaji.py).
    The search box looks a query up here first (exact name, reading, romaji, ward or code,
    then names and readings that start with it), so that a place is found however Pagefind's
    two Japanese segmenters (Lindera at index time, Intl.Segmenter in the browser) split its
    name: they disagree on most runs of hiragana (README, 検索).
    """
    dictionary = dictionary or load_dictionary()
    vocabulary = vocabulary or load_vocabulary()
    prefectures = [
        [p.pref_code, p.name, hiragana(p.name_kana), p.code, hepburn(place_stem(p.name, p.name_kana))]
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
            hepburn(place_stem(m.name, m.name_kana)),
        ]
        for m in sorted(reference.by_code.values(), key=lambda m: m.code)
    ]
    document = {
        "prefectures": prefectures,
        "municipalities": municipalities,
        "wards": [[w.name, w.reading, w.city_code] for w in dictionary.wards if w.city_code in reference.by_code],
        "synonyms": [
            [g.term, [*g.aliases, *g.query_only], group_key(index)] for index, g in enumerate(dictionary.groups)
        ],
        "stopwords": list(dictionary.stopwords),
        "variants": dictionary.variants,
        "themes": list(vocabulary.themes),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
