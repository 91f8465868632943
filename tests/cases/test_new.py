"""``jirei new``: finding the municipality, writing the scaffold, and what validate then says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from jirei.cases.scaffold import scaffold_case
from jirei.cases.schema import current_schema_version
from jirei.cases.validate import validate_files
from jirei.cli import main
from jirei.commands.new_cmd import find_municipalities
from jirei.reference.municipalities import load_reference
from jirei.site.build import build_site
from tests.cases.validation_helpers import DATA, TODAY

REFERENCE_DIR = DATA / "reference"
FAKE = load_reference(REFERENCE_DIR)


def run_new(tmp_path: Path, *args: str, force: bool = False) -> int:
    options = [
        "--cases-dir",
        str(tmp_path),
        "--reference-dir",
        str(REFERENCE_DIR),
        *(["--force"] if force else []),
    ]
    return main(["new", *options, "--", *args])


def test_by_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_new(tmp_path, "992011", "test-shinsei") == 0
    path = tmp_path / "992011-test-shinsei.yml"
    text = path.read_text(encoding="utf-8")
    assert 'id: "992011-test-shinsei"' in text
    assert 'name: "テスト市"' in text
    assert 'prefecture: "テスト県"' in text
    assert 'category: "市"' in text
    out = capsys.readouterr().out
    assert "992011-test-shinsei.yml を作りました" in out
    assert f"ファイルを編集してから jirei validate {path.as_posix()} を実行してください" in out


@pytest.mark.parametrize("name", ["テスト市", "テスト県テスト市", "テスト県 テスト市", "ﾃｽﾄ市"])
def test_by_name(tmp_path: Path, name: str) -> None:
    assert run_new(tmp_path, name, "demo") == 0
    assert (tmp_path / "992011-demo.yml").exists()


def test_exact_name_wins_over_partial_matches() -> None:
    # 「テスト市」 is part of 「テスト県テスト市」 only; 「テスト町」 is found as part of 梼テスト町.
    assert [m.code for m in find_municipalities(FAKE, "テスト村")] == ["993816"]
    assert [m.code for m in find_municipalities(FAKE, "テスト町")] == ["993611"]


def test_ambiguous_name_lists_the_candidates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_new(tmp_path, "テスト", "demo") == 1
    err = capsys.readouterr().err
    assert "「テスト」に当てはまる団体が 6 件あります" in err
    assert "  992011  テスト県  テスト市" in err
    assert "  991007  テスト県  テスト政令市" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("存在しない市", "「存在しない市」に当てはまる団体が見つかりません"),
        ("992038", "団体コード「992038」は団体コード一覧にありません"),
        ("99201", "団体コード「99201」は団体コード一覧にありません"),
    ],
)
def test_unknown_municipality(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], query: str, message: str
) -> None:
    assert run_new(tmp_path, query, "demo") == 1
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "slug", ["Demo", "demo_case", "-demo", "demo-", "demo--case", "デモ", "a b", "x" * 74]
)
def test_bad_slug(tmp_path: Path, capsys: pytest.CaptureFixture[str], slug: str) -> None:
    assert run_new(tmp_path, "992011", slug) == 1
    assert f"略称「{slug}」は使えません" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "992011-demo.yml"
    path.write_text("# 書きかけ\n", encoding="utf-8")
    assert run_new(tmp_path, "992011", "demo") == 1
    assert "はすでにあります。上書きするときは --force を付けてください" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "# 書きかけ\n"
    assert run_new(tmp_path, "992011", "demo", force=True) == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server:")


def test_first_line_points_at_the_schema() -> None:
    text = scaffold_case(FAKE.by_code["992011"], "demo", TODAY)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/case.schema.json"
    assert text.endswith("\n")


def _write_scaffold(tmp_path: Path) -> Path:
    path = tmp_path / "992011-demo.yml"
    path.write_text(scaffold_case(FAKE.by_code["992011"], "demo", TODAY), encoding="utf-8")
    return path


# What `jirei validate` tells a contributor about a fresh scaffold: one problem per field to fill.
EXPECTED_SCAFFOLD_PROBLEMS = [
    ("empty", "title"),
    ("empty", "summary"),
    ("empty", "description"),
    ("min-items", "themes"),
    ("format", "period.start"),
    ("min-items", "period.evidence"),
    ("empty", "leadership.description"),
    ("min-items", "leadership.sources"),
    ("min-items", "measures"),
    ("min-items", "outcomes"),
    ("min-items", "success_factors"),
    ("min-items", "challenges"),
    ("min-items", "lessons"),
    ("min-items", "sources"),
]


def test_scaffold_is_at_the_current_version_with_judgements_unknown(tmp_path: Path) -> None:
    data = yaml.safe_load(_write_scaffold(tmp_path).read_text(encoding="utf-8"))
    assert data["schema_version"] == current_schema_version() == 2
    assert (data["period"]["status"], data["leadership"]["led_by"], data["leadership"]["approach"]) == (
        "不明",
        ["不明"],
        "不明",
    )
    text = _write_scaffold(tmp_path).read_text(encoding="utf-8")
    assert "#   - source: S1" in text and "quote:" in text  # the commented evidence examples


def test_scaffold_lists_every_field_to_fill(tmp_path: Path) -> None:
    path = _write_scaffold(tmp_path)
    result = validate_files([path], cases_dir=tmp_path, reference=FAKE, today=TODAY)
    assert [(p.rule, p.key_path) for p in result.problems] == EXPECTED_SCAFFOLD_PROBLEMS
    assert all(p.is_error for p in result.problems)
    lines = [p.line for p in result.problems]
    assert lines == sorted(lines)  # each problem points at its own line, top to bottom
    assert len(set(lines)) == len(lines)


def test_filled_scaffold_validates_and_appears_on_the_site(tmp_path: Path) -> None:
    path = _write_scaffold(tmp_path)
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(
        title="テスト市の出張申請",
        summary="テスト市が公民館で出張申請を行った架空の事例。",
        description="テスト用の本文。",
        themes=["出張申請"],
        period={
            "start": "2020-04",
            "status": "実施中",
            "evidence": [{"source": "S1", "quote": "2020年4月から公民館で出張申請を始めた。"}],
            "status_evidence": [{"source": "S1", "quote": "出張申請は現在も続けている。"}],
        },
        leadership={
            "led_by": ["所管課"],
            "approach": "不明",
            "description": "担当課が発案した。",
            "sources": ["S1"],
            "led_by_evidence": [{"source": "S1", "quote": "担当課の発案で始めた。"}],
        },
        measures=[
            {"kind": "出張申請", "title": "公民館での出張申請", "description": "説明。", "sources": ["S1"]}
        ],
        outcomes=[
            {
                "metric": "交付枚数率",
                "value": 50.5,
                "unit": "%",
                "as_of": "2021-05-01",
                "evidence": [{"source": "S1", "quote": "交付枚数率は50.5%となった。"}],
            }
        ],
        success_factors=[{"factor": "住民に出向く", "description": "説明。", "sources": ["S1"]}],
        challenges=[{"description": "テスト用の課題。"}],
        lessons=["テスト用の示唆。"],
        sources=[
            {
                "id": "S1",
                "url": "https://example.com/test-city/report",
                "title": "テスト市の報告書",
                "publisher": "テスト市",
                "published": "2026-10-01",
                "accessed": TODAY.isoformat(),
                "kind": "公式",
            }
        ],
    )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = validate_files([path], cases_dir=tmp_path, reference=FAKE, today=TODAY)
    assert result.problems == ()
    assert [case.id for case in result.cases] == ["992011-demo"]

    docs = tmp_path / "docs"
    build_site(
        cases_dir=tmp_path, docs_dir=docs, metrics_dir=tmp_path / "no-metrics", reference=FAKE, today=TODAY
    )
    page = (docs / "cases" / "992011-demo.md").read_text(encoding="utf-8")
    assert "# テスト市の出張申請" in page
    assert "[テスト市の出張申請](992011-demo.md)" in (docs / "cases" / "index.md").read_text(encoding="utf-8")
