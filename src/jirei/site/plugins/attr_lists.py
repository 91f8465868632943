"""Python-Markdown extension ``jirei.site.plugins.attr_lists``: attribute lists only where a page opts in.

``attr_list`` turns ``{: onfocus=… }`` after a heading or a paragraph into attributes. Case
text reaches Markdown on many pages (case pages, the home page, the indexes), so attribute
lists are off by default: on a page without the opt-in line, the ``attr_list`` tree processor
is removed from the Markdown instance before it runs (and put back for a page that opts
in, should an instance be reused), and ``{: … }`` stays text. Pages with no case text that need heading ids (the field
reference, the metrics overview, Material's tag listing in docs/tags.md) start with
``OPT_IN`` on a line of its own. Case text cannot forge it: it is escaped before Markdown
(``<`` becomes ``&lt;``) and the validator refuses HTML comments.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

OPT_IN = "<!-- jirei:attr-list -->"


class _AttributeListsOnlyWhenAsked(Preprocessor):  # type: ignore[misc]
    """Removes (and, for a later page that opts in, puts back) attr_list's tree processor."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.removed: tuple[Any, float] | None = None  # attr_list's processor and its priority

    def run(self, lines: list[str]) -> list[str]:
        processors = self.md.treeprocessors
        if OPT_IN in lines:
            if self.removed is not None:
                processors.register(self.removed[0], "attr_list", self.removed[1])
                self.removed = None
            return [line for line in lines if line != OPT_IN]
        if "attr_list" in processors:
            priority = next(item.priority for item in processors._priority if item.name == "attr_list")
            self.removed = (processors["attr_list"], priority)
            processors.deregister("attr_list")
        return lines


class AttributeListsExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        md.preprocessors.register(_AttributeListsOnlyWhenAsked(md), "jirei_attr_lists", 40)


def makeExtension(**kwargs: Any) -> AttributeListsExtension:  # noqa: N802 (Python-Markdown's API)
    return AttributeListsExtension(**kwargs)
