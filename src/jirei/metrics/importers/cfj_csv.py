"""Code for Japan cleansed CSVs (summary_by_types / all_prefectures / all_localgovs / demographics)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from jirei.metrics.cells import CellError, parse_count, parse_date, parse_decimal
from jirei.metrics.importers import layout
from jirei.metrics.importers.names import resolve_municipality, resolve_prefecture
from jirei.metrics.importers.parsed import ParsedFile
from jirei.metrics.importers.rates import to_percent
from jirei.metrics.store import SEXES, AgeFigure, AreaFigure
from jirei.reference.municipalities import Reference

FIGURE_KIND = "交付枚数"

# Published 区分 label → normalised category key.
CATEGORY_KEYS = {
    "全国": "全国",
    "特別区": "特別区",
    "政令指定都市": "政令指定都市",
    "指定都市": "政令指定都市",
    "市（政令指定都市を除く）": "市",
    "市（指定都市を除く）": "市",
    "町村": "町村",
    "特別区・市（指定都市を除く）": "特別区・市",
}


class _Row:
    """One data row with located cell access; errors are collected on the ParsedFile."""

    def __init__(self, parsed: ParsedFile, header: tuple[str, ...], cells: list[str], line: int) -> None:
        self.parsed, self.header, self.cells, self.line = parsed, header, cells, line
        self.ok = True

    def _get(self, name: str, parse: Callable[[str, str], object]) -> object:
        column = self.header.index(name)
        try:
            return parse(self.cells[column], name)
        except CellError as error:
            self.ok = False
            self.parsed.add_cell_error(error, line=self.line, column=column + 1, key_path=name)
            return None

    def text(self, name: str) -> str:
        return self.cells[self.header.index(name)].strip()

    def count(self, name: str) -> int:
        value = self._get(name, parse_count)
        return value if isinstance(value, int) else 0

    def rate(self, name: str, cards: int, population: int) -> Decimal | None:
        column = self.header.index(name)
        try:
            raw = parse_decimal(self.cells[column], name)
            if not self.ok:  # a count of the row is unreadable: nothing to check the rate against
                return None
            return to_percent(raw, cards, population, fraction=False, column=name)
        except CellError as error:
            self.ok = False
            self.parsed.add_cell_error(error, line=self.line, column=column + 1, key_path=name)
            return None

    def date(self, name: str, rule: str = "base-date") -> date | None:
        value = self._get(name, lambda cell, col: parse_date(cell, col, rule))
        return value if isinstance(value, date) else None

    def fail(self, error: CellError, name: str) -> None:
        self.ok = False
        column = self.header.index(name)
        self.parsed.add_cell_error(error, line=self.line, column=column + 1, key_path=name)


def parse_cfj_csv(parsed: ParsedFile, content: bytes, reference: Reference) -> None:
    """Fill ``parsed`` from the bytes of one CfJ CSV (problems are collected, not raised)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        parsed.add("encoding", "UTF-8 として読めません", got=f"{error.start} バイト目")
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as error:  # a cell over the field limit, a NUL byte
        parsed.add("cell-unreadable", "CSV として読めない行があります", line=reader.line_num,
                   got=str(error)[:80], hint="公表されたままのファイルを使ってください")  # fmt: skip
        return
    if not rows:
        parsed.add("truncated", "ファイルが空です（見出し行がありません）", line=1)
        return
    guess = layout.detect_csv_layout(rows[0])
    if guess.layout is None:
        parsed.add(
            "layout-unknown",
            f"見出しが既知の様式と一致しません（最も近い様式 {guess.closest} の {guess.column} 列目は"
            f"「{guess.expected}」のはず）",
            line=1,
            column=guess.column,
            got=guess.got,
            hint="Code for Japan の CSV（summary_by_types / all_prefectures / all_localgovs / demographics）"
            "の見出しをそのまま使ってください",
        )
        return
    parsed.layout = guess.layout
    parsed.figure_kind = FIGURE_KIND
    header = layout.CFJ_HEADERS[guess.layout]
    if len(rows) == 1:
        parsed.add("truncated", "データ行がありません", line=2)
        return
    seen: set[str] = set()
    for line, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            parsed.add(
                "truncated" if len(cells) < len(header) else "row-length",
                f"この行のセル数が {len(cells)} です（見出しは {len(header)} 列）",
                line=line,
                column=min(len(cells), len(header)) + (1 if len(cells) < len(header) else 0),
                got=",".join(cells),
                hint="ファイルが途中で切れていないか確認してください",
            )
            continue
        row = _Row(parsed, header, cells, line)
        release = row.date("算出基準日", "release-date")
        if release is not None:
            if parsed.release_date is None:
                parsed.release_date = release
            elif release != parsed.release_date:
                row.fail(
                    CellError("release-date", "算出基準日が 2 行目と異なります", release.isoformat()),
                    "算出基準日",
                )
        key = _ROW_PARSERS[guess.layout](row, reference)
        if key is not None:
            if key in seen:
                parsed.add("duplicate-row", "同じ行が 2 回あります", line=line, got=key)
            seen.add(key)


