"""The validator on fixtures: every invalid fixture's exact problem lines, checked both ways."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import jirei.cases.validate as validate_module
import jirei.parallel
from jirei.cases.validate import ValidationResult, validate_files
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import (
    DATA,
    INVALID_DIR,
    TODAY,
    VALID_CASE,
    problem_lines,
    validate_as_case,
)

# fixture name (tests/data/cases/invalid/<name>.yml) → the exact lines `jirei validate` prints
EXPECTED: dict[str, list[str]] = {
    "adopters_unknown": [
        '992011-test-shinsei.yml:77:11: error [adopter] adopters[0].code: この団体コードは団体コード一覧にありません (got "992038")\n    hint: data/reference/municipalities.csv で団体名から正しいコードを探してください',
    ],
    "challenges_empty": [
        "992011-test-shinsei.yml:60:13: error [min-items] challenges: 少なくとも 1 つ書いてください (got [])",
    ],
    "description_javascript-link": [
        '992011-test-shinsei.yml:8:14: error [unsafe-link] description: この種類のリンクは書けません (got "javascript:alert(1")\n    hint: リンク先は http:// または https:// の URL にしてください',
    ],
    "description_script": [
        '992011-test-shinsei.yml:8:14: error [html] description: HTML タグは書けません (got "<script>")\n    hint: 文字の < と > を使わずに書いてください。本文（description）では強調や箇条書きを Markdown で書けます',
    ],
    "file_indent": [
        "992011-test-shinsei.yml:14:5: error [yaml-syntax] YAML の書き方に誤りがあるため読み込めません (got expected <block end>, but found '<block mapping start>')\n    hint: 字下げ（行頭のスペースの数）がそろっているか確認してください。同じ階層のキーやリストの「- 」は同じ数のスペースで始めます（13 行目 3 列目から）。",
    ],
    "file_tab": [
        "992011-test-shinsei.yml:14:1: error [tab] タブ文字が使われています（YAML では字下げにタブを使えません） (got タブ文字)\n    hint: タブをスペースに置き換えてください。字下げはスペース 2 つで行います。",
    ],
    "former_ids_current-id": [
        '992011-test-shinsei.yml:5:31: error [former-id] former_ids[1]: 現在の id は former_ids に書けません (got "992011-test-shinsei")\n    hint: former_ids には改名する前の id だけを書いてください',
    ],
    "former_ids_malformed": [
        '992011-test-shinsei.yml:5:14: error [format] former_ids[0]: ID は <6桁の団体コード>-<英小文字・数字の略称> の形で書いてください（例 172065-kaga-denshi-shinsei） (got "992011-Test_Old")',
    ],
    "id_filename": [
        '992011-test-shinsei.yml:4:5: error [id-filename] id: id はファイル名（.yml を除く）と同じにしてください (got "992011-test-other")\n    hint: id を「992011-test-shinsei」にするか、ファイル名を「992011-test-other.yml」にしてください',
    ],
    "id_path-traversal": [
        '992011-test-shinsei.yml:4:5: error [format] id: ID は <6桁の団体コード>-<英小文字・数字の略称> の形で書いてください（例 172065-kaga-denshi-shinsei） (got "992011-../../etc")',
    ],
    "lessons_missing": [
        "992011-test-shinsei.yml:62:9: error [type] lessons: リスト（- で始まる行の並び）を指定してください (got null)",
    ],
    "members_duplicate": [
        '992011-test-shinsei.yml:20:11: error [member-duplicate] members[0].code: この団体は municipality と重なっています (got "992011")\n    hint: members には、代表の団体（municipality）以外の団体を 1 回ずつ書いてください',
        '992011-test-shinsei.yml:25:11: error [code-mismatch] members[1].name: 団体コード 992020 の団体名は「試験市」です (got "テスト町")\n    hint: 「試験市」に直すか、団体コードを確かめてください',
    ],
    "municipality-code_check-digit": [
        '992011-test-shinsei.yml:4:5: error [id-code] id: id の先頭 6 桁は municipality.code と同じにしてください (got "992011-test-shinsei")\n    hint: id を「992012-…」で始めてください',
        '992011-test-shinsei.yml:13:9: error [code-check-digit] municipality.code: 団体コードの検査数字（6 桁目）が合いません (got "992012")\n    hint: 5 桁目までが正しければ「992011」です。総務省の団体コード表で確かめてください',
    ],
    "municipality-code_unknown": [
        '992011-test-shinsei.yml:4:5: error [id-code] id: id の先頭 6 桁は municipality.code と同じにしてください (got "992011-test-shinsei")\n    hint: id を「992038-…」で始めてください',
        '992011-test-shinsei.yml:13:9: error [code-unknown] municipality.code: この団体コードは団体コード一覧にありません (got "992038")\n    hint: data/reference/municipalities.csv で団体名から正しいコードを探してください',
    ],
    "municipality-code_unquoted": [
        '992011-test-shinsei.yml:13:9: error [type] municipality.code: 文字列を指定してください (got 992011)\n    hint: 数字だけの値は "992011" のように引用符で囲んでください',
    ],
    "municipality-name_mismatch": [
        '992011-test-shinsei.yml:14:9: error [code-mismatch] municipality.name: 団体コード 992011 の団体名は「テスト市」です (got "試験市")\n    hint: 「テスト市」に直すか、団体コードを確かめてください',
    ],
    "municipality_list": [
        '992011-test-shinsei.yml:13:3: error [type] municipality: キーと値の組（マッピング）を指定してください (got ["992011"])',
    ],
    "outcomes-as_of_not-a-date": [
        '992011-test-shinsei.yml:51:12: error [date] outcomes[0].as_of: 存在しない日付です (got "2021-02-30")\n    hint: 月は 01〜12、日はその月にある日にしてください',
    ],
    "outcomes-value_rate-range": [
        "992011-test-shinsei.yml:49:12: error [rate-range] outcomes[0].value: 率（%）は 0 から 100 の間にしてください (got 101.2)\n    hint: 100 を超える集計上の値は、値ではなく note に事情とともに書いてください",
    ],
    "period-status_enum": [
        '992011-test-shinsei.yml:20:11: error [enum] period.status: 「計画中」「実証中」「実施中」「完了」「横展開中」「不明」のいずれかを指定してください (got "ongoing")',
    ],
    "period_duplicate-key": [
        "992011-test-shinsei.yml:21:3: error [duplicate-key] period.status: キー「status」が同じ階層に 2 回書かれています（最初は 20 行目） (got status)\n    hint: 20 行目とこの行のどちらか一方を削除するか、内容を 1 つにまとめてください。",
    ],
    "record-last_reviewed_future": [
        '992011-test-shinsei.yml:74:18: error [date-future] record.last_reviewed: 未来の日付は書けません (got "2099-01-01")\n    hint: 今日（2026-11-26）までの日付にしてください',
    ],
    "related_missing": [
        '992011-test-shinsei.yml:76:17: error [related-case] related_cases[0]: この id の事例はありません (got "992011-test-nothing")\n    hint: cases/ にある事例の id を書いてください',
    ],
    "schema-version_newer": [
        "992011-test-shinsei.yml:3:17: error [enum] schema_version: 「2」を指定してください (got 3)\n    hint: この jirei が扱える版は 2 までです。jirei を新しくしてください（git pull のあと make）",
    ],
    "schema-version_zero": [
        "992011-test-shinsei.yml:3:17: error [enum] schema_version: 「2」を指定してください (got 0)\n    hint: schema_version: 2 と書いてください（形式の版は 1 以上の整数です）",
    ],
    "sources-url_javascript": [
        '992011-test-shinsei.yml:66:10: error [format] sources[0].url: URL は http:// または https:// で始めてください (got "javascript:alert(1)")',
    ],
    "sources_unresolved": [
        '992011-test-shinsei.yml:31:13: error [source-ref] leadership.sources[0]: sources にない出典 ID です (got "S9")\n    hint: 「S1」の書き間違いではありませんか',
    ],
    "summary_too-long": [
        "992011-test-shinsei.yml:6:10: error [too-long] summary: 200 字以内にしてください（現在 201 字）",
    ],
    "summry_unknown-key": [
        '992011-test-shinsei.yml:6:1: error [unknown-key] summry: この項目名は使えません (got "summry")\n    hint: 「summary」の書き間違いではありませんか',
    ],
    "themes_vocab": [
        '992011-test-shinsei.yml:17:10: error [vocab] themes[0]: data/vocabulary.yml の themes にない語です (got "出張申請会")\n    hint: 「出張申請」の書き間違いではありませんか（新しい語が必要なら data/vocabulary.yml に説明付きで追加してください）',
    ],
}


def test_every_fixture_has_an_expectation_and_every_expectation_a_fixture() -> None:
    fixtures = {path.stem for path in INVALID_DIR.glob("*.yml")}
    assert fixtures == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fixture(name: str, tmp_path: Path) -> None:
    result = validate_as_case(INVALID_DIR / f"{name}.yml", tmp_path / "cases")
    assert problem_lines(result, tmp_path / "cases") == EXPECTED[name]
    assert not result.ok
    assert result.cases == ()


def test_each_invalid_fixture_marks_its_change() -> None:
    for path in INVALID_DIR.glob("*.yml"):
        assert "# changed" in path.read_text(encoding="utf-8"), path.name


def test_valid_fixture_has_no_problems(tmp_path: Path) -> None:
    result = validate_as_case(VALID_CASE, tmp_path / "cases")
    assert result.problems == ()
    assert [case.id for case in result.cases] == ["992011-test-shinsei"]
    assert result.cases[0].outcomes[0].value == 50.5


def test_duplicate_ids_are_reported_in_the_later_file(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    validate_as_case(VALID_CASE, folder)
    validate_as_case(VALID_CASE, folder, name="992011-test-shinsei-copy.yml")
    result = validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"), today=TODAY
    )
    rules = [(Path(problem.path).name, problem.rule) for problem in result.problems]
    assert rules == [
        ("992011-test-shinsei-copy.yml", "id-filename"),
        ("992011-test-shinsei.yml", "id-unique"),
    ]
    assert result.cases == ()


def test_a_file_name_that_is_not_an_id_is_reported(tmp_path: Path) -> None:
    result = validate_as_case(VALID_CASE, tmp_path / "cases", name="テスト事例.yaml")
    assert [problem.rule for problem in result.problems] == ["file-name", "id-filename"]


def test_problems_of_several_files_are_reported_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("period-status_enum", "themes_vocab"):
        text = (INVALID_DIR / f"{name}.yml").read_text(encoding="utf-8")
        case_id = f"992011-{name.replace('_', '-')}"
        (folder / f"{case_id}.yml").write_text(text.replace("992011-test-shinsei", case_id), encoding="utf-8")
    result = validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"), today=TODAY
    )
    assert [problem.rule for problem in result.problems] == ["enum", "vocab"]


def _write_case(folder: Path, case_id: str, former_ids: list[str]) -> None:
    text = VALID_CASE.read_text(encoding="utf-8").replace("992011-test-shinsei", case_id)
    text = text.replace(f"id: {case_id}\n", f"id: {case_id}\nformer_ids: [{', '.join(former_ids)}]\n", 1)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{case_id}.yml").write_text(text, encoding="utf-8")


def _former_id_problems(folder: Path) -> list[str]:
    result = validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"), today=TODAY
    )
    return problem_lines(result, folder)


def test_a_former_id_that_is_another_current_case_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    _write_case(folder, "992011-test-a", ["992011-test-b"])
    _write_case(folder, "992011-test-b", [])
    assert _former_id_problems(folder) == [
        '992011-test-a.yml:5:14: error [former-id] former_ids[0]: この id は現在の事例で使われています (got "992011-test-b")\n'
        "    hint: cases/992011-test-b.yml のページと同じ URL になるため転送できません。旧 id を確かめてください"
    ]


def test_a_former_id_claimed_by_two_cases_is_reported_in_the_later_file(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    _write_case(folder, "992011-test-a", ["992011-test-old"])
    _write_case(folder, "992011-test-b", ["992011-test-old"])
    lines = _former_id_problems(folder)
    assert [line.split(" (got")[0] for line in lines] == [
        "992011-test-b.yml:5:14: error [former-id] former_ids[0]: この旧 id はほかの事例の former_ids にも書かれています"
    ]


def test_former_ids_reach_the_model(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    _write_case(folder, "992011-test-a", ["992011-test-old", "992011-test-older"])
    result = validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"), today=TODAY
    )
    assert result.cases[0].former_ids == ("992011-test-old", "992011-test-older")


def test_files_checked_on_several_cores_give_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Valid and invalid files (also ids claimed by two files) checked in runs of 3 by workers,
    then all in this process: the same problems in the same order and the same cases."""
    for fixture in [VALID_CASE, *sorted(INVALID_DIR.glob("*.yml"))]:
        shutil.copyfile(fixture, tmp_path / fixture.name)
    shutil.copyfile(VALID_CASE, tmp_path / "992011-test-second.yml")

    def run() -> ValidationResult:
        reference = load_reference(DATA / "reference")
        return validate_files([tmp_path], cases_dir=tmp_path, reference=reference, today=TODAY)

    monkeypatch.setattr(validate_module, "FILES_PER_RUN", 3)
    spread = run()
    monkeypatch.setattr(jirei.parallel, "usable_cores", lambda: 1)
    assert spread == run()
    assert spread.files_checked == len(list(tmp_path.glob("*.yml")))
    assert any(problem.rule == "id-unique" for problem in spread.problems)
