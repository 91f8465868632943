"""「報道による値」: figures news articles reported from the ministry's releases
(data/reported-figures.yml), checked on load.

Each figure names its area (全国, a prefecture or a 6-digit municipality code), its
measure, its rate, its source and a quote from the source. The rate (and the count when
given) must appear in the quote, so a typo in either is caught. Problems carry the file,
line and key; nothing is returned when any entry is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jirei.cases.loader import load_yaml
from jirei.cases.yaml_values import LoadedYaml, format_key_path
from jirei.metrics.measures import MEASURES
from jirei.problems import JireiError, Problem, sort_key
from jirei.reference.municipalities import Reference

REPORTED_FILE = "reported-figures.yml"
NATIONAL = "全国"
REQUIRED = ("as_of", "area", "measure", "rate_percent", "source_url", "source_title", "quote")
OPTIONAL = ("cards", "population_base")
_MAN = re.compile(r"(\d+)万(\d{1,4})?")


@dataclass(frozen=True)
class ReportedFigure:
    as_of: date
    area: str  # 全国 / pref_code (2 digits) / municipality code (6 digits)
    area_label: str  # 全国 / 宮崎県 / 沖縄県宮古島市
    measure: str
    rate_percent: Decimal
    cards: int | None
    population_base: str  # "" when the source does not say
    source_url: str
    source_title: str
    quote: str

    @property
    def scope(self) -> str:
        """national / prefecture / municipality."""
        if self.area == NATIONAL:
            return "national"
        return "prefecture" if len(self.area) == 2 else "municipality"


def quote_numbers(quote: str) -> str:
    """The quote with digits half-width, thousands separators gone and 万 written out:
    「8,439万9,025枚」 → 「84399025枚」, 「3万808枚」 → 「30808枚」."""
    text = unicodedata.normalize("NFKC", quote).replace(",", "")
    return _MAN.sub(lambda m: str(int(m[1]) * 10_000 + int(m[2] or 0)), text)


def _contains_number(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", text) is not None


class _Checker:
    def __init__(self, loaded: LoadedYaml, reference: Reference) -> None:
        self.loaded = loaded
        self.reference = reference
        self.problems: list[Problem] = []

    def problem(self, rule: str, path: tuple[str | int, ...], message: str, got: object, hint: str) -> None:
        mark = self.loaded.mark_for(path)
        self.problems.append(Problem(path=self.loaded.path, rule=rule, message=message, line=mark.line,
                                     column=mark.column, key_path=format_key_path(path),
                                     got=str(got)[:80], hint=hint))  # fmt: skip

    def figure(self, index: int, entry: Any) -> ReportedFigure | None:
        at: tuple[str | int, ...] = ("figures", index)
        if not isinstance(entry, dict):
            self.problem("reported-field", at, "各項目は as_of・area などを持つ対応（マッピング）です", entry,
                         "先頭の「- 」に続けて as_of: などを書いてください")  # fmt: skip
            return None
        ok = True
        for key in REQUIRED:
            if entry.get(key) in (None, ""):
                self.problem(
                    "reported-field", at, f"{key} がありません", "(なし)", f"{key}: を書いてください"
                )
                ok = False
        for key in entry:
            if key not in REQUIRED + OPTIONAL:
                self.problem("reported-field", (*at, key), f"知らない項目 {key} です", key,
                             f"使える項目: {'、'.join(REQUIRED + OPTIONAL)}")  # fmt: skip
                ok = False
        if not ok:
            return None
        as_of = self.day(entry["as_of"], (*at, "as_of"))
        area = self.area(str(entry["area"]), (*at, "area"))
        rate = self.rate(entry["rate_percent"], (*at, "rate_percent"))
        measure = str(entry["measure"])
        if measure not in MEASURES:
            self.problem("reported-field", (*at, "measure"), "measure は交付枚数か保有枚数です", measure,
                         "交付枚数（累計）か保有枚数（廃止分を除く）のどちらかを書いてください")  # fmt: skip
            return None
        cards = entry.get("cards")
        if cards is not None and (not isinstance(cards, int) or isinstance(cards, bool) or cards <= 0):
            self.problem("reported-field", (*at, "cards"), "cards は正の整数（枚数）です", cards,
                         "カンマを付けずに書いてください（例: 84399025）")  # fmt: skip
            return None
        url = str(entry["source_url"])
        if not url.startswith("https://") and not url.startswith("http://"):
            self.problem("reported-field", (*at, "source_url"), "source_url は http(s):// で始まる URL です",
                         url, "出典記事の URL を書いてください")  # fmt: skip
            return None
        if as_of is None or area is None or rate is None:
            return None
        quote = str(entry["quote"])
        numbers = quote_numbers(quote)
        if not _contains_number(numbers, f"{rate:.1f}") and not _contains_number(numbers, str(rate)):
            self.problem("reported-quote", (*at, "rate_percent"), f"率 {rate} が引用の中にありません", quote,
                         "rate_percent と quote を出典どおりにそろえてください")  # fmt: skip
            return None
        if cards is not None and not _contains_number(numbers, str(cards)):
            self.problem("reported-quote", (*at, "cards"), f"枚数 {cards:,} が引用の中にありません", quote,
                         "cards と quote を出典どおりにそろえてください")  # fmt: skip
            return None
        return ReportedFigure(as_of, area[0], area[1], measure, rate, cards,
                              str(entry.get("population_base") or ""), url, str(entry["source_title"]), quote)  # fmt: skip

    def day(self, value: object, path: tuple[str | int, ...]) -> date | None:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.problem("reported-field", path, "as_of は YYYY-MM-DD の日付です", value, "例: 2023-03-31")
            return None

    def rate(self, value: object, path: tuple[str | int, ...]) -> Decimal | None:
        try:
            rate = Decimal(str(value))
        except InvalidOperation:
            rate = Decimal(-1)
        if isinstance(value, bool) or not rate.is_finite() or not 0 < rate <= 100:
            self.problem("reported-field", path, "rate_percent は 0 より大きく 100 以下の百分率です", value,
                         "「%」を付けずに数値で書いてください（例: 67.0）")  # fmt: skip
            return None
        return rate

    def area(self, text: str, path: tuple[str | int, ...]) -> tuple[str, str] | None:
        if text == NATIONAL:
            return NATIONAL, NATIONAL
        prefecture = self.reference.prefecture_by_name(text)
        if prefecture is not None:
            return prefecture.pref_code, prefecture.name
        municipality = self.reference.by_code.get(text)
        if municipality is not None:
            return municipality.code, f"{municipality.prefecture}{municipality.name}"
        self.problem("reported-area", path, "area が全国・都道府県名・団体コードのどれでもありません", text,
                     "例: 全国、宮崎県、\"452025\"（団体コードは引用符で囲みます）")  # fmt: skip
        return None


def load_reported(path: Path, reference: Reference) -> tuple[ReportedFigure, ...]:
    """All figures, oldest first; raises JireiError with every problem found."""
    if not path.exists():
        return ()
    loaded, problems = load_yaml(path)
    if loaded is None or problems:
        raise JireiError(problems or [Problem(path=str(path), rule="reported-field", message="読めません")])
    figures_value = loaded.data.get("figures") if isinstance(loaded.data, dict) else None
    checker = _Checker(loaded, reference)
    if not isinstance(figures_value, list):
        checker.problem("reported-field", (), "figures: の下に値の一覧がありません", "(なし)",
                        "figures: の下に「- as_of: …」の形で書いてください")  # fmt: skip
        raise JireiError(checker.problems)
    figures = [checker.figure(index, entry) for index, entry in enumerate(figures_value)]
    if checker.problems:
        raise JireiError(sorted(checker.problems, key=sort_key))
    found = [f for f in figures if f is not None]
    return tuple(sorted(found, key=lambda f: (f.as_of, f.area, f.measure)))