def _area(row: _Row, population_col: str, cards_base_col: str) -> tuple[int, int, date, date, Decimal] | None:
    population = row.count(population_col)
    cards = row.count("交付枚数")
    population_base = row.date("人口算出基準日")
    cards_base = row.date(cards_base_col)
    rate = row.rate("人口に対する交付枚数率", cards, population)
    if population_base is None or cards_base is None or rate is None:
        return None
    return population, cards, population_base, cards_base, rate


def _figure(
    row: _Row, area: tuple[int, int, date, date, Decimal] | None, key: str, label: str, prefecture: str = ""
) -> AreaFigure | None:
    """The row's figure, or None when a cell of it (or the release date) could not be read."""
    if area is None or not row.ok or row.parsed.release_date is None:
        return None
    population, cards, population_base, cards_base, rate = area
    return AreaFigure(
        row.parsed.release_date,
        key,
        label,
        population,
        population_base,
        cards,
        cards_base,
        FIGURE_KIND,
        rate,
        prefecture,
    )


def _localgov(row: _Row, reference: Reference) -> str | None:
    area = _area(row, "総数（人口）", "交付件数基準日")
    prefecture, name = row.text("都道府県名"), row.text("市区町村名")
    try:
        municipality = resolve_municipality(reference, prefecture, name, row.text("団体コード"))
    except CellError as error:
        row.fail(error, "団体コード" if error.rule in {"code-invalid", "unknown-code"} else "市区町村名")
        return None
    figure = _figure(row, area, municipality.code, name, prefecture)
    if figure is not None:
        row.parsed.municipalities.append(figure)
    return municipality.code


def _prefecture(row: _Row, reference: Reference) -> str | None:
    area = _area(row, "総数（人口）", "交付枚数算出基準日")
    name = row.text("都道府県名")
    try:
        pref = resolve_prefecture(reference, name)
    except CellError as error:
        row.fail(error, "都道府県名")
        return None
    figure = _figure(row, area, pref.pref_code, name)
    if figure is not None:
        row.parsed.prefectures.append(figure)
    return pref.pref_code


def _summary(row: _Row, reference: Reference) -> str | None:
    area = _area(row, "人口", "交付枚数算出基準日")
    label = row.text("区分")
    key = CATEGORY_KEYS.get(label)
    if key is None:
        row.fail(
            CellError(
                "unknown-category",
                "団体区分が既知のものではありません",
                label or "(空)",
                hint=f"既知の区分: {'、'.join(CATEGORY_KEYS)}",
            ),
            "区分",
        )
        return None
    figure = _figure(row, area, key, label)
    if figure is not None:
        row.parsed.categories.append(figure)
    return key


def _demographics(row: _Row, reference: Reference) -> str | None:
    band = row.text("年齢")
    population_base = row.date("人口算出基準日")
    cards_base = row.date("交付枚数算出基準日")
    figures = []
    for sex in SEXES:
        population = row.count(f"人口({sex})")
        cards = row.count(f"交付件数({sex})")
        rate = row.rate(f"交付率({sex})", cards, population)
        figures.append((sex, population, cards, rate))
    if not band:
        row.fail(CellError("not-a-number", "年齢の区分が空です", "(空)"), "年齢")
        return None
    if population_base is None or cards_base is None or not row.ok or row.parsed.release_date is None:
        return band
    release = row.parsed.release_date
    for sex, population, cards, rate in figures:
        if rate is not None:
            row.parsed.ages.append(
                AgeFigure(release, band, sex, population, cards, rate, population_base, cards_base)
            )
    return band


_ROW_PARSERS: dict[str, Callable[[_Row, Reference], str | None]] = {
    layout.CFJ_LOCALGOVS: _localgov,
    layout.CFJ_PREFECTURES: _prefecture,
    layout.CFJ_SUMMARY: _summary,
    layout.CFJ_DEMOGRAPHICS: _demographics,
}
