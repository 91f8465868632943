"""類似団体: same category, closest log population, deterministic ties."""

from __future__ import annotations

from jirei.metrics.similar import similar_municipalities
from jirei.reference.municipalities import Municipality, Reference


def reference(*rows: tuple[str, str]) -> Reference:
    return Reference(
        by_code={
            code: Municipality(code, "99", "テスト県", f"テスト{code}{category}", "テスト", category)
            for code, category in rows
        },
        prefectures={},
    )


def test_peers_are_the_same_category_ordered_by_ratio_of_population() -> None:
    ref = reference(("990001", "市"), ("990002", "市"), ("990003", "市"), ("990004", "市"), ("990005", "町"))
    populations = {"990001": 10_000, "990002": 20_000, "990003": 4_000, "990004": 100_000, "990005": 11_000}
    similar = similar_municipalities(ref, populations, count=2)
    # From 10,000: 20,000 is ×2 away, 4,000 is ×2.5 away; the 町 of 11,000 is another category.
    assert similar["990001"] == ("990002", "990003")
    assert similar["990004"] == ("990002", "990001")
    assert similar["990005"] == ()


def test_equal_distances_go_to_the_lower_code() -> None:
    ref = reference(("990001", "村"), ("990002", "村"), ("990003", "村"))
    populations = {"990001": 1_000, "990002": 2_000, "990003": 500}
    assert similar_municipalities(ref, populations, count=1)["990001"] == ("990002",)
    assert similar_municipalities(ref, populations, count=2)["990001"] == ("990002", "990003")


def test_municipalities_without_population_are_left_out() -> None:
    ref = reference(("990001", "市"), ("990002", "市"))
    assert similar_municipalities(ref, {"990001": 5_000}) == {"990001": ()}


def test_peer_groups_come_first_and_the_page_is_told_which_grouping() -> None:
    ref = reference(("990001", "市"), ("990002", "市"), ("990003", "市"), ("990004", "町"))
    populations = {"990001": 10_000, "990002": 11_000, "990003": 9_000, "990004": 12_000}
    groups = {"990001": "一般市Ⅰ－３", "990003": "一般市Ⅰ－３", "990002": "一般市Ⅰ－２"}
    similar = similar_municipalities(ref, populations, count=3, peer_groups=groups)
    # 990002 is closer in population but in another 類似団体区分.
    assert similar["990001"] == ("990003",)
    assert similar["990001"].basis == "総務省の類似団体区分「一般市Ⅰ－３」（全国 2 団体）"
    assert similar["990001"].peer_group == "一般市Ⅰ－３"
    # Without a 区分, the category and population distance as before.
    assert similar["990004"] == ()
    assert similar["990004"].basis == "同じ区分（町）" and similar["990004"].peer_group == ""
