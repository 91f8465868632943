"""「この事例を引用する」: one case as a Japanese text citation, BibTeX and CSL-JSON.

Each names the permalink and the last-reviewed date (the version of the content
being cited). The text form ends with a place for the date the reader accessed the page
(閲覧日), which they write in themselves; a title that quotes something in 「」 has those
written 『』, so that no 「「…」」 appear.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from jirei.cases.model import Case
from jirei.paths import SITE_NAME
from jirei.site.rendering.jinja import japanese_date, quote_text
from jirei.site.rendering.permalinks import case_url

ACCESS_DATE = "〇〇〇〇年〇月〇日閲覧"  # the reader replaces 〇 with the date they read the page
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_BIBTEX_REPLACEMENTS = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


@dataclass(frozen=True)
class Citation:
    text: str
    bibtex: str
    csl_json: str


def bibtex_escape(text: str) -> str:
    """Escape the characters BibTeX/LaTeX treat specially."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENTS.get(m[1], "\\" + m[1]), text)


def citation_text(case: Case) -> str:
    reviewed = japanese_date(case.record.last_reviewed)
    return (
        f"{SITE_NAME}「{quote_text(case.title)}」（{reviewed}最終確認）. {case_url(case.id)}（{ACCESS_DATE}）"
    )


def citation_bibtex(case: Case) -> str:
    year, month, _day = case.record.last_reviewed.split("-")
    fields = {
        "author": f"{{{bibtex_escape(SITE_NAME)}}}",
        "title": f"{{{bibtex_escape(case.title)}}}",
        "year": year,
        "month": str(int(month)),
        "url": case_url(case.id),
        "note": f"最終確認日 {case.record.last_reviewed}、CC BY 4.0",
        "language": "japanese",
    }
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@misc{{jirei-{case.id},\n{body}\n}}"


def citation_csl(case: Case) -> str:
    reviewed = [int(part) for part in case.record.last_reviewed.split("-")]
    item = {
        "id": f"jirei-{case.id}",
        "type": "webpage",
        "title": case.title,
        "container-title": SITE_NAME,
        "author": [{"literal": SITE_NAME}],
        "issued": {"date-parts": [reviewed]},
        "URL": case_url(case.id),
        "abstract": case.summary,
        "language": "ja",
        "license": "CC-BY-4.0",
        "note": f"最終確認日 {case.record.last_reviewed}",
    }
    return json.dumps([item], ensure_ascii=False, indent=2)


def citation(case: Case) -> Citation:
    return Citation(citation_text(case), citation_bibtex(case), citation_csl(case))
