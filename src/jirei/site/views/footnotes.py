"""Footnote references and backlinks of a case page, as finished HTML.

The markup is the one Python-Markdown's footnotes extension produces (print CSS, a11y
CSS and Material style ``footnote-ref`` / ``footnote-backref`` and ``.footnote``). The
n-th reference to footnote N gets the id ``fnref:N`` (n = 1) or ``fnref<n>:N``, counted
in reading order, and footnote N links back to each of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup


@dataclass
class Footnotes:
    """Numbers references while the page renders top to bottom; the list comes last."""

    numbers: Mapping[str, int]  # source id → footnote number
    _counts: dict[int, int] = field(default_factory=dict)  # footnote number → references so far

    def reference(self, source_id: str) -> Markup:
        number = self.numbers[source_id]
        count = self._counts.get(number, 0) + 1
        self._counts[number] = count
        return Markup(
            f'<sup id="{_ref_id(number, count)}"><a class="footnote-ref" href="#fn:{number}">{number}</a></sup>'
        )

    def backrefs(self, number: int) -> Markup:
        """The links back to every reference to ``number`` (none when it was not referenced)."""
        links = "".join(
            f'<a class="footnote-backref" href="#{_ref_id(number, count)}"'
            f' title="Jump back to footnote {number} in the text">&#8617;</a>'
            for count in range(1, self._counts.get(number, 0) + 1)
        )
        return Markup(f"&#160;{links}" if links else "")


def _ref_id(number: int, count: int) -> str:
    return f"fnref{count if count > 1 else ''}:{number}"
