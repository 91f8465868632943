"""Fake Code for Japan release folders for the fake reference (tests/data/reference)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"

# (prefecture, published name, published code, population, cards)
LOCALGOVS: list[tuple[str, str, str, int, int]] = [
    ("サンプル県", "サンプル市", "982016", 50000, 20000),
    ("サンプル県", "見本郡見本村", "983012", 3000, 1500),
    ("テスト県", "テスト政令市", "991007", 700000, 210000),
    ("テスト県", "テスト市", "992011", 66350, 43216),
    ("テスト県", "試験市", "992020", 8000, 1620),
    ("テスト県", "高岡郡檮テスト町", "993611", 3500, 1000),
    ("テスト県", "テスト島　テスト村", "<NA>", 2383, 976),
    ("テスト県", "試作郡試作町", "994014", 12000, 3000),
]


def pct(cards: int, population: int) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    return str((Decimal(cards) * 100 / population).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return str(value) if isinstance(value, int | float) or str(value).startswith("=") else f'"{value}"'

    lines = [",".join(f'"{h}"' for h in header)]
    lines += [",".join(cell(v).removeprefix("=") for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def localgov_rows(release: str, scale: int = 1) -> list[list[object]]:
    rows: list[list[object]] = []
    for pref, name, code, population, cards in LOCALGOVS:
        c = cards * scale
        code_cell: object = code if code == "<NA>" else int(code)
        rows.append(
            [release, pref, name, population, c, f"={pct(c, population)}", "2020/01/01", release, code_cell]
        )
    return rows


def write_release(folder: Path, release: str = "2021/05/01", scale: int = 1) -> Path:
    """Write the four CfJ CSVs (UTF-8 with BOM) for one fake release; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    locals_ = localgov_rows(release, scale)
    by_pref: dict[str, list[int]] = {}
    for row in locals_:
        totals = by_pref.setdefault(str(row[1]), [0, 0])
        totals[0] += int(str(row[3]))
        totals[1] += int(str(row[4]))
    prefs = [
        [release, pref, pop, cards, f"={pct(cards, pop)}", "2020/01/01", release]
        for pref, (pop, cards) in sorted(by_pref.items())
    ]
    total_pop = sum(p for p, _ in by_pref.values())
    total_cards = sum(c for _, c in by_pref.values())
    summary = [
        [release, "全国", total_pop, total_cards, f"={pct(total_cards, total_pop)}", "2020/01/01", release]
    ]
    demo_header = [
        "算出基準日", "年齢", "人口(男)", "人口(女)", "人口(計)", "交付件数(男)", "交付件数(女)", "交付件数(計)",
        "交付率(男)", "交付率(女)", "交付率(計)", "全体に対する交付件数割合(男)", "全体に対する交付件数割合(女)",
        "全体に対する交付件数割合(計)", "人口算出基準日", "交付枚数算出基準日",
    ]  # fmt: skip
    demo = [
        [release, "全体", 400, 600, 1000, 100, 200, 300, "=25.0", "=33.3", "=30.0", "=100.0", "=100.0", "=100.0",
         "2020/01/01", release],
        [release, "0～4歳", 40, 60, 100, 10, 20, 30, "=25.0", "=33.3", "=30.0", "=10.0", "=10.0", "=10.0",
         "2020/01/01", release],
    ]  # fmt: skip
    files = {
        "all_localgovs.csv": _csv(
            [
                "算出基準日",
                "都道府県名",
                "市区町村名",
                "総数（人口）",
                "交付枚数",
                "人口に対する交付枚数率",
                "人口算出基準日",
                "交付件数基準日",
                "団体コード",
            ],
            locals_,
        ),
        "all_prefectures.csv": _csv(
            [
                "算出基準日",
                "都道府県名",
                "総数（人口）",
                "交付枚数",
                "人口に対する交付枚数率",
                "人口算出基準日",
                "交付枚数算出基準日",
            ],
            prefs,
        ),
        "summary_by_types.csv": _csv(
            [
                "算出基準日",
                "区分",
                "人口",
                "交付枚数",
                "人口に対する交付枚数率",
                "人口算出基準日",
                "交付枚数算出基準日",
            ],
            summary,
        ),
        "demographics.csv": _csv(demo_header, demo),
    }
    for name, text in files.items():
        (folder / name).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return folder


def snapshot(directory: Path) -> dict[str, str]:
    """Each file of a folder by name with the SHA-256 of its bytes (to show a folder is untouched)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}
