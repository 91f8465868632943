from __future__ import annotations

from pathlib import Path

import yaml

from jirei.bench.measure import PageBytes, Step, page_bytes
from jirei.bench.preview import PreviewTiming, edited_title
from jirei.bench.report import ScaleResult, budgets, preview_budget, preview_row, table
from jirei.bench.runner import with_material_search


def _step(name: str, seconds: float, returncode: int = 0) -> Step:
    return Step(name, seconds, 100 * 1024, returncode, "", "")


def _result(cases: int, generate: float, pipeline_extra: float, site_mb: int) -> ScaleResult:
    result = ScaleResult(f"事例 {cases} 件", cases, pages=100)
    result.before = [_step("取り込み", 3.0), _step("検証", 2.0)]  # not in the pipeline total
    result.pipeline = [_step("生成", generate), _step("mkdocs build --strict", pipeline_extra)]
    result.generate_seconds, result.generate_fixed_seconds = generate - 0.2, 1.0
    result.others = [_step("ProperDocs build", 5.0), _step("素の MkDocs build", 10.0)]
    result.site_bytes = site_mb * 1_000_000
    result.material_index = 1_000_000
    return result


def test_budgets_pass_and_fail_on_the_numbers() -> None:
    small = _result(300, generate=1.5, pipeline_extra=8.0, site_mb=50)  # 1 ms per case, 9.5 s ÷ 10 s
    large = _result(2000, generate=5.2, pipeline_extra=9.0, site_mb=61)  # 2 ms per case, 14.2 s ÷ 10 s
    large.pagefind_first_query = 90_000
    small.first_results_ms = 620.0
    large.first_results_ms = 280.0
    small.first_search_transfer = 260_000
    large.first_search_transfer = 190_000
    large.edited_case = "011002-bench0000"
    large.edited_files = ("cases/011002-bench0000.md", "index.md")
    large.unrelated_files = ("index.md",)
    lines = budgets([small, large])
    assert lines[0].startswith("PASS [事例 300 件] パイプライン 9.5 s")
    assert lines[1].startswith("FAIL [事例 2000 件] パイプライン 14.2 s")
    assert lines[2].startswith("FAIL [事例 2000 件] サイト容量 61.0 MB")
    assert lines[3].startswith("FAIL 生成時間は事例数に線形") and "比 2.00" in lines[3]
    assert lines[4].startswith("FAIL [事例 2000 件] 事例 1 件") and "無関係: index.md" in lines[4]
    assert lines[5].startswith("FAIL [事例 300 件] 検索") and "Pagefind 未導入" in lines[5]
    assert (
        lines[6].startswith("FAIL [事例 300 件] 検索の最初の結果まで 620 ms") and "予算 ≤ 300 ms" in lines[6]
    )
    assert lines[7].startswith("FAIL [事例 300 件] 最初の検索の転送量 260 KB") and "予算 ≤ 250 KB" in lines[7]
    assert lines[8] == "PASS [事例 300 件] ProperDocs で生成した docs/ をビルドできる"
    assert lines[9].startswith("PASS [事例 2000 件] 検索: Pagefind の初回 90 KB") and "9.0%" in lines[9]
    assert lines[10].startswith("PASS [事例 2000 件] 検索の最初の結果まで 280 ms")
    assert lines[11].startswith("PASS [事例 2000 件] 最初の検索の転送量 190 KB")


def test_first_results_time_is_skipped_without_a_browser() -> None:
    result = _result(300, generate=1.5, pipeline_extra=8.0, site_mb=50)
    lines = budgets([result])
    assert any(line.startswith("SKIP [事例 300 件] 検索の最初の結果までの時間") for line in lines)
    assert any(line.startswith("SKIP [事例 300 件] 最初の検索の転送量") for line in lines)


