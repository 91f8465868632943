"""Heading ids (jirei.site.rendering.slugs): fixed ASCII ids for the generator's headings,
ASCII headings readable, any other a short hash that stays the same."""

from __future__ import annotations

import re

import pytest

from jirei.site.rendering.slugs import slugify


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("成果", "outcomes"),
        ("出典", "sources"),
        ("課題・留意点", "challenges"),
        ("2022年12月31日時点の状況（約4年前）", "status"),
        ("全国の2023年3月31日時点の状況", "status"),
        ("市区町村ごとのファイル", "municipality-files"),
        ("cases.json", "casesjson"),
        ("Data files", "data-files"),
    ],
)
def test_known_and_ascii_headings_get_readable_ids(heading: str, expected: str) -> None:
    assert slugify(heading, "-") == expected


def test_other_headings_get_a_short_stable_hash() -> None:
    first = slugify("カード申請者への「かが応援商品券」", "-")
    assert re.fullmatch(r"h-[0-9a-f]{6}", first)
    assert slugify("カード申請者への「かが応援商品券」", "-") == first
    assert slugify("カード担当窓口の業務改善", "-") != first


def test_markup_in_a_heading_is_ignored() -> None:
    assert slugify("<code>成果</code>", "-") == "outcomes"
