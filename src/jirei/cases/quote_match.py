"""Does a verbatim quote contain a figure? Numbers and dates read from Japanese text.

Quotes are copied from sources as they are, so the same number is written many ways:
全角数字 (５０．５％), thousands separators (4,500), 万/億 (約4,500万円, 1億2,000万), a
newspaper's 「・」 for the decimal point (18・0%), and dates as 2020年8月12日, 令和2年8月12日,
2017(平成29)年11月, R2.8.12, 2020/8/12, 2020.8.12, 2021年度末 (= 2022年3月) or 「20年6月」.
News stories often leave the year out: 「昨年8月」, 「今年1月」, a bare 「9月1日」 and even a
bare 「15日」 (in the month of publication) are read against the publication date of the
quote's source, when the case gives one.
:func:`numbers_in` and :func:`dates_in` read them all into plain values, and
:func:`quote_has_number` / :func:`quote_has_date` compare a case's figure with them.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

THOUSANDS = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?:[^0-9]|$))")
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
MULTIPLIERS = {"百": 100, "千": 1_000, "万": 10_000, "億": 100_000_000, "兆": 1_000_000_000_000}
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "R": 2018, "H": 1988, "S": 1925}

_MONTH_DAY = r"(?:(?P<{p}m>[0-9]{{1,2}})月(?:(?P<{p}d>[0-9]{{1,2}})日|(?P<{p}e>末))?)?"
DATE = re.compile(
    "|".join(
        (
            # 2020年8月12日, 令和2年8月, 令和元年, 2020年度, 2021年度末, 2017(平成29)年11月, 令和元(2019)年10月, 20年6月
            r"(?:(?P<era>令和|平成|昭和)(?P<ey>元|[0-9]{1,2})(?:\([0-9]{4}\))?|(?P<y>[0-9]{4})(?:\((?:令和|平成|昭和)(?:元|[0-9]{1,2})\))?"
            r"|(?<![0-9.])(?P<sy>[0-9]{2})(?=年(?!間|前|後|ぶり|目|以上|以内|近く|余り|分|連続)))年(?P<fy>度末|度)?"
            + _MONTH_DAY.format(p="w"),
            # 昨年8月, 今年の1月, 去年10月 (the year from the source's publication date)
            r"(?P<rel>一昨年|昨年|去年|前年|今年|本年)(?:の)?" + _MONTH_DAY.format(p="l"),
            # R2.8.12, H30.8.28
            r"(?<![A-Za-z])(?P<abbr>[RHS])(?P<ay>[0-9]{1,2})\.(?P<rm>[0-9]{1,2})(?:\.(?P<rd>[0-9]{1,2}))?",
            # 2020/8/12, 2020.8.12, 2020-08-12, 2020/8
            r"(?<![0-9.])(?P<ny>[0-9]{4})[/.\-](?P<nm>[0-9]{1,2})(?:[/.\-](?P<nd>[0-9]{1,2}))?(?![0-9])",
            # 8月12日 or 12月末 after a year written earlier in the same quote
            r"(?<![0-9])(?P<bm>[0-9]{1,2})月(?:(?P<bd>[0-9]{1,2})日|(?P<be>末))?",
            # 「15日開庁し」: a day alone, in the month of the source's publication date
            r"(?<![0-9月])(?P<dd>[0-9]{1,2})日(?!間|分|以内|以上|前|後|ぶり|連続)",
        )
    )
)


RELATIVE_YEARS = {"一昨年": -2, "昨年": -1, "去年": -1, "前年": -1, "今年": 0, "本年": 0}
RANK_ONE = re.compile(r"(?<![0-9])1位|首位|トップ|ナンバーワン|No\.?1|最も高|最高")


def normalise(text: str) -> str:
    """NFKC (全角数字・％・．・， → ASCII) without thousands separators or spaces around 年月日,
    and a 「・」 between digits (a newspaper's decimal point) read as 「.」."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=[0-9])[・･](?=[0-9])", ".", text)
    text = re.sub(r"\s*([年月日])\s*", r"\1", text)
    return THOUSANDS.sub("", text)


def as_decimal(value: object) -> Decimal | None:
    """A YAML number as a Decimal (65.1 and 65.10 are the same number); None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def format_number(value: Decimal) -> str:
    """34.10 → '34.1', 4.5E+7 → '45000000'."""
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    value: Decimal
    multiplier: int


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in NUMBER.finditer(text):
        end, multiplier = match.end(), 1
        while end < len(text) and text[end] in MULTIPLIERS:
            multiplier *= MULTIPLIERS[text[end]]
            end += 1
        tokens.append(_Token(match.start(), end, Decimal(match.group()) * multiplier, multiplier))
    return tokens


def numbers_in(text: str) -> list[Decimal]:
    """Every number in the text, 万/億 applied; 「1億2,000万」 gives 120000000 (and its parts)."""
    found: list[Decimal] = []
    group: list[_Token] = []
    for token in _tokens(normalise(text)):
        adjoins = group and token.start == group[-1].end and token.multiplier < group[-1].multiplier
        if group and not adjoins:
            found.append(sum((t.value for t in group), Decimal(0)))
            group = []
        group.append(token)
        found.append(token.value)
    if len(group) > 1:
        found.append(sum((t.value for t in group), Decimal(0)))
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class QuotedDate:
    """A date as precise as the text wrote it: month and day may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    def covers(self, wanted: QuotedDate) -> bool:
        """True when this date says at least as much as ``wanted`` and agrees with it."""
        return (
            self.year == wanted.year
            and (wanted.month is None or self.month == wanted.month)
            and (wanted.day is None or self.day == wanted.day)
        )

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n is not None]
        return "-".join(parts)


