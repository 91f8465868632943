"""Benchmark at real scale and beyond: `make bench` or `.venv/bin/python scripts/bench.py --help`.

The work is done by jirei.bench.runner (typed and tested with the package).
"""

from __future__ import annotations

from jirei.bench.runner import main

if __name__ == "__main__":
    raise SystemExit(main())
