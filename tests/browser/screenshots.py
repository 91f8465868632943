"""Screenshots of every page kind of the fixture site (tests/site/fixture_site.py) at a desktop
and a phone size, and their comparison with the kept baseline (tests/browser/baseline/).

The fixture site, not the real one, so that adding a case or a data release does not change
the pictures. Each shot is the first screen of the page (not the whole page: small files),
taken with animations, transitions and the caret off and the web fonts loaded.

A shot matches its baseline when at most ``TOLERANCE`` of its pixels differ by more than
``PIXEL_THRESHOLD`` in some colour channel (anti-aliasing differs a little between runs and
machines). The test (tests/browser/test_screenshots.py) never writes the baseline; that is

    make screenshots        # python -m tests.browser.screenshots

after a change that is meant to look different; review the new PNGs in the diff.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops
from playwright.sync_api import Browser, Page

from jirei.search.browser import chromium, serve_site
from jirei.search.pagefind_index import index_site
from tests.site.fixture_site import JOINT, build_fixture_site

BASELINE_DIR = Path(__file__).resolve().parent / "baseline"
# the actual and diff images of a failed comparison
ARTEFACT_DIR = Path(tempfile.gettempdir()) / "jirei-screenshots"
PIXEL_THRESHOLD = 48  # 0–255: a pixel counts as changed when a channel moved more than this
TOLERANCE = 0.005  # the share of changed pixels a shot may have (0.5 %)
PREFIX = "jirei/"  # served as published (the 404 page's links are absolute)

SIZES = {"desktop": (1366, 768), "phone": (390, 844)}
# page kind → path on the fixture site (it has no prefecture pages: no figures to draw them from)
PAGES = {
    "home": "",
    "case-list": "cases/",
    "case": f"cases/{JOINT}/",
    "municipality": "municipalities/992011/",
    "overview": "metrics/",
    "finder": "cases/finder/",
    "compare": "compare/",
    "data": "data/",
    "propose": "contributing/propose/",
    "tags": "tags/",
    "search": "search/?q=出張申請",
    "404": "404.html",
}
SEARCH_DONE = re.compile("件|見つかりませんでした")
STILL = "document.documentElement.classList.add('jirei-still')"  # wayfinding.css: no animation, no caret


@dataclass(frozen=True)
class Difference:
    changed: float  # share of pixels over the threshold
    diff: Image.Image  # the changed pixels in red over a faded copy of the baseline


@contextmanager
def fixture_site_url() -> Iterator[str]:
    """Build the fixture site with its search index in a temporary folder and serve it."""
    with tempfile.TemporaryDirectory(prefix="jirei-shots-") as folder:
        root = build_fixture_site(Path(folder))
        index_site(root / "site")
        (root / "published").mkdir()
        (root / "published" / PREFIX.rstrip("/")).symlink_to(root / "site", target_is_directory=True)
        with serve_site(root / "published") as url:
            yield url + PREFIX


def shot_name(kind: str, size: str) -> str:
    return f"{kind}-{size}.png"


def capture(page: Page, path: str) -> Image.Image:
    page.goto(path)
    page.evaluate(STILL)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    if path.startswith("search/"):
        page.locator("[data-jirei-search-page] [role=status]").filter(has_text=SEARCH_DONE).wait_for()
    png = page.screenshot(animations="disabled", caret="hide")
    return Image.open(io.BytesIO(png)).convert("RGB")


def compare(actual: Image.Image, expected: Image.Image) -> Difference:
    if actual.size != expected.size:
        return Difference(1.0, actual)
    delta = ImageChops.difference(actual, expected)
    # the largest channel difference of each pixel, then over the threshold or not
    channels = delta.split()
    largest = ImageChops.lighter(ImageChops.lighter(channels[0], channels[1]), channels[2])
    mask = largest.point(lambda value: 255 if value > PIXEL_THRESHOLD else 0)
    count = mask.histogram()[255]
    faded = Image.blend(expected, Image.new("RGB", expected.size, "white"), 0.7)
    diff = Image.composite(Image.new("RGB", expected.size, (220, 0, 0)), faded, mask)
    return Difference(count / (actual.size[0] * actual.size[1]), diff)


def shots(browser: Browser, url: str) -> Iterator[tuple[str, Image.Image]]:
    """Every page kind at every size: (file name, image)."""
    for size, (width, height) in SIZES.items():
        context = browser.new_context(base_url=url, viewport={"width": width, "height": height})
        page = context.new_page()
        for kind, path in PAGES.items():
            yield shot_name(kind, size), capture(page, path)
        context.close()


def update_baseline() -> None:
    """Write every shot to tests/browser/baseline/ (the old files are removed first)."""
    shutil.rmtree(BASELINE_DIR, ignore_errors=True)
    BASELINE_DIR.mkdir(parents=True)
    with fixture_site_url() as url, chromium() as browser:
        for name, image in shots(browser, url):
            # 256 colours (no dithering): a third of the size, under PIXEL_THRESHOLD from the original
            image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
                BASELINE_DIR / name, optimize=True
            )
    total = sum(path.stat().st_size for path in BASELINE_DIR.glob("*.png"))
    print(
        f"screenshots: {BASELINE_DIR} に {len(PAGES) * len(SIZES)} 枚を書きました（計 {total / 1e6:.1f} MB）"
    )


if __name__ == "__main__":
    update_baseline()
    sys.exit(0)
