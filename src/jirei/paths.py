"""Where the repository's inputs live (overridable in tests through function arguments)."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = REPO_ROOT / "cases"
SCHEMA_PATH = REPO_ROOT / "schema" / "case.schema.json"
TEMPLATES_DIR = REPO_ROOT / "templates"
DOCS_DIR = REPO_ROOT / "docs"
DATA_DIR = REPO_ROOT / "data"

# The repository's web address, for 「この事例を編集」 links to a case's YAML file.
REPO_URL = "https://github.com/jirei-project/jirei"
