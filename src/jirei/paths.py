"""Where the repository's inputs live (overridable in tests through function arguments)."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = REPO_ROOT / "cases"
SCHEMA_PATH = REPO_ROOT / "schema" / "case.schema.json"
TEMPLATES_DIR = REPO_ROOT / "templates"
DOCS_DIR = REPO_ROOT / "docs"
DATA_DIR = REPO_ROOT / "data"
PUBLISHED_URLS = DATA_DIR / "published-urls.txt"

# The repository's web address, for 「この事例を編集」 links to a case's YAML file.
REPO_URL = "https://github.com/jirei-project/jirei"

# The published site's address (the same as site_url in mkdocs.yml; a test keeps them equal).
# Permalinks, the feed, citations and JSON-LD are absolute URLs under it.
SITE_URL = "https://jirei-project.github.io/jirei/"
SITE_NAME = "jirei 自治体DX事例集"
