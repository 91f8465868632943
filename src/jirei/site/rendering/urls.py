"""Where each generated page lives under docs/, and relative links between them.

These paths are the site's permalinks (``cases/<id>/``, ``municipalities/<code>/``,
``prefectures/<code>/``): change them only with redirects.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

OVERVIEW_PAGE = "metrics/index.md"
CONTRIBUTE_PAGE = "contributing/index.md"  # hand-written
# Every municipality's series, copied from data/metrics/ by the build (one file instead of one per municipality).
MUNICIPALITIES_CSV = "data/metrics/municipalities.csv"


def case_page(case_id: str) -> str:
    return f"cases/{case_id}.md"


def municipality_page(code: str) -> str:
    return f"municipalities/{code}.md"


def prefecture_page(pref_code: str) -> str:
    return f"prefectures/{pref_code}.md"


def _components(path: str) -> list[str] | None:
    """The parts of a plain relative path ('a/b', 'a/b/', '.' → []); None for anything else."""
    if path == ".":
        return []
    parts = path.removesuffix("/").split("/")
    if path.startswith("/") or any(part in ("", ".", "..") for part in parts):
        return None
    return parts


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` worked out from the strings alone for plain relative paths
    (about 10 times faster: no current folder and no normalising), else by posixpath."""
    to, origin = _components(path), _components(start)
    if to is None or origin is None:
        return posixpath.relpath(path, start)
    common = 0
    while common < min(len(to), len(origin)) and to[common] == origin[common]:
        common += 1
    return "/".join([".."] * (len(origin) - common) + to[common:]) or "."


def relative(from_page: str, to_page: str) -> str:
    """Relative link from one docs/ path to another (so `mkdocs build --strict` checks it)."""
    return _relative_to_folder(to_page, posixpath.dirname(from_page) or ".")


@lru_cache(maxsize=16384)
def _relative_to_folder(to_page: str, folder: str) -> str:
    """Remembered: the pages of one folder link to the same pages (a few folders, ~4,000 pages)."""
    return relpath(to_page, folder)


def page_url(page: str) -> str:
    """The URL path MkDocs gives a docs/ page (directory URLs): 'cases/x.md' → 'cases/x/',
    'cases/index.md' → 'cases/', 'index.md' → ''."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_page: str, to_page: str) -> str:
    """Relative URL between the built pages of two docs/ pages, for links inside finished HTML
    (verbatim blocks), which MkDocs does not rewrite: 'municipalities/1.md' → 'prefectures/01.md'
    gives '../../prefectures/01/'. A '#fragment' on ``to_page`` is kept."""
    path, hash_mark, fragment = to_page.partition("#")
    target = relpath(page_url(path) or ".", _built_folder(from_page))
    target = "./" if target == "." else target.rstrip("/") + "/"
    return target + hash_mark + fragment


def relative_file_url(from_page: str, file_path: str) -> str:
    """Relative URL from a built page to a file copied as is ('data/metrics/x.csv')."""
    return relpath(file_path, _built_folder(from_page))


def _built_folder(page: str) -> str:
    """The folder a docs/ page is built into, relative to the site root ('.' for the home page)."""
    return page_url(page).rstrip("/") or "."