def _day(year: int, month: int | None, day: str | None, month_end: str | None) -> int | None:
    if month is None or not 1 <= month <= 12:
        return None
    if month_end:
        return calendar.monthrange(year, month)[1]
    return int(day) if day else None


def _year(match: re.Match[str], published: QuotedDate | None) -> int | None:
    if match["y"]:
        return int(match["y"])
    if match["sy"]:
        return 2000 + int(match["sy"])
    if match["rel"]:
        return published.year + RELATIVE_YEARS[match["rel"]] if published else None
    if match["era"]:
        return ERAS[match["era"]] + (1 if match["ey"] == "元" else int(match["ey"]))
    if match["abbr"]:
        return ERAS[match["abbr"]] + int(match["ay"])
    return int(match["ny"]) if match["ny"] else None


def _prefix(match: re.Match[str]) -> str:
    """Which alternative of DATE matched: its group names start with this letter."""
    if match["abbr"]:
        return "r"
    if match["ny"]:
        return "n"
    if match["bm"]:
        return "b"
    return "l" if match["rel"] else "w"


def dates_in(text: str, published: QuotedDate | None = None) -> list[QuotedDate]:
    """Every date in the text. A month without a year takes the year written before it in the
    quote, else the year of ``published`` (the source's publication date); 「昨年」「今年」 count
    from ``published``; 「2021年度末」 is March 2022."""
    found: list[QuotedDate] = []
    last_year: int | None = None
    for match in DATE.finditer(normalise(text)):
        if match["dd"]:
            if published is not None and published.month is not None and 1 <= int(match["dd"]) <= 31:
                found.append(QuotedDate(published.year, published.month, int(match["dd"])))
            continue
        prefix = _prefix(match)
        year = _year(match, published)
        if prefix == "w" and match["fy"] == "度末":
            if year is not None:
                found.append(QuotedDate(year + 1, 3, 31))
                last_year = year
            continue
        month_text, day_text = match[f"{prefix}m"], match[f"{prefix}d"]
        end = match[f"{prefix}e"] if prefix in "bwl" else None
        if year is None:
            year = last_year if last_year is not None else published.year if published else None
            if year is None:
                continue
        last_year = year
        month = int(month_text) if month_text and 1 <= int(month_text) <= 12 else None
        found.append(QuotedDate(year, month, _day(year, month, day_text, end)))
    return list(dict.fromkeys(found))


def parse_iso(text: str) -> QuotedDate | None:
    """'2020', '2020-08' or '2020-08-12' as a :class:`QuotedDate`."""
    match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", text)
    if not match:
        return None
    return QuotedDate(int(match[1]), int(match[2]) if match[2] else None, int(match[3]) if match[3] else None)


def quote_has_number(value: object, quotes: Iterable[str]) -> bool:
    wanted = as_decimal(value)
    return wanted is not None and any(wanted in numbers_in(quote) for quote in quotes)


def quote_has_date(
    value: str, quotes: Iterable[str], published: Iterable[QuotedDate | None] | None = None
) -> bool:
    """Whether a quote contains the date; ``published`` gives each quote's source date (or None)."""
    wanted = parse_iso(value)
    quotes = list(quotes)
    dates = list(published) if published is not None else [None] * len(quotes)
    return wanted is not None and any(
        d.covers(wanted) for quote, day in zip(quotes, dates, strict=False) for d in dates_in(quote, day)
    )


def quote_has_first_rank(quotes: Iterable[str]) -> bool:
    """「1位」, 「トップ」, 「首位」, 「ナンバーワン」, 「最も高い」 and the like: a first place in words."""
    return any(RANK_ONE.search(normalise(quote)) for quote in quotes)


def found_in(quotes: Iterable[str]) -> str:
    """What the quotes contain, for an error message: 「数値 34.12, 54.8／日付 2021-07」."""
    quotes = list(quotes)
    numbers = list(dict.fromkeys(format_number(n) for quote in quotes for n in numbers_in(quote)))
    dates = list(dict.fromkeys(str(d) for quote in quotes for d in dates_in(quote)))
    return f"引用の数値: {', '.join(numbers) or 'なし'}／日付: {', '.join(dates) or 'なし'}"
