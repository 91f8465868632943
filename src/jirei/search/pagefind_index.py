"""Index a built site with Pagefind (``python -m pagefind``, the extended build from PyPI).

Only each page's article is indexed (``ROOT_SELECTOR``), so the header, navigation
and footer shared by every page never match a query. Parts of an article that
would drown the cases (lists of other pages, data tables, chart drawings) carry
``data-pagefind-ignore`` in the templates; ``EXCLUDE_SELECTORS`` removes the
theme's own decorations (heading permalinks ¶, buttons).

Each page passes through :func:`jirei.search.index_terms.augment` on its way to Pagefind:
the keys of the search dictionary whose words it contains, and the ``section`` filter
(``guide`` for the pages about the site). The augmented copies are written to a temporary
folder beside the site and Pagefind's command line indexes that folder (its Python API,
which takes one page at a time, was several times slower); the site's own HTML files are
not changed.

The 1,741 municipality and 47 prefecture pages are left out (``UNINDEXED_SECTIONS``):
they are found by name, reading, romaji, ward, code and published spellings through
``data/places.json`` (docs/javascripts/search-query.js), and their own text is figures.
Leaving them out took about a fifth off Pagefind's time (9.1 → 7.3 s at 2,000 cases) and
nearly half off its index (17 → 9 MB).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from jirei.problems import JireiError, Problem
from jirei.search.dictionary import SearchDictionary, load_dictionary
from jirei.search.index_terms import augment

ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE_SELECTORS = (".headerlink", ".md-content__button", ".md-source-file", "svg")
LANGUAGE = "ja"
OUTPUT_SUBDIR = "pagefind"
UNINDEXED_SECTIONS = frozenset({"municipalities", "prefectures", OUTPUT_SUBDIR})


def indexed_pages(site_dir: Path) -> Iterator[tuple[Path, str]]:
    """(file, site-root URL) for every HTML page outside ``UNINDEXED_SECTIONS``, sorted.

    URLs are those Pagefind gives: ``cases/x/index.html`` → ``/cases/x/``."""
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir)
        if len(relative.parts) > 1 and relative.parts[0] in UNINDEXED_SECTIONS:
            continue
        url = "/" + relative.as_posix()
        yield path, url.removesuffix("index.html")


def pagefind_command(pages_dir: Path, output: Path) -> list[str]:
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(pages_dir),
        "--output-path", str(output.resolve()),
        "--root-selector", ROOT_SELECTOR,
        "--force-language", LANGUAGE,
        "--quiet",
    ]  # fmt: skip
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def write_pages(site_dir: Path, pages_dir: Path, dictionary: SearchDictionary) -> int:
    """Write the augmented copy of every indexed page under ``pages_dir``; returns their number."""
    count = 0
    for path, url in indexed_pages(site_dir):
        target = pages_dir / path.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(augment(path.read_text(encoding="utf-8"), url, dictionary), encoding="utf-8")
        count += 1
    return count


def write_index(site_dir: Path, output: Path, dictionary: SearchDictionary) -> None:
    """Run Pagefind over the augmented pages into ``output``; a JireiError (rule ``pagefind``) on failure."""
    with tempfile.TemporaryDirectory(dir=site_dir.parent, prefix=f".{site_dir.name}-pages-") as pages:
        write_pages(site_dir, Path(pages), dictionary)
        completed = subprocess.run(
            pagefind_command(Path(pages), output), capture_output=True, text=True, check=False
        )
    if completed.returncode != 0:
        detail = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
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


def index_site(site_dir: Path, dictionary: SearchDictionary | None = None) -> Path:
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
    dictionary = dictionary or load_dictionary()
    staging = site_dir.parent / f".{site_dir.name}-pagefind-staging"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        write_index(site_dir, staging, dictionary)
    except JireiError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    target = site_dir / OUTPUT_SUBDIR
    shutil.rmtree(target, ignore_errors=True)
    staging.replace(target)
    return target
