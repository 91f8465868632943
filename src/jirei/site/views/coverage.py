"""Coverage by prefecture (home page and /cases/): every prefecture with its number of
cases, grouped by region, each linking to its section of the prefecture index.

A joint case counts once in each prefecture it has a member in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from jirei.cases.model import Case
from jirei.reference.municipalities import Reference
from jirei.site.rendering.anchors import anchor
from jirei.site.rendering.urls import relative_url
from jirei.site.views.places import prefecture_codes

PREFECTURE_INDEX = "indexes/prefectures.md"
# (region, first prefecture code, last prefecture code): the usual eight regions.
REGIONS = (
    ("北海道", 1, 1),
    ("東北", 2, 7),
    ("関東", 8, 14),
    ("中部", 15, 23),
    ("近畿", 24, 30),
    ("中国", 31, 35),
    ("四国", 36, 39),
    ("九州・沖縄", 40, 47),
)
OTHER_REGION = "その他"  # codes outside 01–47 (the fake prefectures of the tests)


@dataclass(frozen=True)
class PrefectureCount:
    name: str
    href: str  # relative to the built page
    cases: int


@dataclass(frozen=True)
class Region:
    name: str
    prefectures: tuple[PrefectureCount, ...]


@dataclass(frozen=True)
class Coverage:
    regions: tuple[Region, ...]

    @property
    def prefectures(self) -> int:
        return sum(len(region.prefectures) for region in self.regions)

    @property
    def covered(self) -> int:
        return sum(1 for region in self.regions for pref in region.prefectures if pref.cases)


def _region(pref_code: str) -> str:
    number = int(pref_code)
    return next((name for name, first, last in REGIONS if first <= number <= last), OTHER_REGION)


def coverage(cases: Sequence[Case], reference: Reference, from_page: str) -> Coverage:
    counts = Counter(code for case in cases for code in prefecture_codes(case))
    index = relative_url(from_page, PREFECTURE_INDEX)
    grouped: dict[str, list[PrefectureCount]] = {}
    for pref_code, prefecture in sorted(reference.prefectures.items()):
        href = f"{index}#{anchor(prefecture.name)}"
        grouped.setdefault(_region(pref_code), []).append(
            PrefectureCount(prefecture.name, href, counts.get(pref_code, 0))
        )
    order = [name for name, _first, _last in REGIONS] + [OTHER_REGION]
    return Coverage(tuple(Region(name, tuple(grouped[name])) for name in order if name in grouped))
