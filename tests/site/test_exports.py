"""Open data: cases.json entries validate against the published schema; cases.csv is one flat row per case."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from jirei.cases.model import Case
from jirei.cases.validate import validate_files
from jirei.reference.municipalities import load_reference
from jirei.site.outputs.exports import CSV_COLUMNS, LIST_SEPARATOR, cases_csv, cases_json
from tests.cases.validation_helpers import DATA, TODAY
from tests.repo import SCHEMA_PATH
from tests.site.fixture_site import SITE_CASES
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
        {
            "metric": "交付枚数率",
            "value": 50.5,
            "unit": "%",
            "as_of": "2021-05-01",
            "evidence": [{"source": "S1", "quote": "交付枚数率は５０．５％となった。", "locator": "p.3"}],
        }
    ]
    assert entry["period"]["status_evidence"] == [{"source": "S1", "quote": "出張申請は現在も続けている。"}]
    assert entry["sources"][0]["kind"] == "公式"
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


def _site_fixtures(tmp_path: Path) -> tuple[Case, ...]:
    """The joint case (members, caveat, primary_url, note) and the 課題事例 of tests/data/cases/site/."""
    result = validate_files(
        [SITE_CASES], cases_dir=SITE_CASES, reference=load_reference(DATA / "reference"), today=TODAY
    )
    assert result.ok, result.problems
    return result.cases


def test_cases_json_carries_members_kind_and_every_quote_and_stays_valid(tmp_path: Path) -> None:
    entries = {entry["id"]: entry for entry in _json_cases(_site_fixtures(tmp_path))}
    joint, cautionary = entries["992020-test-kyodo"], entries["993816-test-kadai"]
    for entry in entries.values():
        assert [f"{list(e.path)}: {e.message}" for e in VALIDATOR.iter_errors(entry)] == []
    assert [member["code"] for member in joint["members"]] == ["982016", "994014"]  # type: ignore[index]
    assert joint["outcomes"][0]["evidence"] == [  # type: ignore[index]
        {
            "source": "K1",
            "quote": "「コンビニでの交付は1,500件」",
            "caveat": "記事の日付が読み取れないため、時点は要確認。",
        }
    ]
    assert joint["sources"][1]["primary_url"] == "https://example.com/kyodo/gikai"  # type: ignore[index]
    assert cautionary["case_kind"] == "課題事例"
    assert cautionary["organization"]["staff"]["evidence"][0]["quote"] == "担当は総務課の職員2人。"  # type: ignore[index]


def test_cases_csv_has_members_kind_source_kinds_and_evidence_counts(tmp_path: Path) -> None:
    rows = {row["id"]: row for row in _csv_rows(cases_csv(_site_fixtures(tmp_path)))}
    joint, cautionary = rows["992020-test-kyodo"], rows["993816-test-kadai"]
    assert joint["member_codes"] == f"982016{LIST_SEPARATOR}994014"
    assert joint["member_names"] == f"サンプル県サンプル市{LIST_SEPARATOR}テスト県試作町"
    assert joint["case_kind"] == "取組事例"
    assert joint["source_kinds"] == f"報道{LIST_SEPARATOR}ミラー"
    assert joint["primary_source_urls"] == "https://example.com/kyodo/gikai"
    assert (joint["figures"], joint["figures_quoted"]) == ("3", "3")  # start date, budget, outcome
    assert joint["review_status"] == "一部未確認"
    assert cautionary["case_kind"] == "課題事例"
    assert cautionary["member_codes"] == ""
