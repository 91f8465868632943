"""Measure the search box on a built site: bytes fetched and time to the first results.

    .venv/bin/python scripts/measure_search.py site 電子申請 かがし 石川県

Loads the home page in headless Chromium, types each query into the header box in turn
and prints, per query, the milliseconds until the result count appears and the bytes
of the responses it caused (uncompressed body sizes; the static server does not gzip).
A measurement, not a test: numbers vary with the machine.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from jirei.search.browser import chromium, serve_site


def main(site: Path, queries: list[str]) -> None:
    with serve_site(site) as root, chromium() as browser:
        page = browser.new_page()
        sizes: list[int] = []
        page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
        page.goto(root)
        page.wait_for_load_state("networkidle")
        print(f"home page: {len(sizes)} requests, {sum(sizes) / 1024:.0f} KB")
        for query in queries:
            status = page.locator("#jirei-search-status")
            page.fill(".md-search__input", "")
            status.filter(has_text="キーワードを入力してください").wait_for()
            sizes.clear()
            started = time.perf_counter()
            page.fill(".md-search__input", query)
            status.filter(has_text="件見つかりました").or_(
                status.filter(has_text="見つかりませんでした")
            ).wait_for()
            elapsed = (time.perf_counter() - started) * 1000
            page.wait_for_load_state("networkidle")
            print(
                f"{query}: {elapsed:.0f} ms, {len(sizes)} requests, {sum(sizes) / 1024:.0f} KB — {status.inner_text()}"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
