"""`jirei audit`: the evidence table per case, the official comparison, totals, json and exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from jirei import cli
from jirei.cases.audit import audit_case, audit_files
from jirei.cases.validate import validate_files
from jirei.metrics.store import MetricsData
from jirei.reference.municipalities import load_reference
from tests.cases.test_evidence_rules import IGA_MIRROR
from tests.cases.validation_helpers import DATA, TODAY, VALID_CASE, official_rates

OFFICIAL = official_rates((date(2021, 5, 1), "50.5"), (date(2021, 8, 1), "34.7"))
IGA_ID = "992011-test-iga"


@pytest.fixture(autouse=True)
def _official(monkeypatch: pytest.MonkeyPatch) -> MetricsData:
    monkeypatch.setattr("jirei.commands.audit_cmd.default_metrics", lambda: OFFICIAL)
    return OFFICIAL


def _folder(tmp_path: Path, *, with_iga: bool = False, edit: tuple[str, str] = ("", "")) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    text = (
        VALID_CASE.read_text(encoding="utf-8").replace(*edit) if edit[0] else VALID_CASE.read_bytes().decode()
    )
    (folder / VALID_CASE.name).write_text(text, encoding="utf-8")
    if with_iga:
        iga = IGA_MIRROR.read_text(encoding="utf-8").replace("992011-test-shinsei", IGA_ID)
        (folder / f"{IGA_ID}.yml").write_text(iga, encoding="utf-8")
    return folder


def _audit(folder: Path, *options: str) -> int:
    return cli.main(["audit", *options, "--reference-dir", str(DATA / "reference"), str(folder)])


def test_a_backed_case_passes_and_its_table_shows_each_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _audit(_folder(tmp_path)) == 0
    out = capsys.readouterr().out
    for line in [
        "  確認の状況: 確認済み（最終確認 2026-11-01）、取組の状況: 実施中",
        "  数値・日付 3 件: 引用あり 3 件、引用が数値を含む 3 件（100.0%）。判断 3 件: 根拠あり 3 件",
        "  出典 1 件: 公式 1（一次資料 1、二次資料 0）",
        "  | 数値 | 成果「交付枚数率」の値 | 50.5 | S1 | ○ 含む |",
        "  | 日付 | 施策「公民館での出張申請」の開始 | 2020-04-01 | S1 | ○ 含む |",
        "  | 判断 | 進め方（approach） | ボトムアップ | S1 | ○ 根拠あり |",
        "  公表値との照合: outcomes[0].value 事例 50.5%（2021-05-01）／総務省 50.5%（2021-05-01 公表、交付枚数）→ 一致",
        "  事例 1 件、数値・日付 3 件（引用あり 3 件、引用が数値を含む 3 件 = 100.0%）",
    ]:
        assert line in out.splitlines(), line
    assert out.splitlines()[-1].startswith("jirei audit: エラー 0 件")


def test_a_rate_that_contradicts_the_official_release_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _audit(_folder(tmp_path, with_iga=True)) == 1
    out = capsys.readouterr().out
    assert (
        "  公表値との照合: outcomes[0].value 事例 34.12%（2021-07-31）／総務省 34.7%（2021-08-01 公表、交付枚数）→ 不一致"
        in out.splitlines()
    )
    assert "error [official-mismatch] outcomes[0].value" in out
    assert "  判断 3 件（根拠あり 3 件）、公表値との照合 2 件（食い違い 1 件）" in out.splitlines()
    assert "  出典: 一次資料 1 件、二次資料 1 件。古い可能性のある状況 0 件" in out.splitlines()


def test_a_quote_without_its_number_counts_against_the_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, edit=("交付枚数率は５０．５％", "交付枚数率は５０．４％"))
    assert _audit(folder) == 1
    out = capsys.readouterr().out
    assert "  | 数値 | 成果「交付枚数率」の値 | 50.5 | S1 | × 含まない |" in out.splitlines()
    assert "  事例 1 件、数値・日付 3 件（引用あり 3 件、引用が数値を含む 2 件 = 66.7%）" in out.splitlines()


def test_json_carries_the_same_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _audit(_folder(tmp_path, with_iga=True), "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["totals"]["figures"] == 5 and data["totals"]["figures_matching"] == 5
    iga, valid = data["cases"]  # in file-name order
    assert iga["case_id"] == IGA_ID
    assert iga["official"] == [
        {
            "key_path": "outcomes[0].value", "as_of": "2021-07-31", "case_value": "34.12",
            "release_date": "2021-08-01", "official_value": "34.7", "figure_kind": "交付枚数",
            "population_base": None, "agrees": False,
        }
    ]  # fmt: skip
    assert [p["rule"] for p in iga["problems"]] == ["official-mismatch"]
    assert iga["source_kinds"] == {"報道": 1} and iga["secondary_sources"] == 1
    assert valid["figures"][0] == {
        "key_path": "outcomes[0].value", "kind": "数値", "label": "成果「交付枚数率」の値", "value": "50.5",
        "sources": ["S1"], "quoted": True, "contains": True,
    }  # fmt: skip


def test_a_typed_case_gets_the_same_audit_as_its_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    reference = load_reference(DATA / "reference")
    [case] = validate_files([folder], cases_dir=folder, reference=reference, today=TODAY).cases
    from_file = audit_files([folder], metrics=OFFICIAL, today=TODAY, reference=reference, cases_dir=folder)
    from_case = audit_case(case, metrics=OFFICIAL, today=TODAY)
    [audited] = from_file.cases
    assert (from_case.figures, from_case.judgements, from_case.official) == (
        audited.figures,
        audited.judgements,
        audited.official,
    )
    assert (from_case.primary_sources, from_case.review_status, from_case.stale) == (1, "確認済み", None)


def test_a_stale_status_is_shown_but_does_not_fail(tmp_path: Path) -> None:
    reference = load_reference(DATA / "reference")
    folder = _folder(tmp_path)
    report = audit_files(
        [folder], metrics=OFFICIAL, today=date(2028, 1, 1), reference=reference, cases_dir=folder
    )
    assert report.ok
    assert report.cases[0].stale == "いちばん新しい根拠の公表日が 2025-06-01 で、2 年以上前です"
    assert report.totals["stale_statuses"] == 1
