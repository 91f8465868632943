"""Press-reported figures (data/reported-figures.yml), the Digital Agency's national months,
and the data's age: checked input, clear errors, deterministic wording."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from tests.repo import DEFAULT_METRICS_DIR, DEFAULT_REPORTED_PATH

from jirei.metrics.freshness import DataAge, add_months, age_text
from jirei.metrics.importers.digital_agency import PopulationBase, month_end, national_rows, parse_national
from jirei.metrics.later.national import load_national_monthly
from jirei.metrics.later.reported import load_reported, quote_numbers
from jirei.problems import JireiError
from jirei.reference.municipalities import load_reference

VALID = """\
figures:
  - as_of: 2023-03-31
    area: 全国
    measure: 交付枚数
    rate_percent: 67.0
    cards: 84399025
    source_url: https://example.jp/a
    source_title: テスト記事
    quote: 公布枚数は、8,439万9,025枚で、人口に対する交付枚数率(交付率)は67.0%
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "reported-figures.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[tuple[str, int | None, str]]:
    with pytest.raises(JireiError) as info:
        load_reported(write(tmp_path, text), load_reference())
    return [(p.rule, p.line, p.key_path) for p in info.value.problems]


def test_the_real_file_loads_and_every_figure_quotes_its_number() -> None:
    figures = load_reported(DEFAULT_REPORTED_PATH, load_reference())
    assert len(figures) >= 20
    assert {f.measure for f in figures} == {"交付枚数", "保有枚数"}
    newest = max(figures, key=lambda f: f.as_of)
    assert (newest.as_of, newest.area_label) >= (date(2026, 1, 31), "")
    miyakojima = [f for f in figures if f.area == "472140"]
    assert {(f.measure, f.cards) for f in miyakojima} == {("交付枚数", 30808), ("保有枚数", 29637)}


def test_valid_entry(tmp_path: Path) -> None:
    [figure] = load_reported(write(tmp_path, VALID), load_reference())
    assert (figure.area, figure.rate_percent, figure.cards, figure.scope) == (
        "全国", Decimal("67.0"), 84399025, "national",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("rate_percent: 67.0", "rate_percent: 76.0", ("reported-quote", 5, "figures[0].rate_percent")),
        ("cards: 84399025", "cards: 84399052", ("reported-quote", 6, "figures[0].cards")),
        ("area: 全国", "area: テスト州", ("reported-area", 3, "figures[0].area")),
        ("measure: 交付枚数", "measure: 申請件数", ("reported-field", 4, "figures[0].measure")),
        ("rate_percent: 67.0", "rate_percent: 167.0", ("reported-field", 5, "figures[0].rate_percent")),
        ("    source_url: https://example.jp/a\n", "", ("reported-field", 2, "figures[0]")),
        ("as_of: 2023-03-31", "as_of: 2023-13-31", ("reported-field", 2, "figures[0].as_of")),
    ],
)
def test_bad_entries_point_at_the_line(
    tmp_path: Path, old: str, new: str, expected: tuple[str, int, str]
) -> None:
    assert old in VALID
    assert problems(tmp_path, VALID.replace(old, new)) == [expected]


def test_quote_numbers_writes_out_man() -> None:
    assert (
        quote_numbers("累計交付枚数が3万808枚、保有枚数は2万9637枚")
        == "累計交付枚数が30808枚、保有枚数は29637枚"
    )
    assert quote_numbers("８,４３９万９,０２５枚") == "84399025枚"


def test_month_end_and_national_rows() -> None:
    assert month_end("2025-02") == date(2025, 2, 28)
    assert month_end("2024年2月") == date(2024, 2, 29)
    assert month_end("2025-13") is None
    json = (
        b'{"myna_card": [{"month": "2025-08", "cumul": 98814560, "rate": 79.5}], "myna_rate_estimated": true}'
    )
    figures, found = parse_national("a.json", json)
    assert not found and figures[0].rate is None  # a third party's estimate is dropped
    base = PopulationBase(125927902, "テストの人口")
    [row], found = national_rows(figures, {"a.json": "a.json"}, base)
    assert (str(row.rate_percent), row.rate_kind, row.rate_base) == ("78.5", "計算値", "テストの人口")


def test_the_imported_national_file_keeps_published_rates() -> None:
    months = {m.as_of: m for m in load_national_monthly(DEFAULT_METRICS_DIR)}
    assert (months[date(2026, 1, 31)].rate_percent, months[date(2026, 1, 31)].rate_kind) == (
        Decimal("81.4"),
        "公表値",
    )
    assert months[date(2026, 6, 30)].cards == 103856694 and months[date(2026, 6, 30)].computed


def test_data_age_wording() -> None:
    assert DataAge(date(2022, 12, 31), date(2026, 12, 2)).as_of() == "2022年12月31日時点（約4年前）"
    assert age_text(date(2026, 6, 30), date(2026, 12, 6)) == "約5か月前"
    assert age_text(date(2026, 11, 20), date(2026, 12, 6)) == "約2週間前"
    assert add_months(date(2022, 11, 30), 3) == date(2023, 2, 28)
    assert not DataAge(date(2022, 12, 31), date(2023, 3, 31)).stale
    assert DataAge(date(2022, 12, 31), date(2023, 4, 1)).stale
    with pytest.raises(ValueError, match=r"is after the build date \(2026-12-06\)"):
        age_text(date(2027, 1, 1), date(2026, 12, 6))
