"""MkDocs plugin ``jirei-csp``: a Content-Security-Policy ``<meta>`` at the top of every page.

The policy allows scripts from the site itself and, by their SHA-256 hash, exactly the
inline scripts the theme writes into that page (Material's few lines that read the
saved palette and scroll to an anchor; their text depends on the page's depth, so the
hashes are computed from each finished page). ``'unsafe-inline'`` is never used: a
script that got into a page some other way does not run. ``'wasm-unsafe-eval'`` lets
the Pagefind search compile its WebAssembly (it allows no JavaScript ``eval``).
``object-src 'none'`` and ``base-uri 'self'`` close plugins and ``<base>`` hijacking.

The redirect pages for renamed cases (jirei.site.outputs.redirects) have no script and carry
:func:`meta_tag` with no hashes.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority

# A <script> that runs: no src, and no type or a JavaScript type (JSON data blocks never run).
_INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE
)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)


def script_hash(body: str) -> str:
    """The CSP source for one inline script: 'sha256-<base64>' of its exact text (UTF-8)."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of the page's inline scripts that run, in order, without repeats."""
    hashes: dict[str, None] = {}
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        hashes[script_hash(match.group("body"))] = None
    return list(hashes)


def policy(hashes: Iterable[str] = ()) -> str:
    sources = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    return f"script-src {sources}; object-src 'none'; base-uri 'self'; form-action 'self'"


def meta_tag(hashes: Iterable[str] = ()) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'


def add_policy(html: str) -> str:
    """``html`` with the policy for its own inline scripts, right after ``<meta charset>``
    (before any script: a policy in a <meta> covers only what comes after it)."""
    tag = meta_tag(inline_script_hashes(html))
    anchor = _CHARSET.search(html) or _HEAD_START.search(html)
    if anchor is None:
        raise ValueError("a page without <head>: the Content-Security-Policy has nowhere to go")
    return html[: anchor.end()] + tag + html[anchor.end() :]


class CspPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    @event_priority(-100)  # after every other plugin has changed the page (jirei-page-frames fills frames)
    def on_post_page(self, output: str, /, **kwargs: Any) -> str:
        return add_policy(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, /, *, template_name: str, **kwargs: Any) -> str:
        return add_policy(output_content) if template_name.endswith(".html") else output_content
