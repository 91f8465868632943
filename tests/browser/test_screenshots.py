"""Slow: every page kind of the fixture site looks as it did (tests/browser/screenshots.py):
the first screen at a desktop and a phone size, compared with tests/browser/baseline/ with a
per-pixel threshold and a tolerance for the share of changed pixels. On a failure the actual
shot and a diff image (changed pixels in red) are written under ARTEFACT_DIR. The test never
updates the baseline: `make screenshots` does, after a change meant to look different."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page

from tests.browser.screenshots import (
    ARTEFACT_DIR,
    BASELINE_DIR,
    PAGES,
    SIZES,
    TOLERANCE,
    capture,
    compare,
    fixture_site_url,
    shot_name,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    """Overrides the real site for the `page` fixture of tests/browser/conftest.py."""
    with fixture_site_url() as url:
        yield url


@pytest.fixture
def sized_page(page: Page, request: pytest.FixtureRequest) -> Page:
    width, height = SIZES[request.node.callspec.params["size"]]
    page.set_viewport_size({"width": width, "height": height})
    return page


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("kind", list(PAGES))
def test_the_page_looks_as_in_the_baseline(sized_page: Page, kind: str, size: str) -> None:
    name = shot_name(kind, size)
    baseline = BASELINE_DIR / name
    assert baseline.exists(), f"{baseline} がありません。`make screenshots` で作ってください"
    actual = capture(sized_page, PAGES[kind])
    difference = compare(actual, Image.open(baseline).convert("RGB"))
    if difference.changed > TOLERANCE:
        ARTEFACT_DIR.mkdir(parents=True, exist_ok=True)
        actual.save(ARTEFACT_DIR / name)
        difference.diff.save(ARTEFACT_DIR / name.replace(".png", "-diff.png"))
        pytest.fail(
            f"{name}: {difference.changed:.2%} of the pixels changed (tolerance {TOLERANCE:.1%}); "
            f"actual and diff in {ARTEFACT_DIR}. If the change is meant, run `make screenshots`."
        )


def test_the_baseline_is_small(browser: Browser) -> None:
    total = sum(path.stat().st_size for path in BASELINE_DIR.glob("*.png"))
    assert total < 3_000_000, total
    assert sorted(p.name for p in BASELINE_DIR.glob("*.png")) == sorted(
        shot_name(kind, size) for kind in PAGES for size in SIZES
    )
