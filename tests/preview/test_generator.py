"""The preview regenerates one edited case's page and the listing pages, once, and nothing else."""

from __future__ import annotations

from pathlib import Path

from jirei.preview.generator import Preview
from tests.cases.validation_helpers import VALID_CASE

CASE = VALID_CASE.stem  # 992011-test-shinsei
OLD_TITLE = "テスト市の出張申請（テスト用の架空の事例）"
NEW_TITLE = "テスト市の出張申請を編集した題名"
# The pages that list every case, with titles: the only pages an edit may rewrite besides its own.
LISTING_PAGES = {
    "index.md",
    "cases/index.md",
    "cases/finder.md",
    "indexes/prefectures.md",
    "indexes/themes.md",
    "indexes/approaches.md",
    "indexes/success-factors.md",
}


def _files(docs: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(docs).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in docs.rglob("*")
        if path.is_file()
    }


def _edit_title(preview: Preview, old: str, new: str) -> None:
    case_file = preview.cases_dir / f"{CASE}.yml"
    text = case_file.read_text(encoding="utf-8")
    assert f"title: {old}\n" in text
    case_file.write_text(text.replace(f"title: {old}\n", f"title: {new}\n"), encoding="utf-8")


def test_one_case_edit_rewrites_its_page_and_the_listings_once(preview: Preview) -> None:
    first = preview.update()
    assert first.kind == "full" and not first.problems
    page = preview.docs_dir / "cases" / f"{CASE}.md"
    assert OLD_TITLE in page.read_text(encoding="utf-8")
    before = _files(preview.docs_dir)

    _edit_title(preview, OLD_TITLE, NEW_TITLE)
    edit = preview.update()

    assert edit.kind == "cases" and not edit.problems
    assert NEW_TITLE in page.read_text(encoding="utf-8")
    after = _files(preview.docs_dir)
    touched = {path for path in after if before.get(path) != after[path]}
    assert f"cases/{CASE}.md" in touched and "cases/index.md" in touched
    assert touched <= LISTING_PAGES | {f"cases/{CASE}.md"}
    assert set(edit.written) == touched
    assert before["cases/992020-test-kyodo.md"] == after["cases/992020-test-kyodo.md"]
    assert preview.builds == 2
    # The generator's own writes are not an edit: asking again regenerates nothing.
    assert preview.update().kind == "none" and preview.builds == 2
    assert _files(preview.docs_dir) == after


def test_a_template_change_builds_everything_again(preview: Preview, tmp_path: Path) -> None:
    preview.update()
    (preview.data_dir / "metrics" / "extra.txt").write_text("x", encoding="utf-8")
    assert preview.update().kind == "full"
