"""Where each generated page lives under docs/, and relative links between them.

These paths are the site's permalinks (``cases/<id>/``, ``municipalities/<code>/``,
``prefectures/<code>/``): change them only with redirects.
"""

from __future__ import annotations

import posixpath

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


def relative(from_page: str, to_page: str) -> str:
    """Relative link from one docs/ path to another (so `mkdocs build --strict` checks it)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
