"""Heading anchors, computed with the same slugify function mkdocs.yml configures for the toc."""

from __future__ import annotations

from jirei.site.rendering.slugs import slugify


def anchor(text: str) -> str:
    """The id Markdown gives a heading with this text (jirei.site.rendering.slugs: short ASCII ids)."""
    return slugify(text, "-")
