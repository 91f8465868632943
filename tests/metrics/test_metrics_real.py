"""Assertions on the committed data/metrics (real Code for Japan data)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from tests.repo import DEFAULT_METRICS_DIR

from jirei.metrics.checks import check_metrics
from jirei.metrics.store import load_metrics, serialize, write_metrics


def test_real_release_count_and_municipalities() -> None:
    data = load_metrics()
    dates = data.release_dates()
    assert len(dates) == 47
    assert dates[0] == date(2017, 3, 8) and dates[-1] == date(2022, 12, 31)
    assert date(2022, 4, 1) in dates  # latest/
    per_release = Counter(f.release_date for f in data.municipalities)
    assert set(per_release.values()) == {1741}
    assert set(Counter(f.release_date for f in data.prefectures).values()) == {47}
    assert {r.figure_kind for r in data.releases} == {"交付枚数"}


def test_real_2021_05_01_known_figures() -> None:
    data = load_metrics()
    cats = {c.key: c for c in data.categories if c.release_date == date(2021, 5, 1)}
    assert {k: str(c.rate_percent) for k, c in cats.items()} == {
        "全国": "30.0", "特別区": "34.0", "政令指定都市": "31.6", "市": "29.3", "町村": "27.0",
    }  # fmt: skip
    assert cats["全国"].cards == 38129334 and cats["全国"].population == 127138033
    assert cats["市"].label == "市（政令指定都市を除く）"
    kaga = data.official_rate("172065", date(2021, 5, 1))
    assert kaga is not None
    assert (kaga.cards, kaga.population, kaga.rate_percent, kaga.label) == (
        43216,
        66350,
        Decimal("65.1"),
        "加賀市",
    )
    assert kaga.population_base_date == date(2020, 1, 1)


def test_real_quirks() -> None:
    data = load_metrics()
    # <NA> codes from 2021-08-01 were matched by name
    assert len(data.municipality_series("133817")) == 47
    assert len(data.municipality_series("134015")) == 47
    later = {c.key for c in data.categories if c.release_date == date(2022, 12, 31)}
    assert later == {"全国", "政令指定都市", "特別区・市", "町村"}
    bands = [a.age_band for a in data.ages if a.release_date == date(2022, 5, 1) and a.sex == "計"]
    assert bands[0] == "全体" and bands[-1] == "90歳以上" and len(bands) == 20
    national = next(c for c in data.categories if c.release_date == date(2022, 4, 1) and c.key == "全国")
    assert (national.cards, national.rate_percent) == (54870797, Decimal("43.3"))


def test_real_data_sums_are_consistent() -> None:
    assert [p for p in check_metrics(load_metrics(), DEFAULT_METRICS_DIR) if p.is_error] == []


def test_committed_files_are_canonical(tmp_path: Path) -> None:
    data = load_metrics()
    for name, content in serialize(data).items():
        assert (DEFAULT_METRICS_DIR / name).read_bytes() == content
    assert write_metrics(data, DEFAULT_METRICS_DIR) == []


def test_tampered_data_reports_exact_problem(tmp_path: Path) -> None:
    data = load_metrics()
    target = next(f for f in data.municipalities if f.key == "172065" and f.release_date == date(2021, 5, 1))
    tampered = replace(data, municipalities=tuple(replace(f, cards=f.cards + 1) if f is target else f
                                                  for f in data.municipalities))  # fmt: skip
    write_metrics(tampered, tmp_path)
    problems = [p for p in check_metrics(load_metrics(tmp_path), tmp_path) if p.is_error]
    assert [(p.rule, p.key_path, p.got) for p in problems] == [
        ("sum-prefecture", "2021-05-01.17", "石川県 342,541 / 市区町村合計 342,542"),
    ]
    assert problems[0].path == str(tmp_path / "prefectures.csv")


def test_rate_check_flags_exactly_the_two_known_extraction_slips() -> None:
    problems = check_metrics(load_metrics(), DEFAULT_METRICS_DIR)
    assert [(p.severity.value, p.rule, p.key_path, p.got) for p in problems] == [
        ("warning", "rate-mismatch", "2021-01-01.町村", "24.2%"),
        ("warning", "rate-mismatch", "2021-02-01.町村", "25.2%"),
    ]
