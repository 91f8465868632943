"""What the index adds to each page: dictionary keys (weighted) and the section filter."""

from __future__ import annotations

from jirei.search.article_text import article_text
from jirei.search.dictionary import SearchDictionary, SynonymGroup
from jirei.search.index_terms import (
    MAX_REPEAT,
    TITLE_BONUS,
    added_keys,
    alias_key,
    augment,
    count_word,
    group_key,
    section_of,
)

DICTIONARY = SearchDictionary(
    groups=(
        SynonymGroup("電子申請", ("オンライン申請", "ネット申請")),
        SynonymGroup("LINE", (), ("ライン",)),
        SynonymGroup("印鑑", ("ハンコ",)),
    ),
    stopwords=("から",),
    variants={},
    wards=(),
)


def page(title: str, body: str, ignored: str = "") -> str:
    return (
        "<html><body><nav>ネット申請 のナビ</nav><article class='md-content__inner'>"
        f"<h1>{title}</h1><p>{body}</p><div data-pagefind-ignore='all'><p>{ignored}</p></div>"
        "<svg><text>印鑑</text></svg><br></article></body></html>"
    )


def test_a_katakana_or_latin_word_inside_a_longer_one_does_not_count() -> None:
    assert count_word("オンライン申請とラインで", "ライン") == 1
    assert count_word("ハンコレス", "ハンコ") == 0
    assert count_word("印鑑登録と印鑑", "印鑑") == 2  # kanji join freely
    assert count_word("lineup", "line") == 0


def test_keys_have_one_length_per_kind_and_never_repeat() -> None:
    groups = {group_key(i) for i in range(26 * 26)}
    aliases = {alias_key(i) for i in range(1000)}
    assert len(groups) == 26 * 26 and {len(k) for k in groups} == {11}
    assert len(aliases) == 1000 and {len(k) for k in aliases} == {13}
    assert group_key(0) == "jireiwordaa" and alias_key(27) == "jireialiasabb"


def test_the_article_text_leaves_out_ignored_parts_svg_and_the_navigation() -> None:
    text = article_text(page("題", "本文", ignored="他の事例"))
    assert text.title == "題"
    assert (
        "本文" in text.text
        and "他の事例" not in text.text
        and "印鑑" not in text.text
        and "ナビ" not in text.text
    )


def test_keys_are_repeated_by_occurrences_up_to_a_cap_and_more_for_the_title() -> None:
    body = "オンライン申請 " * 8
    keys = added_keys(article_text(page("ネット申請の事例", body)), DICTIONARY)
    assert keys.count(group_key(0)) == MAX_REPEAT + TITLE_BONUS
    assert keys.count(alias_key(0)) == 0  # the term 電子申請 is not there
    assert keys.count(alias_key(1)) == MAX_REPEAT  # オンライン申請, not in the title
    assert keys.count(alias_key(2)) == 1 + TITLE_BONUS  # ネット申請, only in the title
    assert group_key(1) not in keys  # ライン inside オンライン is not LINE


def test_guide_pages_are_the_contributor_and_about_pages() -> None:
    assert section_of("/contributing/fields/") == "guide"
    assert section_of("/about/") == "guide"
    assert section_of("/cases/172065-kaga-ikanai-kakanai/") == "content"
    assert section_of("/") == "content"


def test_augment_adds_the_filter_and_hidden_keys_before_the_article_ends() -> None:
    html = augment(page("題", "ハンコの話"), "/cases/x/", DICTIONARY)
    assert (
        '<span data-pagefind-filter="section:content"></span><div hidden data-jirei-search-terms>jireiwordac jireialiasaaf</div></article>'
        in html
    )
    assert augment("<p>記事なし</p>", "/x/", DICTIONARY) == "<p>記事なし</p>"
