"""Index a built site with Pagefind (``python -m pagefind``, the extended build from PyPI).

Only each page's article is indexed (``ROOT_SELECTOR``), so the header, navigation
and footer shared by every page never match a query. Parts of an article that
would drown the cases (lists of other pages, data tables, chart drawings) carry
``data-pagefind-ignore`` in the templates; ``EXCLUDE_SELECTORS`` removes the
theme's own decorations (heading permalinks ¶, buttons).

The 1,741 municipality and 47 prefecture pages are left out (``UNINDEXED_SECTIONS``):
they are found by name, reading, code and published spellings through
``data/places.json`` (docs/javascripts/search.js), and their own text is figures.
Leaving them out took about a fifth off Pagefind's time (9.1 → 7.3 s at 2,000 cases) and
nearly half off its index (17 → 9 MB).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from jirei.problems import JireiError, Problem

ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE_SELECTORS = (".headerlink", ".md-content__button", ".md-source-file", "svg")
LANGUAGE = "ja"
OUTPUT_SUBDIR = "pagefind"
UNINDEXED_SECTIONS = frozenset({"municipalities", "prefectures", OUTPUT_SUBDIR})


def page_glob(site_dir: Path) -> str:
    """Pagefind's ``--glob``: every HTML file except those under ``UNINDEXED_SECTIONS``.

    Pagefind's globs cannot exclude, so the top-level folders of the built site are listed."""
    folders = sorted(
        f"{path.name}/**/*.html"
        for path in site_dir.iterdir()
        if path.is_dir() and path.name not in UNINDEXED_SECTIONS
    )
    return "{" + ",".join(["*.html", *folders]) + "}"


def pagefind_command(site_dir: Path, output: Path) -> list[str]:
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-path", str(output.resolve()),
        "--root-selector", ROOT_SELECTOR,
        "--glob", page_glob(site_dir),
        "--force-language", LANGUAGE,
        "--quiet",
    ]  # fmt: skip
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def index_site(site_dir: Path) -> Path:
    """Write ``<site_dir>/pagefind/``; returns that folder. Raises JireiError on failure.

    The index is written beside the site first and moved into place only when
    Pagefind succeeded, so a failed run leaves the previous index untouched.
    """
    if not (site_dir / "index.html").is_file():
        raise JireiError(
            [
                Problem(
                    str(site_dir),
                    "site-missing",
                    "ビルド済みのサイトが見つかりません。先に `mkdocs build --strict` を実行してください",
                )
            ]
        )
    staging = site_dir.parent / f".{site_dir.name}-pagefind-staging"
    shutil.rmtree(staging, ignore_errors=True)
    completed = subprocess.run(
        pagefind_command(site_dir, staging), capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        detail = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
        shutil.rmtree(staging, ignore_errors=True)
        raise JireiError(
            [
                Problem(
                    str(site_dir),
                    "pagefind",
                    "検索インデックスを作れませんでした（Pagefind の終了コード "
                    f"{completed.returncode}）: " + " / ".join(detail),
                )
            ]
        )
    target = site_dir / OUTPUT_SUBDIR
    shutil.rmtree(target, ignore_errors=True)
    staging.replace(target)
    return target
