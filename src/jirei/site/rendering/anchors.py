"""Heading anchors, computed with the same slugify function mkdocs.yml configures for the toc."""

from __future__ import annotations

from pymdownx.slugs import slugify

_slugify = slugify(case="lower")


def anchor(text: str) -> str:
    """The id Markdown gives a heading with this text (Japanese is kept, as in the URL)."""
    return str(_slugify(text, "-"))
