"""jirei works on the project around the working directory (or --root), never on the checkout
it happens to be installed from (issue #19)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jirei.paths import find_root, project, use_root
from jirei.problems import JireiError
from tests.repo import DATA_DIR, REPO_ROOT

FIXTURE_CASE = REPO_ROOT / "tests" / "data" / "cases" / "valid" / "992011-test-shinsei.yml"


def _other_checkout(tmp_path: Path) -> Path:
    """A second project: this one's schema and reference data, but one case of its own with a
    missing title, so its validation result differs from this checkout's."""
    other = tmp_path / "other"
    (other / "cases").mkdir(parents=True)
    (other / "mkdocs.yml").write_text("site_name: テスト\n", encoding="utf-8")
    shutil.copytree(REPO_ROOT / "schema", other / "schema")
    shutil.copytree(DATA_DIR / "reference", other / "data" / "reference")
    shutil.copyfile(DATA_DIR / "vocabulary.yml", other / "data" / "vocabulary.yml")
    text = FIXTURE_CASE.read_text(encoding="utf-8")
    broken = "\n".join(line for line in text.splitlines() if not line.startswith("title:")) + "\n"
    (other / "cases" / FIXTURE_CASE.name).write_text(broken, encoding="utf-8")
    return other


def _jirei(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jirei", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_validate_inside_another_checkout_checks_that_checkouts_cases(tmp_path: Path) -> None:
    other = _other_checkout(tmp_path)
    run = _jirei("validate", cwd=other / "cases")  # a subfolder: the root is found upward
    assert run.returncode == 1
    assert f"{FIXTURE_CASE.name}:3:1: error [required] 必須の項目「title」がありません" in run.stdout
    assert "（事例ファイル 1 件中 1 件）" in run.stdout  # not this checkout's 68 cases


def test_root_option_names_the_project_from_anywhere(tmp_path: Path) -> None:
    other = _other_checkout(tmp_path)
    run = _jirei("--root", str(other), "validate", cwd=tmp_path)
    assert run.returncode == 1
    assert "（事例ファイル 1 件中 1 件）" in run.stdout


def test_outside_any_project_a_clear_error_and_no_traceback(tmp_path: Path) -> None:
    run = _jirei("validate", cwd=tmp_path)
    assert run.returncode == 1
    assert "[project-root]" in run.stderr
    assert "jirei --root" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_root_without_cases_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: テスト\n", encoding="utf-8")
    run = _jirei("--root", str(tmp_path), "validate", cwd=tmp_path)
    assert run.returncode == 1
    assert "指定したフォルダ" in run.stderr


def test_find_root_walks_upward_and_needs_both_markers(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    assert find_root(deep) is None  # mkdocs.yml alone is not a project
    (tmp_path / "cases").mkdir()
    assert find_root(deep) == tmp_path.resolve()


def test_use_root_overrides_and_resets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = _other_checkout(tmp_path)
    monkeypatch.chdir(REPO_ROOT)
    try:
        use_root(other)
        assert project().cases_dir == other.resolve() / "cases"
    finally:
        use_root(None)
    assert project().root == REPO_ROOT
    with pytest.raises(JireiError, match="見つかりません"):
        use_root(tmp_path)
