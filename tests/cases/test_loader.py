"""Tests for jirei.cases.loader: positions, scalar typing and every problem rule."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from jirei.cases.loader import MAX_FILE_BYTES, load_yaml, load_yaml_text
from jirei.cases.yaml_values import LoadedYaml, Mark, format_key_path
from jirei.problems import Problem
from tests.repo import REPO_ROOT

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

VALID = """\
# テスト用の事例
name: テスト市
code: 999999
started: 2021-05-01
details:
  summary: "テスト市の取り組み"
  steps:
    - 受付
    - title: 説明会
      date: 2022-01-15
""".encode()


def load(text: str | bytes) -> tuple[LoadedYaml | None, list[Problem]]:
    data = text.encode() if isinstance(text, str) else text
    return load_yaml_text(data, "cases/999999-test.yml")


def only(problems: list[Problem], rule: str) -> list[Problem]:
    assert problems, "expected problems"
    assert {p.rule for p in problems} == {rule}, [(p.rule, p.message) for p in problems]
    for p in problems:
        assert p.path == "cases/999999-test.yml"
        assert JAPANESE.search(p.message), p.message
    return problems


def positions(problems: list[Problem]) -> list[tuple[int | None, int | None]]:
    return [(p.line, p.column) for p in problems]


# --- valid documents --------------------------------------------------------


def test_valid_document_values_and_marks() -> None:
    loaded, problems = load(VALID)
    assert problems == []
    assert loaded is not None
    assert loaded.path == "cases/999999-test.yml"
    assert loaded.data == {
        "name": "テスト市",
        "code": 999999,
        "started": "2021-05-01",
        "details": {
            "summary": "テスト市の取り組み",
            "steps": ["受付", {"title": "説明会", "date": "2022-01-15"}],
        },
    }
    assert loaded.value_marks[()] == Mark(2, 1)
    assert loaded.value_marks[("name",)] == Mark(2, 7)
    assert loaded.key_marks[("name",)] == Mark(2, 1)
    assert loaded.value_marks[("details", "summary")] == Mark(6, 12)
    assert loaded.key_marks[("details", "steps")] == Mark(7, 3)
    # list items: the value mark of an item is after "- "
    assert loaded.value_marks[("details", "steps", 0)] == Mark(8, 7)
    assert loaded.value_marks[("details", "steps", 1)] == Mark(9, 7)
    assert loaded.value_marks[("details", "steps", 1, "date")] == Mark(10, 13)
    assert loaded.key_marks[("details", "steps", 1, "date")] == Mark(10, 7)
    assert loaded.mark_for(("details", "steps", 1, "title")) == Mark(9, 14)


def test_mark_for_missing_key_falls_back_to_parent() -> None:
    loaded, _ = load(VALID)
    assert loaded is not None
    assert loaded.mark_for(("details", "missing")) == loaded.value_marks[("details",)] == Mark(6, 3)
    assert loaded.mark_for(("details", "steps", 5, "x")) == Mark(8, 5)
    assert loaded.mark_for(("nope",)) == Mark(2, 1)


def test_scalars_dates_stay_strings_and_only_true_false_are_bools() -> None:
    text = """\
