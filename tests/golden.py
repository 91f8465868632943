"""Golden files: tests compare the Markdown the generator writes with tests/data/golden/.

Tests only compare; they never write. After a deliberate change to a template, run
``make goldens`` (``python -m tests.golden``): it renders the same pages outside pytest,
rewrites the files, and lists the changed ones, for review in ``git diff`` before committing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

GOLDEN_DIR = Path(__file__).resolve().parent / "data" / "golden"


def assert_golden(actual: str, relative: str) -> None:
    path = GOLDEN_DIR / relative
    assert path.exists(), f"{relative} がありません。`make goldens` で作り、差分を確かめてください"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{relative} が golden と異なります。意図した変更なら `make goldens` で更新し、git diff を確かめてください"
    )


def render_goldens(work: Path) -> dict[str, str]:
    """Every golden file's path under GOLDEN_DIR → the text the generator writes for it now."""
    from tests.site.test_case_pages import CASE_GOLDEN, render_fake_case_page
    from tests.site.test_metrics_pages import GOLDEN_PAGES, render_fake_pages

    pages = render_fake_pages()
    return {
        CASE_GOLDEN: render_fake_case_page(work),
        **{golden: pages[page] for page, golden in GOLDEN_PAGES.items()},
    }


def update_goldens() -> list[str]:
    """Rewrite every golden file; return the ones whose content changed."""
    with tempfile.TemporaryDirectory() as work:
        rendered = render_goldens(Path(work))
    changed = []
    for relative, text in sorted(rendered.items()):
        path = GOLDEN_DIR / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(relative)
    return changed


if __name__ == "__main__":
    changed = update_goldens()
    for relative in changed:
        print(f"更新: tests/data/golden/{relative}")
    print(f"golden: {len(changed)} 件を更新しました。git diff で確かめてからコミットしてください")
