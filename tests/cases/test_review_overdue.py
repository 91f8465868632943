"""A case whose last_reviewed is more than a year old gets a warning (and 要更新 on its page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jirei.cases.dates import review_overdue
from jirei.cases.validate import validate_files
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, VALID_CASE, problem_lines


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(date(2027, 11, 1), False), (date(2027, 11, 2), True), (date(2026, 11, 1), False)],
)
def test_review_is_overdue_after_365_days(today: date, overdue: bool) -> None:
    assert review_overdue("2026-11-01", today) is overdue


def test_an_unparseable_review_date_is_not_called_overdue() -> None:
    assert review_overdue("2026-02-30", date(2030, 1, 1)) is False  # the date rule reports it


def test_validate_warns_and_still_passes(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / VALID_CASE.name).write_bytes(VALID_CASE.read_bytes())  # last_reviewed: 2026-11-01
    result = validate_files(
        [folder], cases_dir=folder, reference=load_reference(DATA / "reference"), today=date(2027, 11, 2)
    )
    assert result.ok
    assert [line for line in problem_lines(result, folder) if "[review-overdue]" in line] == [
        "992011-test-shinsei.yml:76:18: warning [review-overdue] record.last_reviewed: "
        '最終確認日から 1 年以上たっています。サイトでは「要更新」と表示されます (got "2026-11-01")\n'
        "    hint: 出典を開き直して内容と数値を確かめ、last_reviewed を確認した日に更新してください"
    ]
