"""Recognise a source layout by its header cells (never by file name or position)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

CFJ_LOCALGOVS = "cfj-localgovs"
CFJ_PREFECTURES = "cfj-prefectures"
CFJ_SUMMARY = "cfj-summary"
CFJ_DEMOGRAPHICS = "cfj-demographics"
SOUMU_XLSX = "soumu-xlsx"

CFJ_HEADERS: dict[str, tuple[str, ...]] = {
    CFJ_LOCALGOVS: (
        "算出基準日", "都道府県名", "市区町村名", "総数（人口）", "交付枚数", "人口に対する交付枚数率",
        "人口算出基準日", "交付件数基準日", "団体コード",
    ),
    CFJ_PREFECTURES: (
        "算出基準日", "都道府県名", "総数（人口）", "交付枚数", "人口に対する交付枚数率",
        "人口算出基準日", "交付枚数算出基準日",
    ),
    CFJ_SUMMARY: (
        "算出基準日", "区分", "人口", "交付枚数", "人口に対する交付枚数率", "人口算出基準日",
        "交付枚数算出基準日",
    ),
    CFJ_DEMOGRAPHICS: (
        "算出基準日", "年齢", "人口(男)", "人口(女)", "人口(計)", "交付件数(男)", "交付件数(女)",
        "交付件数(計)", "交付率(男)", "交付率(女)", "交付率(計)", "全体に対する交付件数割合(男)",
        "全体に対する交付件数割合(女)", "全体に対する交付件数割合(計)", "人口算出基準日",
        "交付枚数算出基準日",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class LayoutGuess:
    layout: str | None  # None: no layout matched
    closest: str  # closest known layout
    column: int  # 1-based column of the first cell that did not match (0 if matched)
    expected: str  # what that cell should have said
    got: str


def _clean(cell: str) -> str:
    return unicodedata.normalize("NFC", cell).strip()


def detect_csv_layout(header: Sequence[str]) -> LayoutGuess:
    cells = [_clean(c) for c in header]
    best: tuple[int, str] = (-1, "")
    for layout, expected in CFJ_HEADERS.items():
        if tuple(cells) == expected:
            return LayoutGuess(layout, layout, 0, "", "")
        score = sum(1 for a, b in zip(cells, expected, strict=False) if a == b)
        if score > best[0]:
            best = (score, layout)
    closest = best[1]
    expected = CFJ_HEADERS[closest]
    for index in range(max(len(cells), len(expected))):
        got = cells[index] if index < len(cells) else ""
        want = expected[index] if index < len(expected) else ""
        if got != want:
            return LayoutGuess(None, closest, index + 1, want or "(列なし)", got or "(空)")
    raise AssertionError("unreachable")  # pragma: no cover
