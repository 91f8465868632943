"""MkDocs plugin ``jirei-page-frames``: render the theme's page frame once for pages that share it.

The 1,741 municipality and 47 prefecture pages differ only in their title, URL and
content: the same depth, the same table of contents, no navigation entry, no other
front matter. Rendering Material's ``main.html`` for each of them was most of the
remaining ``mkdocs build`` time. This plugin renders the first page of each such group
through the theme as usual, keeps the output around the content as the group's
*frame*, and fills every later page of the group into it, replacing the title, the
canonical URL and the first heading's anchor (the skip link).

Nothing is assumed, it is checked: the second page of a group is rendered by the theme
*and* filled in, and the group is used only when both are byte-identical. A group that
fails the check, a page in the navigation, with an edit link, with its own ``template``, or
with a title that HTML escaping would change, is always rendered by the theme. Engines without plugins
(Zensical) render every page; the output is the same.

Measured on the real site (2 cores shared with other work, 2026-12-07, two runs each):
``mkdocs build`` 10.9 s and 23.4 s with the plugin, 16.3 s and 30.3 s without it (5–7 s
saved a build), so it stays.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.jirei.page_frames")

FILL_FLAG = "jirei_fill_frame"  # in the template context: render nothing, the plugin fills the frame
FRAME_TEMPLATE = "jirei-frame.html"  # the theme's main.html, or nothing for a page to fill in
FRAME_TEMPLATE_SOURCE = f'{{%- if not {FILL_FLAG} -%}}{{% include "main.html" %}}{{%- endif -%}}'
_HTML_SPECIAL = set("&<>\"'")
MIN_GROUP_SIZE = 3  # one page captured, one checked, one filled

GroupKey = tuple[object, ...]


class _State(Enum):
    CANDIDATE = "candidate"  # captured from the first page, not yet checked
    VERIFIED = "verified"
    REJECTED = "rejected"


@dataclass
class Frame:
    """The theme's output around one page's content, and that page's varying parts."""

    head: str
    tail: str
    title: str
    canonical_url: str
    anchor: str

    @classmethod
    def capture(cls, output: str, page: Page) -> Frame | None:
        if not page.content or not page.canonical_url or output.count(page.content) != 1:
            return None
        parts = output.split(page.content)
        return cls(parts[0], parts[1], str(page.title), page.canonical_url, _first_anchor(page))

    def fill(self, page: Page) -> str:
        return self._swap(self.head, page) + (page.content or "") + self._swap(self.tail, page)

    def _swap(self, text: str, page: Page) -> str:
        text = text.replace(str(escape(self.title)), str(escape(page.title)))
        text = text.replace(self.canonical_url, page.canonical_url or "")
        return text.replace(f'href="{self.anchor}"', f'href="{_first_anchor(page)}"')


def _first_anchor(page: Page) -> str:
    return page.toc.items[0].url if page.toc.items else ""


def _toc_shape(items: list[AnchorLink], *, skip_first_title: bool) -> tuple[object, ...]:
    """The table of contents as a comparable value; the first heading (the page title) left out."""
    shape = []
    for position, item in enumerate(items):
        first = skip_first_title and position == 0
        label = None if first else (item.title, item.url)
        shape.append((item.level, label, _toc_shape(item.children, skip_first_title=False)))
    return tuple(shape)


def group_key(page: Page, in_nav: set[str]) -> GroupKey | None:
    """What the theme's frame depends on besides title, URL and content; None: render normally.

    ``in_nav``: source paths of the pages in the navigation (their frame marks them active)."""
    title = str(page.title or "")
    if (
        page.file.src_uri in in_nav
        or page.is_homepage
        or page.edit_url is not None
        or "template" in page.meta
    ):
        return None
    if not title or _HTML_SPECIAL.intersection(title):
        return None
    meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k != "title"))
    return (page.url.count("/"), meta, _toc_shape(page.toc.items, skip_first_title=True))


class PageFramesPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._keys: dict[str, GroupKey] = {}
        self._frames: dict[GroupKey, tuple[_State, Frame | None]] = {}
        self._filled = 0
        self._in_nav: set[str] = set()
        self._pages: list[Page] = []

    def on_page_content(self, html: str, /, *, page: Page, **kwargs: Any) -> str:
        key = group_key(page, self._in_nav)
        if key is not None:
            self._keys[page.file.src_uri] = key
            self._pages.append(page)
        return html

    def on_env(self, env: Environment, /, **kwargs: Any) -> Environment:
        """Every page has been read: keep the groups worth a frame (one page captured, one
        checked, at least one filled) and route their pages through the frame template."""
        sizes = Counter(self._keys.values())
        for page in self._pages:
            if sizes[self._keys[page.file.src_uri]] >= MIN_GROUP_SIZE:
                page.meta["template"] = FRAME_TEMPLATE
            else:
                del self._keys[page.file.src_uri]
        self._pages.clear()
        theme = [env.loader] if env.loader else []
        env.loader = ChoiceLoader([DictLoader({FRAME_TEMPLATE: FRAME_TEMPLATE_SOURCE}), *theme])
        return env

    def on_nav(self, nav: Navigation, /, **kwargs: Any) -> Navigation:
        self._in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self._state(page) is _State.VERIFIED:
            context[FILL_FLAG] = True  # type: ignore[literal-required]  # our own flag
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        key = self._keys.get(page.file.src_uri)
        if key is None:
            return output
        state, frame = self._frames.get(key, (None, None))
        if state is _State.VERIFIED and frame is not None:
            self._filled += 1
            return frame.fill(page)
        if state is None:
            captured = Frame.capture(output, page)
            self._frames[key] = (_State.CANDIDATE, captured) if captured else (_State.REJECTED, None)
        elif state is _State.CANDIDATE and frame is not None:
            verdict = _State.VERIFIED if frame.fill(page) == output else _State.REJECTED
            self._frames[key] = (verdict, frame)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        verified = sum(1 for state, _ in self._frames.values() if state is _State.VERIFIED)
        log.info(f"jirei-page-frames: {self._filled} pages filled into {verified} shared frames")

    def _state(self, page: Page) -> _State | None:
        key = self._keys.get(page.file.src_uri)
        return None if key is None else self._frames.get(key, (None, None))[0]

    @property
    def filled(self) -> int:
        """Pages of the last build filled into a shared frame instead of rendered by the theme."""
        return self._filled
