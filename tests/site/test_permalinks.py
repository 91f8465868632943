"""Permalinks: redirect pages for former ids, the published URL list and `jirei urls`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from jirei.cli import main
from jirei.commands.urls_cmd import check_urls
from jirei.paths import SITE_NAME, SITE_URL
from jirei.problems import JireiError
from jirei.search.browser import serve_site
from jirei.site.outputs.published import compare, format_list, published_urls, read_list, url_for
from jirei.site.outputs.redirects import redirect_pages
from tests.repo import PUBLISHED_URLS, REPO_ROOT
from tests.site.publish_helpers import fake_case, variant

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def test_site_url_is_the_one_in_mkdocs_yml() -> None:
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: (\S+)$", config, re.MULTILINE)[1] == SITE_URL  # type: ignore[index]


def test_site_name_is_the_one_in_mkdocs_yml() -> None:
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_name: (.+)$", config, re.MULTILINE)[1] == SITE_NAME  # type: ignore[index]


def test_the_schema_id_is_its_published_address() -> None:
    schema = json.loads((REPO_ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == f"{SITE_URL}schema/case.schema.json"


def test_each_former_id_gets_a_redirect_page(tmp_path: Path) -> None:
    case = variant(fake_case(tmp_path), former_ids=("992011-test-old", "992011-test-older"))
    pages = redirect_pages([case])
    assert sorted(pages) == ["cases/992011-test-old/index.html", "cases/992011-test-older/index.html"]
    html = pages["cases/992011-test-old/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../992011-test-shinsei/">' in html
    assert f'<link rel="canonical" href="{SITE_URL}cases/992011-test-shinsei/">' in html
    assert '<a href="../992011-test-shinsei/">テスト市の出張申請（テスト用の架空の事例）</a>' in html


def test_a_case_without_former_ids_has_no_redirects(tmp_path: Path) -> None:
    assert redirect_pages([fake_case(tmp_path)]) == {}


def test_redirect_titles_are_escaped(tmp_path: Path) -> None:
    case = variant(fake_case(tmp_path), title="<b>テスト</b>", former_ids=("992011-test-old",))
    assert "&lt;b&gt;テスト&lt;/b&gt;" in redirect_pages([case])["cases/992011-test-old/index.html"]


@pytest.mark.parametrize(
    ("docs_path", "url"),
    [
        ("index.md", "/"),
        ("about.md", "/about/"),
        ("cases/index.md", "/cases/"),
        ("cases/172065-kaga.md", "/cases/172065-kaga/"),
        ("cases/172065-old/index.html", "/cases/172065-old/"),
        ("data/cases.csv", "/data/cases.csv"),
        ("feed.xml", "/feed.xml"),
        ("stylesheets/jirei.css", None),
        (".jirei-generated.txt", None),
    ],
)
def test_url_for_a_docs_file(docs_path: str, url: str | None) -> None:
    assert url_for(docs_path) == url


def _docs(tmp_path: Path, *files: str) -> Path:
    docs = tmp_path / "docs"
    for name in files:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x", encoding="utf-8")
    return docs


def test_the_list_round_trips_and_compare_finds_added_and_removed(tmp_path: Path) -> None:
    listed = tmp_path / "urls.txt"
    listed.write_text(format_list(["/b/", "/a/"]), encoding="utf-8")
    assert read_list(listed) == ["/a/", "/b/"]
    changes = compare(read_list(listed), ["/a/", "/c/"])
    assert changes.added == ("/c/",)
    assert changes.removed == ("/b/",)


def test_update_appends_new_urls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _docs(tmp_path, "index.md", "cases/992011-test-a.md")
    listed = tmp_path / "urls.txt"
    listed.write_text(format_list(["/", "/sitemap.xml"]), encoding="utf-8")
    assert check_urls(docs, listed, update=False) == 1
    assert (
        "error [url-unlisted] 公開 URL の一覧にない新しい URL です (got /cases/992011-test-a/)"
        in capsys.readouterr().out
    )
    assert check_urls(docs, listed, update=True) == 0
    assert read_list(listed) == ["/", "/cases/992011-test-a/", "/sitemap.xml"]
    assert check_urls(docs, listed, update=False) == 0


def test_a_url_that_disappears_is_an_error_even_with_update(tmp_path: Path) -> None:
    docs = _docs(tmp_path, "index.md")
    listed = tmp_path / "urls.txt"
    text = format_list(["/", "/cases/992011-test-gone/", "/sitemap.xml"])
    listed.write_text(text, encoding="utf-8")
    with pytest.raises(JireiError) as raised:
        check_urls(docs, listed, update=True)
    (problem,) = raised.value.problems
    assert (problem.rule, problem.got, problem.line) == ("url-removed", "/cases/992011-test-gone/", 5)
    assert listed.read_text(encoding="utf-8") == text  # nothing written


def test_the_committed_list_is_sorted_and_has_the_permalink_families() -> None:
    urls = read_list(PUBLISHED_URLS)
    assert urls == sorted(set(urls))
    assert sum(url.startswith("/municipalities/") and url.endswith("/") for url in urls) == 1741
    assert sum(url.startswith("/prefectures/") and url.endswith("/") for url in urls) == 47
    assert {"/data/cases.json", "/data/cases.csv", "/feed.xml", "/schema/case.schema.json"} <= set(urls)


def test_jirei_urls_is_a_cli_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["urls", "--help"])
    assert exited.value.code == 0
    assert "--update" in capsys.readouterr().out


def test_published_urls_of_a_docs_folder(tmp_path: Path) -> None:
    docs = _docs(tmp_path, "index.md", "tags.md", "data/cases.json", "javascripts/x.js")
    assert published_urls(docs) == ["/", "/data/cases.json", "/sitemap.xml", "/tags/"]


@pytest.mark.slow
def test_mkdocs_strict_copies_a_redirect_page_unchanged_and_it_resolves(
    tmp_path: Path, browser: Browser
) -> None:
    import os
    import subprocess
    import sys

    case = variant(fake_case(tmp_path), former_ids=("992011-test-old",))
    docs = _docs(tmp_path, "index.md", "cases/992011-test-shinsei.md")
    ((path, html),) = redirect_pages([case]).items()
    (docs / path).parent.mkdir(parents=True)
    (docs / path).write_text(html, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: テスト\nsite_url: https://example.com/\ntheme: material\n", encoding="utf-8"
    )
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert (tmp_path / "site" / path).read_text(encoding="utf-8") == html
    with serve_site(tmp_path / "site") as root:
        page = browser.new_page()
        try:
            page.goto(root + "cases/992011-test-old/")
            page.wait_for_url(root + "cases/992011-test-shinsei/")
            assert page.evaluate("document.readyState") in ("interactive", "complete")
        finally:
            page.close()
