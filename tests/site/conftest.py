"""The slow site tests read the real site that tests/conftest.py builds once per session."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def site(real_site: Path) -> Path:
    """The built site (its generated docs/ is at site.parent / "docs")."""
    return real_site
