"""CITATION.cff: parses as YAML and has what CFF 1.2.0 requires (checked without a schema download)."""

from __future__ import annotations

import yaml

from jirei.paths import SITE_URL
from tests.repo import REPO_ROOT


def test_citation_cff_has_the_required_keys() -> None:
    data = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert data["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors"):
        assert data[key], key
    assert all(isinstance(author, dict) and (author.get("name") or author.get("family-names"))
               for author in data["authors"])  # fmt: skip
    assert data["type"] in ("software", "dataset")
    assert data["url"] == SITE_URL
    assert set(data["license"]) <= {"CC-BY-4.0", "MIT"}
