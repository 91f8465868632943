"""The loader's problems as `jirei validate` prints them, on both parsers: where, what was
expected, what was found and how to fix it (the text is the contributor's instructions)."""

from __future__ import annotations

import pytest

from jirei.cases.loader import load_yaml_text
from jirei.problems import format_text

SHOWN = "cases/999999-test.yml"
TOP_HINT = (
    "    hint: 行頭を「name: テスト市」のような「キー: 値」の形にしてください。行頭の「- 」は不要です。"
)
TOP = f"{SHOWN}:1:1: error [top-level-type] ファイル全体は「キー: 値」が並んだキーと値の組（マッピング）である必要があります"


def _printed(text: str, fast: bool = True) -> list[str]:
    loaded, problems = load_yaml_text(text.encode("utf-8"), SHOWN, fast=fast)
    assert loaded is None
    return [format_text(p) for p in problems]


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml-first", "pure-python"])
@pytest.mark.parametrize(
    ("text", "got"),
    [('""\n', "（空）"), ("- a\n", "リスト"), ("'テスト'\n", "テスト")],
)
def test_a_file_that_is_not_a_mapping_says_what_it_is(text: str, got: str, fast: bool) -> None:
    assert _printed(text, fast) == [f"{TOP} (got {got})\n{TOP_HINT}"]


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml-first", "pure-python"])
def test_a_flow_mapping_is_a_mapping(fast: bool) -> None:
    loaded, problems = load_yaml_text(b"{a: 1}\n", SHOWN, fast=fast)
    assert problems == [] and loaded is not None and loaded.data == {"a": 1}


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml-first", "pure-python"])
def test_anchors_and_aliases_are_explained(fast: bool) -> None:
    hint = (
        "    hint: &名前 や *名前 を使わず、同じ内容をそのまま書いてください。"
        '値が & や * で始まる文字列なら "..." のように引用符で囲んでください。'
    )
    assert _printed("a: &x テスト市\nb: *x\n", fast) == [
        f"{SHOWN}:1:4: error [alias] アンカー（&）やエイリアス（*）は使えません (got &x)\n{hint}",
        f"{SHOWN}:2:4: error [alias] アンカー（&）やエイリアス（*）は使えません (got *x)\n{hint}",
    ]


def test_a_second_document_is_explained() -> None:
    assert _printed("a: 1\n---\nb: 2\n") == [
        f"{SHOWN}:2:1: error [multi-document] 1 つのファイルに複数の YAML 文書（--- の区切り）があります (got 2 つ目の文書)\n"
        "    hint: 1 つのファイルには 1 件の事例だけを書いてください。2 件目は別のファイルに分けてください。"
    ]


def test_an_empty_file_and_a_byte_order_mark() -> None:
    assert _printed("# コメントだけ\n") == [
        f"{SHOWN}:1:1: error [empty-file] ファイルが空です（コメントや空白しかありません） (got 空のファイル)\n"
        "    hint: 事例の内容を「キー: 値」の形で書いてください。ひな形のファイルをコピーして始めると簡単です。"
    ]
    loaded, problems = load_yaml_text(b"\xef\xbb\xbfa: 1\n", SHOWN)
    assert loaded is not None and loaded.data == {"a": 1}
    assert [format_text(p) for p in problems] == [
        f"{SHOWN}:1:1: error [bom] ファイルの先頭に BOM（バイト順マーク）が付いています (got EF BB BF)\n"
        "    hint: エディタで「BOM なしの UTF-8」を選んで保存し直してください。"
    ]
