"""A MkDocs config for building generated docs/ somewhere else (tests, benchmark): it inherits
the repository's mkdocs.yml and points the theme overrides back at the repository."""

from __future__ import annotations

from pathlib import Path

from jirei.paths import project


def write_inherited_config(
    path: Path, *, site_dir: str = "site", docs_dir: str = "docs", extra: str = ""
) -> Path:
    """Write ``path`` (next to ``docs_dir``); ``extra`` is appended YAML (e.g. a ``plugins:`` override)."""
    root = project().root
    path.write_text(
        f"INHERIT: {root / 'mkdocs.yml'}\n"
        f"docs_dir: {docs_dir}\n"
        f"site_dir: {site_dir}\n"
        f"theme:\n  custom_dir: {root / 'overrides'}\n"  # relative paths resolve against this file
        f"{extra}",
        encoding="utf-8",
    )
    return path
