"""Golden files are only compared by the tests: a wrong page fails even with the old update flag set."""

from __future__ import annotations

import pytest

from tests.golden import GOLDEN_DIR, assert_golden

CASE_GOLDEN = "cases/992011-test-shinsei.md"


def test_a_page_that_differs_from_its_golden_fails_and_the_golden_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JIREI_UPDATE_GOLDEN", "1")  # the old flag that made goldens compare with themselves
    before = (GOLDEN_DIR / CASE_GOLDEN).read_bytes()
    with pytest.raises(AssertionError, match=r"cases/992011-test-shinsei\.md が golden と異なります"):
        assert_golden("---\ntitle: 違うページ\n---\n", CASE_GOLDEN)
    assert (GOLDEN_DIR / CASE_GOLDEN).read_bytes() == before


def test_a_missing_golden_fails() -> None:
    with pytest.raises(AssertionError, match=r"cases/999999-none\.md がありません"):
        assert_golden("x", "cases/999999-none.md")
