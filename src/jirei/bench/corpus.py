"""A synthetic corpus at real scale: fake reference list, monthly releases and cases.

Every name is fake (ベンチ県01, ベンチ市0001 …); codes carry a valid check digit so the
reference list, the importer and the validator treat them like real ones. Output is
deterministic for the same arguments (seeded random numbers).
"""

from __future__ import annotations

import calendar
import csv
import io
import math
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jirei.metrics.importers.layout import CFJ_HEADERS, CFJ_LOCALGOVS, CFJ_PREFECTURES, CFJ_SUMMARY
from jirei.paths import project
from jirei.reference.codes import with_check_digit
from jirei.reference.municipalities import MUNICIPALITY_COLUMNS, PREFECTURE_COLUMNS

PREFECTURES = 47
MUNICIPALITIES = 1741
FIRST_RELEASE = (2016, 1)  # month of the first synthetic release
FIXTURE = Path("tests") / "data" / "cases" / "valid" / "992011-test-shinsei.yml"  # under the project

LOCALGOV_HEADER = CFJ_HEADERS[CFJ_LOCALGOVS]  # the layouts the real importer recognises
PREFECTURE_HEADER = CFJ_HEADERS[CFJ_PREFECTURES]
SUMMARY_HEADER = CFJ_HEADERS[CFJ_SUMMARY]
SUMMARY_GROUPS = {  # published 区分 label → the reference categories it sums
    "全国": ("特別区", "政令指定都市", "市", "町", "村"),
    "特別区": ("特別区",),
    "政令指定都市": ("政令指定都市",),
    "市（政令指定都市を除く）": ("市",),
    "町村": ("町", "村"),
}
NAME_SUFFIX = {"特別区": "区", "政令指定都市": "市", "市": "市", "町": "町", "村": "村"}


@dataclass(frozen=True)
class FakeMunicipality:
    code: str
    pref_code: str
    prefecture: str
    name: str
    category: str
    population: int  # at the first release
    start_rate: float  # share with a card at the first release (0–1)
    end_rate: float  # share at the last release


def _category(pref: int, index: int, serial: int) -> str:
    if index == 0:
        return "政令指定都市"
    if pref == 13 and index <= 23:
        return "特別区"
    return ("市", "市", "市", "町", "町", "町", "村", "村")[serial % 8]


def fake_municipalities(seed: int = 7) -> list[FakeMunicipality]:
    """1,741 municipalities spread over 47 fake prefectures."""
    rng = random.Random(seed)
    result = []
    per_pref: dict[int, int] = {}
    for serial in range(MUNICIPALITIES):
        pref = serial % PREFECTURES + 1
        index = per_pref.get(pref, 0)
        per_pref[pref] = index + 1
        category = _category(pref, index, serial)
        population = int(math.exp(rng.uniform(7.5, 12.5))) * (10 if category == "政令指定都市" else 1)
        result.append(
            FakeMunicipality(
                code=with_check_digit(f"{pref:02d}{201 + index:03d}"),
                pref_code=f"{pref:02d}",
                prefecture=f"ベンチ県{pref:02d}",
                name=f"ベンチ{NAME_SUFFIX[category]}{serial + 1:04d}",
                category=category,
                population=population,
                start_rate=rng.uniform(0.05, 0.12),
                end_rate=rng.uniform(0.5, 0.9),
            )
        )
    return result


def _csv(rows: list[tuple[object, ...]], *, quote_strings: bool) -> str:
    buffer = io.StringIO()
    writer = (
        csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        if quote_strings
        else csv.writer(buffer, lineterminator="\n")
    )
    writer.writerows(rows)
    return buffer.getvalue()


def write_reference(directory: Path, municipalities: list[FakeMunicipality]) -> None:
    """data/reference/ in jirei's own layout (municipalities.csv, prefectures.csv)."""
    directory.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[object, ...]] = [MUNICIPALITY_COLUMNS]
    rows += [(m.code, m.pref_code, m.prefecture, m.name, "ベンチ", m.category) for m in municipalities]
    (directory / "municipalities.csv").write_text(_csv(rows, quote_strings=False), encoding="utf-8")
    prefectures: list[tuple[object, ...]] = [PREFECTURE_COLUMNS]
    prefectures += [
        (f"{p:02d}", with_check_digit(f"{p:02d}000"), f"ベンチ県{p:02d}", "ベンチケン")
        for p in range(1, PREFECTURES + 1)
    ]
    (directory / "prefectures.csv").write_text(_csv(prefectures, quote_strings=False), encoding="utf-8")


