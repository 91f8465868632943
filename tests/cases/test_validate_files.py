"""validate_files over several files: what each file-level problem says, known ids from the
cases folder, duplicate ids and former ids across files, and the cases in id order."""

from __future__ import annotations

from pathlib import Path

import pytest

from jirei.cases.validate import ValidationResult, validate_files
from jirei.cases.vocabulary import load_vocabulary
from jirei.problems import format_text
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE

VALID = VALID_CASE.read_text(encoding="utf-8")


def _run(paths: list[Path], cases_dir: Path) -> ValidationResult:
    return validate_files(
        paths, cases_dir=cases_dir, reference=load_reference(DATA / "reference"), today=TODAY
    )


def _printed(result: ValidationResult, root: Path) -> list[str]:
    return [format_text(p).replace(f"{root.as_posix()}/", "") for p in result.problems]


def test_a_missing_path_and_a_badly_named_file(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "Test.yml").write_text(VALID, encoding="utf-8")
    result = _run([folder / "none.yml", folder / "Test.yml"], folder)
    lines = sorted(_printed(result, tmp_path), key=lambda line: "Test.yml" in line)  # none.yml first
    assert lines[0] == "cases/none.yml: error [file-missing] ファイルが見つかりません"
    assert lines[1] == (
        "cases/Test.yml: error [file-name] 事例ファイルの名前は <6桁の団体コード>-<英小文字・数字の略称>.yml にしてください"
        ' (got "Test.yml")\n    hint: 例: 172065-kaga-denshi-shinsei.yml（拡張子は .yml、英大文字・空白・日本語は使わない）'
    )
    assert result.cases == ()  # a badly named file is not a case


def test_related_ids_are_known_from_the_cases_folder_and_the_files_given(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "992011-test-other.yml").write_text("# 別の事例（中身は見ない）\n", encoding="utf-8")
    given = tmp_path / "new" / "992011-test-shinsei.yml"
    given.parent.mkdir()
    related = VALID.replace("lessons:\n", "related_cases: [992011-test-other]\nlessons:\n")
    given.write_text(related, encoding="utf-8")
    assert _run([given], folder).problems == ()  # known from cases/ although only one file is checked
    assert [p.rule for p in _run([given], tmp_path / "no-folder").problems] == ["related-case"]


def test_duplicate_and_shared_former_ids_say_which_file_to_compare_with(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "992011-test-shinsei.yml").write_text(
        VALID.replace(
            "id: 992011-test-shinsei\n", "id: 992011-test-shinsei\nformer_ids: [992011-test-old]\n"
        ),
        encoding="utf-8",
    )
    (folder / "992011-test-zweit.yml").write_text(
        VALID.replace(
            "id: 992011-test-shinsei\n", "id: 992011-test-shinsei\nformer_ids: [992011-test-old]\n"
        ),
        encoding="utf-8",
    )
    result = _run([folder], folder)
    by_rule = {
        p.rule: p
        for p in result.problems
        if p.path.endswith("zweit.yml") and p.rule in ("id-unique", "former-id")
    }
    assert by_rule["id-unique"].message == "この id はほかの事例ですでに使われています"
    assert (
        by_rule["id-unique"].hint == f"{folder.as_posix()}/992011-test-shinsei.yml と違う id にしてください"
    )
    assert by_rule["former-id"].hint == (
        f"旧 URL の転送先は 1 つだけです。{folder.as_posix()}/992011-test-shinsei.yml とどちらが正しいか確かめてください"
    )


def test_valid_cases_come_back_in_id_order_whatever_the_file_order(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for case_id in ("992011-test-c", "992011-test-a", "992011-test-b"):
        (folder / f"{case_id}.yml").write_text(
            VALID.replace("id: 992011-test-shinsei", f"id: {case_id}"), encoding="utf-8"
        )
    result = _run(
        [folder / "992011-test-c.yml", folder / "992011-test-a.yml", folder / "992011-test-b.yml"], folder
    )
    assert [case.id for case in result.cases] == ["992011-test-a", "992011-test-b", "992011-test-c"]
    assert result.files_checked == 3


def test_a_file_given_by_its_absolute_path_is_named_from_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    broken = folder / "992011-test-broken.yml"
    broken.write_text("name: [テスト市\n", encoding="utf-8")  # a YAML error: the loader's problem
    vocabulary = load_vocabulary()  # read from the project before leaving it
    monkeypatch.chdir(tmp_path)
    result = validate_files(
        [broken.resolve()],
        cases_dir=folder,
        reference=load_reference(DATA / "reference"),
        vocabulary=vocabulary,
        today=TODAY,
    )
    assert [(p.path, p.rule) for p in result.problems] == [("cases/992011-test-broken.yml", "yaml-syntax")]


def test_a_file_that_cannot_be_loaded_does_not_stop_the_files_after_it(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "992011-test-a.yml").write_text("name: [テスト市\n", encoding="utf-8")
    (folder / "992011-test-shinsei.yml").write_text(VALID, encoding="utf-8")
    result = _run([folder], folder)
    assert [case.id for case in result.cases] == ["992011-test-shinsei"]
    assert [(p.path.rsplit("/", 1)[-1], p.rule) for p in result.problems] == [
        ("992011-test-a.yml", "yaml-syntax")
    ]
