"""Session fixtures: the real site, built once for every slow test that needs it, served on
127.0.0.1, and one headless Chromium for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from jirei.search.browser import chromium, serve_site
from tests.real_site import build_real_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_real_site(tmp_path_factory.mktemp("real-site"))


@pytest.fixture(scope="session")
def site_url(real_site: Path) -> Iterator[str]:
    with serve_site(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched
