"""Plausibility of one imported row: a rate in 0–100 that agrees with cards ÷ population,
and a card count within a sane multiple of the population.

The published tables carry two known extraction slips (the 町村 rates of 2021-01 and
2021-02, 3.5 and 3.8 points off): disagreements up to ``RATE_FAR`` points are stored and
reported as warnings by ``jirei metrics check`` (rule ``rate-mismatch``); anything
further, or outside 0–100, is refused here with the file and line.
"""

from __future__ import annotations

from decimal import Decimal

from jirei.metrics.cells import CellError

RATE_FAR = Decimal(5)  # points between the published rate and cards ÷ population
MAX_CARDS_PER_PERSON = 2  # cards issued are at most the population (plus moves and reissues)


def check_row(rate_percent: Decimal, cards: int, population: int, column: str) -> None:
    """Raise CellError when the row cannot be a published figure."""
    if not 0 <= rate_percent <= 100:
        raise CellError(
            "rate-out-of-range", f"「{column}」が 0〜100% の範囲の外です", f"{rate_percent}%",
            hint="元の表の値を確かめてください",
        )  # fmt: skip
    if cards > population * MAX_CARDS_PER_PERSON:
        raise CellError(
            "count-out-of-range", f"交付枚数が人口の {MAX_CARDS_PER_PERSON} 倍を超えています",
            f"枚数 {cards:,} / 人口 {population:,}", hint="元の表の値と単位を確かめてください",
        )  # fmt: skip
    if population > 0:
        computed = Decimal(cards) * 100 / Decimal(population)
        if abs(computed - rate_percent) > RATE_FAR:
            raise CellError(
                "rate-out-of-range",
                f"「{column}」が枚数÷人口（{computed:.1f}%）から {RATE_FAR} ポイント以上離れています",
                f"{rate_percent}%", hint="元の表の値を確かめてください",
            )  # fmt: skip
