"""``scripts/bench.py``: build synthetic corpora, time every step, print the table and budgets.

For each scale (a number of cases, plus optionally the real data set) it writes a work
folder, then times in child processes: metrics import and validation (each run on its
own), the pipeline of `make site` — generation (which validates again), ``mkdocs build
--strict`` and Pagefind when installed —, a regeneration after editing one case,
ProperDocs on the same docs/, and a bare MkDocs build of as many plain pages. Progress
goes to stderr; the report (Markdown) to stdout.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import yaml

from jirei.bench import baseline, corpus, report
from jirei.bench.measure import (
    Step,
    bytes_by_kind,
    material_index_bytes,
    page_bytes,
    pagefind_first_query_bytes,
    run_step,
    tree_bytes,
)
from jirei.bench.page_weight import page_weight
from jirei.bench.report import ScaleResult
from jirei.bench.steps import EDIT_MARK
from jirei.paths import project
from jirei.search.browser import CHROMIUM
from jirei.search.timing import FirstSearch, cold_first_search
from jirei.site.outputs.writer import copy_hand_written
from jirei.site.plugins.mkdocs_config import write_inherited_config

PY = sys.executable
FIRST_QUERY = "出張申請"  # a theme of the real cases and of every synthetic one
REAL_RAW = Path("raw") / "codeforjapan-mynumbercard"  # under the project's data/


def _log(message: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


class _IgnoringLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; ``!!python/name:`` values (emoji settings) are irrelevant here."""


_IgnoringLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def with_material_search(config_path: Path) -> str:
    """A ``plugins:`` override adding Material's search when the site config has none (e.g. it
    uses Pagefind), so the ProperDocs build yields Material's index of the same site to compare."""
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_IgnoringLoader)
    plugins = config.get("plugins") or []
    names = [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    if "search" in names:
        return ""
    return yaml.safe_dump({"plugins": [*plugins, {"search": {"lang": "ja"}}]}, allow_unicode=True)


def _checked(step_result: Step) -> Step:
    if not step_result.ok:
        _log(
            f"{step_result.name} が失敗しました（終了コード {step_result.returncode}）:\n{step_result.stderr[-3000:]}"
        )
    else:
        _log(f"{step_result.name}: {step_result.seconds:.1f} s")
    return step_result


def prepare_synthetic(work: Path, cases: int, releases: int, municipalities: int) -> list[Path]:
    """Write the fake reference list, releases and cases; return the release folders."""
    fakes = corpus.fake_municipalities()[:municipalities]
    corpus.write_reference(work / "reference", fakes)
    corpus.write_cases(work / "cases", fakes, cases)
    return corpus.write_releases(work / "raw", fakes, releases)


def prepare_real(work: Path) -> list[Path]:
    """Copy the repository's cases and reference list; return the real release folders."""
    here = project()
    shutil.copytree(here.cases_dir, work / "cases")
    shutil.copytree(here.reference_dir, work / "reference")
    return sorted(path for path in (here.data_dir / REAL_RAW).iterdir() if path.is_dir())


def run_scale(work: Path, label: str, cases: int, raw_folders: list[Path]) -> ScaleResult:
    result = ScaleResult(label, cases)
    (work / "docs").mkdir(parents=True, exist_ok=True)
    copy_hand_written(project().docs_dir, work / "docs")
    steps = "jirei.bench.steps"
    jirei = [PY, "-m", "jirei.cli"]
    import_argv = [*jirei, "metrics", "import", *map(str, raw_folders)]
    import_argv += ["--data-dir", str(work / "metrics"), "--reference-dir", str(work / "reference")]
    result.before.append(_checked(run_step("取り込み", import_argv)))
    result.before.append(_checked(run_step("検証", [PY, "-m", steps, "validate", str(work)])))
    generate = _checked(run_step("生成", [PY, "-m", steps, "generate", str(work)]))
    result.pipeline.append(generate)
    if generate.ok:
        answer = json.loads(generate.stdout.strip().splitlines()[-1])
        result.generate_seconds, result.generate_fixed_seconds = answer["seconds"], answer["fixed_seconds"]
    result.pages = sum(1 for _ in (work / "docs").rglob("*.md"))
    config = write_inherited_config(work / "mkdocs.yml", site_dir="site")
    result.pipeline.append(
        _checked(
            run_step("mkdocs build --strict", [PY, "-m", "mkdocs", "build", "--strict", "-f", str(config)])
        )
    )
    if importlib.util.find_spec("pagefind") is not None:
        index = [*jirei, "search", "index", str(work / "site")]  # exactly what `make site` runs
        result.pipeline.append(_checked(run_step("Pagefind", index)))
    result.site_bytes = tree_bytes(work / "site")
    result.breakdown = bytes_by_kind(work / "site")
    result.page_bytes = page_bytes(work / "site")
    result.map_page = page_weight(work / "site")
    result.pagefind_first_query = pagefind_first_query_bytes(work / "site")
    first = _first_search(work / "site")
    if first is not None:
        result.first_results_ms, result.first_search_transfer = first.milliseconds, first.transfer
    _measure_edit(work, result)
    _measure_properdocs(work, result)
    _measure_bare(work, result)
    return result


def _first_search(site: Path) -> FirstSearch | None:
    """Time to the first results and their transfer in headless Chromium (None without a browser or index)."""
    if not (site / "pagefind").is_dir() or not CHROMIUM.exists():
        return None
    try:
        return cold_first_search(site, FIRST_QUERY)
    except Exception as error:  # a measurement must not abort the benchmark
        _log(f"検索の時間を測れませんでした: {error}")
        return None


def _measure_edit(work: Path, result: ScaleResult) -> None:
    edit = _checked(run_step("事例 1 件の編集後に再生成", [PY, "-m", "jirei.bench.steps", "edit", str(work)]))
    result.others.append(edit)
    if not edit.ok:
        return
    answer = json.loads(edit.stdout.strip().splitlines()[-1])
    result.edited_case = answer["case"]
    result.edited_files = tuple(answer["written"])
    result.unrelated_files = tuple(
        path
        for path in result.edited_files
        if not _mentions_the_edit(work / "docs" / path, result.edited_case)
    )


def _mentions_the_edit(path: Path, case_id: str) -> bool:
    """A rewritten file depends on the edit if it names the case or carries the edited text."""
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return case_id in text or EDIT_MARK in text


def _measure_properdocs(work: Path, result: ScaleResult) -> None:
    executable = shutil.which("properdocs", path=str(Path(PY).parent)) or shutil.which("properdocs")
    if executable is None:
        _log("properdocs が見つかりません（pip install -e '.[dev]'）")
        return
    extra = with_material_search(project().root / "mkdocs.yml")
    config = write_inherited_config(work / "properdocs.yml", site_dir="site-properdocs", extra=extra)
    step = _checked(run_step("ProperDocs build", [executable, "build", "--strict", "-f", str(config)]))
    result.others.append(step)
    result.properdocs_site_bytes = tree_bytes(work / "site-properdocs")
    result.material_index = material_index_bytes(work / "site") or material_index_bytes(
        work / "site-properdocs"
    )


def _measure_bare(work: Path, result: ScaleResult) -> None:
    config = baseline.write_plain_site(work / "bare", result.pages)
    result.others.append(
        _checked(run_step("素の MkDocs build", [PY, "-m", "mkdocs", "build", "-f", str(config)]))
    )
    result.bare_site_bytes = tree_bytes(work / "bare" / "site")
    result.bare_page_bytes = page_bytes(work / "bare" / "site")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/bench.py",
        description="合成データ（架空の団体・事例）でサイト生成の各段階の時間・メモリ・容量を測り、予算と比べます。",
    )
    parser.add_argument("--cases", default="300,2000", help="事例数（カンマ区切り。既定: 300,2000）")
    parser.add_argument("--releases", type=int, default=120, help="月次の公表回の数（既定: 120）")
    parser.add_argument(
        "--municipalities", type=int, default=corpus.MUNICIPALITIES, help="架空の市区町村の数（既定: 1741）"
    )
    parser.add_argument("--real", action="store_true", help="リポジトリの実データ（事例・公表回）でも測る")
    parser.add_argument(
        "--quick", action="store_true", help="動作確認用の小さな規模（表が出ることだけを確かめる）"
    )
    parser.add_argument("--keep", type=Path, default=None, help="作業フォルダを消さずにこの場所に残す")
    args = parser.parse_args(argv)
    if args.quick:
        args.cases, args.releases, args.municipalities = "3,6", 3, 60
    try:
        args.case_counts = [int(part) for part in args.cases.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--cases には数をカンマ区切りで指定してください: {args.cases}")
    if not args.case_counts or min(args.case_counts) < 1 or args.releases < 1 or args.municipalities < 1:
        parser.error("--cases・--releases・--municipalities は 1 以上にしてください")
    return args


def _machine() -> str:
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}、CPU {os.cpu_count()} コア、Python {platform.python_version()}、"
        f"負荷平均（1/5/15 分）{load}"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = _machine()
    results = []
    with tempfile.TemporaryDirectory(prefix="jirei-bench-") as temp:
        base = args.keep or Path(temp)
        if args.real:
            work = base / "real"
            _log("実データ")
            results.append(
                run_scale(work, "実データ", len(list(project().cases_dir.glob("*.yml"))), prepare_real(work))
            )
        for count in args.case_counts:
            work = base / f"cases-{count}"
            label = f"事例 {count:,} 件・{args.releases} 回"
            _log(f"{label}: 合成データを作成")
            folders = prepare_synthetic(work, count, args.releases, args.municipalities)
            results.append(run_scale(work, label, count, folders))
    failed = [
        step.name
        for result in results
        for step in [*result.before, *result.pipeline, *result.others]
        if not step.ok
    ]
    lines = [
        "## jirei ベンチマーク",
        "",
        f"- 開始: {started}",
        f"- 終了: {_machine()}",
        f"- 合成データ: 架空の市区町村 {args.municipalities:,}・公表回 {args.releases}（月次）",
        "",
        *report.table(results),
        "",
        *report.budgets(results),
        "",
        *report.breakdown(max(results, key=lambda r: r.site_bytes)),
    ]
    print("\n".join(lines))
    if failed:
        print(f"\n失敗した段階: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0
