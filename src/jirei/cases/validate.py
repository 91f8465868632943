"""Validate case files: load safely → schema → rules → cross-file checks → typed cases."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jirei.cases.file_checks import unsafe_file
from jirei.cases.hostile import hostile_problems
from jirei.cases.loader import load_yaml
from jirei.cases.model import Case, build_case
from jirei.cases.rules import RuleContext, problem_at, rule_problems, values_at
from jirei.cases.schema import schema_problems
from jirei.cases.vocabulary import Vocabulary, load_vocabulary
from jirei.cases.yaml_values import LoadedYaml
from jirei.metrics.store import MetricsData, load_metrics
from jirei.parallel import chunks, parallel_map
from jirei.paths import project
from jirei.problems import Problem, sort_key
from jirei.reference.municipalities import Reference, load_reference

CASE_FILE = re.compile(r"^[0-9]{6}-[a-z0-9]+(-[a-z0-9]+)*\.yml$")
FILES_PER_RUN = 100  # files checked per task when the work is spread over cores


@dataclass(frozen=True)
class ValidationResult:
    cases: tuple[Case, ...]  # the files without errors, sorted by id
    problems: tuple[Problem, ...]
    files_checked: int

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def display_path(path: Path) -> str:
    """Path as the contributor knows it: relative to the working folder when possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Case files under the given paths (folders are searched for *.yml and *.yaml).
    Symbolic links and other files that are not plain are refused unread (file_checks)."""
    files: list[Path] = []
    problems: list[Problem] = []

    def add(path: Path, folder: Path | None = None) -> None:
        shown = f"{display_path(path.parent)}/{path.name}"  # not resolved: a link's target stays unnamed
        refused = unsafe_file(path, shown, folder)
        if refused:
            problems.append(refused)
        else:
            files.append(path)

    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for found in sorted([*path.glob("*.yml"), *path.glob("*.yaml")]):
                add(found, path)
        elif path.exists() or path.is_symlink():
            add(path)
        else:
            problems.append(Problem(display_path(path), "file-missing", "ファイルが見つかりません"))
    return files, problems


def _file_name_problem(path: Path) -> Problem | None:
    if CASE_FILE.match(path.name):
        return None
    return Problem(
        path=display_path(path),
        rule="file-name",
        message="事例ファイルの名前は <6桁の団体コード>-<英小文字・数字の略称>.yml にしてください",
        got=f'"{path.name}"',
        hint="例: 172065-kaga-denshi-shinsei.yml（拡張子は .yml、英大文字・空白・日本語は使わない）",
    )


def _known_ids(cases_dir: Path, files: Iterable[Path]) -> frozenset[str]:
    stems = {path.stem for path in cases_dir.glob("*.yml")} if cases_dir.is_dir() else set()
    return frozenset(stems | {path.stem for path in files})


def _claimed_twice(
    loaded_files: Sequence[LoadedYaml], field_path: str, rule: str, message: str, hint: Callable[[str], str]
) -> list[Problem]:
    """A value at ``field_path`` that an earlier file already claimed (``hint`` gets that file)."""
    seen: dict[str, str] = {}
    problems = []
    for loaded in loaded_files:
        for path, value in values_at(loaded.data, field_path):
            if not isinstance(value, str):
                continue
            if value in seen and seen[value] != loaded.path:
                problems.append(
                    problem_at(loaded, path, rule, message, got=f'"{value}"', hint=hint(seen[value]))
                )
            seen.setdefault(value, loaded.path)
    return problems


ID_FIELD, FORMER_IDS_FIELD = "id", "former_ids[]"  # values no two files may claim


def _duplicate_ids(loaded_files: Sequence[LoadedYaml]) -> list[Problem]:
    return _claimed_twice(
        loaded_files, ID_FIELD, "id-unique", "この id はほかの事例ですでに使われています",
        lambda other: f"{other} と違う id にしてください",
    )  # fmt: skip


def _shared_former_ids(loaded_files: Sequence[LoadedYaml]) -> list[Problem]:
    """Each former id redirects to one case only."""
    return _claimed_twice(
        loaded_files, FORMER_IDS_FIELD, "former-id", "この旧 id はほかの事例の former_ids にも書かれています",
        lambda other: f"旧 URL の転送先は 1 つだけです。{other} とどちらが正しいか確かめてください",
    )  # fmt: skip


def _for_cross_checks(loaded: LoadedYaml) -> LoadedYaml:
    """The file as the checks across files need it: the data, and the marks of the values
    they compare. A file has hundreds of marks; without them a checked file is much cheaper
    to send back from a worker process."""
    fields = (ID_FIELD, FORMER_IDS_FIELD)
    marks = {path: loaded.value_marks[path] for field in fields for path, _ in values_at(loaded.data, field)}
    return LoadedYaml(loaded.path, loaded.data, marks, {})


@dataclass(frozen=True)
class _FileCheck:
    """One file on its own: loaded, against the schema and the rules (not yet against the others)."""

    loaded: LoadedYaml | None  # only as the checks across files need it (_for_cross_checks)
    problems: tuple[Problem, ...]  # the file name's, then loading, schema and rule problems
    valid: bool  # no errors at all


def _check_file(path: Path, context: RuleContext) -> _FileCheck:
    name_problem = _file_name_problem(path)
    problems = [name_problem] if name_problem else []
    loaded, load_problems = load_yaml(path, display_path(path))
    problems += load_problems
    if loaded is None:
        return _FileCheck(None, tuple(problems), valid=False)
    problems += [*schema_problems(loaded), *rule_problems(loaded, context), *hostile_problems(loaded)]
    valid = name_problem is None and not any(p.is_error for p in problems)
    return _FileCheck(_for_cross_checks(loaded), tuple(problems), valid)


def _check_files(files: Sequence[Path], context: RuleContext) -> list[_FileCheck]:
    """Every file checked on its own, in order, in runs spread over the cores (jirei.parallel)."""
    runs = chunks(files, FILES_PER_RUN)
    return [
        check
        for run in parallel_map(lambda run: [_check_file(p, context) for p in run], runs)
        for check in run
    ]


def default_metrics() -> MetricsData | None:
    directory = project().metrics_dir
    return load_metrics(directory) if (directory / "municipalities.csv").exists() else None


def validate_files(
    paths: Sequence[Path],
    *,
    cases_dir: Path | None = None,
    reference: Reference | None = None,
    vocabulary: Vocabulary | None = None,
    metrics: MetricsData | None = None,
    today: date | None = None,
) -> ValidationResult:
    files, problems = discover(paths)
    context = RuleContext(
        reference=reference or load_reference(),
        vocabulary=vocabulary or load_vocabulary(),
        known_ids=_known_ids(cases_dir or project().cases_dir, files),
        today=today or date.today(),
        metrics=metrics,
    )
    loaded_files: list[LoadedYaml] = []
    valid: dict[str, LoadedYaml] = {}
    for check in _check_files(files, context):
        problems.extend(check.problems)
        if check.loaded is None:
            continue
        loaded_files.append(check.loaded)
        if check.valid:
            valid[check.loaded.path] = check.loaded
    duplicates = [*_duplicate_ids(loaded_files), *_shared_former_ids(loaded_files)]
    problems.extend(duplicates)
    for problem in duplicates:
        valid.pop(problem.path, None)
    cases = sorted((build_case(loaded.data) for loaded in valid.values()), key=lambda case: case.id)
    return ValidationResult(tuple(cases), tuple(sorted(problems, key=sort_key)), len(files))