date: 2021-05-01
stamp: 2021-05-01 10:00:00
yes_word: yes
no_word: no
on_word: on
t: true
f: False
null1: ~
null2:
num: 42
neg: -3
ratio: 0.25
leading_zero: 012345
clock: 12:30
quoted_num: "999999"
"""
    loaded, problems = load(text)
    assert problems == []
    assert loaded is not None
    assert loaded.data == {
        "date": "2021-05-01",
        "stamp": "2021-05-01 10:00:00",
        "yes_word": "yes",
        "no_word": "no",
        "on_word": "on",
        "t": True,
        "f": False,
        "null1": None,
        "null2": None,
        "num": 42,
        "neg": -3,
        "ratio": 0.25,
        "leading_zero": "012345",
        "clock": "12:30",
        "quoted_num": "999999",
    }
    assert type(loaded.data["num"]) is int
    assert type(loaded.data["t"]) is bool


def test_standard_explicit_str_tag_is_allowed() -> None:
    loaded, problems = load("code: !!str 999999\n")
    assert problems == []
    assert loaded is not None
    assert loaded.data == {"code": "999999"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!map {b: テスト市}\n", {"a": {"b": "テスト市"}}),
        ("a: !!seq [テスト市]\n", {"a": ["テスト市"]}),
        ("a: ! テスト市\n", {"a": "テスト市"}),  # the non-specific tag: a plain string
    ],
    ids=["!!map", "!!seq", "!"],
)
def test_standard_collection_tags_and_the_non_specific_tag_are_allowed(
    text: str, expected: dict[str, object]
) -> None:
    for fast in (True, False):
        loaded, problems = load_yaml_text(text.encode(), "cases/999999-test.yml", fast=fast)
        assert problems == [] and loaded is not None
        assert loaded.data == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [((), ""), (("a",), "a"), (("a", 0, "b"), "a[0].b"), ((0,), "[0]"), (("a", "b", 2, 3), "a.b[2][3]")],
)
def test_format_key_path(path: tuple[str | int, ...], expected: str) -> None:
    assert format_key_path(path) == expected


def test_load_yaml_from_file_uses_display_path(tmp_path: Path) -> None:
    file = tmp_path / "999999-test.yml"
    file.write_bytes(VALID)
    loaded, problems = load_yaml(file, "cases/999999-test.yml")
    assert problems == []
    assert loaded is not None
    assert loaded.path == "cases/999999-test.yml"
    assert loaded.data["name"] == "テスト市"
    loaded, _ = load_yaml(file)
    assert loaded is not None
    assert loaded.path == str(file)


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    loaded, problems = load_yaml(tmp_path / "nope.yml", "cases/nope.yml")
    assert loaded is None
    assert [(p.path, p.rule) for p in problems] == [("cases/nope.yml", "file-read")]
    assert "開けません" in problems[0].message


# --- file-level problems ------------------------------------------------------


def test_file_too_large(tmp_path: Path) -> None:
    file = tmp_path / "big.yml"
    with file.open("wb") as handle:
        handle.write(b"name: " + b"a" * (10 * 1024 * 1024) + b"\n")
    loaded, problems = load_yaml(file, "cases/999999-test.yml")
    assert loaded is None
    (problem,) = only(problems, "file-too-large")
    assert "大きすぎ" in problem.message
    assert problem.got is not None and "10,485,767" in problem.got


def test_file_too_large_from_bytes() -> None:
    loaded, problems = load(b"a: 1\n" + b"#" * MAX_FILE_BYTES)
    assert loaded is None
    only(problems, "file-too-large")


def test_encoding_shift_jis() -> None:
    data = "name: ok\ncity: テスト市\n".encode("shift_jis")
    loaded, problems = load(data)
    assert loaded is None
    (problem,) = only(problems, "encoding")
    assert (problem.line, problem.column) == (2, 7)
    assert "UTF-8" in problem.message
    assert problem.got is not None and "0x83" in problem.got
    assert problem.hint is not None and "BOM なし" in problem.hint


def test_bom_is_reported_but_data_still_loads() -> None:
    loaded, problems = load(b"\xef\xbb\xbf" + VALID)
    (problem,) = only(problems, "bom")
    assert (problem.line, problem.column) == (1, 1)
    assert problem.hint is not None and "BOM なしの UTF-8" in problem.hint
    assert loaded is not None
    assert loaded.value_marks[("name",)] == Mark(2, 7)  # the BOM does not shift columns


def test_tabs_every_line_reported_but_not_inside_quotes() -> None:
    text = "a:\n\tb: 1\nc: \"x\ty\"\nd: 'p\tq'\ne: 1\t# note\nf:\n\t\tg: 2\n"
    loaded, problems = load(text)
    assert loaded is None
    only(problems, "tab")
    assert positions(problems) == [(2, 1), (5, 5), (7, 1)]
    assert all(p.hint is not None and "スペース 2 つ" in p.hint for p in problems)


def test_trailing_tab_is_reported_once_as_tab_not_also_as_yaml_syntax() -> None:
    # PyYAML itself refuses this tab; the `tab` problem explains it, so no `yaml-syntax` duplicate.
    loaded, problems = load("name: テスト市\t\ncode: 999999\n")
    assert loaded is None
    only(problems, "tab")
    assert positions(problems) == [(1, 11)]


def test_tab_inside_block_scalar_is_reported() -> None:
    loaded, problems = load('note: |\n  "テスト\n  \tつづき\nok: "a\tb"\n')
    only(problems, "tab")
    assert positions(problems) == [(3, 3)]
    assert loaded is not None
    assert loaded.data == {"note": '"テスト\n\tつづき\n', "ok": "a\tb"}


@pytest.mark.parametrize("text", ["", "\n\n   \n", "# コメントだけ\n# もう一行\n", "---\n"])
def test_empty_file(text: str) -> None:
    loaded, problems = load(text)
    assert loaded is None
    (problem,) = only(problems, "empty-file")
    assert "空" in problem.message


@pytest.mark.parametrize(
    ("text", "got"),
    [("- テスト市\n- 999999\n", "リスト"), ("テスト市\n", "テスト市"), ("999999\n", "999999")],
)
def test_top_level_type(text: str, got: str) -> None:
    loaded, problems = load(text)
    assert loaded is None
    (problem,) = only(problems, "top-level-type")
    assert "キーと値の組（マッピング）" in problem.message
    assert (problem.line, problem.column) == (1, 1)
    assert problem.got == got


def test_multi_document() -> None:
    loaded, problems = load("name: テスト市\n---\nname: テスト町\n")
    assert loaded is None
    (problem,) = only(problems, "multi-document")
    assert (problem.line, problem.column) == (2, 1)
    assert "複数" in problem.message


# --- yaml-syntax ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "got_part", "hint_part"),
    [
        ('name: "テスト市\ncode: 999999\n', 3, 1, "end of stream", "引用符"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "block end", "字下げ"),
        ("name: テスト市\ncode 999999\nx: 1\n", 3, 1, "could not find expected ':'", "「: 」"),
        ("name: @テスト市\n", 1, 7, "'@'", "引用符"),
        ("name: `テスト市`\n", 1, 7, "'`'", "引用符"),
        ("time: 受付: 9時\n", 1, 9, "mapping values are not allowed", "引用符"),
        ("a: [1, 2\nb: 3\n", 2, 2, "expected ','", "[ ]"),
    ],
)
def test_yaml_syntax(text: str, line: int, column: int, got_part: str, hint_part: str) -> None:
    loaded, problems = load(text)
    assert loaded is None
    (problem,) = only(problems, "yaml-syntax")
    assert (problem.line, problem.column) == (line, column)
    assert "YAML の書き方" in problem.message
    assert problem.got is not None and got_part in problem.got
    assert problem.hint is not None and hint_part in problem.hint


def test_yaml_syntax_hint_names_where_the_quote_started() -> None:
    _, problems = load('a: 1\nname: "テスト市\ncode: 999999\n')
    (problem,) = only(problems, "yaml-syntax")
    assert problem.hint is not None and "2 行目 7 列目から" in problem.hint


# --- keys ------------------------------------------------------------------------


def test_duplicate_keys_all_reported_at_second_occurrence() -> None:
    text = "name: テスト市\ncode: 999999\nname: テスト町\ndetails:\n  a: 1\n  b: 2\n  a: 3\ncode: 1\n"
    loaded, problems = load(text)
    only(problems, "duplicate-key")
    assert positions(problems) == [(3, 1), (7, 3), (8, 1)]
    assert [p.key_path for p in problems] == ["name", "details.a", "code"]
    assert "1 行目" in problems[0].message
    assert "5 行目" in problems[1].message
    assert "2 行目" in problems[2].message
    assert loaded is not None  # first occurrence kept so later checks can still run
    assert loaded.data["name"] == "テスト市"


def test_duplicate_key_inside_list_item_has_key_path() -> None:
    _, problems = load("steps:\n  - title: a\n    title: b\n")
    (problem,) = only(problems, "duplicate-key")
    assert problem.key_path == "steps[0].title"
    assert (problem.line, problem.column) == (3, 5)


def test_non_string_keys() -> None:
    loaded, problems = load('1: a\ntrue: b\n"2": ok\nnested:\n  null: c\n  ? [x]\n  : d\n')
    only(problems, "key-type")
    assert positions(problems) == [(1, 1), (2, 1), (5, 3), (6, 5)]
    assert [p.got for p in problems] == ["1", "true", "null", "リスト"]
    assert problems[2].key_path == "nested"
    assert all(p.hint is not None and '"1":' in p.hint for p in problems)
    assert loaded is not None
    assert loaded.data == {"2": "ok", "nested": {}}


# --- anchors, aliases and tags ---------------------------------------------------------


def test_anchor_and_alias() -> None:
    loaded, problems = load("a: &x テスト市\nb: *x\n")
    assert loaded is None
    only(problems, "alias")
    assert positions(problems) == [(1, 4), (2, 4)]
    assert [p.got for p in problems] == ["&x", "*x"]
    assert [p.key_path for p in problems] == ["", ""]  # found while composing: no key path yet


def test_billion_laughs_is_refused_without_expanding() -> None:
    lines = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    loaded, problems = load("\n".join(lines) + "\n")
    assert loaded is None
    only(problems, "alias")
    assert positions(problems)[:2] == [(1, 6), (2, 4)]
    # capped: 20 located problems plus one summary of the rest (9 anchors + 72 aliases)
    assert len(problems) == 21
    assert problems[-1].got == "合計 81 件"  # the summary (no position) comes last
    assert problems[-1].message == "アンカー・エイリアスが他にも 61 件あります"  # 81 - 20 located


def test_exactly_20_anchors_and_aliases_need_no_summary() -> None:
    text = "".join(f"a{i}: &x{i} テスト市\nb{i}: *x{i}\n" for i in range(10))
    loaded, problems = load(text)
    assert loaded is None
    assert len(only(problems, "alias")) == 20
    assert all(p.line is not None for p in problems)  # no summary line without a position


def test_a_reused_anchor_name_is_reported_as_an_anchor_not_a_syntax_error() -> None:
    loaded, problems = load("a: &x テスト市\nb: &x テスト町\n")
    assert loaded is None
    only(problems, "alias")
    assert [(p.line, p.got) for p in problems] == [(1, "&x"), (2, "&x")]


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("a: !!python/object:os.system テスト\n", "!!python/object:os.system"),
        ("a: !foo テスト\n", "!foo"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !!set {x}\n", "!!set"),
    ],
)
def test_non_standard_tags_are_refused(text: str, got: str) -> None:
    loaded, problems = load(text)
    assert loaded is None
    (problem,) = only(problems, "yaml-tag")
    assert (problem.line, problem.column) == (1, 4)
    assert problem.got == got


def test_standard_tag_with_wrong_value() -> None:
    loaded, problems = load("a: 1\nb: !!int テスト\n")
    assert loaded is None
    (problem,) = only(problems, "yaml-tag")
    assert (problem.line, problem.column, problem.key_path) == (2, 4, "b")
    assert (problem.message, problem.got, problem.hint) == (
        "値がタグ int の形式になっていません",
        "テスト",
        "! や !! で始まる指定を削除してください。",
    )


# --- robustness ------------------------------------------------------------------------


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    loaded, problems = load("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert loaded is None
    only(problems, "nesting-too-deep")


@pytest.mark.parametrize(("mappings", "too_deep"), [(63, False), (64, True)])
def test_the_nesting_limit_counts_the_innermost_value(mappings: int, too_deep: bool) -> None:
    # The root mapping is level 1, so 64 mappings put the value "1" at level 65.
    text = "".join(f"{'  ' * level}a:\n" for level in range(mappings - 1)) + "  " * (mappings - 1) + "a: 1\n"
    loaded, problems = load(text)
    if too_deep:
        assert loaded is None
        only(problems, "nesting-too-deep")
    else:
        assert loaded is not None and not problems


def test_control_character() -> None:
    loaded, problems = load("name: テスト\x00市\nok: 1\nx: \x07\n")
    assert loaded is None
    only(problems, "control-character")
    assert positions(problems) == [(1, 10), (3, 4)]


def test_problems_never_raise_on_garbage() -> None:
    for data in [
        b"\xff\xfe\x00",
        b"{{{{",
        b"]]]",
        b": : :",
        b"- - - -\n  -",
        b"!",
        b"&",
        b"*x",
        b"%YAML 9\n---\na",
    ]:
        loaded, problems = load(data)
        assert loaded is None, data
        assert problems, data
        assert all(JAPANESE.search(p.message) for p in problems)


_ALL_CASE_FILES = sorted(
    [
        *(REPO_ROOT / "cases").glob("*.yml"),
        *(Path(__file__).resolve().parents[1] / "data" / "cases").rglob("*.yml"),
    ]
)


@pytest.mark.parametrize("path", _ALL_CASE_FILES, ids=[p.name for p in _ALL_CASE_FILES])
def test_libyaml_and_pure_python_parsing_give_the_same_result(path: Path) -> None:
    text = path.read_bytes()
    fast, fast_problems = load_yaml_text(text, path.name)
    slow, slow_problems = load_yaml_text(text, path.name, fast=False)
    assert fast == slow
    assert fast_problems == slow_problems


def test_a_valid_file_is_parsed_by_libyaml_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the pure-Python parser ran for a valid file")

    monkeypatch.setattr("jirei.cases.loader._Loader", refuse)
    valid = Path(__file__).resolve().parents[1] / "data" / "cases" / "valid" / "992011-test-shinsei.yml"
    loaded, problems = load_yaml_text(valid.read_bytes(), valid.name)
    assert problems == [] and loaded is not None and loaded.data["id"] == "992011-test-shinsei"


EVENT_SNIPPETS = [
    VALID.decode(),
    'a: 1\nb: -2.5e3\nc: .inf\nd: -.Inf\nf: 0x1F\ng: 012\nh: +7\ni: "7"\n',
    "a: true\nb: False\nc: yes\nd: ~\ne:\nf: null\ng: NULL\nh: ''\n",
    "a: [1, x, {b: c}]\nd: {e: [f, g]}\n'quoted key': v\n\"k2\": |\n  line\n  line2\ne2: >-\n  folded\n",
    "--- \na: b\n...\n",
    "a: 2021-05-01\nb: 12:30\nc: 1_000\nd: '0123'\n",
    "a: !!str 12\n",
    "a: &x 1\nb: *x\n",
    "1: a\n",
    "true: a\n",
    "a: 1\na: 2\n",
    "a: 1\n---\nb: 2\n",
    "- a\n- b\n",
    "x\n",
    "a: ! b\n",
    "a: !!int x\n",
]


@pytest.mark.parametrize("text", EVENT_SNIPPETS)
def test_values_and_marks_from_events_are_those_of_the_composer(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built from libyaml's events when nothing needs explaining, else left to the composer:
    either way the same result as the composer and builder alone."""
    from jirei.cases import loader

    fast = load(text)
    monkeypatch.setattr(loader, "load_from_events", lambda text, display_path: None)
    assert fast == load(text)


