"""Rebuild data/search/wards.csv (the wards of the designated cities) from the 総務省 code list.

Usage: .venv/bin/python scripts/build_wards.py [SOURCE.xls] [OUT.csv]
"""

from __future__ import annotations

import sys
from pathlib import Path

from jirei.search.wards import wards_csv

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / "data" / "raw" / "soumu-code-list" / "city_code_R1.5.1.xls"
DEFAULT_OUT = ROOT / "data" / "search" / "wards.csv"


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    text = wards_csv(source)
    if out.exists() and out.read_text(encoding="utf-8") == text:
        print("変更なし")
    else:
        out.write_text(text, encoding="utf-8")
        print(f"更新: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
