"""Rate cells: scale detection (percent vs fraction) and conversion to percent."""

from __future__ import annotations

from decimal import Decimal

from jirei.metrics.cells import CellError, round_percent
from jirei.metrics.importers.sanity import check_row

_CLOSE = Decimal("0.15")  # published rates are rounded to 0.1 point
_FAR = Decimal("0.5")


def to_percent(rate: Decimal, cards: int, population: int, *, fraction: bool, column: str) -> Decimal:
    """The rate in percent with one decimal; raise ``rate-scale`` when it has the other scale."""
    if population > 0:
        expected = Decimal(cards) * 100 / Decimal(population)
        as_written = rate * 100 if fraction else rate
        other = rate if fraction else rate * 100
        if abs(as_written - expected) > _FAR and abs(other - expected) <= _CLOSE:
            if fraction:
                message = f"「{column}」が百分率で書かれています（この様式は割合 0～1 です）"
                hint = "例: 78.1% は 0.781 と書きます"
            else:
                message = f"「{column}」が割合（0～1）で書かれています（この様式は百分率です）"
                hint = "例: 0.781 は 78.1 と書きます"
            raise CellError("rate-scale", message, str(rate), hint=hint)
    percent = rate * 100 if fraction else rate
    check_row(percent, cards, population, column)
    return round_percent(percent)
