"""`jirei migrate`: steps run in order, files keep their comments, and nothing is half-written."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from jirei import cli
from jirei.cases import migrate
from jirei.cases.migrate import MIGRATIONS, plan_migrations
from jirei.cases.schema import _schema_version_hint, current_schema_version
from tests.cases.validation_helpers import DATA, VALID_CASE, validate_as_case
from tests.repo import CASES_DIR, REPO_ROOT


def _rename_themes_to_topics(case: Any) -> None:
    """A made-up step 2 → 3 for the tests: ``themes`` becomes ``topics``, in the same place."""
    position = list(case).index("themes")
    case.insert(position, "topics", case.pop("themes"))


FAKE_STEPS = {**MIGRATIONS, 2: _rename_themes_to_topics}
V1_CASE = DATA / "cases" / "v1" / VALID_CASE.name


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def _copy_fixture(folder: Path, name: str = VALID_CASE.name, version: int = 2) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = VALID_CASE.read_text(encoding="utf-8").replace("schema_version: 2", f"schema_version: {version}")
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


# --- the real step: version 1 → 2 ------------------------------------------------------------


def test_v1_to_v2_moves_sources_to_evidence_and_keeps_everything_else(tmp_path: Path) -> None:
    planned, problems = plan_migrations([V1_CASE.parent], current=2)
    assert problems == []
    [migration] = planned
    assert (migration.from_version, migration.to_version) == (1, 2)
    original = V1_CASE.read_text(encoding="utf-8")
    assert _changed_lines(original, migration.text) == [
        "-schema_version: 1",
        "+schema_version: 2",
        "-    sources: [S1]",
        "+    evidence:",
        "+      - source: S1",
        "-    type: 自治体公式",
        "+    kind: 公式",
        "-  review_status: 確認済み",
        "+  review_status: 一部未確認",
    ]
    assert migration.text.startswith(original.split("schema_version")[0])  # the header comments


def test_v1_to_v2_keeps_the_comments_of_the_lines_it_changes(tmp_path: Path) -> None:
    text = V1_CASE.read_text(encoding="utf-8")
    for old, new in [
        ("    sources: [S1]\nsuccess", "    sources: [S1]  # 報告書 p.3\n    # 成果はここまで\nsuccess"),
        ("    type: 自治体公式", "    type: 自治体公式  # 市の公式サイト"),
        ("  review_status: 確認済み", "  review_status: 確認済み  # 2026-11 に確認"),
    ]:
        assert old in text
        text = text.replace(old, new)
    migration = migrate.migrate_text(V1_CASE, text, current=2, migrations=MIGRATIONS)
    assert isinstance(migration, migrate.Migration)
    assert _changed_lines(text, migration.text) == [
        "-schema_version: 1",
        "+schema_version: 2",
        "-    sources: [S1]  # 報告書 p.3",
        "+    evidence:",
        "+      - source: S1  # 報告書 p.3",
        "-    type: 自治体公式  # 市の公式サイト",
        "+    kind: 公式  # 市の公式サイト",
        "-  review_status: 確認済み  # 2026-11 に確認",
        "+  review_status: 一部未確認  # 2026-11 に確認",
    ]
    assert "    # 成果はここまで\nsuccess_factors:" in migration.text


def test_cli_migrates_a_v1_file_and_validate_then_asks_for_the_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / V1_CASE.name
    shutil.copyfile(V1_CASE, case)
    assert cli.main(["migrate", "--check", str(tmp_path)]) == 1
    assert case.read_text(encoding="utf-8") == V1_CASE.read_text(encoding="utf-8")  # --check writes nothing
    assert cli.main(["migrate", str(tmp_path)]) == 0
    assert cli.main(["migrate", "--check", str(tmp_path)]) == 0
    capsys.readouterr()
    result = validate_as_case(case, tmp_path / "cases")
    assert {(p.rule, p.key_path) for p in result.errors} >= {
        ("required", "outcomes[0].evidence[0]"),  # the quote a person must write
        ("evidence-missing", "period.start"),
        ("judgement-unsupported", "leadership.led_by"),
    }


# --- the machinery, with a made-up step 2 → 3 ----------------------------------------------------


def test_a_step_changes_only_what_it_must_and_keeps_comments(tmp_path: Path) -> None:
    case = _copy_fixture(tmp_path)
    planned, problems = plan_migrations([tmp_path], current=3, migrations=FAKE_STEPS)
    assert problems == []
    [migration] = planned
    assert (migration.from_version, migration.to_version) == (2, 3)
    original = case.read_text(encoding="utf-8")
    assert _changed_lines(original, migration.text) == [
        "-schema_version: 2",
        "+schema_version: 3",
        "-themes: [出張申請]",
        "+topics: [出張申請]",
    ]
    assert migration.text.startswith("# yaml-language-server: $schema=")


def test_two_steps_run_in_order(tmp_path: Path) -> None:
    shutil.copyfile(V1_CASE, tmp_path / V1_CASE.name)
    [migration], problems = plan_migrations([tmp_path], current=3, migrations=FAKE_STEPS)
    assert problems == []
    assert (migration.from_version, migration.to_version) == (1, 3)
    assert "topics: [出張申請]" in migration.text
    assert "kind: 公式" in migration.text


def test_a_current_file_needs_nothing(tmp_path: Path) -> None:
    _copy_fixture(tmp_path, version=3)
    assert plan_migrations([tmp_path], current=3, migrations=FAKE_STEPS) == ([], [])


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (4, "この jirei が扱える版（3）より新しい版です"),
        (0, "schema_version は 1 以上の整数で書いてください"),
    ],
)
def test_a_version_that_cannot_be_migrated_is_a_problem(tmp_path: Path, version: int, message: str) -> None:
    _copy_fixture(tmp_path, version=version)
    planned, problems = plan_migrations([tmp_path], current=3, migrations=FAKE_STEPS)
    assert planned == []
    assert [(p.rule, p.key_path, p.message) for p in problems] == [
        ("schema-version", "schema_version", message)
    ]


def test_a_missing_step_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    _copy_fixture(tmp_path)
    _, problems = plan_migrations([tmp_path], current=4, migrations=FAKE_STEPS)
    assert [p.message for p in problems] == ["版 3 から 4 への移行手順がありません"]


@pytest.fixture
def fake_version_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrate, "MIGRATIONS", FAKE_STEPS)
    monkeypatch.setattr("jirei.commands.migrate_cmd.current_schema_version", lambda: 3)


@pytest.mark.usefixtures("fake_version_3")
def test_cli_migrates_every_file_and_check_then_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = _copy_fixture(tmp_path)
    assert cli.main(["migrate", "--check", str(tmp_path)]) == 1
    assert "schema_version: 2" in case.read_text(encoding="utf-8")  # --check writes nothing
    assert cli.main(["migrate", str(tmp_path)]) == 0
    assert "topics: [出張申請]" in case.read_text(encoding="utf-8")
    assert cli.main(["migrate", "--check", str(tmp_path)]) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1] == "jirei migrate: 移行が必要なファイル 0 件（現在の版 3）"
    )


@pytest.mark.usefixtures("fake_version_3")
def test_cli_writes_nothing_when_any_file_has_a_problem(tmp_path: Path) -> None:
    good = _copy_fixture(tmp_path)
    _copy_fixture(tmp_path, name="992011-test-newer.yml", version=9)
    before = good.read_bytes()
    assert cli.main(["migrate", str(tmp_path)]) == 1
    assert good.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["992011-test-newer.yml", VALID_CASE.name]


def test_every_version_has_a_step_and_a_changelog_entry() -> None:
    current = current_schema_version()
    assert sorted(MIGRATIONS) == list(range(1, current))
    changelog = (REPO_ROOT / "schema" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert sorted(int(v) for v in re.findall(r"^## 版 ([0-9]+)", changelog, re.MULTILINE)) == list(
        range(1, current + 1)
    )


def test_every_real_case_is_at_the_current_version() -> None:
    assert plan_migrations([CASES_DIR]) == ([], [])


@pytest.mark.parametrize(
    ("value", "hint_starts"),
    [
        (1, "古い版の事例ファイルです。jirei migrate"),
        (3, "この jirei が扱える版は 2 まで"),
        (0, "schema_version: 2 と書いて"),
    ],
)
def test_validate_hints_at_migrate_only_for_an_older_version(value: int, hint_starts: str) -> None:
    assert _schema_version_hint(value, current=2).startswith(hint_starts)
