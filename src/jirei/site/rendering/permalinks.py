"""Absolute permalinks (under SITE_URL) for pages and data files, for feeds, citations and JSON-LD."""

from __future__ import annotations

from jirei.paths import SITE_URL


def site_url(path: str = "") -> str:
    """'cases/x/' → 'https://…/jirei/cases/x/' (path relative to the site root)."""
    return SITE_URL + path.lstrip("/")


def case_url(case_id: str) -> str:
    return site_url(f"cases/{case_id}/")


def municipality_url(code: str) -> str:
    return site_url(f"municipalities/{code}/")
