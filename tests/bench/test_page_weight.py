"""The page-weight line of the benchmark: HTML plus the linked same-site CSS and JS, gzipped."""

from __future__ import annotations

from pathlib import Path

from jirei.bench.page_weight import PageWeight, gzip_size, page_weight
from jirei.bench.report import MAP_PAGE_BUDGET, ScaleResult, _map_page_budget


def test_the_page_and_its_linked_assets_are_counted_once(tmp_path: Path) -> None:
    (tmp_path / "metrics").mkdir()
    (tmp_path / "assets").mkdir()
    css = b"body { color: #000; }" * 50
    js = "console.log('テスト');".encode() * 50
    (tmp_path / "assets" / "a.css").write_bytes(css)
    (tmp_path / "assets" / "a.js").write_bytes(js)
    html = (
        b'<link rel="stylesheet" href="../assets/a.css"><script src="../assets/a.js"></script>'
        b'<script src="../assets/a.js"></script><script src="https://example.com/x.js"></script>'
    )
    (tmp_path / "metrics" / "index.html").write_bytes(html)
    weight = page_weight(tmp_path)
    assert weight is not None
    assert weight.assets == gzip_size(css) + gzip_size(js)
    assert weight.total == gzip_size(html) + weight.assets
    assert page_weight(tmp_path, "absent/index.html") is None


def test_the_budget_line_passes_and_fails_at_the_budget(tmp_path: Path) -> None:
    (tmp_path / "metrics").mkdir()
    (tmp_path / "metrics" / "index.html").write_bytes(b"<p>x</p>")
    result = ScaleResult("テスト", 0, map_page=page_weight(tmp_path))
    assert _map_page_budget(result).startswith("PASS [テスト] 全国地図のページ")
    result.map_page = PageWeight("metrics/index.html", MAP_PAGE_BUDGET, 1, 0)
    assert _map_page_budget(result).startswith("FAIL")
    assert _map_page_budget(ScaleResult("テスト", 0)).startswith("SKIP")
