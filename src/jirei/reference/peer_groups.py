"""総務省の類似団体区分 (市町村類型) of every municipality: data/reference/peer-groups.csv.

Derived from the Digital Agency / 総務省 「地方財政（市町村ごと）データテーブル」 as carried in
data/raw/ruiji-dantai/ (see data/raw/PROVENANCE.md): the 区分 of the latest 決算年度 in the
file, one row per 6-digit 団体コード. The similar-municipalities lists use it where a
municipality has a 区分 (jirei.metrics.similar).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from jirei.paths import project
from jirei.reference.codes import with_check_digit

# Under the project's data/.
RAW_PEER_GROUPS = Path("raw/ruiji-dantai/hamady-cloud-financial-strength-comparison/official-data.json")
PEER_GROUPS = Path("reference/peer-groups.csv")
COLUMNS = ("code", "name", "peer_group", "fiscal_year")
SOURCE = "デジタル庁・総務省『地方財政（市町村ごと）データテーブル』（2026年4月24日版）の類似団体区分を加工して作成"


def derive(raw: dict[str, object]) -> str:
    """The CSV text (UTF-8, LF) of the latest year's 区分 of every municipality, by code."""
    years = raw["years"]
    assert isinstance(years, list) and years
    latest = max(range(len(years)), key=lambda i: years[i])
    municipalities = raw["municipalities"]
    assert isinstance(municipalities, list)
    rows = sorted(
        (with_check_digit(m["c"]), m["n"], m["g"][latest], str(years[latest])) for m in municipalities
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def load_peer_groups(path: Path | None = None) -> dict[str, str]:
    """団体コード → 類似団体区分 (empty when the file is absent)."""
    path = path or project().data_dir / PEER_GROUPS
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["peer_group"] for row in csv.DictReader(handle)}


def main() -> None:
    data = project().data_dir
    out = data / PEER_GROUPS
    out.write_text(derive(json.loads((data / RAW_PEER_GROUPS).read_text(encoding="utf-8"))), encoding="utf-8")
    print(out, sum(1 for _ in out.open(encoding="utf-8")) - 1, "rows")


if __name__ == "__main__":
    main()
