"""Open data: cases.json entries validate against the published schema; cases.csv is one flat row per case."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from jirei.cases.model import Case
from jirei.paths import SCHEMA_PATH
from jirei.site.exports import CSV_COLUMNS, LIST_SEPARATOR, cases_csv, cases_json
from tests.site.publish_helpers import fake_case, real_cases, variant

VALIDATOR = Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _json_cases(cases: tuple[Case, ...] | list[Case]) -> list[dict[str, object]]:
    document = json.loads(cases_json(cases))
    assert document["schema"] == "https://jirei-project.github.io/jirei/schema/case.schema.json"
    assert document["license"] == "CC-BY-4.0"
    entries: list[dict[str, object]] = document["cases"]
    return entries


@pytest.mark.parametrize("entry", _json_cases(real_cases()), ids=lambda entry: str(entry["id"]))
def test_every_real_case_in_cases_json_is_valid_against_the_schema(entry: dict[str, object]) -> None:
    errors = [f"{list(error.path)}: {error.message}" for error in VALIDATOR.iter_errors(entry)]
    assert errors == []


def test_cases_json_keeps_the_yaml_shape(tmp_path: Path) -> None:
    (entry,) = _json_cases([fake_case(tmp_path)])
    assert entry["id"] == "992011-test-shinsei"
    assert entry["title_en"] == "Outreach applications in Test City (a fictitious case for tests)"
    assert entry["outcomes"] == [
        {"metric": "交付枚数率", "value": 50.5, "unit": "%", "as_of": "2021-05-01", "sources": ["S1"]}
    ]
    assert "tags" not in entry  # an unset optional list is left out, as in the YAML
    assert entry["challenges"] == [{"description": "テスト用の課題。"}]
    assert not list(VALIDATOR.iter_errors(entry))


def test_cases_json_writes_whole_numbers_as_integers(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    outcome = variant(case.outcomes[0], value=139.0, unit="件", metric="手続数")  # type: ignore[arg-type]
    (entry,) = _json_cases([variant(case, outcomes=(outcome,))])
    assert '"value": 139,' in json.dumps(entry["outcomes"][0])  # type: ignore[index]


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_cases_csv_has_a_bom_crlf_and_one_row_per_case(tmp_path: Path) -> None:
    data = cases_csv(real_cases())
    assert data.startswith(b"\xef\xbb\xbfid,url,title,")
    assert data.count(b"\r\n") >= len(real_cases()) + 1
    rows = _csv_rows(data)
    assert [row["id"] for row in rows] == [case.id for case in real_cases()]
    assert list(rows[0]) == [name for name, _description, _value in CSV_COLUMNS]


def test_cases_csv_flattens_lists_and_links_the_permalink(tmp_path: Path) -> None:
    case = variant(fake_case(tmp_path), tags=("タグ一", "タグ二"), former_ids=("992011-test-old",))
    (row,) = _csv_rows(cases_csv([case]))
    assert row["url"] == "https://jirei-project.github.io/jirei/cases/992011-test-shinsei/"
    assert row["tags"] == f"タグ一{LIST_SEPARATOR}タグ二"
    assert row["outcomes"] == "交付枚数率 50.5%（2021-05-01）"
    assert row["former_ids"] == "992011-test-old"
    assert row["period_end"] == ""
    assert row["summary_en"].startswith("A fictitious case")


def test_every_csv_column_is_described() -> None:
    for name, description, _value in CSV_COLUMNS:
        assert description.strip(), name
