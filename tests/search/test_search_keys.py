"""What municipality pages show for search, and data/places.json."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from jirei.cases.vocabulary import Vocabulary
from jirei.metrics.store import AreaFigure, MetricsData
from jirei.reference.municipalities import Municipality, Prefecture, Reference
from jirei.search.dictionary import SearchDictionary, SynonymGroup, Ward
from jirei.site.views.search_keys import hiragana, places_json, published_names

DICTIONARY = SearchDictionary(
    groups=(SynonymGroup("電子申請", ("ネット申請",), ("ネット",)), SynonymGroup("印鑑", ("ハンコ", "判子"))),
    stopwords=("から",),
    variants={"龍": "竜"},
    wards=(
        Ward("テスト町北区", "てすとちょうきたく", "991001"),
        Ward("ベンチ市北区", "べんちしきたく", "981002"),
    ),
)
VOCABULARY = Vocabulary(themes={"電子申請": "説明"}, measures={}, success_factors={})


def figure(code: str, label: str, day: date) -> AreaFigure:
    return AreaFigure(
        release_date=day, key=code, prefecture="テスト県", label=label, population=100,
        population_base_date=day, cards=10, cards_base_date=day, figure_kind="交付枚数",
        rate_percent=Decimal("10.0"),
    )  # fmt: skip


def test_hiragana_converts_katakana_readings_and_keeps_the_long_vowel() -> None:
    assert hiragana("カガシ") == "かがし"
    assert hiragana("ケーシティ") == "けーしてぃ"
    assert hiragana("ヶ") == "ゖ"


def test_published_names_are_the_other_spellings_sorted() -> None:
    figures = [
        figure("991001", "テスト郡テスト町", date(2020, 1, 1)),
        figure("991001", "テスト町", date(2021, 1, 1)),
        figure("991001", "テスト郡テスト町", date(2022, 1, 1)),
    ]
    assert published_names("テスト町", figures) == ["テスト郡テスト町"]


def test_places_json_lists_prefectures_and_municipalities_with_variant_spellings_only() -> None:
    reference = Reference(
        by_code={
            "991001": Municipality("991001", "99", "テスト県", "テスト町", "テストチョウ", "町"),
            "991002": Municipality("991002", "99", "テスト県", "梼テスト村", "ユステストムラ", "村"),
        },
        prefectures={"99": Prefecture("99", "990009", "テスト県", "テストケン")},
    )
    metrics = MetricsData(
        municipalities=(
            figure("991001", "テスト郡テスト町", date(2021, 1, 1)),
            figure("991002", "檮テスト村", date(2021, 1, 1)),
        )
    )
    document = json.loads(places_json(reference, metrics, DICTIONARY, VOCABULARY))
    assert document["prefectures"] == [["99", "テスト県", "てすとけん", "990009"]]
    assert document["municipalities"] == [
        ["991001", "テスト町", "てすとちょう", []],
        ["991002", "梼テスト村", "ゆすてすとむら", ["檮テスト村"]],
    ]
    # Wards without the city's name and reading; a ward of a city not in the reference is left out.
    assert document["wards"] == [["北区", "きたく", "991001"]]
    assert document["synonyms"] == [
        ["電子申請", ["ネット申請"], ["ネット"], "jireiwordaa", ["jireialiasaaa", "jireialiasaab"]],
        ["印鑑", ["ハンコ", "判子"], [], "jireiwordab", ["jireialiasaac", "jireialiasaad", "jireialiasaae"]],
    ]
    assert document["stopwords"] == ["から"]
    assert document["variants"] == {"龍": "竜"}
    assert document["themes"] == ["電子申請"]
