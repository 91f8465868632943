"""The loader's limits on both parsers (libyaml first, the pure-Python one when something needs
explaining or ``fast=False``), and a file of exactly the size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from jirei.cases.loader import MAX_DEPTH, MAX_FILE_BYTES, load_yaml, load_yaml_text

SHOWN = "cases/999999-test.yml"


def _nested(mappings: int, tab_comment: bool = False) -> bytes:
    """``mappings`` nested mappings; the root is level 1, so the value "1" sits at level mappings + 1."""
    lines = [f"{'  ' * level}a:\n" for level in range(mappings - 1)] + ["  " * (mappings - 1) + "a: 1\n"]
    return ("".join(lines) + ("#\ttab in a comment\n" if tab_comment else "")).encode()


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(("mappings", "too_deep"), [(63, False), (64, True)])
def test_the_nesting_limit_is_the_same_on_both_parsers(fast: bool, mappings: int, too_deep: bool) -> None:
    assert MAX_DEPTH == 64  # 63 mappings put "1" at level 64 (allowed), 64 at level 65 (refused)
    loaded, problems = load_yaml_text(_nested(mappings), SHOWN, fast=fast)
    if too_deep:
        assert loaded is None
        # the first node at level 65 is the key "a" of line 64, after 63 × 2 spaces: column 127
        assert [(p.rule, p.line, p.column, p.message, p.got) for p in problems] == [
            ("nesting-too-deep", 64, 127, "入れ子が深すぎます（64 段まで）", "64 段を超える入れ子")
        ]
    else:
        assert problems == []
        assert loaded is not None
        value = loaded.data
        for _ in range(mappings):
            value = value["a"]
        assert value == 1


def test_a_tab_sends_a_deep_file_to_the_slow_parser_which_still_refuses_it() -> None:
    loaded, problems = load_yaml_text(_nested(64, tab_comment=True), SHOWN)
    assert loaded is None
    assert [p.rule for p in problems] == ["nesting-too-deep", "tab"]


def _exactly(size: int) -> bytes:
    head = b"a: 1\n#"
    return head + b"x" * (size - len(head) - 1) + b"\n"


def test_a_file_of_exactly_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "999999-test.yml"
    path.write_bytes(_exactly(MAX_FILE_BYTES))
    assert path.stat().st_size == 1_000_000
    loaded, problems = load_yaml(path, SHOWN)
    assert problems == [] and loaded is not None and loaded.data == {"a": 1}
    loaded, problems = load_yaml_text(_exactly(MAX_FILE_BYTES), SHOWN)
    assert problems == [] and loaded is not None


def test_one_byte_over_the_limit_is_refused_from_a_file_and_from_bytes(tmp_path: Path) -> None:
    path = tmp_path / "999999-test.yml"
    path.write_bytes(_exactly(MAX_FILE_BYTES + 1))
    for loaded, problems in (load_yaml(path, SHOWN), load_yaml_text(_exactly(MAX_FILE_BYTES + 1), SHOWN)):
        assert loaded is None
        assert [(p.rule, p.got) for p in problems] == [("file-too-large", "1,000,001 バイト")]


def _nested_lists(lists: int) -> bytes:
    """``a:`` holding ``lists`` nested flow lists: the root is level 1, the outer list level 2,
    so the value 1 sits at level lists + 2."""
    return ("a: " + "[" * lists + "1" + "]" * lists + "\n").encode()


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(("lists", "too_deep"), [(62, False), (63, True)])
def test_nested_lists_count_towards_the_nesting_limit(fast: bool, lists: int, too_deep: bool) -> None:
    loaded, problems = load_yaml_text(_nested_lists(lists), SHOWN, fast=fast)
    if too_deep:
        assert loaded is None
        # the value 1 is the first node at level 65: after "a: " and 63 brackets, column 67
        assert [(p.rule, p.line, p.column) for p in problems] == [("nesting-too-deep", 1, 67)]
    else:
        assert problems == [] and loaded is not None
        value = loaded.data["a"]
        for _ in range(lists):
            (value,) = value
        assert value == 1


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(
    ("number", "expected"),
    [("9" * 32, int("9" * 32)), ("0." + "0" * 29 + "1", float("1e-30"))],
    ids=["32-digit int", "32-character float"],
)
def test_a_number_of_exactly_32_characters_is_read(fast: bool, number: str, expected: object) -> None:
    loaded, problems = load_yaml_text(f"count: {number}\n".encode(), SHOWN, fast=fast)
    assert problems == [] and loaded is not None
    assert loaded.data == {"count": expected}


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
def test_a_number_of_33_characters_is_refused_before_conversion(fast: bool) -> None:
    text = "name: テスト市\nitems:\n  - count: 1" + "0" * 32 + "\n"
    loaded, problems = load_yaml_text(text.encode(), SHOWN, fast=fast)
    assert loaded is None
    assert [(p.path, p.rule, p.line, p.column, p.key_path, p.message, p.got, p.hint) for p in problems] == [
        (
            SHOWN,
            "number-too-long",
            3,
            12,
            "items[0].count",
            "数が長すぎます（32 文字まで）",
            "10000000000000000000…（33 文字）",
            '出典にある数値をそのまま書いてください。文字列なら "..." で囲んでください。',
        )
    ]


def test_the_last_byte_of_a_file_of_exactly_the_size_limit_is_read(tmp_path: Path) -> None:
    # the file ends in the middle of a value: a byte fewer would read "b: 1" instead of "b: 12"
    head, tail = b"a: 1\n#", b"\nb: 12"
    path = tmp_path / "999999-test.yml"
    path.write_bytes(head + b"x" * (MAX_FILE_BYTES - len(head) - len(tail)) + tail)
    assert path.stat().st_size == MAX_FILE_BYTES
    loaded, problems = load_yaml(path, SHOWN)
    assert problems == [] and loaded is not None and loaded.data == {"a": 1, "b": 12}


def test_a_long_top_level_value_is_shown_to_50_characters() -> None:
    loaded, problems = load_yaml_text(("テ" * 60 + "\n").encode(), SHOWN)
    assert loaded is None
    assert [(p.rule, p.got) for p in problems] == [("top-level-type", "テ" * 50)]
