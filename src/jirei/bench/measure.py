"""Measuring one step: wall time and peak memory of a child process; bytes of a built site."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Step:
    name: str
    seconds: float
    peak_kib: int  # ru_maxrss of the child (and the children it waited for)
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_step(name: str, argv: list[str], *, cwd: Path | None = None) -> Step:
    """Run ``argv`` as a child process; ``os.wait4`` gives this child's own resource usage."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, cwd=cwd, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Step(
            name,
            seconds,
            usage.ru_maxrss,
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def tree_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def bytes_by_kind(folder: Path) -> Counter[str]:
    """Bytes per top-level folder and file kind, e.g. ``municipalities/*.html``."""
    totals: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if path.is_file():
            parts = path.relative_to(folder).parts
            top = parts[0] if len(parts) > 1 else "."
            totals[f"{top}/*{path.suffix}"] += path.stat().st_size
    return totals


def material_index_bytes(site: Path) -> int | None:
    """Material's (lunr) search index: the one file its first search downloads."""
    index = site / "search" / "search_index.json"
    return index.stat().st_size if index.exists() else None


def _median(sizes: list[int]) -> int:
    return sorted(sizes)[len(sizes) // 2] if sizes else 0


def pagefind_first_query_bytes(site: Path, results_shown: int = 5) -> int | None:
    """Approximate bytes a first Pagefind query fetches, from file sizes.

    pagefind.js + pagefind-entry.json + the largest WebAssembly file + the metadata
    file (pf_meta) + the largest index chunk (a short query usually needs one) +
    ``results_shown`` median result fragments. Files are counted as stored (Pagefind
    stores them gzip-compressed, as they travel).
    """
    root = site / "pagefind"
    if not root.is_dir():
        return None

    def sizes(pattern: str) -> list[int]:
        return [path.stat().st_size for path in root.rglob(pattern) if path.is_file()]

    fixed = sum(sizes("pagefind.js")) + sum(sizes("pagefind-entry.json"))
    wasm = max(sizes("wasm.*"), default=0)
    meta = max(sizes("*.pf_meta"), default=0)
    chunk = max(sizes("*.pf_index"), default=0)
    fragments = _median(sizes("*.pf_fragment")) * results_shown
    return fixed + wasm + meta + chunk + fragments


@dataclass(frozen=True)
class PageBytes:
    """The HTML pages of a site split into their article (the content) and the theme's frame."""

    pages: int
    article: int
    frame: int

    @property
    def frame_per_page(self) -> float:
        return self.frame / self.pages if self.pages else 0.0


def page_bytes(site: Path) -> PageBytes:
    """Bytes inside ``<article …>…</article>`` and around it, over every page with an article."""
    pages = article = frame = 0
    for path in site.rglob("*.html"):
        html = path.read_bytes()
        start, end = html.find(b"<article"), html.rfind(b"</article>")
        if start < 0 or end < start:
            continue
        pages += 1
        inside = end + len(b"</article>") - start
        article += inside
        frame += len(html) - inside
    return PageBytes(pages, article, frame)
