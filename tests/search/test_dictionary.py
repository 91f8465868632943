"""The search dictionary (data/search/): it loads, and mistakes are reported with their place."""

from __future__ import annotations

from pathlib import Path

import pytest

from jirei.problems import JireiError
from jirei.search.dictionary import load_dictionary, load_wards

WARDS = "code,city_code,name,reading\n991011,991002,テスト市北区,てすとしきたく\n"


def write(tmp_path: Path, text: str, wards: str = WARDS) -> tuple[Path, Path]:
    (tmp_path / "synonyms.yml").write_text(text, encoding="utf-8")
    (tmp_path / "wards.csv").write_text(wards, encoding="utf-8")
    return tmp_path / "synonyms.yml", tmp_path / "wards.csv"


def test_the_committed_dictionary_loads_with_the_issue_examples() -> None:
    dictionary = load_dictionary()
    words = {
        word: group.term
        for group in dictionary.groups
        for word in (group.term, *group.aliases, *group.query_only)
    }
    assert words["マイナカード"] == "マイナンバーカード"
    assert words["ネット申請"] == "電子申請"
    assert words["ハンコ"] == "印鑑"
    assert words["民間人材"] == "外部人材"
    assert dictionary.variants["龍"] == "竜"
    wards = {ward.name: ward.city_code for ward in dictionary.wards}
    assert wards["横浜市中区"] == "141003"
    assert wards["浜松市中央区"] == "221309"  # added 2024-01-01, after the code list
    assert len(wards) == 175 + 2


def test_the_committed_wards_are_those_of_the_code_list() -> None:
    wards = load_wards()
    assert len(wards) == 175
    assert {w.city_code for w in wards} >= {"011002", "141003", "271004", "401005"}


def test_every_mistake_is_reported_with_its_place(tmp_path: Path) -> None:
    path, wards = write(
        tmp_path,
        "groups:\n"
        "  - {term: 電子申請, aliases: [ネット申請]}\n"
        "  - {term: オンライン申請, aliases: [ネット申請]}\n"
        "  - {aliases: [語だけ]}\n"
        "stopwords: [から, 市の]\n"
        "variants: {龍: 竜, 檜: 桧桧}\n"
        "wards_added: [{name: テスト市南区, reading: テスト, city: '991002'}]\n"
        "extra: 1\n",
    )
    with pytest.raises(JireiError) as raised:
        load_dictionary(path, wards)
    messages = {(p.key_path, p.message.split("（")[0].split("。")[0]) for p in raised.value.problems}
    assert any(key == "" and "extra" in message for key, message in messages)
    assert any(key == "groups[1]" and "ネット申請" in message for key, message in messages)
    assert any(key == "groups[2]" for key, _ in messages)
    assert any(key == "stopwords" for key, _ in messages)
    assert any(key == "variants" and "桧桧" in message for key, message in messages)
    assert any(key == "wards_added[0]" for key, _ in messages)


def test_a_ward_added_twice_is_an_error(tmp_path: Path) -> None:
    path, wards = write(
        tmp_path,
        "groups: [{term: 電子申請, aliases: []}]\nwards_added: [{name: テスト市北区, reading: てすとしきたく, city: '991002'}]\n",
    )
    with pytest.raises(JireiError, match="テスト市北区"):
        load_dictionary(path, wards)


def test_a_malformed_ward_row_names_its_line(tmp_path: Path) -> None:
    path, wards = write(
        tmp_path, "groups: [{term: 電子申請, aliases: []}]\n", WARDS + "991029,99100,テスト市南区,テスト\n"
    )
    with pytest.raises(JireiError) as raised:
        load_dictionary(path, wards)
    assert "3 行目" in raised.value.problems[0].message
