from __future__ import annotations

from pathlib import Path

from jirei.bench import baseline


def test_plain_site_has_the_requested_page_count(tmp_path: Path) -> None:
    config = baseline.write_plain_site(tmp_path, 12)
    assert "not_in_nav" in config.read_text(encoding="utf-8")
    pages = list((tmp_path / "docs").rglob("*.md"))
    assert len(pages) == 12
    page = (tmp_path / "docs" / "pages" / "p00001.md").read_text(encoding="utf-8")
    assert (
        1400 < len(page.encode()) < 3000 and page.count("\n| ") == 17
    )  # header, separator, 15 rows of 4 numbers
