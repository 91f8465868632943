from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from jirei.metrics.checks import check_metrics
from jirei.metrics.commands import register
from jirei.metrics.pace import format_projection, project_pace
from jirei.metrics.store import AreaFigure, MetricsData, load_metrics, write_metrics


def test_pace_example() -> None:
    p = project_pace(89008699, 11847315, 1.5)
    assert p.years_to_full == pytest.approx(7.513, abs=1e-3)
    assert p.required_multiple == pytest.approx(5.009, abs=1e-3)
    lines = format_projection(p)
    assert "7.5 年" in lines[1] and "5.0 倍" in lines[2]


@pytest.mark.parametrize("per_year", [0.0, -10.0])
def test_pace_zero_or_negative(per_year: float) -> None:
    p = project_pace(100, per_year, 2)
    assert p.years_to_full is None and p.required_multiple is None
    assert "見込みは立ちません" in format_projection(p)[1]


def test_pace_nothing_remaining() -> None:
    assert project_pace(0, 0).years_to_full == 0.0
    assert project_pace(0, 10).years_to_full == 0.0


def test_pace_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match=r"^remaining must be >= 0$"):
        project_pace(-1, 10)
    with pytest.raises(ValueError, match=r"^target_years must be > 0$"):
        project_pace(10, 10, 0)


def test_pace_cli(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["pace", "--remaining", "89008699", "--per-year", "11847315", "--years", "1.5"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "7.5 年" in out and "5.0 倍" in out


def figure(day: int, key: str, population: int, cards: int) -> AreaFigure:
    return AreaFigure(date(2021, 1, day), key, key, population, date(2020, 1, 1), cards, date(2021, 1, day),
                      "交付枚数", Decimal("1.0"))  # fmt: skip


def test_write_metrics_returns_changed_files_only(tmp_path: Path) -> None:
    data = MetricsData(
        municipalities=(figure(1, "992011", 10, 1),),
        prefectures=(figure(1, "99", 10, 1),),
        categories=(figure(1, "全国", 10, 1),),
    )
    assert len(write_metrics(data, tmp_path)) == 5
    assert write_metrics(data, tmp_path) == []
    assert not list(tmp_path.glob(".*tmp"))
    changed = write_metrics(MetricsData(municipalities=data.municipalities, prefectures=(figure(1, "99", 10, 2),),
                                        categories=data.categories), tmp_path)  # fmt: skip
    assert [p.name for p in changed] == ["prefectures.csv"]
    loaded = load_metrics(tmp_path)
    assert loaded.prefecture_series("99")[0].cards == 2
    assert loaded.official_rate("992011", date(2021, 1, 1)) is not None
    assert loaded.official_rate("992011", date(2021, 1, 2)) is None
    problems = [problem for problem in check_metrics(loaded, tmp_path) if problem.is_error]
    assert [(p.rule, p.key_path) for p in problems] == [
        ("sum-prefecture", "2021-01-01.99"),
        ("sum-national", "2021-01-01.全国"),
    ]


def test_series_sorted_by_date(tmp_path: Path) -> None:
    data = MetricsData(municipalities=(figure(3, "992011", 10, 3), figure(1, "992011", 10, 1)))
    assert [f.cards for f in data.municipality_series("992011")] == [1, 3]
    assert data.release_dates() == [date(2021, 1, 1), date(2021, 1, 3)]
    assert data.municipality_series("000000") == []
