"""Time the header search box on a built site in headless Chromium: how long until the first
results of a cold page appear, and how many bytes that query fetched (as stored, and as a
gzip-serving host would send them). A measurement for the benchmark and
scripts/measure_search.py, never a test (numbers depend on the machine)."""

from __future__ import annotations

import functools
import gzip
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jirei.search.browser import chromium, serve_site

if TYPE_CHECKING:
    from playwright.sync_api import Page, Response

DONE = ("件見つかりました", "見つかりませんでした")


@dataclass(frozen=True)
class QueryTiming:
    query: str
    milliseconds: float
    requests: int
    bytes: int
    status: str


# Timed inside the page (from the input event to the status line showing the result count),
# because Playwright polls a waiting locator at growing intervals (up to 500 ms) and would add
# that delay to the measurement.
_WATCH = """() => {
  const status = document.getElementById("jirei-search-status");
  const input = document.querySelector(".md-search__input");
  window.__jireiTiming = { input: null, done: null };
  input.addEventListener("input", () => { window.__jireiTiming.input = performance.now(); }, { once: true });
  new MutationObserver((_, observer) => {
    if (/件見つかりました|見つかりませんでした/.test(status.textContent)) {
      window.__jireiTiming.done = performance.now();
      observer.disconnect();
    }
  }).observe(status, { childList: true, characterData: true, subtree: true });
}"""


def time_query(page: Page, query: str) -> QueryTiming:
    """Type ``query`` into the header box of an open page; time until the result count shows."""
    sizes: list[int] = []

    def record(request: object) -> None:
        sizes.append(request.sizes()["responseBodySize"])  # type: ignore[attr-defined]

    status = page.locator("#jirei-search-status")
    page.fill(".md-search__input", "")
    status.filter(has_text="キーワードを入力してください").wait_for()
    page.evaluate(_WATCH)
    page.on("requestfinished", record)
    page.fill(".md-search__input", query)
    status.filter(has_text=DONE[0]).or_(status.filter(has_text=DONE[1])).wait_for()
    timing = page.evaluate("window.__jireiTiming")
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", record)
    elapsed = float(timing["done"]) - float(timing["input"])
    return QueryTiming(query, elapsed, len(sizes), sum(sizes), status.inner_text())


@dataclass(frozen=True)
class FirstSearch:
    milliseconds: float  # median over the runs
    transfer: int  # bytes fetched from focusing the box to the first results, gzip-compressed


def compressed_size(body: bytes) -> int:
    """What a host that gzips its responses would send: Pagefind's own files are already
    compressed (gzip does not shrink them); text such as places.json and pagefind.js is."""
    return min(len(body), len(gzip.compress(body, compresslevel=6)))


def _record(bodies: list[int], response: Response) -> None:
    bodies.append(compressed_size(response.body()))


def cold_first_search(site: Path, query: str, runs: int = 3) -> FirstSearch:
    """Time to the first results of ``query`` on a freshly loaded home page (no cache), and the
    compressed bytes of every response from focusing the box until the results show
    (the Pagefind engine and index, data/places.json, the result fragments)."""
    timings, transfers = [], []
    with serve_site(site) as root, chromium() as browser:
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(root)
            page.wait_for_load_state("networkidle")
            bodies: list[int] = []
            page.on("response", functools.partial(_record, bodies))
            timings.append(time_query(page, query).milliseconds)
            transfers.append(sum(bodies))
            context.close()
    return FirstSearch(statistics.median(timings), int(statistics.median(transfers)))
