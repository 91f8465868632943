"""The ministry's workbook (sheet 公表用; 2023- 保有枚数 layout, rates as fractions, no codes).

The header row is found by its cells (都道府県名 / 市区町村名 / 人口（…時点） /
保有枚数（…時点） or 交付枚数（…時点） / a rate column containing 率), wherever it sits.
Rows below it: 全国 (national total), prefecture rows (empty 市区町村名) and municipalities
(matched by name through the reference list). Prefecture figures missing from the sheet
are summed from the municipalities.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from python_calamine import CalamineWorkbook

from jirei.metrics.cells import CellError, parse_count, parse_decimal, parse_era_date, percent_of
from jirei.metrics.importers import layout
from jirei.metrics.importers.names import resolve_municipality, resolve_prefecture
from jirei.metrics.importers.parsed import ParsedFile
from jirei.metrics.importers.rates import to_percent
from jirei.metrics.importers.sheets import find_data_sheet
from jirei.metrics.importers.totals import TotalRow, check_total
from jirei.metrics.store import AreaFigure
from jirei.reference.municipalities import Reference

SHEET = "公表用"
_POPULATION = re.compile(r"^人口[（(【](.+)時点[)）】]$")
_CARDS = re.compile(r"^(保有枚数|交付枚数)[（(【](.+)時点[)）】]$")
_EXPECTED = {
    "prefecture": "都道府県名",
    "name": "市区町村名",
    "population": "人口（R7.1.1時点）の形",
    "cards": "保有枚数（R7.8末時点）または交付枚数（…時点）の形",
    "rate": "「率」を含む見出し（例: 人口に対する保有枚数率）",
}


def cell_name(row: int, column: int) -> str:
    """1-based (row, column) → ``公表用!C118``."""
    letters = ""
    index = column
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{SHEET}!{letters}{row}"


def _text(cell: object) -> str:
    return unicodedata.normalize("NFKC", str(cell)).replace("\n", "").strip() if cell is not None else ""


def parse_soumu_xlsx(parsed: ParsedFile, reference: Reference) -> None:
    try:
        workbook = CalamineWorkbook.from_path(parsed.path)
    except Exception as error:  # calamine raises several error types for broken files
        parsed.add("truncated", "ブックを開けません（壊れているか途中で切れています）", got=str(error)[:120])
        return
    sheet = find_data_sheet(workbook)  # 公表用, or a renamed sheet recognised by its header
    if sheet is None:
        parsed.add(
            "sheet-missing",
            f"シート「{SHEET}」も、見出し「都道府県名・市区町村名」のあるシートもありません",
            got="、".join(workbook.sheet_names),
            hint="総務省の公表ファイルそのままか確認してください",
        )
        return
    try:
        rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except Exception as error:
        parsed.add("truncated", f"シート「{SHEET}」を読めません", got=str(error)[:120])
        return
    header_index = next((i for i, row in enumerate(rows) if any(_text(c) == "都道府県名" for c in row)), None)
    if header_index is None:
        parsed.add(
            "layout-unknown",
            f"シート「{SHEET}」に見出し「都道府県名」の行がありません",
            line=1,
            column=1,
            key_path=cell_name(1, 1),
            got=_text(rows[0][0]) if rows and rows[0] else "(空)",
            hint="見出し行: 都道府県名 / 市区町村名 / 人口（…時点） / 保有枚数（…時点） / …率",
        )
        return
    header = [_text(c) for c in rows[header_index]]
    line = header_index + 1
    columns: dict[str, int] = {}
    population_text = cards_text = ""
    for index, cell in enumerate(header):
        if cell == "都道府県名":
            columns.setdefault("prefecture", index)
        elif cell == "市区町村名":
            columns.setdefault("name", index)
        elif _POPULATION.match(cell) and "population" not in columns:
            columns["population"] = index
            population_text = cell
        elif (match := _CARDS.match(cell)) and "cards" not in columns:
            columns["cards"] = index
            cards_text = cell
            parsed.figure_kind = match[1]
        elif "率" in cell and "rate" not in columns:
            columns["rate"] = index
    missing = [key for key in _EXPECTED if key not in columns]
    if missing:
        used = set(columns.values())
        stray = next((i for i, c in enumerate(header) if c and i not in used), None)
        column = stray if stray is not None else len([c for c in header if c])
        parsed.add(
            "layout-unknown",
            f"見出しを認識できません: {_EXPECTED[missing[0]]} が必要です",
            line=line,
            column=column + 1,
            key_path=cell_name(line, column + 1),
            got=header[column] if column < len(header) and header[column] else "(空)",
            hint="見出し行: 都道府県名 / 市区町村名 / 人口（…時点） / 保有枚数（…時点） / …率",
        )
        return
    parsed.layout = layout.SOUMU_XLSX
    release = parse_era_date(_CARDS.match(cards_text)[2])  # type: ignore[index]
    population_base = parse_era_date(_POPULATION.match(population_text)[1])  # type: ignore[index]
    for when, text, key in ((release, cards_text, "cards"), (population_base, population_text, "population")):
        if when is None:
            parsed.add(
                "release-date",
                "見出しの日付を読み取れません",
                line=line,
                column=columns[key] + 1,
                key_path=cell_name(line, columns[key] + 1),
                got=text,
                hint="R7.8末・R3.5.1・H29.12.1 の形（末 = 月末）で書いてください",
            )
    if release is None or population_base is None:
        return
    parsed.release_date = release
    _read_rows(parsed, reference, rows, header_index, columns, release, population_base)


def _read_rows(
    parsed: ParsedFile,
    reference: Reference,
    rows: Sequence[Sequence[object]],
    header_index: int,
    columns: dict[str, int],
    release: date,
    population_base: date,
) -> None:
    kind = parsed.figure_kind
    rate_name = "率"
    national: TotalRow | None = None
    prefectures: dict[str, TotalRow] = {}
    seen: set[str] = set()
    width = max(columns.values()) + 1
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        line = index + 1
        cells = [_text(c) if c != "" else "" for c in row[:width]] + [""] * (width - len(row))
        pref_text, name_text = cells[columns["prefecture"]], cells[columns["name"]]
        if not any(cells) or pref_text.startswith(("※", "(注", "注")):
            continue
        if any(cells[columns[k]] == "" for k in ("population", "cards", "rate")):
            empty = next(k for k in ("population", "cards", "rate") if cells[columns[k]] == "")
            parsed.add("truncated", "数値のセルが空です（行が途中で切れています）", line=line,
                       column=columns[empty] + 1, key_path=cell_name(line, columns[empty] + 1), got="(空)")  # fmt: skip
            continue
        values: dict[str, object] = {}
        ok = True
        for key, parse in (("population", parse_count), ("cards", parse_count), ("rate", parse_decimal)):
            column = columns[key]
            try:
                values[key] = parse(row[column], header_name(key))
            except CellError as error:
                ok = False
                parsed.add_cell_error(
                    error, line=line, column=column + 1, key_path=cell_name(line, column + 1)
                )
        if not ok:
            continue
        population, cards, raw_rate = values["population"], values["cards"], values["rate"]
        assert isinstance(population, int) and isinstance(cards, int) and isinstance(raw_rate, Decimal)
        try:
            rate = to_percent(raw_rate, cards, population, fraction=True, column=rate_name)
        except CellError as error:
            column = columns["rate"]
            parsed.add_cell_error(error, line=line, column=column + 1, key_path=cell_name(line, column + 1))
            continue
        if pref_text == "全国" or (not pref_text and name_text == "全国"):
            figure = AreaFigure(
                release, "全国", "全国", population, population_base, cards, release, kind, rate
            )
            national = TotalRow(figure, line)
            continue
        name_column = columns["name"]
        try:
            if not name_text or name_text == pref_text:
                pref = resolve_prefecture(reference, pref_text)
                prefectures[pref.pref_code] = TotalRow(
                    AreaFigure(
                        release, pref.pref_code, pref_text, population, population_base, cards, release, kind, rate
                    ),
                    line,
                )  # fmt: skip
                continue
            municipality = resolve_municipality(reference, pref_text, name_text)
        except CellError as error:
            column = columns["prefecture"] if error.rule == "unknown-prefecture" else name_column
            parsed.add_cell_error(error, line=line, column=column + 1, key_path=cell_name(line, column + 1))
            continue
        if municipality.code in seen:
            parsed.add("duplicate-row", "同じ市区町村が 2 回あります", line=line, column=name_column + 1,
                       key_path=cell_name(line, name_column + 1), got=name_text)  # fmt: skip
            continue
        seen.add(municipality.code)
        parsed.municipalities.append(
            AreaFigure(
                release,
                municipality.code,
                name_text,
                population,
                population_base,
                cards,
                release,
                kind,
                rate,
                pref_text,
            )
        )
    if not parsed.municipalities and not parsed.problems:
        parsed.add("truncated", "市区町村の行がありません", line=header_index + 2,
                   key_path=cell_name(header_index + 2, 1))  # fmt: skip
        return
    totals = (*prefectures.values(), *([national] if national else [])) if not parsed.problems else ()
    for total in totals:  # a refused row would make every total it belongs to disagree, too
        key = total.figure.key
        parts = [f for f in parsed.municipalities if key == "全国" or f.key[:2] == key]
        check_total(parsed, total, parts, columns=columns, cell_name=cell_name)
    _fill_totals(
        parsed,
        reference,
        national.figure if national else None,
        {code: row.figure for code, row in prefectures.items()},
        release,
        population_base,
    )


def header_name(key: str) -> str:
    return {"population": "人口", "cards": "枚数", "rate": "率"}[key]


def _fill_totals(
    parsed: ParsedFile,
    reference: Reference,
    national: AreaFigure | None,
    prefectures: dict[str, AreaFigure],
    release: date,
    population_base: date,
) -> None:
    """Use the sheet's prefecture / 全国 rows; sum the municipalities where the sheet has none."""
    kind = parsed.figure_kind
    sums: dict[str, tuple[int, int]] = {}
    for figure in parsed.municipalities:
        population, cards = sums.get(figure.key[:2], (0, 0))
        sums[figure.key[:2]] = (population + figure.population, cards + figure.cards)
    for pref_code, (population, cards) in sorted(sums.items()):
        if pref_code not in prefectures:
            name = reference.prefectures[pref_code].name
            prefectures[pref_code] = AreaFigure(
                release, pref_code, name, population, population_base, cards, release, kind,
                percent_of(cards, population),
            )  # fmt: skip
    parsed.prefectures.extend(prefectures[k] for k in sorted(prefectures))
    if national is None:
        population = sum(p.population for p in prefectures.values())
        cards = sum(p.cards for p in prefectures.values())
        national = AreaFigure(
            release,
            "全国",
            "全国",
            population,
            population_base,
            cards,
            release,
            kind,
            percent_of(cards, population),
        )
    parsed.categories.append(national)
