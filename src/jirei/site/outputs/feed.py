"""The Atom feed ``feed.xml``: new and updated cases, newest first.

Dates come from each case's record only: ``published`` is ``record.created`` and
``updated`` is ``record.last_reviewed`` (the day the content was last checked,
which is when a reader would want to hear about a change). No build time goes in,
so unchanged cases give a byte-identical feed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from html import escape

from jirei.cases.model import Case
from jirei.paths import SITE_NAME, SITE_URL
from jirei.site.rendering.permalinks import case_url, site_url

FEED_PATH = "feed.xml"
ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50
TIMEZONE = "+09:00"  # record dates are Japanese calendar days


def atom_date(day: str) -> str:
    """'2026-11-20' → '2026-11-20T00:00:00+09:00' (RFC 3339, as Atom requires)."""
    return f"{day}T00:00:00{TIMEZONE}"


def updated(case: Case) -> str:
    return max(case.record.created, case.record.last_reviewed)


def _content(case: Case) -> str:
    """The summary, then the English title and summary where the case has them."""
    parts = [f"<p>{escape(case.summary)}</p>"]
    english = [f"<strong>{escape(case.title_en)}</strong>"] if case.title_en else []
    if case.summary_en:
        english.append(escape(case.summary_en))
    if english:
        parts.append(f'<p lang="en">{"<br>".join(english)}</p>')
    return "".join(parts)


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attributes)
    element.text = text
    return element


def _link(parent: ET.Element, href: str, rel: str = "alternate", kind: str = "text/html") -> None:
    ET.SubElement(parent, f"{{{ATOM_NS}}}link", {"rel": rel, "type": kind, "href": href})


def _entry(feed: ET.Element, case: Case) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
    _text(entry, "id", case_url(case.id))
    _text(entry, "title", case.title)
    _link(entry, case_url(case.id))
    _text(entry, "published", atom_date(case.record.created))
    _text(entry, "updated", atom_date(updated(case)))
    _text(entry, "summary", case.summary)
    _text(entry, "content", _content(case), type="html")
    for theme in case.themes:
        ET.SubElement(entry, f"{{{ATOM_NS}}}category", {"term": theme})


def feed_xml(cases: Sequence[Case], limit: int = FEED_LIMIT) -> str:
    ET.register_namespace("", ATOM_NS)
    newest = sorted(cases, key=lambda case: (updated(case), case.id), reverse=True)[:limit]
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ja"})
    _text(feed, "id", SITE_URL)
    _text(feed, "title", f"{SITE_NAME}（新しい事例・更新された事例）")
    _text(feed, "subtitle", "マイナンバーカードの普及と行政手続のオンライン化に取り組んだ自治体の事例")
    _link(feed, site_url(FEED_PATH), rel="self", kind="application/atom+xml")
    _link(feed, SITE_URL)
    _text(feed, "updated", atom_date(max((updated(case) for case in newest), default="2000-01-01")))
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    _text(author, "name", SITE_NAME)
    _text(author, "uri", SITE_URL)
    _text(feed, "rights", "事例の文章は CC BY 4.0")
    for case in newest:
        _entry(feed, case)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
