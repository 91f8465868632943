"""Measure the search box on a built site: bytes fetched and time to the first results.

    .venv/bin/python scripts/measure_search.py site 電子申請 かがし 石川県

Loads the home page in headless Chromium, types each query into the header box in turn
and prints, per query, the milliseconds until the result count appears and the bytes
of the responses it caused (uncompressed body sizes; the static server does not gzip).
A measurement, not a test: numbers vary with the machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jirei.search.browser import chromium, serve_site
from jirei.search.timing import time_query


def main(site: Path, queries: list[str]) -> None:
    with serve_site(site) as root, chromium() as browser:
        page = browser.new_page()
        page.goto(root)
        page.wait_for_load_state("networkidle")
        for query in queries:
            timing = time_query(page, query)
            print(
                f"{timing.query}: {timing.milliseconds:.0f} ms, {timing.requests} requests, "
                f"{timing.bytes / 1024:.0f} KB — {timing.status}"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
