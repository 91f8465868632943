"""MkDocs plugin ``jirei-sanitize``: every page's content HTML through an allowlist sanitizer.

Case text is escaped before it reaches Markdown (jirei.site.rendering.jinja), and the validator
refuses markup and unsafe links; this is the layer under both. After Markdown has made
the page's HTML, nh3 (the Ammonia sanitizer) keeps only the tags, attributes and URL
schemes the pages are built from (listed below), so whatever slips past the checks,
an event handler, a ``javascript:`` link written in a way no check thought of, a
``<script>``, cannot reach a published page. Generator-made HTML (charts, tables, the
finder form) uses only what is listed; a page that needs something new fails the
whole-site scan in tests/site/test_hostile_site.py until it is listed here.
"""

from __future__ import annotations

from typing import Any

import nh3
from mkdocs.plugins import BasePlugin

URL_SCHEMES = frozenset({"http", "https", "mailto"})  # and relative URLs (nh3 keeps them as they are)

_SVG_SHAPE = {"class", "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray"}

TAGS = frozenset(
    {
        *("a", "abbr", "br", "code", "em", "strong", "span", "sup", "sub", "small", "kbd", "mark"),
        *("p", "div", "hr", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "nav"),
        *("ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption"),
        *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"),
        *("form", "input", "label", "select", "option", "button", "fieldset", "legend", "noscript"),
        "textarea",  # the 「事例を提案する」 form (templates/propose.md.j2)
        *("svg", "g", "defs", "desc", "title", "pattern", "line", "path", "polyline", "polygon"),
        *("rect", "circle", "text", "tspan"),
    }
)

ATTRIBUTES: dict[str, set[str]] = {
    "*": {
        *("id", "class", "lang", "title", "role", "hidden", "aria-label", "aria-labelledby", "aria-live"),
        *("aria-describedby", "aria-controls"),  # the comparison page's search field
    },
    "a": {"href"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "ol": {"start"},
    "form": {"action", "method"},
    "input": {"type", "name", "value", "autocomplete", "spellcheck", "placeholder", "checked", "required"},
    "textarea": {"name", "rows", "required"},
    "label": {"for"},
    "select": {"name", "multiple"},
    "option": {"value", "selected"},
    "button": {"type"},
    "svg": {"viewBox", "xmlns", "width", "height", "font-family", "font-size", "aria-hidden", "focusable"},
    "g": {*_SVG_SHAPE, "transform", "text-anchor", "aria-hidden"},  # aria-hidden: map layers (choropleth.py)
    "pattern": {"width", "height", "patternUnits", "patternTransform"},
    "line": {*_SVG_SHAPE, "x1", "x2", "y1", "y2"},
    "path": {*_SVG_SHAPE, "d", "aria-hidden"},
    "polyline": {*_SVG_SHAPE, "points"},
    "polygon": {*_SVG_SHAPE, "points"},
    "rect": {*_SVG_SHAPE, "x", "y", "width", "height", "rx", "ry"},
    "circle": {*_SVG_SHAPE, "cx", "cy", "r"},
    "text": {"fill", "text-anchor", "x", "y", "dx", "dy", "font-size", "font-weight"},
    "tspan": {"fill", "x", "y", "dx", "dy"},
}
STYLE_PROPERTIES = frozenset({"text-align"})  # Markdown tables align columns with style="text-align: …"
DATA_PREFIX = frozenset({"data-"})  # the finder's filters and Pagefind's data-pagefind-* markers


def sanitize_html(html: str) -> str:
    """``html`` with everything outside the allowlist removed (tags unwrapped, attributes dropped,
    URLs with other schemes removed, comments dropped, ``<script>``/``<style>`` removed with their content)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        generic_attribute_prefixes=set(DATA_PREFIX),
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        filter_style_properties=set(STYLE_PROPERTIES),
        strip_comments=True,
    )


class SanitizePlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    def on_page_content(self, html: str, /, **kwargs: Any) -> str:
        return sanitize_html(html)
