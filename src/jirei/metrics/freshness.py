"""How old the newest figure is at build time, in words a reader understands.

Everything takes the build date as an argument (``jirei build --today``), so a build is
deterministic for a given date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# A per-municipality release older than this is stale: the site says so on every metrics page.
STALE_AFTER_MONTHS = 3


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 when later is not after it)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clipped to the month's end (2022-12-31 + 2 → 2023-02-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def age_text(newest: date, today: date) -> str:
    """「約4年前」「約7か月前」「約2週間前」「今日」 — the figure's age, rounded for reading."""
    days = (today - newest).days
    if days < 0:
        raise ValueError(f"the newest figure ({newest}) is after the build date ({today})")
    if days == 0:
        return "今日"
    months = months_between(newest, today)
    if months >= 12:
        years = round(months / 12)
        return f"約{years}年前"
    if months >= 1:
        return f"約{months}か月前"
    if days >= 7:
        return f"約{days // 7}週間前"
    return f"{days}日前"


@dataclass(frozen=True)
class DataAge:
    """The newest figure of one series and its age at build time."""

    newest: date
    today: date

    @property
    def months(self) -> int:
        return months_between(self.newest, self.today)

    @property
    def stale(self) -> bool:
        """More than STALE_AFTER_MONTHS calendar months old."""
        return self.today > add_months(self.newest, STALE_AFTER_MONTHS)

    @property
    def age(self) -> str:
        return age_text(self.newest, self.today)

    def as_of(self) -> str:
        """「2022年12月31日時点（約4年前）」."""
        return f"{self.newest.year}年{self.newest.month}月{self.newest.day}日時点（{self.age}）"