def release_dates(count: int) -> list[date]:
    """``count`` month ends from January 2016."""
    year, month = FIRST_RELEASE
    days = []
    for _ in range(count):
        days.append(date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def _slash(day: date) -> str:
    return day.strftime("%Y/%m/%d")


def _rate(cards: int, population: int) -> float:
    return round(cards * 100 / population, 1)


def _figures(m: FakeMunicipality, step: int, steps: int) -> tuple[int, int]:
    """(population, cards) of one municipality at release ``step`` of ``steps``."""
    population = round(m.population * (1 - 0.004 * (step // 12)))
    progress = (step / max(steps - 1, 1)) ** 1.5
    share = m.start_rate + (m.end_rate - m.start_rate) * progress
    return population, int(population * share)


def write_releases(raw_dir: Path, municipalities: list[FakeMunicipality], count: int) -> list[Path]:
    """One folder per release with the Code for Japan CSVs (localgovs, prefectures, summary)."""
    folders = []
    for step, day in enumerate(release_dates(count)):
        population_day = _slash(date(day.year, 1, 1))
        local: list[tuple[object, ...]] = [LOCALGOV_HEADER]
        by_pref: dict[str, list[int]] = {}
        by_category: dict[str, list[int]] = {}
        for m in municipalities:
            population, cards = _figures(m, step, count)
            local.append(
                (_slash(day), m.prefecture, m.name, population, cards, _rate(cards, population),
                 population_day, _slash(day), int(m.code))
            )  # fmt: skip
            for totals in (
                by_pref.setdefault(m.prefecture, [0, 0]),
                by_category.setdefault(m.category, [0, 0]),
            ):
                totals[0] += population
                totals[1] += cards
        prefs: list[tuple[object, ...]] = [PREFECTURE_HEADER]
        prefs += [
            (_slash(day), name, pop, cards, _rate(cards, pop), population_day, _slash(day))
            for name, (pop, cards) in sorted(by_pref.items())
        ]
        summary: list[tuple[object, ...]] = [SUMMARY_HEADER]
        for label, categories in SUMMARY_GROUPS.items():
            pop = sum(by_category.get(c, [0, 0])[0] for c in categories)
            cards = sum(by_category.get(c, [0, 0])[1] for c in categories)
            if pop == 0:  # a small --municipalities run may lack a category
                continue
            summary.append((_slash(day), label, pop, cards, _rate(cards, pop), population_day, _slash(day)))
        folder = raw_dir / day.strftime("%Y%m%d")
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in (
            ("all_localgovs", local),
            ("all_prefectures", prefs),
            ("summary_by_types", summary),
        ):
            (folder / f"{name}.csv").write_text("\ufeff" + _csv(rows, quote_strings=True), encoding="utf-8")
        folders.append(folder)
    return folders


def case_text(template: str, m: FakeMunicipality, serial: int) -> tuple[str, str]:
    """(file name, YAML) of a fake case for municipality ``m``, made from the valid test fixture."""
    case_id = f"{m.code}-bench{serial:04d}"
    replacements = {
        "id: 992011-test-shinsei": f"id: {case_id}",
        'code: "992011"': f'code: "{m.code}"',
        "name: テスト市": f"name: {m.name}",
        "prefecture: テスト県": f"prefecture: {m.prefecture}",
        "category: 市": f"category: {m.category}",
        "title: テスト市の出張申請（テスト用の架空の事例）": f"title: {m.name}の出張申請（ベンチマーク用の架空の事例 {serial}）",
    }
    text = template
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"fixture changed: {old!r} not found in {FIXTURE}")
        text = text.replace(old, new, 1)
    return f"{case_id}.yml", text


def write_cases(cases_dir: Path, municipalities: list[FakeMunicipality], count: int) -> list[Path]:
    """``count`` valid fake cases spread over the municipalities (several per municipality past 1,741)."""
    cases_dir.mkdir(parents=True, exist_ok=True)
    template = (project().root / FIXTURE).read_text(encoding="utf-8")
    paths = []
    for serial in range(count):
        name, text = case_text(template, municipalities[(serial * 7) % len(municipalities)], serial)
        path = cases_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
