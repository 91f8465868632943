"""Rebuild data/reference/{municipalities,prefectures}.csv from the 総務省 code list.

Usage: .venv/bin/python scripts/build_reference.py [SOURCE.xls] [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from jirei.problems import JireiError, format_text
from jirei.reference.build import build_reference

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / "data" / "raw" / "soumu-code-list" / "city_code_R1.5.1.xls"
DEFAULT_OUT = ROOT / "data" / "reference"


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    out_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    try:
        changed = build_reference(source, out_dir)
    except JireiError as error:
        for problem in error.problems:
            print(format_text(problem), file=sys.stderr)
        return 1
    if changed:
        for path in changed:
            print(f"更新: {path}")
    else:
        print("変更なし")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
