"""Where a jirei project's inputs live: found from the working directory, like mkdocs or ruff.

The project root is the nearest directory, from the working directory upward, that holds
both ``mkdocs.yml`` and ``cases/``; ``jirei --root DIR`` names it instead. Nothing here looks
at where the package is installed, so a checkout's ``jirei`` run inside another checkout
works on the other checkout, and a non-editable install works at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jirei.problems import JireiError, Problem

# The repository's web address, for 「この事例を編集」 links to a case's YAML file.
REPO_URL = "https://github.com/jirei-project/jirei"

# The published site's address (the same as site_url in mkdocs.yml; a test keeps them equal).
# Permalinks, the feed, citations and JSON-LD are absolute URLs under it.
SITE_URL = "https://jirei-project.github.io/jirei/"
SITE_NAME = "jirei 自治体DX事例集"

MARKERS = ("mkdocs.yml", "cases")


@dataclass(frozen=True)
class Project:
    """One checkout of the project: its root and the folders jirei reads and writes."""

    root: Path

    @cached_property
    def cases_dir(self) -> Path:
        return self.root / "cases"

    @cached_property
    def schema_path(self) -> Path:
        return self.root / "schema" / "case.schema.json"

    @cached_property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @cached_property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @cached_property
    def data_dir(self) -> Path:
        return self.root / "data"

    @cached_property
    def metrics_dir(self) -> Path:
        return self.data_dir / "metrics"

    @cached_property
    def reference_dir(self) -> Path:
        return self.data_dir / "reference"

    @cached_property
    def published_urls(self) -> Path:
        return self.data_dir / "published-urls.txt"


def is_root(directory: Path) -> bool:
    return (directory / MARKERS[0]).is_file() and (directory / MARKERS[1]).is_dir()


def find_root(start: Path) -> Path | None:
    """The nearest directory from ``start`` upward that is a project root, or None."""
    start = start.resolve()
    return next((d for d in (start, *start.parents) if is_root(d)), None)


_chosen: Project | None = None


def use_root(directory: Path | None) -> None:
    """Fix the project root for this process (``--root``); None goes back to the working directory."""
    global _chosen
    if directory is None:
        _chosen = None
        return
    resolved = directory.expanduser().resolve()
    if not is_root(resolved):
        raise JireiError([_not_found(str(directory), "指定したフォルダ")])
    _chosen = Project(resolved)


def project() -> Project:
    """The project jirei works on: the ``--root`` one, else the one around the working directory."""
    if _chosen is not None:
        return _chosen
    cwd = Path.cwd()
    root = find_root(cwd)
    if root is None:
        raise JireiError([_not_found(str(cwd), "作業フォルダとその上のフォルダ")])
    return Project(root)


def _not_found(where: str, searched: str) -> Problem:
    return Problem(
        path=where,
        rule="project-root",
        message=f"{searched}に jirei のプロジェクト（mkdocs.yml と cases/ のあるフォルダ）が見つかりません。",
        got=where,
        hint="リポジトリのフォルダに移ってから実行するか、jirei --root <フォルダ> で指定してください。",
    )
