"""`jirei search index`: Pagefind runs on the article only (with the dictionary keys and the
section filter), and a failure leaves nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jirei.cli import main
from jirei.problems import JireiError
from jirei.search import pagefind_index
from jirei.search.pagefind_index import index_site

PAGE = """<!doctype html><html lang="ja"><head><title>{title}</title></head><body>
<nav>ナビゲーションの語 テスト案内</nav>
<article class="md-content__inner"><h1>{title}<a class="headerlink" href="#">¶</a></h1><p>{body}</p></article>
</body></html>"""


def write_site(site: Path) -> None:
    site.mkdir()
    (site / "index.html").write_text(
        PAGE.format(title="テストの表紙", body="テスト市の窓口"), encoding="utf-8"
    )
    (site / "a").mkdir()
    (site / "a" / "index.html").write_text(
        PAGE.format(title="テスト町の事例", body="出張申請"), encoding="utf-8"
    )
    for section in ("municipalities/999999", "prefectures/99"):  # found through data/places.json
        (site / section).mkdir(parents=True)
        (site / section / "index.html").write_text(
            PAGE.format(title="テスト市の交付状況", body="団体コード 999999"), encoding="utf-8"
        )


def test_index_is_written_for_every_page_but_the_place_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    write_site(site)
    assert main(["search", "index", str(site)]) == 0
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["ja"]["page_count"] == 2
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert "検索索引を作りました" in capsys.readouterr().out
    assert not list(tmp_path.glob(".*staging"))


def test_the_indexed_pages_are_all_but_the_place_pages_with_the_urls_pagefind_gives(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    pages = [url for _, url in pagefind_index.indexed_pages(tmp_path / "site")]
    assert pages == ["/a/", "/"]


def test_the_index_holds_the_dictionary_keys_and_the_section_filter(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site)
    (site / "contributing").mkdir()
    (site / "contributing" / "index.html").write_text(
        PAGE.format(title="寄稿の手引き", body="項目の書き方"), encoding="utf-8"
    )
    index_site(site)
    filters = list((site / "pagefind" / "filter").glob("*.pf_filter"))
    assert filters, "the section filter is written"


def test_a_site_that_was_not_built_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(JireiError) as raised:
        index_site(tmp_path / "missing")
    assert "mkdocs build" in raised.value.problems[0].message


def test_the_command_indexes_only_the_article_without_permalinks(tmp_path: Path) -> None:
    command = pagefind_index.pagefind_command(tmp_path / "pages", tmp_path / "out")
    assert command[command.index("--site") + 1] == str(tmp_path / "pages")
    assert command[command.index("--root-selector") + 1] == "article.md-content__inner"
    assert ".headerlink" in command


def test_a_pagefind_failure_keeps_the_previous_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    write_site(site)
    (site / "pagefind").mkdir()
    (site / "pagefind" / "old.txt").write_text("前の索引", encoding="utf-8")
    monkeypatch.setattr(
        pagefind_index, "pagefind_command",
        lambda pages_dir, output: ["python3", "-c", "import sys; sys.exit(3)"],
    )  # fmt: skip
    with pytest.raises(JireiError) as raised:
        index_site(site)
    assert "終了コード 3" in raised.value.problems[0].message
    assert (site / "pagefind" / "old.txt").read_text(encoding="utf-8") == "前の索引"
    assert not list(tmp_path.glob(".*staging"))
    assert not list(tmp_path.glob(".site-pages-*"))
