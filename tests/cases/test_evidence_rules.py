"""The evidence rules, each broken once and kept once, on variants of the valid fixture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jirei.cases.validate import ValidationResult, validate_files
from jirei.metrics.store import MetricsData
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE, official_rates, problem_lines

EVIDENCE_DIR = DATA / "cases" / "evidence"
IGA_MIRROR = EVIDENCE_DIR / "992011-test-shinsei.yml"  # 伊賀市's 34.12 % of 「7月末」, made fake

OUTCOME_QUOTE = "        quote: 交付枚数率は５０．５％となった。\n"
PERIOD_EVIDENCE = "  evidence:\n    - source: S1\n      quote: 2020年4月から公民館で出張申請を始めた。\n"
LED_BY_EVIDENCE = "  led_by_evidence:\n    - source: S1\n      quote: テスト課の職員の発案で始まった。\n"


def _validate(
    tmp_path: Path, *edits: tuple[str, str], metrics: MetricsData | None = None, today: date = TODAY
) -> ValidationResult:
    text = VALID_CASE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    folder = tmp_path / "cases"
    folder.mkdir(exist_ok=True)
    (folder / VALID_CASE.name).write_text(text, encoding="utf-8")
    reference = load_reference(DATA / "reference")
    return validate_files([folder], cases_dir=folder, reference=reference, metrics=metrics, today=today)


def _rules(result: ValidationResult) -> list[tuple[str, str, str]]:
    return [(p.severity.value, p.rule, p.key_path) for p in result.problems]


OVERCLAIMED = ("error", "review-overclaimed", "record.review_status")


def test_the_valid_fixture_breaks_no_evidence_rule(tmp_path: Path) -> None:
    assert _rules(_validate(tmp_path)) == []


# --- quote-mismatch -------------------------------------------------------------------------


def test_a_value_missing_from_its_quote_shows_what_the_quote_says(tmp_path: Path) -> None:
    result = _validate(tmp_path, (OUTCOME_QUOTE, OUTCOME_QUOTE.replace("５０．５", "５０．４")))
    assert problem_lines(result, tmp_path / "cases")[0] == (
        "992011-test-shinsei.yml:51:12: error [quote-mismatch] outcomes[0].value: "
        "成果「交付枚数率」の値「50.5」が根拠の引用に見つかりません (got 引用の数値: 50.4／日付: なし)\n"
        "    hint: 出典の、この数値をそのまま含む部分を引用してください"
        "（全角数字・桁区切り・万／億・％・和暦は照合できます）。出典と値が違うなら値を直してください"
    )
    assert _rules(result) == [("error", "quote-mismatch", "outcomes[0].value"), OVERCLAIMED]


def test_a_date_missing_from_its_quote_is_reported(tmp_path: Path) -> None:
    result = _validate(tmp_path, ("2020年4月から", "2021年4月から"))
    assert _rules(result) == [("error", "quote-mismatch", "period.start"), OVERCLAIMED]


def test_a_japanese_era_date_matches_the_iso_date(tmp_path: Path) -> None:
    result = _validate(tmp_path, ("令和2年4月1日から", "令和2年4月2日から"))
    assert _rules(result) == [("error", "quote-mismatch", "measures[0].start"), OVERCLAIMED]


RANK = "        locator: p.3\n"


def test_a_rank_must_be_in_its_own_evidence_or_the_outcomes(tmp_path: Path) -> None:
    with_rank = RANK + "    rank:\n      position: 3\n      scope: 県内の市\n"
    assert _rules(_validate(tmp_path, (RANK, with_rank))) == [
        ("error", "quote-mismatch", "outcomes[0].rank.position"),
        OVERCLAIMED,
    ]


def test_a_rank_quoted_in_its_own_evidence_passes(tmp_path: Path) -> None:
    with_rank = RANK + (
        "    rank:\n      position: 3\n      scope: 県内の市\n"
        "      evidence:\n        - source: S1\n          quote: 県内の市で３位となった。\n"
    )
    assert _rules(_validate(tmp_path, (RANK, with_rank))) == []


# --- evidence-missing, evidence-source, judgement-unsupported ----------------------------------


def test_dates_without_evidence_are_reported(tmp_path: Path) -> None:
    result = _validate(tmp_path, (PERIOD_EVIDENCE, ""))
    assert _rules(result) == [("error", "evidence-missing", "period.start"), OVERCLAIMED]
    assert "period.evidence に、この日付を含む引用を書いてください" in (result.problems[0].hint or "")


def test_evidence_citing_an_unlisted_source_is_reported(tmp_path: Path) -> None:
    result = _validate(
        tmp_path,
        (OUTCOME_QUOTE, OUTCOME_QUOTE),
        ("      - source: S1\n        quote: 交付", "      - source: S2\n        quote: 交付"),
    )
    assert _rules(result) == [("error", "evidence-source", "outcomes[0].evidence[0].source"), OVERCLAIMED]


def test_a_judgement_without_evidence_is_reported(tmp_path: Path) -> None:
    result = _validate(tmp_path, (LED_BY_EVIDENCE, ""))
    assert _rules(result) == [("error", "judgement-unsupported", "leadership.led_by"), OVERCLAIMED]


def test_unknown_needs_no_evidence(tmp_path: Path) -> None:
    result = _validate(tmp_path, (LED_BY_EVIDENCE, ""), ("led_by: [所管課]", "led_by: [不明]"))
    assert _rules(result) == []


# --- quote-not-verbatim --------------------------------------------------------------------------


def test_an_ellipsis_inside_a_quote_is_a_warning(tmp_path: Path) -> None:
    result = _validate(tmp_path, (OUTCOME_QUOTE, OUTCOME_QUOTE.replace("は５０", "は…５０")))
    assert _rules(result) == [("warning", "quote-not-verbatim", "outcomes[0].evidence[0].quote")]
    assert result.ok


def test_a_quote_shared_by_two_dates_is_reported_once(tmp_path: Path) -> None:
    edits = [
        ("2020年4月から公民館", "2020年4月から…公民館"),
        ("  start: 2020-04\n", "  start: 2020-04\n  end: 2020-04\n"),
    ]
    result = _validate(tmp_path, *edits, ("status: 実施中", "status: 完了"))
    assert [p.rule for p in result.problems if p.rule == "quote-not-verbatim"] == ["quote-not-verbatim"]


def test_an_ellipsis_at_the_end_of_a_quote_is_fine(tmp_path: Path) -> None:
    assert _rules(_validate(tmp_path, (OUTCOME_QUOTE, OUTCOME_QUOTE.replace("。", "…")))) == []


# --- status-stale ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("today", "stale"), [(date(2027, 6, 1), False), (date(2027, 6, 2), True)])
def test_a_now_status_is_stale_two_years_after_its_newest_evidence(
    tmp_path: Path, today: date, stale: bool
) -> None:
    result = _validate(tmp_path, today=today)  # S1 was published 2025-06-01
    assert _rules(result) == ([("warning", "status-stale", "period.status")] if stale else [])
    assert result.ok  # time passing never turns CI red


def test_a_now_status_without_a_dated_source_is_stale(tmp_path: Path) -> None:
    result = _validate(tmp_path, ("    published: 2025-06-01\n", ""))
    assert [(p.rule, p.message) for p in result.problems] == [
        (
            "status-stale",
            "「実施中」の根拠が古いか日付がありません: 根拠の出典に公表日（published）がありません",
        )
    ]


def test_a_finished_status_is_never_stale(tmp_path: Path) -> None:
    result = _validate(tmp_path, ("status: 実施中", "status: 完了"), today=date(2040, 1, 1))
    assert "status-stale" not in {p.rule for p in result.problems}


# --- sources ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title", ["テスト市の報告書（題名は未確認）", "…", "テスト市の記事「…」", "題名不明"]
)
def test_a_placeholder_title_is_an_error(tmp_path: Path, title: str) -> None:
    result = _validate(tmp_path, ("title: テスト市の報告書", f"title: {title}"))
    assert _rules(result) == [("error", "source-title-placeholder", "sources[0].title"), OVERCLAIMED]


def test_a_headline_with_an_ellipsis_of_its_own_is_a_real_title(tmp_path: Path) -> None:
    headline = "title: その効果、想像以上…テスト市が導入した「書かない窓口」"
    assert _rules(_validate(tmp_path, ("title: テスト市の報告書", headline))) == []


@pytest.mark.parametrize("kind", ["ミラー", "個人"])
def test_a_mirror_or_personal_source_without_a_note_is_a_warning(tmp_path: Path, kind: str) -> None:
    result = _validate(tmp_path, ("kind: 公式", f"kind: {kind}"))
    assert _rules(result) == [("warning", "source-weak", "sources[0].kind")]


def test_a_mirror_with_a_note_passes(tmp_path: Path) -> None:
    note = "kind: ミラー\n    note: 総務省の公表資料を CSV にしたもの。一次資料の表と同じ値。"
    assert _rules(_validate(tmp_path, ("kind: 公式", note))) == []


# --- review-overclaimed ------------------------------------------------------------------------------


def test_partly_unverified_is_allowed_with_gaps(tmp_path: Path) -> None:
    result = _validate(
        tmp_path, (LED_BY_EVIDENCE, ""), ("review_status: 確認済み", "review_status: 一部未確認")
    )
    assert _rules(result) == [("error", "judgement-unsupported", "leadership.led_by")]


def test_overclaimed_review_says_why_and_hints_at_partly_unverified(tmp_path: Path) -> None:
    result = _validate(tmp_path, (PERIOD_EVIDENCE, ""))
    [problem] = [p for p in result.problems if p.rule == "review-overclaimed"]
    assert problem.message == "「確認済み」にできません: 期間の開始に引用がありません"
    assert (problem.hint or "").startswith("「一部未確認」にしてください")


# --- official-mismatch ------------------------------------------------------------------------------


def _iga(
    tmp_path: Path, *edits: tuple[str, str], rate: str = "34.7", on: date = date(2021, 8, 1)
) -> ValidationResult:
    text = IGA_MIRROR.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    folder = tmp_path / "cases"
    folder.mkdir(exist_ok=True)
    (folder / IGA_MIRROR.name).write_text(text, encoding="utf-8")
    reference = load_reference(DATA / "reference")
    return validate_files(
        [folder], cases_dir=folder, reference=reference, metrics=official_rates((on, rate)), today=TODAY
    )


def test_a_rate_quoted_a_day_before_a_release_must_equal_it(tmp_path: Path) -> None:
    result = _iga(tmp_path)
    assert [line.split("\n")[0] for line in problem_lines(result, tmp_path / "cases")] == [
        "992011-test-shinsei.yml:29:12: error [official-mismatch] outcomes[0].value: "
        "事例の値 34.12%（2021-07-31）は、総務省の公表値 34.7%（2021-08-01 公表、交付枚数）と違います "
        "(got 34.12（公表値 34.7）)"
    ]
    assert not result.ok


@pytest.mark.parametrize(
    ("rate", "on"),
    [
        ("34.1", date(2021, 8, 1)),  # within 0.1 point
        ("34.7", date(2021, 8, 4)),  # four days later: another point in time
        ("34.7", date(2021, 7, 28)),  # three days before: the case is within ±3 days
    ],
)
def test_a_rate_far_from_a_release_or_close_to_it_passes(tmp_path: Path, rate: str, on: date) -> None:
    problems = _iga(tmp_path, rate=rate, on=on).problems
    expected = ["official-mismatch"] if on == date(2021, 7, 28) else []
    assert [p.rule for p in problems] == expected


def test_a_rate_of_another_population_base_passes(tmp_path: Path) -> None:
    base = "    population_base: 住民基本台帳人口（2021年7月末）\n    evidence:"
    assert _iga(tmp_path, ("    evidence:", base)).problems == ()
