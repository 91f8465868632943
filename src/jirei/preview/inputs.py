"""What changed among the generator's inputs since the last look: a snapshot of (mtime, size)
per file under cases/, templates/ and data/."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

Snapshot = Mapping[Path, tuple[int, int]]


def snapshot(folders: Iterable[Path]) -> dict[Path, tuple[int, int]]:
    """(mtime in ns, size) of every file under ``folders`` (editors' hidden files skipped)."""
    files: dict[Path, tuple[int, int]] = {}
    for folder in folders:
        for path in Path(folder).rglob("*"):
            if path.name.startswith(".") or not path.is_file():
                continue
            stat = path.stat()
            files[path] = (stat.st_mtime_ns, stat.st_size)
    return files


@dataclass(frozen=True)
class Changes:
    changed: frozenset[Path]  # added, removed or modified
    added_or_removed: bool

    def __bool__(self) -> bool:
        return bool(self.changed)

    def only_under(self, folder: Path) -> bool:
        return all(path.is_relative_to(folder) for path in self.changed)


def compare(before: Snapshot, after: Snapshot) -> Changes:
    added_or_removed = before.keys() != after.keys()
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    return Changes(frozenset(changed), added_or_removed)
