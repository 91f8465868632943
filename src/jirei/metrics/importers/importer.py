"""``jirei metrics import``: read every given source, validate all, then write once."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jirei.metrics.importers.cfj_csv import parse_cfj_csv
from jirei.metrics.importers.merge import merge
from jirei.metrics.importers.parsed import ParsedFile
from jirei.metrics.importers.soumu_xlsx import parse_soumu_xlsx
from jirei.metrics.importers.totals import release_sum_problems
from jirei.metrics.store import load_metrics, write_metrics
from jirei.paths import find_root
from jirei.problems import JireiError, Problem, sort_key
from jirei.reference.municipalities import Reference

SOURCE_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class ImportSummary:
    files: int
    added: tuple[date, ...]
    unchanged: tuple[date, ...]
    rows_added: int
    changed_files: tuple[Path, ...]


def source_name(path: Path) -> str:
    """A stable name for releases.csv: relative to the project holding the file, else ``folder/file``."""
    resolved = path.resolve()
    root = find_root(resolved.parent)
    return resolved.relative_to(root).as_posix() if root else f"{resolved.parent.name}/{resolved.name}"


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES and p.is_file())
            if not found:
                problems.append(
                    Problem(
                        path=str(path),
                        rule="no-source",
                        message="取り込めるファイル（.csv / .xlsx）がありません",
                    )
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(
                Problem(path=str(path), rule="no-source", message="ファイルまたはフォルダがありません")
            )
    return files, problems


def parse_file(path: Path, reference: Reference) -> ParsedFile:
    content = path.read_bytes()
    parsed = ParsedFile(
        path=str(path), source_file=source_name(path), sha256=hashlib.sha256(content).hexdigest()
    )
    if content[:4] == b"PK\x03\x04" or path.suffix.lower() == ".xlsx":
        parse_soumu_xlsx(parsed, reference)
    else:
        parse_cfj_csv(parsed, content, reference)
    return parsed


def import_paths(paths: Sequence[Path], data_dir: Path, reference: Reference) -> ImportSummary:
    """Import all sources or nothing: any problem in any file raises JireiError before writing."""
    files, problems = expand(paths)
    parsed_files = [parse_file(path, reference) for path in files]
    for parsed in parsed_files:
        problems.extend(parsed.problems)
    if problems:
        raise JireiError(sorted(problems, key=sort_key))
    result = merge(load_metrics(data_dir), parsed_files)
    problems = result.problems or release_sum_problems(result.data, result.added, parsed_files)
    if problems:
        raise JireiError(sorted(problems, key=sort_key))
    changed = write_metrics(result.data, data_dir)
    return ImportSummary(
        files=len(files),
        added=tuple(sorted(result.added)),
        unchanged=tuple(sorted(result.unchanged)),
        rows_added=result.rows_added,
        changed_files=tuple(changed),
    )
