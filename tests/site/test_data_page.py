"""The open data page documents every file and column, and fails on an undocumented one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jirei.problems import JireiError
from jirei.site.outputs.exports import CSV_COLUMNS
from jirei.site.pages.data import render_data_page
from jirei.site.rendering.jinja import make_environment
from tests.repo import DEFAULT_METRICS_DIR


def test_the_data_page_lists_files_columns_licence_and_update_frequency() -> None:
    page = render_data_page(make_environment(), DEFAULT_METRICS_DIR, 11)
    assert "| [cases.json](cases.json) | すべての事例（11 件） |" in page
    assert "[metrics/municipalities.csv](metrics/municipalities.csv)" in page
    assert "[feed.xml](../feed.xml)" in page
    assert "[case.schema.json](../schema/case.schema.json)" in page
    for name, _description, _value in CSV_COLUMNS:
        assert f"| `{name}` |" in page, name
    assert "| `rate_percent` |" in page
    assert "CC BY 4.0" in page and "総務省" in page
    assert "## 更新の頻度" in page
    assert "UTF-8（BOM 付き）" in page


def test_an_undocumented_metrics_column_stops_the_build(tmp_path: Path) -> None:
    shutil.copyfile(DEFAULT_METRICS_DIR / "releases.csv", tmp_path / "releases.csv")
    (tmp_path / "extra.csv").write_text("release_date,mystery\n2020-01-01,1\n", encoding="utf-8")
    with pytest.raises(JireiError) as raised:
        render_data_page(make_environment(), tmp_path, 1)
    assert [problem.got for problem in raised.value.problems] == ["extra.csv", "mystery"]
    assert raised.value.problems[0].rule == "data-undocumented"
