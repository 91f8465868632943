"""Matching published names and codes against the fake reference (tests/data/reference)."""

from __future__ import annotations

import pytest
from cfj_factory import REFERENCE_DIR

from jirei.metrics.cells import CellError
from jirei.metrics.importers.names import resolve_municipality, resolve_prefecture
from jirei.reference.municipalities import load_reference

REFERENCE = load_reference(REFERENCE_DIR)


def _error(call: object) -> tuple[str, str, str, str | None]:
    assert isinstance(call, CellError)
    return call.rule, call.message, call.got, call.hint


def _raised(prefecture: str, name: str, code: str = "") -> tuple[str, str, str, str | None]:
    with pytest.raises(CellError) as info:
        resolve_municipality(REFERENCE, prefecture, name, code)
    return _error(info.value)


def test_prefectures_by_name_and_a_suggestion_for_a_near_one() -> None:
    assert resolve_prefecture(REFERENCE, "テスト県").pref_code == "99"
    assert resolve_prefecture(REFERENCE, "テスト").pref_code == "99"  # 県 may be left out
    with pytest.raises(CellError) as info:
        resolve_prefecture(REFERENCE, "テスト都")  # ends in 都: no suffix is tried; 3 of 4 characters match
    assert _error(info.value) == (
        "unknown-prefecture",
        "都道府県名が参照表にありません",
        "テスト都",
        "候補: テスト県",
    )
    with pytest.raises(CellError) as info:
        resolve_prefecture(REFERENCE, "")
    assert _error(info.value) == ("unknown-prefecture", "都道府県名が参照表にありません", "(空)", None)


@pytest.mark.parametrize("missing", ["", "<NA>", "NA", "NaN", "nan", "None", "  <NA> "])
def test_a_missing_code_is_matched_by_name(missing: str) -> None:
    assert resolve_municipality(REFERENCE, "テスト県", "試験市", missing).code == "992020"


def test_a_given_code_must_be_valid_known_and_name_the_same_municipality() -> None:
    assert resolve_municipality(REFERENCE, "テスト県", "テスト市", "992011").code == "992011"
    assert resolve_municipality(REFERENCE, "テスト県", "テスト市", " 992011 ").code == "992011"
    assert _raised("テスト県", "テスト市", "992012") == (
        "code-invalid", "団体コードが正しくありません（6 桁・検査数字）", "992012", None,
    )  # fmt: skip
    assert _raised("テスト県", "テスト市", "992038") == (
        "unknown-code",
        "団体コードが参照表にありません",
        "992038",
        None,
    )
    assert _raised("テスト県", "試験市", "992011") == (
        "code-name-mismatch",
        "団体コード 992011 はテスト県テスト市ですが、名前は「テスト県試験市」です",
        "992011 テスト県試験市",
        None,
    )


def test_an_unknown_name_suggests_near_names_in_its_prefecture() -> None:
    # 試練市 and 試験市 share 試 and 市 (difflib ratio 4/6); no other name of テスト県 reaches 0.4
    assert _raised("テスト県", "試練市") == (
        "unknown-municipality",
        "市区町村名「試練市」が参照表（テスト県）にありません",
        "テスト県試練市",
        "近い名前: テスト県試験市",
    )
    assert _raised("テスト県", "ああああ")[3] == "都道府県名と市区町村名を確認してください"


def test_suggestions_come_from_the_rows_prefecture_only() -> None:
    # 見本村 is in サンプル県; within テスト県 only テスト村 shares a character (ratio 2/7 < 0.4)
    assert _raised("テスト県", "見本村")[3] == "都道府県名と市区町村名を確認してください"


def test_a_district_prefix_is_dropped_before_suggesting() -> None:
    # 試作村 (after 郡) is close to 試作町 (4/6); the whole 見本見本郡試作村 would not be (4/11)
    assert _raised("テスト県", "見本見本郡試作村")[3] == "近い名前: テスト県試作町"


def test_with_an_unknown_prefecture_every_municipality_is_a_candidate() -> None:
    # 試練市 against テスト県試験市: 試 and 市 of 3 + 7 characters, exactly the cut-off 0.4
    assert _raised("ない県", "試練市") == (
        "unknown-municipality",
        "市区町村名「試練市」が参照表（ない県）にありません",
        "ない県試練市",
        "近い名前: テスト県試験市",
    )


def test_at_most_three_names_are_suggested() -> None:
    # テスト is close to テスト市, テスト村, テスト政令市 and 梼テスト町 (all above 0.4): three are shown
    hint = _raised("テスト県", "テスト")[3]
    assert hint is not None and hint.startswith("近い名前: ")
    shown = hint.removeprefix("近い名前: ").split("、")
    assert len(shown) == 3
    assert set(shown) <= {
        "テスト県テスト市",
        "テスト県テスト村",
        "テスト県テスト政令市",
        "テスト県梼テスト町",
    }
