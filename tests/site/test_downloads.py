"""Every CSV meant for Excel starts with a byte order mark (the published copies of
data/metrics/*.csv; the committed files stay as they are), and each municipality page links a
small CSV and JSON of its own series: the rows of municipalities.csv with its code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jirei.site.outputs.downloads import BOM, for_excel
from tests.repo import DEFAULT_METRICS_DIR

SAPPORO = "011002"


def test_for_excel_adds_one_bom() -> None:
    assert for_excel(b"a,b\n") == BOM + b"a,b\n"
    assert for_excel(BOM + b"a,b\n") == BOM + b"a,b\n"


def test_the_committed_metrics_files_have_no_bom() -> None:
    for path in DEFAULT_METRICS_DIR.glob("*.csv"):
        assert not path.read_bytes().startswith(BOM), path


@pytest.mark.slow
def test_every_published_csv_starts_with_a_bom(site: Path) -> None:
    published = sorted(site.rglob("*.csv"))
    assert len(published) > 1700
    assert [path for path in published if not path.read_bytes().startswith(BOM)] == []
    for committed in DEFAULT_METRICS_DIR.glob("*.csv"):
        assert (site / "data" / "metrics" / committed.name).read_bytes() == BOM + committed.read_bytes()


@pytest.mark.slow
def test_a_municipality_page_links_its_own_small_csv_and_json(site: Path) -> None:
    html = (site / "municipalities" / SAPPORO / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../../data/municipalities/{SAPPORO}.csv">CSV（Excel で開けます）</a>' in html
    assert f'<a href="../../data/municipalities/{SAPPORO}.json">JSON</a>' in html
    national = (DEFAULT_METRICS_DIR / "municipalities.csv").read_text(encoding="utf-8").splitlines()
    expected = [national[0], *(line for line in national[1:] if line.split(",")[1] == SAPPORO)]
    csv_bytes = (site / "data" / "municipalities" / f"{SAPPORO}.csv").read_bytes()
    assert csv_bytes.startswith(BOM)
    assert csv_bytes[len(BOM) :].decode("utf-8").splitlines() == expected
    document = json.loads((site / "data" / "municipalities" / f"{SAPPORO}.json").read_text(encoding="utf-8"))
    assert (document["code"], document["prefecture"], document["name"]) == (SAPPORO, "北海道", "札幌市")
    assert len(document["rows"]) == len(expected) - 1
    last = dict(zip(document["columns"], document["rows"][-1], strict=True))
    assert last["release_date"] == expected[-1].split(",")[0]
    assert last["rate_percent"] == float(expected[-1].split(",")[-1])
    sizes = [path.stat().st_size for path in (site / "data" / "municipalities").iterdir()]
    assert len(sizes) == 2 * 1741 and max(sizes) < 8_000
