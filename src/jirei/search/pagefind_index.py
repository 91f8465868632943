"""Index a built site with Pagefind (the extended build from PyPI, through its Python API).

Only each page's article is indexed (``ROOT_SELECTOR``), so the header, navigation
and footer shared by every page never match a query. Parts of an article that
would drown the cases (lists of other pages, data tables, chart drawings) carry
``data-pagefind-ignore`` in the templates; ``EXCLUDE_SELECTORS`` removes the
theme's own decorations (heading permalinks ¶, buttons).

Each page passes through :func:`jirei.search.index_terms.augment` on its way to Pagefind:
the terms of the search dictionary whose aliases it contains, and the ``section`` filter
(``guide`` for the pages about the site). The HTML files on disk are not changed.

The 1,741 municipality and 47 prefecture pages are left out (``UNINDEXED_SECTIONS``):
they are found by name, reading, romaji, ward, code and published spellings through
``data/places.json`` (docs/javascripts/search-query.js), and their own text is figures.
Leaving them out took about a fifth off Pagefind's time (9.1 → 7.3 s at 2,000 cases) and
nearly half off its index (17 → 9 MB).
"""

from __future__ import annotations

import asyncio
import shutil
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
BATCH = 64


def indexed_pages(site_dir: Path) -> Iterator[tuple[Path, str]]:
    """(file, site-root URL) for every HTML page outside ``UNINDEXED_SECTIONS``, sorted.

    URLs are those Pagefind's CLI gives: ``cases/x/index.html`` → ``/cases/x/``."""
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir)
        if len(relative.parts) > 1 and relative.parts[0] in UNINDEXED_SECTIONS:
            continue
        url = "/" + relative.as_posix()
        yield path, url[: -len("index.html")] if url.endswith("/index.html") or url == "/index.html" else url


async def _write_index(site_dir: Path, output: Path, dictionary: SearchDictionary) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        root_selector=ROOT_SELECTOR,
        exclude_selectors=list(EXCLUDE_SELECTORS),
        force_language=LANGUAGE,
    )
    pages = list(indexed_pages(site_dir))
    async with PagefindIndex(config=config) as index:
        # Sent in batches: the service answers requests in any order, and waiting for each
        # page in turn doubled the time.
        for start in range(0, len(pages), BATCH):
            await asyncio.gather(
                *(
                    index.add_html_file(
                        content=augment(path.read_text(encoding="utf-8"), url, dictionary), url=url
                    )
                    for path, url in pages[start : start + BATCH]
                )
            )
        await index.write_files(output_path=str(output.resolve()))
    return len(pages)


def write_index(site_dir: Path, output: Path, dictionary: SearchDictionary) -> None:
    """Run Pagefind over the site into ``output``; a JireiError (rule ``pagefind``) on failure."""
    try:
        asyncio.run(_write_index(site_dir, output, dictionary))
    except Exception as error:  # the service reports its failures as plain exceptions
        raise JireiError(
            [Problem(str(site_dir), "pagefind", f"検索インデックスを作れませんでした（Pagefind）: {error}")]
        ) from error


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
