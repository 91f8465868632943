"""類似団体区分: derived from the raw file (latest year, 6-digit codes) and read back (テスト市, 99xxxx)."""

from __future__ import annotations

from pathlib import Path

from tests.repo import DATA_DIR

from jirei.reference.codes import with_check_digit
from jirei.reference.municipalities import load_reference
from jirei.reference.peer_groups import derive, load_peer_groups


def test_the_latest_year_is_kept_with_check_digit_codes(tmp_path: Path) -> None:
    raw = {
        "years": [2023, 2024],
        "municipalities": [
            {"c": "99102", "n": "テスト町", "g": ["町村Ⅰ－１", "町村Ⅰ－２"]},
            {"c": "99101", "n": "テスト市", "g": ["一般市Ⅱ－３", "一般市Ⅱ－３"]},
        ],
    }
    text = derive(raw)
    assert text.splitlines() == [
        "code,name,peer_group,fiscal_year",
        f"{with_check_digit('99101')},テスト市,一般市Ⅱ－３,2024",
        f"{with_check_digit('99102')},テスト町,町村Ⅰ－２,2024",
    ]
    path = tmp_path / "groups.csv"
    path.write_text(text, encoding="utf-8")
    assert load_peer_groups(path)[with_check_digit("99102")] == "町村Ⅰ－２"
    assert load_peer_groups(tmp_path / "absent.csv") == {}


def test_the_committed_file_covers_every_municipality() -> None:
    committed = DATA_DIR / "reference" / "peer-groups.csv"
    assert committed.is_file()  # an absent file reads as {} in load_peer_groups: its loss must fail here
    groups = load_peer_groups(committed)
    assert load_peer_groups() == groups  # the default is the project's file
    assert set(groups) == set(load_reference().by_code)
    assert groups["172065"].startswith("一般市")
