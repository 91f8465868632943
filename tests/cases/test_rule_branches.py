"""Rule branches the fixture table does not reach: unsafe link schemes, a URL without a host,
prefecture and category mismatches, a one-day period, a .yaml file in a folder, and an official
rate above the quoted one. Each expectation is written from the rule, not from the output."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jirei.cases.validate import ValidationResult, validate_files
from jirei.cases.vocabulary import load_vocabulary
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE, official_rates, validate_as_case


def _validate(tmp_path: Path, old: str, new: str) -> ValidationResult:
    text = VALID_CASE.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    fixture = tmp_path / "fixture.yml"
    fixture.write_text(text.replace(old, new), encoding="utf-8")
    return validate_as_case(fixture, tmp_path / "cases")


def _found(result: ValidationResult) -> list[tuple[int | None, str, str, str | None]]:
    return [(p.line, p.rule, p.key_path, p.got) for p in result.problems]


@pytest.mark.parametrize(
    ("link", "got"),
    [
        ("data:text/html,x", '"data:text/html,x"'),
        ("VBScript:msgbox(1)", '"VBScript:msgbox(1"'),  # the target ends at the first ")"
        ("file:///etc/passwd", '"file:///etc/passwd"'),
        ("  JavaScript:alert(1)", '"JavaScript:alert(1"'),  # spaces before, any case
    ],
)
def test_unsafe_link_schemes_in_markdown_text(tmp_path: Path, link: str, got: str) -> None:
    result = _validate(tmp_path, "  - 項目 2\n", f"  - 項目 2 [資料]({link})\n")
    assert _found(result) == [(9, "unsafe-link", "description", got)]


def test_a_link_in_angle_brackets_is_both_a_tag_and_an_unsafe_link(tmp_path: Path) -> None:
    result = _validate(tmp_path, "  - 項目 2\n", "  - 項目 2 [資料](<data:x>)\n")
    assert _found(result) == [
        (9, "html", "description", '"<data:x>"'),
        (9, "unsafe-link", "description", '"data:x"'),
    ]


def test_safe_link_schemes_pass(tmp_path: Path) -> None:
    links = "[a](https://example.com/) [b](http://example.com/) [c](mailto:test@example.com) [d](../x/)"
    assert _found(_validate(tmp_path, "  - 項目 2\n", f"  - 項目 2 {links}\n")) == []


@pytest.mark.parametrize(
    ("url", "flagged"),
    [
        ("https:///test-city/report", True),  # no host
        ("https://example.com/test city", True),  # a space
        ("https://example.com/test-city/report?q=1#p", False),
        ("http://example.com", False),
    ],
)
def test_source_urls_need_a_host_and_no_spaces(tmp_path: Path, url: str, flagged: bool) -> None:
    result = _validate(tmp_path, "url: https://example.com/test-city/report", f'url: "{url}"')
    assert _found(result) == ([(68, "url", "sources[0].url", f'"{url}"')] if flagged else [])
    if flagged:
        assert result.problems[0].message == "URL は http:// または https:// で始まる完全な形にしてください"


def test_prefecture_and_category_must_match_the_code(tmp_path: Path) -> None:
    result = _validate(
        tmp_path, "  prefecture: テスト県\n  category: 市\n", "  prefecture: サンプル県\n  category: 町\n"
    )
    assert [(p.line, p.rule, p.key_path, p.message, p.got) for p in result.problems] == [
        (17, "code-mismatch", "municipality.prefecture", "団体コード 992011 の都道府県名は「テスト県」です", '"サンプル県"'),
        (18, "code-mismatch", "municipality.category", "団体コード 992011 の団体区分は「市」です", '"町"'),
    ]  # fmt: skip
    assert result.problems[0].hint == "「テスト県」に直すか、団体コードを確かめてください"


@pytest.mark.parametrize(
    ("end", "order_problem"), [("2020-04", False), ("2020-03", True), ("2020-05", False)]
)
def test_a_period_may_start_and_end_in_the_same_month(tmp_path: Path, end: str, order_problem: bool) -> None:
    result = _validate(tmp_path, "  start: 2020-04\n", f"  start: 2020-04\n  end: {end}\n")
    orders = [(p.line, p.key_path, p.got, p.hint) for p in result.problems if p.rule == "period-order"]
    assert orders == (
        [(22, "period.end", f'"{end}"', "開始（2020-04）以降の日付にしてください")] if order_problem else []
    )


def test_a_yaml_file_in_a_folder_is_found_and_told_to_be_renamed(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "992011-test-shinsei.yaml").write_bytes(VALID_CASE.read_bytes())
    (folder / "README.txt").write_text("事例ではない", encoding="utf-8")
    result = validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"), today=TODAY
    )
    assert [(Path(p.path).name, p.rule, p.got) for p in result.problems] == [
        ("992011-test-shinsei.yaml", "file-name", '"992011-test-shinsei.yaml"')
    ]


def _official(tmp_path: Path, *releases: tuple[date, str]) -> ValidationResult:
    folder = tmp_path / f"cases-{len(list(tmp_path.iterdir()))}"  # a fresh folder per call
    folder.mkdir()
    (folder / VALID_CASE.name).write_bytes(VALID_CASE.read_bytes())  # states 50.5 on 2021-05-01
    return validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"),
        metrics=official_rates(*releases), today=TODAY,
    )  # fmt: skip


def test_a_quoted_rate_below_the_official_one_is_an_error(tmp_path: Path) -> None:
    result = _official(tmp_path, (date(2021, 5, 1), "53.0"))
    assert [(p.rule, p.key_path, p.message) for p in result.problems][:1] == [
        (
            "official-mismatch",
            "outcomes[0].value",
            "事例の値 50.5%（2021-05-01）は、総務省の公表値 53.0%（2021-05-01 公表、交付枚数）と違います",
        )
    ]


@pytest.mark.parametrize(
    ("official", "ok"), [("50.6", True), ("50.4", True), ("50.7", False), ("50.3", False)]
)
def test_the_tolerance_is_one_tenth_of_a_point_on_both_sides(tmp_path: Path, official: str, ok: bool) -> None:
    assert _official(tmp_path, (date(2021, 5, 1), official)).ok is ok


def test_between_two_releases_equally_near_the_earlier_one_counts(tmp_path: Path) -> None:
    # 2021-05-01 is 2 days after 2021-04-29 and 2 days before 2021-05-03
    assert _official(tmp_path, (date(2021, 4, 29), "50.5"), (date(2021, 5, 3), "40.0")).ok
    result = _official(tmp_path, (date(2021, 4, 29), "40.0"), (date(2021, 5, 3), "50.5"))
    assert "総務省の公表値 40.0%（2021-04-29 公表" in result.problems[0].message


def test_a_release_four_days_away_is_not_compared(tmp_path: Path) -> None:
    assert _official(tmp_path, (date(2021, 5, 5), "40.0"), (date(2021, 4, 27), "40.0")).problems == ()
    assert not _official(tmp_path, (date(2021, 5, 4), "40.0")).ok  # 3 days after: compared
    assert not _official(tmp_path, (date(2021, 4, 28), "40.0")).ok  # 3 days before: compared


@pytest.mark.parametrize(
    ("value", "quote", "flagged"),
    [
        ("100", "１００％", False),
        ("0", "０％", False),
        ("100.1", "１００．１％", True),
        ("-0.1", "－０．１％", True),
    ],
)
def test_rates_from_0_to_100_inclusive(tmp_path: Path, value: str, quote: str, flagged: bool) -> None:
    text = VALID_CASE.read_text(encoding="utf-8").replace("value: 50.5", f"value: {value}")
    text = text.replace("５０．５％", quote)
    fixture = tmp_path / "fixture.yml"
    fixture.write_text(text, encoding="utf-8")
    rules = [(p.rule, p.key_path, p.got) for p in validate_as_case(fixture, tmp_path / "cases").problems]
    assert [r for r in rules if r[0] == "rate-range"] == (
        [("rate-range", "outcomes[0].value", value)] if flagged else []
    )


def test_a_value_in_another_unit_is_not_a_rate(tmp_path: Path) -> None:
    result = _validate(tmp_path, '    unit: "%"\n', "    unit: 件\n")
    assert "rate-range" not in {p.rule for p in result.problems}
    (tmp_path / "2").mkdir()
    result = _validate(tmp_path / "2", '    value: 50.5\n    unit: "%"\n', "    value: 150\n    unit: 件\n")
    assert "rate-range" not in {p.rule for p in result.problems}


def test_a_theme_nobody_knows_lists_every_allowed_term_when_none_is_close(tmp_path: Path) -> None:
    result = _validate(tmp_path, "themes: [出張申請]", "themes: [宇宙開発]")
    [problem] = [p for p in result.problems if p.rule == "vocab"]
    assert (problem.key_path, problem.got, problem.message) == (
        "themes[0]", '"宇宙開発"', "data/vocabulary.yml の themes にない語です",
    )  # fmt: skip
    themes = "、".join(load_vocabulary().themes)  # every term of data/vocabulary.yml, in its order
    assert (
        problem.hint
        == f"使える語: {themes}（新しい語が必要なら data/vocabulary.yml に説明付きで追加してください）"
    )
    assert "出張申請" in themes


def test_an_unused_source_is_a_warning_with_its_fix(tmp_path: Path) -> None:
    extra = "  - id: S2\n    url: https://example.com/test-city/other\n    title: テスト市の別の資料\n    publisher: テスト市\n    published: 2025-06-01\n    accessed: 2026-11-01\n    kind: 公式\nrecord:"
    result = _validate(tmp_path, "record:", extra)
    assert [(p.severity.value, p.rule, p.key_path, p.message, p.got, p.hint) for p in result.problems] == [
        ("warning", "source-unused", "sources[1].id", "どこからも参照されていない出典です", '"S2"',
         "本文の項目の sources から参照するか、この出典を削除してください"),
    ]  # fmt: skip
    assert result.ok  # a warning does not fail validation


def test_markup_in_a_url_field_is_left_to_the_url_rules(tmp_path: Path) -> None:
    result = _validate(
        tmp_path, "url: https://example.com/test-city/report", 'url: "https://example.com/<b>"'
    )
    assert "html" not in {p.rule for p in result.problems}


def test_a_future_partial_date(tmp_path: Path) -> None:
    # today is 2026-11-26 in these tests: a month after it is in the future, its own month is not
    result = _validate(tmp_path, "  start: 2020-04\n", '  start: "2026-12"\n')
    future = [(p.rule, p.key_path, p.got, p.hint) for p in result.problems if p.rule == "date-future"]
    assert future == [
        ("date-future", "period.start", '"2026-12"', "今日（2026-11-26）までの日付にしてください")
    ]
    (tmp_path / "now").mkdir()
    now = _validate(tmp_path / "now", "  start: 2020-04\n", '  start: "2026-11"\n')
    assert "date-future" not in {p.rule for p in now.problems}