def test_table_has_a_row_per_step_and_the_pipeline_total() -> None:
    result = _result(300, generate=1.5, pipeline_extra=8.0, site_mb=50)
    result.others.append(_step("事例 1 件の編集後に再生成", 0.5, returncode=1))
    lines = table([result])
    assert lines[0].startswith("| 規模 | 段階 | 時間 | ピークメモリ | サイト容量 |")
    assert "| 事例 300 件 | **パイプライン合計（生成 + mkdocs）** | **9.5 s** | 100 MB | 50.0 MB | |" in lines
    assert "| 事例 300 件 | 検証 | 2.0 s | 100 MB |  |  |" in lines
    assert any(
        "| mkdocs build --strict | 8.0 s |" in line and "Material 索引 1,000 KB" in line for line in lines
    )
    assert any("事例 1 件の編集後に再生成（失敗）" in line for line in lines)
    assert len(lines) == 2 + 2 + 2 + 1 + 3


def test_properdocs_config_adds_material_search_only_when_missing(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "plugins:\n  - tags\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    assert yaml.safe_load(with_material_search(config)) == {"plugins": ["tags", {"search": {"lang": "ja"}}]}
    config.write_text("plugins:\n  - search:\n      lang: ja\n", encoding="utf-8")
    assert with_material_search(config) == ""


def test_the_size_floor_adds_the_bare_frame_to_every_page() -> None:
    result = _result(2000, generate=5.2, pipeline_extra=9.0, site_mb=100)
    result.page_bytes = PageBytes(pages=4000, article=40_000_000, frame=50_000_000)  # 12.5 KB frames
    result.bare_page_bytes = PageBytes(pages=10, article=20_000, frame=120_000)  # 12 KB frames
    breakdown, floor = budgets([result])[2:4]
    assert "本文（article）40.0 MB・テーマの枠 50.0 MB（1 ページ 12 KB" in breakdown  # 12.5 rounds to 12
    assert "HTML 以外（データ・検索索引・テーマの資産）10.0 MB" in breakdown
    assert floor.endswith("= 58.0 MB（予算内に収まる余地があります）")  # 10 MB + 4,000 × 12 KB
    result.bare_page_bytes = PageBytes(pages=10, article=20_000, frame=130_000)
    assert budgets([result])[3].endswith("= 62.0 MB（本文が空でも予算を超えます）")


def test_page_bytes_splits_each_page_at_its_article(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(b"<html><nav>x</nav><article>12345</article></html>")
    (tmp_path / "redirect.html").write_bytes(b"<html><meta http-equiv='refresh'></html>")  # no article
    split = page_bytes(tmp_path)
    assert (split.pages, split.article, split.frame) == (1, 24, 25)  # 24 inside, 25 around


def test_preview_row_and_budget_pass_only_within_two_seconds_and_one_rebuild() -> None:
    quick = PreviewTiming("011002-sapporo", 1.4, 1, 30.0)
    assert preview_row("実データ", quick) == (
        "| 実データ | プレビュー: 事例の編集 → ページに反映（再ビルド 1 回） | 1.4 s | — |  |  |"
    )
    assert preview_budget("実データ", quick).startswith(
        "PASS [実データ] プレビュー（make serve）: 事例 011002-sapporo の題名を保存してからページに反映されるまで 1.4 s、再ビルド 1 回"
    )
    assert preview_budget("実データ", PreviewTiming("x", 2.3, 1, 30.0)).startswith("FAIL")
    assert preview_budget("実データ", PreviewTiming("x", 1.0, 2, 30.0)).startswith("FAIL")
    lost = PreviewTiming("x", None, 0, 30.0, "30 秒待っても反映されませんでした")
    assert preview_budget("実データ", lost) == (
        "FAIL [実データ] プレビュー: 事例 x の編集がページに反映されませんでした（30 秒待っても反映されませんでした）"
    )
    assert "| — |" in preview_row("実データ", lost)


def test_preview_edit_appends_the_mark_within_eighty_characters() -> None:
    text = "id: a\ntitle: " + "あ" * 78 + "\nsummary: 要約\n"
    edited, title = edited_title(text)
    assert title == "あ" * 71 + "（プレビュー計測）"  # the mark is 9 characters
    assert len(title) == 80
    assert edited == f"id: a\ntitle: {title}\nsummary: 要約\n"
