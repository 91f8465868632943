"""The Digital Agency's national monthly card counts: the dashboard CSV (wide until 2025,
long 年月・指標名・値 from 2026) and the JSON copy of it (myna-news-jp ``stats_data.json``).

The layout is recognised by its header or keys, never by the file name. Counts are taken
as published. A rate is kept only when the file carries the dashboard's own rate; a rate a
third party estimated (``myna_rate_estimated``) is dropped, and :func:`national_rows`
computes it on the stated population instead, marked 計算値.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from jirei.metrics.later.national import (
    COMPUTED_RATE,
    DASHBOARD_BASE,
    DIGITAL_AGENCY,
    PUBLISHED_RATE,
    NationalMonthly,
)
from jirei.metrics.measures import HELD
from jirei.problems import Problem

_MONTH = re.compile(r"^(\d{4})\s*[-/年.]\s*(\d{1,2})(?:\s*[-/月.]\s*(\d{1,2})?\s*日?)?$")
MONTH_HEADERS = ("年月", "集計月", "日付", "月")
LONG_HEADERS = ("年月", "指標名", "値")


@dataclass(frozen=True)
class MonthFigure:
    """One month as a source file gives it (rate None: the file has no published rate)."""

    as_of: date
    cards: int
    rate: Decimal | None
    path: str
    line: int


@dataclass(frozen=True)
class PopulationBase:
    population: int
    description: str  # 総務省公表の住民基本台帳人口（2022年1月1日時点）125,927,902人


def month_end(text: str) -> date | None:
    """「2025-08」「2025/8」「2025年8月」「2025-08-31」 → the month's last day."""
    match = _MONTH.match(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _count(text: str) -> int | None:
    cleaned = unicodedata.normalize("NFKC", text).replace(",", "").replace("枚", "").strip()
    return int(cleaned) if cleaned.isdigit() else None


def _rate(text: str) -> Decimal | None:
    cleaned = unicodedata.normalize("NFKC", text).replace("%", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if value.is_nan() or not 0 <= value <= 100:
        return None
    return value if value > 1 or value == 0 else value * 100  # a fraction (0.814) → percent


def _problem(path: str, rule: str, message: str, line: int | None, got: str, hint: str) -> Problem:
    return Problem(path=path, rule=rule, message=message, line=line, got=got[:80], hint=hint)


def parse_stats_json(path: str, content: bytes) -> tuple[list[MonthFigure], list[Problem]]:
    """``stats_data.json``: ``myna_card`` = [{month, cumul, rate}]; rates are kept only
    without ``myna_rate_estimated: true``."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [], [_problem(path, "national-layout", "JSON として読めません", None, str(error),
                             "デジタル庁ダッシュボードの CSV か stats_data.json を渡してください")]  # fmt: skip
    months = data.get("myna_card") if isinstance(data, dict) else None
    if not isinstance(months, list):
        return [], [_problem(path, "national-layout", "キー myna_card（月ごとの保有枚数の一覧）がありません",
                             None, ",".join(data) if isinstance(data, dict) else type(data).__name__,
                             "stats_data.json の形（myna_card: [{month, cumul, rate}]）か確かめてください")]  # fmt: skip
    estimated = data.get("myna_rate_estimated") is True
    figures, problems = [], []
    for index, item in enumerate(months):
        item = item if isinstance(item, dict) else {}
        as_of = month_end(str(item.get("month", "")))
        cards = _count(str(item.get("cumul", "")))
        if as_of is None or cards is None:
            problems.append(_problem(path, "national-value", f"myna_card[{index}] の month か cumul が読めません",
                                     None, json.dumps(item, ensure_ascii=False),
                                     "month は YYYY-MM、cumul は枚数（整数）です"))  # fmt: skip
            continue
        rate = None if estimated or "rate" not in item else _rate(str(item["rate"]))
        figures.append(MonthFigure(as_of, cards, rate, path, index + 1))
    return figures, problems


def parse_dashboard_csv(path: str, content: bytes) -> tuple[list[MonthFigure], list[Problem]]:
    """The dashboard's CSV, wide (年月, …保有枚数…, …率…) or long (年月, 指標名, 値)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp932", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return [], [
            _problem(path, "national-layout", "CSV が空です", 1, "(空)", "ダウンロードし直してください")
        ]
    header = [unicodedata.normalize("NFKC", cell).strip() for cell in rows[0]]
    if tuple(header[:3]) == LONG_HEADERS:
        return _long(path, rows[1:])
    month_col = next((i for i, cell in enumerate(header) if cell in MONTH_HEADERS), None)
    cards_col = next((i for i, cell in enumerate(header) if "保有枚数" in cell and "率" not in cell), None)
    rate_col = next((i for i, cell in enumerate(header) if "率" in cell and "保有" in cell), None)
    if month_col is None or cards_col is None:
        return [], [_problem(path, "national-layout", "見出しを認識できません（年月と保有枚数の列が必要です）",
                             1, ",".join(header), "横持ち（年月, 保有枚数, …）か縦持ち（年月, 指標名, 値）の CSV です")]  # fmt: skip
    figures, problems = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = row + [""] * (len(header) - len(row))
        as_of, cards = month_end(cells[month_col]), _count(cells[cards_col])
        if as_of is None or cards is None:
            problems.append(_problem(path, "national-value", "年月か保有枚数が読めません", line,
                                     ",".join(row), "年月は YYYY-MM、保有枚数は整数です"))  # fmt: skip
            continue
        rate = _rate(cells[rate_col]) if rate_col is not None and cells[rate_col].strip() else None
        figures.append(MonthFigure(as_of, cards, rate, path, line))
    return figures, problems


def _long(path: str, rows: Sequence[Sequence[str]]) -> tuple[list[MonthFigure], list[Problem]]:
    cards: dict[date, tuple[int, int]] = {}
    rates: dict[date, Decimal] = {}
    problems = []
    for line, row in enumerate(rows, start=2):
        if len(row) < 3 or not any(cell.strip() for cell in row):
            continue
        as_of = month_end(row[0])
        name = unicodedata.normalize("NFKC", row[1]).strip()
        if as_of is None:
            problems.append(_problem(path, "national-value", "年月が読めません", line, ",".join(row),
                                     "年月は YYYY-MM の形です"))  # fmt: skip
            continue
        if "保有枚数" in name and "率" not in name:
            value = _count(row[2])
            if value is None:
                problems.append(_problem(path, "national-value", "保有枚数が整数ではありません", line,
                                         ",".join(row), "値の列を確かめてください"))  # fmt: skip
                continue
            cards[as_of] = (value, line)
        elif "保有" in name and "率" in name and (rate := _rate(row[2])) is not None:
            rates[as_of] = rate
    figures = [
        MonthFigure(day, value, rates.get(day), path, line) for day, (value, line) in sorted(cards.items())
    ]
    return figures, problems


def parse_national(path: str, content: bytes) -> tuple[list[MonthFigure], list[Problem]]:
    """A JSON copy or the dashboard CSV, told apart by the content."""
    if content.lstrip(b"\xef\xbb\xbf \r\n\t")[:1] == b"{":
        return parse_stats_json(path, content)
    return parse_dashboard_csv(path, content)


def _percent(cards: int, population: int) -> Decimal:
    return (Decimal(cards) * 100 / Decimal(population)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def national_rows(
    figures: Sequence[MonthFigure], source_files: dict[str, str], base: PopulationBase
) -> tuple[list[NationalMonthly], list[Problem]]:
    """One row per month. Counts from different files must agree; a published rate wins
    over none, and a month without one gets a rate computed on ``base`` (計算値)."""
    by_month: dict[date, list[MonthFigure]] = {}
    for figure in figures:
        by_month.setdefault(figure.as_of, []).append(figure)
    rows, problems = [], []
    for as_of, group in sorted(by_month.items()):
        counts = {f.cards for f in group}
        if len(counts) > 1:
            problems.append(Problem(
                path=group[1].path, rule="national-conflict", line=group[1].line,
                message=f"{as_of:%Y-%m} の保有枚数がファイルによって違います",
                got="、".join(f"{f.cards:,}（{f.path}）" for f in group),
                hint="どちらかが古いか誤りです。デジタル庁の公表値を確かめてください",
            ))  # fmt: skip
            continue
        published = next((f for f in group if f.rate is not None), None)
        chosen = published or group[0]
        if published is not None and published.rate is not None:
            rate, kind, rate_base = published.rate, PUBLISHED_RATE, DASHBOARD_BASE
        else:
            rate, kind, rate_base = _percent(chosen.cards, base.population), COMPUTED_RATE, base.description
            if chosen.cards > base.population:  # not the rounded rate: 100.04 % rounds to 100.0
                problems.append(Problem(
                    path=chosen.path, rule="national-value", line=chosen.line,
                    message=f"{as_of:%Y-%m} の保有枚数 {chosen.cards:,} が分母の人口 {base.population:,} を超えます",
                    got=f"{rate}%", hint="全国の数値か確かめてください（都道府県・市区町村の表ではありませんか）",
                ))  # fmt: skip
                continue
        rows.append(NationalMonthly(as_of, HELD, chosen.cards, rate, kind, rate_base, DIGITAL_AGENCY,
                                    source_files[chosen.path]))  # fmt: skip
    return rows, problems
