"""`make serve`'s server on a small fixture project, in Chromium: a case edit reloads the open
page with the new title after one rebuild (live reload is allowed by the page's
Content-Security-Policy), and a broken edit shows its error on the page while the server
keeps running. Waits have generous timeouts; nothing asserts on how long they took."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from playwright.sync_api import Browser

from jirei.bench.preview import preview_server, rebuilds_since, wait_until_served
from jirei.site.outputs.writer import copy_hand_written
from jirei.site.plugins.mkdocs_config import write_inherited_config
from tests.cases.validation_helpers import DATA, VALID_CASE
from tests.repo import DATA_DIR, DEFAULT_METRICS_DIR, DOCS_DIR, REPO_ROOT, SCHEMA_PATH, TEMPLATES_DIR

CASE = VALID_CASE.stem
PAGE = f"cases/{CASE}/"
NEW_TITLE = "テスト市の出張申請をプレビューで編集"


def _project(root: Path) -> Path:
    """A project root (mkdocs.yml and cases/) with the fake cases and reference list (the
    repository's data/ without the real figures: its reported figures name real areas)."""
    (root / "cases").mkdir(parents=True)
    for fixture in (VALID_CASE, *sorted((DATA / "cases" / "site").glob("*.yml"))):
        shutil.copyfile(fixture, root / "cases" / fixture.name)
    shutil.copytree(TEMPLATES_DIR, root / "templates")
    shutil.copytree(SCHEMA_PATH.parent, root / "schema")
    shutil.copytree(
        DATA_DIR, root / "data", ignore=shutil.ignore_patterns("raw", "metrics", "reported-figures.yml")
    )
    for name in ("municipalities.csv", "prefectures.csv"):
        shutil.copyfile(DATA / "reference" / name, root / "data" / "reference" / name)
    (root / "data" / "metrics").mkdir()
    for csv_file in DEFAULT_METRICS_DIR.glob("*.csv"):  # headers only: no figures
        with csv_file.open(encoding="utf-8") as handle:
            (root / "data" / "metrics" / csv_file.name).write_text(handle.readline(), encoding="utf-8")
    copy_hand_written(DOCS_DIR, root / "docs")
    write_inherited_config(root / "mkdocs.yml")
    (root / "mkdocs-serve.yml").write_text(
        f"INHERIT: mkdocs.yml\nhooks:\n  - {REPO_ROOT / 'scripts' / 'mkdocs_hooks.py'}\n"
        "watch:\n  - cases\n  - templates\n  - data\n",
        encoding="utf-8",
    )
    return root


def test_an_edit_reloads_the_open_page_once_and_a_broken_edit_shows_its_error(
    browser: Browser, tmp_path: Path
) -> None:
    root = _project(tmp_path / "project")
    case_file = root / "cases" / f"{CASE}.yml"
    good = case_file.read_text(encoding="utf-8")
    with preview_server(root) as server:
        assert wait_until_served(server, PAGE, "テスト市の出張申請", 180), server.log.lines[:40]
        context = browser.new_context()
        errors: list[str] = []
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(server.base + PAGE)

        edited_at = time.monotonic()
        case_file.write_text(
            good.replace("title: テスト市の出張申請（テスト用の架空の事例）", f"title: {NEW_TITLE}"),
            encoding="utf-8",
        )
        page.wait_for_function(f"() => document.body.innerText.includes('{NEW_TITLE}')", timeout=60_000)
        assert rebuilds_since(server, edited_at) == 1

        case_file.write_text(good.replace("themes: [", "themes: [[", 1), encoding="utf-8")
        page.wait_for_function(
            "() => document.body.innerText.includes('この事例ファイルにはエラーがあります')", timeout=60_000
        )
        assert "yaml-syntax" in page.inner_text("article")
        assert server.running
        context.close()
    assert not [e for e in errors if "Content Security Policy" in e or "Content-Security-Policy" in e], errors
