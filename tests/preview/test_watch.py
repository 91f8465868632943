"""The preview watches docs/ only where people write: the generator's writes start no rebuild."""

from __future__ import annotations

from pathlib import Path

from jirei.preview.watch import watch_hand_written
from jirei.site.outputs.writer import write_outputs


class FakeServer:
    def __init__(self) -> None:
        self.watched: list[str] = []
        self.unwatched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)

    def unwatch(self, path: str) -> None:
        self.unwatched.append(path)


def test_generated_files_are_not_watched(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for hand in ("about.md", "stylesheets/jirei.css", "contributing/index.md"):
        (docs / hand).parent.mkdir(parents=True, exist_ok=True)
        (docs / hand).write_text("手書き", encoding="utf-8")
    write_outputs({"index.md": "生成", "cases/a.md": "生成", "contributing/fields.md": "生成"}, docs)
    server = FakeServer()

    watch_hand_written(server, docs)

    assert server.unwatched == [str(docs)]
    assert sorted(Path(path).relative_to(docs).as_posix() for path in server.watched) == [
        "about.md",
        "contributing/index.md",
        "stylesheets",
    ]
