"""The contributor preview on the real site: from saving a case file to its page showing the change.

Starts `make serve`'s server (``mkdocs serve --dirty -f mkdocs-serve.yml``) on a free port,
waits until it serves the case's page, appends a mark to the case's title, polls the page
until the mark appears, waits for the server to go quiet and counts the rebuilds the one
edit caused. The case file is restored in every case (``finally``; SIGTERM is turned into
an exception while the file is edited); the server then regenerates the original page and
is stopped.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from urllib.parse import urlsplit

from jirei.paths import SITE_URL

EDIT_MARK = "（プレビュー計測）"
TITLE_MAX = 80  # schema: title maxLength
BUILD_STARTED = "Building documentation"
QUIET_SECONDS = 3.0  # no new build for this long after the page updated: the edit is done


@dataclass(frozen=True)
class PreviewTiming:
    case: str
    seconds: float | None  # None: the edit did not show before the timeout
    rebuilds: int  # builds the server started after the edit
    startup_seconds: float
    error: str = ""


def edited_title(text: str) -> tuple[str, str]:
    """The case file with EDIT_MARK at the end of its title (shortened to stay within 80
    characters), and the new title."""
    found = re.search(r"^title: (.*)$", text, flags=re.MULTILINE)
    if found is None:
        raise ValueError("title: の行がありません")
    title = found.group(1).strip().strip("\"'")[: TITLE_MAX - len(EDIT_MARK)] + EDIT_MARK
    return text[: found.start(1)] + title + text[found.end(1) :], title


class _Log:
    """The server's output, read by a thread; build starts counted with their times."""

    def __init__(self, stream: Iterator[bytes]) -> None:
        self.lines: list[str] = []
        self.builds: list[float] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: Iterator[bytes]) -> None:
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip()
            self.lines.append(line)
            if BUILD_STARTED in line:
                self.builds.append(time.monotonic())

    def finish(self) -> None:
        """Wait for the reader (the server has ended, so its output is at its end)."""
        self._thread.join(timeout=10)

    def builds_since(self, moment: float) -> int:
        return sum(1 for started in self.builds if started >= moment)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def _until(check: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return False


@contextmanager
def _terminate_raises() -> Iterator[None]:
    """While a case file is edited, SIGTERM raises SystemExit so that ``finally`` restores it."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass
class PreviewServer:
    """`make serve`'s server, started by :func:`preview_server`."""

    process: subprocess.Popen[bytes]
    log: _Log
    base: str  # http://127.0.0.1:PORT/jirei/

    def page(self, path: str) -> str:
        return _page(self.base + path)

    @property
    def running(self) -> bool:
        return self.process.poll() is None


@contextmanager
def preview_server(root: Path) -> Iterator[PreviewServer]:
    """Start ``mkdocs serve --dirty -f mkdocs-serve.yml`` (what `make serve` runs) in ``root``
    on a free port; stop it (its process group, and only it) afterwards."""
    port = _free_port()
    mkdocs = Path(sys.executable).parent / "mkdocs"
    process = subprocess.Popen(
        [str(mkdocs), "serve", "--dirty", "-f", "mkdocs-serve.yml", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert process.stderr is not None
    log = _Log(iter(process.stderr.readline, b""))
    try:
        yield PreviewServer(process, log, f"http://127.0.0.1:{port}{urlsplit(SITE_URL).path}")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        log.finish()
        process.stderr.close()


def wait_until_served(server: PreviewServer, path: str, text: str, timeout: float) -> bool:
    """True once ``text`` is on the served page; False on timeout or if the server ended."""
    _until(lambda: text in server.page(path) or not server.running, timeout, 0.2)
    return server.running and text in server.page(path)


def rebuilds_since(server: PreviewServer, moment: float) -> int:
    """Builds started since ``moment`` (``time.monotonic()``), once none started for QUIET_SECONDS."""
    log = server.log
    _until(lambda: bool(log.builds) and time.monotonic() - log.builds[-1] > QUIET_SECONDS, 60.0)
    return log.builds_since(moment)


def measure_preview(case_file: Path, *, root: Path, startup_timeout: float = 600.0) -> PreviewTiming:
    path = f"cases/{case_file.stem}/"
    original = case_file.read_bytes()
    started = time.monotonic()
    with preview_server(root) as server:
        try:
            if not wait_until_served(server, path, case_file.stem, startup_timeout):
                tail = "\n".join(server.log.lines[-20:])
                return PreviewTiming(case_file.stem, None, 0, 0.0, f"サーバーが起動しませんでした:\n{tail}")
            startup = time.monotonic() - started
            text, title = edited_title(original.decode("utf-8"))
            with _terminate_raises():
                try:
                    edited_at = time.monotonic()
                    case_file.write_text(text, encoding="utf-8")
                    shown = _until(lambda: title in server.page(path), 30.0)
                    seconds = time.monotonic() - edited_at if shown else None
                    rebuilds = rebuilds_since(server, edited_at)
                finally:
                    case_file.write_bytes(original)
            _until(lambda: title not in server.page(path), 30.0)  # the server puts the original page back
            error = "" if shown else "30 秒待っても反映されませんでした"
            return PreviewTiming(case_file.stem, seconds, rebuilds, startup, error)
        finally:
            if case_file.read_bytes() != original:
                case_file.write_bytes(original)
