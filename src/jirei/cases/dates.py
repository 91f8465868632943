"""Dates as cases write them ('2020', '2020-06', '2020-06-15') and when a case is due for review."""

from __future__ import annotations

import re
from datetime import date, timedelta

REVIEW_INTERVAL = timedelta(days=365)  # a case not reviewed for longer than this is 要更新


def parse_partial_date(text: str) -> date | None:
    """'2020', '2020-06' or '2020-06-15' → the first day it covers; None if not a real date."""
    match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", text)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def review_overdue(last_reviewed: str, today: date) -> bool:
    """True when ``last_reviewed`` is a real date more than REVIEW_INTERVAL before today."""
    reviewed = parse_partial_date(last_reviewed)
    return reviewed is not None and today - reviewed > REVIEW_INTERVAL
