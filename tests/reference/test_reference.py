from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.repo import DEFAULT_REFERENCE_DIR

from jirei.reference.build import build_reference
from jirei.reference.codes import check_digit, is_valid_code
from jirei.reference.municipalities import load_reference

FAKE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("code", ["172065", "452025", "074071", "011002", "133817"])
def test_known_codes_are_valid(code: str) -> None:
    assert is_valid_code(code)
    assert check_digit(code[:5]) == int(code[5])


@pytest.mark.parametrize("code", ["172066", "17206", "1720650", "17206５", "abcdef", ""])
def test_invalid_codes(code: str) -> None:
    assert not is_valid_code(code)


def test_check_digit_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="5 桁の半角数字が必要です: '1234'"):
        check_digit("1234")


def test_fake_reference_codes_are_valid() -> None:
    ref = load_reference(FAKE_DIR)
    assert all(is_valid_code(code) for code in ref.by_code)
    assert all(is_valid_code(p.code) for p in ref.prefectures.values())


def test_match_name_quirks_fake() -> None:
    ref = load_reference(FAKE_DIR)
    assert ref.match_name("テスト県", "テスト市").code == "992011"  # type: ignore[union-attr]
    assert ref.match_name("テスト県", " テスト市　").code == "992011"  # type: ignore[union-attr]
    assert ref.match_name("テスト県", "試験郡試作町").code == "994014"  # type: ignore[union-attr]
    assert ref.match_name("テスト県", "テスト島テスト村").code == "993816"  # type: ignore[union-attr]
    assert ref.match_name("テスト県", "テスト島　テスト村").code == "993816"  # type: ignore[union-attr]
    assert ref.match_name("テスト県", "檮テスト町").code == "993611"  # type: ignore[union-attr]
    assert ref.match_name("テスト県", "ﾃｽﾄ市") is not None  # half-width → NFKC
    assert ref.match_name("テスト県", "サンプル市") is None  # other prefecture
    assert ref.match_name("サンプル県", "サンプル市").code == "982016"  # type: ignore[union-attr]
    assert ref.match_name("無い県", "テスト市") is None
    assert ref.match_name("テスト県", "無い市") is None


def test_fake_reference_lookups() -> None:
    ref = load_reference(FAKE_DIR)
    assert [m.code for m in ref.municipalities_in("98")] == ["982016", "983012"]
    assert ref.prefecture_by_name("テスト県").pref_code == "99"  # type: ignore[union-attr]
    assert ref.prefecture_by_name("テスト").pref_code == "99"  # type: ignore[union-attr]
    assert ref.prefecture_by_name("東京都") is None
    assert [m.code for m in ref.search("99")] == [c for c in sorted(ref.by_code) if c.startswith("99")]
    assert [m.code for m in ref.search("試験")] == ["992020"]
    assert [m.code for m in ref.search("ミホン")] == ["983012"]
    assert ref.search("") == []
    assert load_reference(FAKE_DIR) is ref  # cached


def test_real_reference_counts() -> None:
    ref = load_reference()
    assert len(ref.by_code) == 1741
    assert len(ref.prefectures) == 47
    cats: dict[str, int] = {}
    for m in ref.by_code.values():
        cats[m.category] = cats.get(m.category, 0) + 1
    assert cats == {"特別区": 23, "政令指定都市": 20, "市": 772, "町": 743, "村": 183}
    kaga = ref.by_code["172065"]
    assert (kaga.prefecture, kaga.name, kaga.name_kana, kaga.category) == ("石川県", "加賀市", "カガシ", "市")
    assert ref.by_code["011002"].category == "政令指定都市"
    assert ref.by_code["131016"].category == "特別区"
    assert ref.by_code["131237"].category == "特別区"
    assert ref.prefectures["13"].code == "130001"


def test_real_reference_match_name_quirks() -> None:
    ref = load_reference()
    assert ref.match_name("新潟県", "岩船郡粟島浦村").code == "155861"  # type: ignore[union-attr]
    assert ref.match_name("東京都", "三宅島三宅村").code == "133817"  # type: ignore[union-attr]
    assert ref.match_name("東京都", "三宅島　三宅村").code == "133817"  # type: ignore[union-attr]
    assert ref.match_name("東京都", "三宅村").code == "133817"  # type: ignore[union-attr]
    assert ref.match_name("東京都", "八丈島八丈町").code == "134015"  # type: ignore[union-attr]
    assert ref.match_name("高知県", "高岡郡檮原町").code == "394050"  # type: ignore[union-attr]
    assert ref.match_name("高知県", "梼原町").code == "394050"  # type: ignore[union-attr]
    # names that contain 郡 themselves must still match exactly
    assert ref.match_name("福島県", "郡山市").code == "072036"  # type: ignore[union-attr]
    assert ref.match_name("奈良県", "大和郡山市").code == "292036"  # type: ignore[union-attr]
    assert ref.match_name("東京都", "大島町").code == "133612"  # type: ignore[union-attr]


def test_committed_reference_files_are_canonical() -> None:
    for name in ("municipalities.csv", "prefectures.csv"):
        data = (DEFAULT_REFERENCE_DIR / name).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        assert b"\r" not in data
        assert data.endswith(b"\n")
    with (DEFAULT_REFERENCE_DIR / "municipalities.csv").open(encoding="utf-8", newline="") as handle:
        codes = [row["code"] for row in csv.DictReader(handle)]
    assert codes == sorted(codes)


def test_build_reference_is_deterministic(tmp_path: Path) -> None:
    source = REPO / "data" / "raw" / "soumu-code-list" / "city_code_R1.5.1.xls"
    changed = build_reference(source, tmp_path)
    assert {p.name for p in changed} == {"municipalities.csv", "prefectures.csv"}
    for name in ("municipalities.csv", "prefectures.csv"):
        assert (tmp_path / name).read_bytes() == (DEFAULT_REFERENCE_DIR / name).read_bytes()
    assert build_reference(source, tmp_path) == []
