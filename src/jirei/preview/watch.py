"""The preview's watcher: docs/ is watched only where people write, never where the generator
writes, so the generator's own writes do not start a second rebuild."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from jirei.site.outputs.writer import MANIFEST


class Watcher(Protocol):
    def watch(self, path: str) -> None: ...

    def unwatch(self, path: str) -> None: ...


def generated_files(docs_dir: Path) -> set[str]:
    """The files the last full build generated (docs/.jirei-generated.txt), and the manifest."""
    manifest = docs_dir / MANIFEST
    lines = manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []
    return {line for line in lines if line} | {MANIFEST}


def hand_written(docs_dir: Path, generated: set[str], folder: Path | None = None) -> Iterator[Path]:
    """The fewest paths covering every hand-written file: a folder without generated files
    whole, otherwise its hand-written files one by one."""
    for path in sorted((folder or docs_dir).iterdir()):
        relative = path.relative_to(docs_dir).as_posix()
        if path.is_file() and relative not in generated and not path.name.startswith(".tmp-"):
            yield path
        elif path.is_dir():
            if any(name.startswith(f"{relative}/") for name in generated):
                yield from hand_written(docs_dir, generated, path)
            else:
                yield path


def watch_hand_written(server: Watcher, docs_dir: Path) -> list[Path]:
    """Replace the server's watch of docs/ with watches of its hand-written files and folders."""
    server.unwatch(str(docs_dir))
    paths = list(hand_written(docs_dir, generated_files(docs_dir)))
    for path in paths:
        server.watch(str(path))
    return paths
