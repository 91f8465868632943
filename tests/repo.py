"""The checkout under test: the tests always read this repository's own files.

jirei itself finds its project from the working directory (jirei.paths); the tests pin
the checkout they belong to, so running pytest from elsewhere still tests this one.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CASES_DIR = REPO_ROOT / "cases"
SCHEMA_PATH = REPO_ROOT / "schema" / "case.schema.json"
TEMPLATES_DIR = REPO_ROOT / "templates"
DOCS_DIR = REPO_ROOT / "docs"
DATA_DIR = REPO_ROOT / "data"
PUBLISHED_URLS = DATA_DIR / "published-urls.txt"
DEFAULT_METRICS_DIR = DATA_DIR / "metrics"
DEFAULT_REFERENCE_DIR = DATA_DIR / "reference"
DEFAULT_REPORTED_PATH = DATA_DIR / "reported-figures.yml"
WARDS_PATH = DATA_DIR / "search" / "wards.csv"
