"""Headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright) and a local
server for a built site: used by ``jirei search report`` and by the browser tests.

Playwright is a development dependency; it is imported only when a browser is started.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jirei.problems import JireiError, Problem

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (a free port) for the duration; yields the root URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Launch headless Chromium; a clear Japanese error when it or Playwright is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise JireiError(
            [
                Problem(
                    "playwright",
                    "browser-missing",
                    "Playwright がありません。`make .venv/bin/.installed` で開発用の依存を入れてください",
                )
            ]
        ) from error
    if not CHROMIUM.exists():
        raise JireiError(
            [
                Problem(
                    str(CHROMIUM),
                    "browser-missing",
                    "Chromium がありません。`apt-get install -y chromium fonts-noto-cjk` で入れてください",
                )
            ]
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()
