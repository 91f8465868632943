"""What a reader downloads for one page: its HTML and the same-site stylesheets and scripts it
links (images, fonts and data fetched later are not counted), each gzip-compressed (level 9,
as a static host would serve them). The benchmark checks the page with the national map."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

MAP_PAGE = "metrics/index.html"
_ASSET = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')


@dataclass(frozen=True)
class PageWeight:
    page: str
    html: int  # gzip bytes
    assets: int  # gzip bytes of the linked CSS and JS
    raw_html: int  # uncompressed

    @property
    def total(self) -> int:
        return self.html + self.assets


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(site: Path, page: str = MAP_PAGE) -> PageWeight | None:
    """None when the page does not exist (e.g. a site without metrics)."""
    path = site / page
    if not path.exists():
        return None
    html = path.read_bytes()
    assets = 0
    base = "/" + page
    for href in sorted(set(_ASSET.findall(html.decode("utf-8")))):
        parts = urlsplit(urljoin(base, href))
        if parts.scheme or parts.netloc:
            continue  # not on this site (none are expected)
        asset = site / parts.path.lstrip("/")
        if asset.is_file():
            assets += gzip_size(asset.read_bytes())
    return PageWeight(page, gzip_size(html), assets, len(html))