def test_a_plain_file_is_built_from_events(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the composer ran for a plain file")

    monkeypatch.setattr("jirei.cases.loader._compose_fast", refuse)
    monkeypatch.setattr("jirei.cases.loader._Loader", refuse)
    for text in EVENT_SNIPPETS[:6]:
        loaded, problems = load(text)
        assert loaded is not None and problems == []


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
def test_infinity_and_not_a_number_in_every_yaml_spelling(fast: bool) -> None:
    # YAML 1.2 core: .nan .NaN .NAN and [+-].inf .Inf .INF are floats, not strings
    text = "a: .nan\nb: .NaN\nc: .NAN\nd: .inf\ne: -.Inf\nf: +.INF\n"
    loaded, problems = load_yaml_text(text.encode(), "cases/999999-test.yml", fast=fast)
    assert problems == [] and loaded is not None
    assert all(math.isnan(loaded.data[key]) for key in "abc")
    assert [loaded.data[key] for key in "def"] == [math.inf, -math.inf, math.inf]


def test_mark_for_a_file_without_any_recorded_position_is_its_first_character() -> None:
    # a LoadedYaml carrying only some marks (validate._for_cross_checks keeps those of id and
    # former_ids) still gives every problem a position: line 1, column 1
    trimmed = LoadedYaml("cases/999999-test.yml", {"a": {"b": 1}}, {}, {})
    assert trimmed.mark_for(("a", "b")) == Mark(1, 1)
    assert trimmed.mark_for(()) == Mark(1, 1)
