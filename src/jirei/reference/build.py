"""Build data/reference/*.csv from 総務省「全国地方公共団体コード」 (.xls, R1.5.1)."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from python_calamine import CalamineWorkbook

from jirei.problems import JireiError, Problem
from jirei.reference.codes import is_valid_code
from jirei.reference.municipalities import MUNICIPALITY_COLUMNS, PREFECTURE_COLUMNS

LIST_SHEET = "R1.5.1現在の団体"
DESIGNATED_SHEET = "H30.10.1政令指定都市"
# 北方領土 villages: in some editions of the list, never in the 交付状況 data.
NORTHERN_TERRITORIES = frozenset({"016951", "016969", "016977", "016985", "016993", "017001"})


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _code(cell: object) -> str:
    return _text(cell).zfill(6)


def _kana(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw)


def category_of(code: str, name: str, designated: frozenset[str]) -> str:
    if code[:2] == "13" and "131016" <= code <= "131237":
        return "特別区"
    if code in designated:
        return "政令指定都市"
    if name.endswith("町"):
        return "町"
    if name.endswith("村"):
        return "村"
    return "市"


def read_code_list(path: Path) -> tuple[list[list[str]], list[list[str]]]:
    """Return (municipality rows, prefecture rows) in the CSV column order."""
    workbook = CalamineWorkbook.from_path(str(path))
    problems = [
        Problem(
            path=str(path),
            rule="sheet-missing",
            message=f"シート「{sheet}」がありません",
            got=",".join(workbook.sheet_names),
        )
        for sheet in (LIST_SHEET, DESIGNATED_SHEET)
        if sheet not in workbook.sheet_names
    ]
    if problems:
        raise JireiError(problems)
    designated = frozenset(
        _code(row[0])
        for row in workbook.get_sheet_by_name(DESIGNATED_SHEET).to_python()
        if row and _text(row[0]).isdigit() and _text(row[1]).endswith("市")
    )
    rows = workbook.get_sheet_by_name(LIST_SHEET).to_python()
    if not rows or _text(rows[0][0]) != "団体コード":
        raise JireiError(
            [
                Problem(
                    path=str(path),
                    rule="layout-unknown",
                    line=1,
                    column=1,
                    key_path=f"{LIST_SHEET}!A1",
                    message="見出し「団体コード」がありません",
                )
            ]
        )
    municipalities: list[list[str]] = []
    prefectures: list[list[str]] = []
    bad: list[Problem] = []
    pref_names: dict[str, str] = {}
    for line, row in enumerate(rows[1:], start=2):
        code, pref, name, pref_kana, name_kana = (_text(c) for c in row[:5])
        code = code.zfill(6)
        if not is_valid_code(code):
            bad.append(
                Problem(
                    path=str(path),
                    rule="check-digit",
                    line=line,
                    column=1,
                    key_path=f"{LIST_SHEET}!A{line}",
                    message="検査数字が一致しません",
                    got=code,
                )
            )
            continue
        if code in NORTHERN_TERRITORIES:
            continue
        if not name:
            pref_names[code[:2]] = pref
            prefectures.append([code[:2], code, pref, _kana(pref_kana)])
        else:
            category = category_of(code, name, designated)
            municipalities.append([code, code[:2], pref, name, _kana(name_kana), category])
    if bad:
        raise JireiError(bad)
    municipalities.sort()
    prefectures.sort()
    return municipalities, prefectures


def to_csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def build_reference(source: Path, out_dir: Path) -> list[Path]:
    """Write municipalities.csv and prefectures.csv; return the files that changed."""
    municipalities, prefectures = read_code_list(source)
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, header, rows in (
        ("municipalities.csv", MUNICIPALITY_COLUMNS, municipalities),
        ("prefectures.csv", PREFECTURE_COLUMNS, prefectures),
    ):
        target = out_dir / name
        text = to_csv(header, rows).encode("utf-8")
        if not target.exists() or target.read_bytes() != text:
            target.write_bytes(text)
            changed.append(target)
    return changed
