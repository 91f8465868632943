"""Find release files on an index page: links to the ministry's workbooks (.xlsx) and the
Digital Agency's dashboard CSV, and the per-fiscal-year pages the ministry moves them to."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

XLSX = ".xlsx"
CSV = ".csv"
# The ministry splits its index into one page per fiscal year (令和7年度…); such links are followed once.
YEAR_PAGE_WORDS = ("年度",)
RELEASE_WORDS = ("交付状況", "保有状況", "マイナンバーカード")
NATIONAL_WORDS = ("penetration", "mynumber", "普及")


@dataclass(frozen=True)
class Link:
    url: str
    text: str

    @property
    def name(self) -> str:
        return urlparse(self.url).path.rsplit("/", 1)[-1]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def links(html: str, base_url: str) -> list[Link]:
    """Every ``<a href>`` on the page, absolute, in page order, without duplicates."""
    parser = _Links()
    parser.feed(html)
    seen: set[str] = set()
    found = []
    for href, text in parser.links:
        url = urljoin(base_url, href.strip())
        if url not in seen and urlparse(url).scheme in ("http", "https"):
            seen.add(url)
            found.append(Link(url, text))
    return found


def workbook_links(page: list[Link]) -> list[Link]:
    return [link for link in page if urlparse(link.url).path.lower().endswith(XLSX)]


def year_page_links(page: list[Link]) -> list[Link]:
    """Links to the per-fiscal-year pages (text with 年度 and a release word), newest first as listed."""
    return [
        link
        for link in page
        if any(w in link.text for w in YEAR_PAGE_WORDS)
        and any(w in link.text for w in RELEASE_WORDS)
        and not urlparse(link.url).path.lower().endswith((XLSX, CSV, ".pdf"))
    ]


def national_csv_links(page: list[Link]) -> list[Link]:
    """The dashboard's CSV links; the card-count table (``…table_01.csv``) first."""
    found = [
        link
        for link in page
        if urlparse(link.url).path.lower().endswith(CSV)
        and any(w in (link.url + link.text).lower() for w in NATIONAL_WORDS)
    ]
    return sorted(found, key=lambda link: "table_01" not in link.name)
