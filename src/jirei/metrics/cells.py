"""Parsing single cells: counts, rates, dates (ISO, YYYY/MM/DD and Japanese era)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ONE_DECIMAL = Decimal("0.1")
_FULL_WIDTH_DIGITS = re.compile(r"[０-９]")
_SLASH_DATE = re.compile(r"^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$")
_ERA_DATE = re.compile(r"(令和|平成|R|H)(元|\d{1,2})[.年](\d{1,2})(?:[.月](末|\d{1,2})日?|月?(末))?")
_ERA_BASE = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988}


@dataclass
class CellError(Exception):
    """A cell that cannot be read; the caller adds the location."""

    rule: str
    message: str
    got: str
    hint: str | None = None


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _refuse_full_width_digits(text: str, column: str) -> None:
    if _FULL_WIDTH_DIGITS.search(text):
        raise CellError(
            "full-width-digits", f"「{column}」に全角数字があります", text, hint="半角数字で入力してください"
        )


def parse_count(cell: object, column: str) -> int:
    """A non-negative integer count (int/float cell or text with optional commas)."""
    if isinstance(cell, bool):
        raise CellError("not-a-number", f"「{column}」が数値ではありません", str(cell))
    if isinstance(cell, int):
        value = cell
    elif isinstance(cell, float):
        if not cell.is_integer():
            raise CellError("not-a-number", f"「{column}」が整数ではありません", repr(cell))
        value = int(cell)
    else:
        text = _text(cell)
        _refuse_full_width_digits(text, column)
        plain = text.replace(",", "")
        if not (plain.isascii() and plain.isdigit()):
            raise CellError("not-a-number", f"「{column}」が数値ではありません", _shown(text) or "(空)")
        if len(plain) > MAX_DIGITS:
            raise _unreadable(column, text)
        value = int(plain)
    if value < 0:
        raise CellError("not-a-number", f"「{column}」が負の数です", str(value))
    return value


def parse_decimal(cell: object, column: str) -> Decimal:
    """A rate cell as written (percent or fraction); ``%`` signs are allowed."""
    if isinstance(cell, bool):
        raise CellError("not-a-number", f"「{column}」が数値ではありません", str(cell))
    if isinstance(cell, int | float):
        value = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
        text = str(cell)
    else:
        text = _text(cell)
        _refuse_full_width_digits(text, column)
        if len(text) > MAX_DIGITS:
            raise _unreadable(column, text)
        try:
            value = Decimal(text.rstrip("%").strip())
        except InvalidOperation:
            raise CellError("not-a-number", f"「{column}」が数値ではありません", text or "(空)") from None
    if not value.is_finite() or abs(value) > MAX_RATE:
        raise _unreadable(column, text)
    return value


MAX_DIGITS = 15  # more than any count or rate in the tables; int() stops at 4,300 digits
MAX_RATE = Decimal(10) ** 6  # a rate cell beyond this is not a number the tables could hold


def _shown(text: str) -> str:
    """A cell's text for a message: at most 40 characters."""
    return text if len(text) <= 40 else f"{text[:40]}…（{len(text)} 文字）"


def _unreadable(column: str, text: str) -> CellError:
    return CellError(
        "cell-unreadable", f"「{column}」の数値が長すぎるか、有限の数ではありません", _shown(text),
        hint="公表されたままのファイルを使ってください",
    )  # fmt: skip


def round_percent(value: Decimal) -> Decimal:
    """Round half-up to one decimal, as the ministry publishes."""
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def percent_of(cards: int, population: int) -> Decimal:
    if population == 0:
        return Decimal("0.0")
    return round_percent(Decimal(cards) * 100 / Decimal(population))


def parse_date(cell: object, column: str, rule: str = "release-date") -> date:
    """``YYYY/MM/DD``, ISO, a date/datetime cell, or a Japanese era date (R3.5.1, R7.8末)."""
    if isinstance(cell, datetime):
        return _not_future(cell.date(), column)
    if isinstance(cell, date):
        return _not_future(cell, column)
    text = unicodedata.normalize("NFKC", _text(cell))
    match = _SLASH_DATE.match(text)
    try:
        if match:
            found: date | None = date(int(match[1]), int(match[2]), int(match[3]))
        else:
            found = parse_era_date(text)
    except ValueError:
        found = None
    if found is None:
        raise CellError(rule, f"「{column}」の日付を読み取れません", _shown(text) or "(空)",
                        hint="YYYY/MM/DD または R3.5.1・R7.8末 の形で書いてください")  # fmt: skip
    return _not_future(found, column)


def _not_future(found: date, column: str) -> date:
    if found > date.today():
        raise CellError(
            "release-future", f"「{column}」が今日より後の日付です", found.isoformat(),
            hint="元の表の日付を確かめてください。公表前のデータは取り込めません",
        )  # fmt: skip
    return found


def parse_era_date(text: str) -> date | None:
    """First Japanese era date in ``text``: R3.5.1 → 2021-05-01, R7.8末 → 2025-08-31."""
    match = _ERA_DATE.search(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    era, year_text, month_text, day_text, month_end = match.groups()
    year = _ERA_BASE[era] + (1 if year_text == "元" else int(year_text))
    month = int(month_text)
    day_text = day_text or month_end
    if day_text is None:
        return None
    try:
        if day_text == "末":
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(day_text))
    except ValueError:
        return None
