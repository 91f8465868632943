"""The benchmark's results: one Markdown table, the ratios, and a PASS/FAIL line per budget."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from jirei.bench.measure import PageBytes, Step
from jirei.bench.page_weight import PageWeight
from jirei.bench.preview import PreviewTiming

MB = 1_000_000
PIPELINE_RATIO_BUDGET = 1.2  # whole pipeline ÷ bare MkDocs build of the same page count
SITE_BYTES_BUDGET = 60 * MB  # with 2,000 cases
SITE_BUDGET_CASES = 2000
LINEAR_TOLERANCE = 1.5  # per-case generation time may grow at most this much between scales
SEARCH_RATIO_BUDGET = 0.1  # first-query bytes ÷ Material's index
FIRST_RESULTS_BUDGET_MS = 300.0  # until the first results show, typing included (issue #16)
FIRST_SEARCH_TRANSFER_BUDGET = 250 * 1000  # bytes of the first search, gzip-compressed (issue #16)
MAP_PAGE_BUDGET = 200_000  # gzip bytes of the page with the national map and its CSS and JS (issue #18)
PREVIEW_BUDGET_SECONDS = 2.0  # `make serve`: a case edit shows on its page (issue #17)
PREVIEW_REBUILDS = 1  # builds one edit may cause


@dataclass
class ScaleResult:
    label: str
    cases: int
    pages: int = 0
    before: list[Step] = field(default_factory=list)  # import, validation: run on their own
    pipeline: list[Step] = field(default_factory=list)  # what `make site` runs, summed
    others: list[Step] = field(default_factory=list)  # ProperDocs, bare MkDocs, …
    generate_seconds: float | None = None  # in-process time of the generator
    generate_fixed_seconds: float | None = None  # of which metrics loading and pages
    site_bytes: int = 0
    properdocs_site_bytes: int = 0
    bare_site_bytes: int = 0
    material_index: int | None = None
    pagefind_first_query: int | None = None
    first_results_ms: float | None = None  # headless Chromium, cold page, median of 3
    first_search_transfer: int | None = None  # bytes from focusing the box to the results, compressed
    edited_case: str = ""
    edited_files: tuple[str, ...] = ()
    unrelated_files: tuple[str, ...] = ()  # rewritten although they do not mention the edited case
    breakdown: Counter[str] = field(default_factory=Counter)
    page_bytes: PageBytes | None = None  # our pages: article and theme frame
    bare_page_bytes: PageBytes | None = None  # the bare MkDocs pages: the theme's smallest frame
    map_page: PageWeight | None = None  # /metrics/ with the national map (jirei.bench.page_weight)
    preview: PreviewTiming | None = None  # `make serve` on the repository (jirei.bench.preview)

    @property
    def pipeline_seconds(self) -> float:
        return sum(step.seconds for step in self.pipeline)

    def step(self, name: str) -> Step | None:
        return next((s for s in [*self.before, *self.pipeline, *self.others] if s.name == name), None)

    def per_case_ms(self) -> float | None:
        """Generator time per case, without the part that does not depend on the cases."""
        if self.generate_seconds is None or self.generate_fixed_seconds is None or not self.cases:
            return None
        return (self.generate_seconds - self.generate_fixed_seconds) * 1000 / self.cases


def _mb(value: int | None) -> str:
    return "—" if value is None else f"{value / MB:.1f} MB"


def _kb(value: int | None) -> str:
    return "—" if value is None else f"{value / 1000:,.0f} KB"


def _row(result: ScaleResult, step: Step, size: str = "", search: str = "") -> str:
    status = "" if step.ok else "（失敗）"
    return (
        f"| {result.label} | {step.name}{status} | {step.seconds:.1f} s | {step.peak_kib / 1024:.0f} MB "
        f"| {size} | {search} |"
    )


def _search_cell(result: ScaleResult) -> str:
    if result.pagefind_first_query is not None:
        return f"Pagefind 初回 {_kb(result.pagefind_first_query)}"
    return f"Material 索引 {_kb(result.material_index)}"


def table(results: Sequence[ScaleResult]) -> list[str]:
    lines = [
        "| 規模 | 段階 | 時間 | ピークメモリ | サイト容量 | 検索で最初に読むバイト数 |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        lines.extend(_row(result, step) for step in result.before)
        for step in result.pipeline:
            built = step.name.startswith("mkdocs")
            lines.append(
                _row(
                    result,
                    step,
                    _mb(result.site_bytes) if built else "",
                    _search_cell(result) if built else "",
                )
            )
        peak = max((s.peak_kib for s in result.pipeline), default=0)
        lines.append(
            f"| {result.label} | **パイプライン合計（{' + '.join(s.name.split()[0] for s in result.pipeline)}）** "
            f"| **{result.pipeline_seconds:.1f} s** "
            f"| {peak / 1024:.0f} MB | {_mb(result.site_bytes)} | |"
        )
        for step in result.others:
            if step.name.startswith("ProperDocs"):
                lines.append(_row(result, step, _mb(result.properdocs_site_bytes)))
            elif step.name.startswith("素の MkDocs"):
                lines.append(_row(result, step, _mb(result.bare_site_bytes)))
            else:
                lines.append(_row(result, step))
        if result.preview is not None:
            lines.append(preview_row(result.label, result.preview))
    return lines


def preview_row(label: str, preview: PreviewTiming) -> str:
    seconds = "—" if preview.seconds is None else f"{preview.seconds:.1f} s"
    return f"| {label} | プレビュー: 事例の編集 → ページに反映（再ビルド {preview.rebuilds} 回） | {seconds} | — |  |  |"


def _verdict(ok: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "SKIP"}[ok]


def budgets(results: Sequence[ScaleResult]) -> list[str]:
    lines = []
    for result in results:
        bare = result.step("素の MkDocs build")
        if bare is not None and bare.seconds > 0:
            ratio = result.pipeline_seconds / bare.seconds
            lines.append(
                f"{_verdict(ratio <= PIPELINE_RATIO_BUDGET)} [{result.label}] パイプライン {result.pipeline_seconds:.1f} s"
                f" ÷ 素の MkDocs {bare.seconds:.1f} s（{result.pages:,} ページ）= {ratio:.2f}（予算 ≤ {PIPELINE_RATIO_BUDGET}）"
            )
    big = [r for r in results if r.cases >= SITE_BUDGET_CASES]
    for result in big:
        lines.append(
            f"{_verdict(result.site_bytes <= SITE_BYTES_BUDGET)} [{result.label}] サイト容量 {_mb(result.site_bytes)}"
            f"（予算 ≤ {_mb(SITE_BYTES_BUDGET)}）"
        )
        lines.extend(_size_floor(result))
    if not big:
        lines.append(f"SKIP サイト容量: 事例 {SITE_BUDGET_CASES:,} 件の規模を測っていません")
    synthetic = [r for r in results if r.per_case_ms() is not None and r.label != "実データ"]
    if len(synthetic) >= 2:
        small, large = min(synthetic, key=lambda r: r.cases), max(synthetic, key=lambda r: r.cases)
        a, b = small.per_case_ms() or 0.0, large.per_case_ms() or 0.0
        ratio = b / a if a > 0 else float("inf")
        lines.append(
            f"{_verdict(ratio <= LINEAR_TOLERANCE)} 生成時間は事例数に線形: 事例に比例する部分は 1 件あたり "
            f"{small.cases:,} 件で {a:.1f} ms、{large.cases:,} 件で {b:.1f} ms（比 {ratio:.2f}、許容 ≤ {LINEAR_TOLERANCE}）"
        )
    else:
        lines.append("SKIP 生成時間の線形性: 合成データの規模が 2 つ以上必要です")
    for result in results:
        if result.edited_case:
            ok = bool(result.edited_files) and not result.unrelated_files
            lines.append(
                f"{_verdict(ok)} [{result.label}] 事例 1 件（{result.edited_case}）の編集で書き換えたファイル "
                f"{len(result.edited_files)} 件: {', '.join(result.edited_files)}"
                + (f"（無関係: {', '.join(result.unrelated_files)}）" if result.unrelated_files else "")
            )
    for result in results:
        lines.append(_search_budget(result))
        lines.append(_first_results_budget(result))
        lines.append(_first_transfer_budget(result))
        properdocs = result.step("ProperDocs build")
        if properdocs is not None:
            lines.append(
                f"{_verdict(properdocs.ok)} [{result.label}] ProperDocs で生成した docs/ をビルドできる"
            )
    lines.extend(_map_page_budget(result) for result in results)
    lines.extend(preview_budget(result.label, result.preview) for result in results if result.preview)
    return lines


def preview_budget(label: str, preview: PreviewTiming) -> str:
    """PASS when the edit showed within the budget and caused exactly one rebuild."""
    if preview.seconds is None:
        return f"FAIL [{label}] プレビュー: 事例 {preview.case} の編集がページに反映されませんでした（{preview.error}）"
    ok = preview.seconds <= PREVIEW_BUDGET_SECONDS and preview.rebuilds == PREVIEW_REBUILDS
    return (
        f"{_verdict(ok)} [{label}] プレビュー（make serve）: 事例 {preview.case} の題名を保存してからページに反映"
        f"されるまで {preview.seconds:.1f} s、再ビルド {preview.rebuilds} 回（予算 ≤ {PREVIEW_BUDGET_SECONDS:.0f} s・"
        f"{PREVIEW_REBUILDS} 回。起動 {preview.startup_seconds:.0f} s）"
    )


def _size_floor(result: ScaleResult) -> list[str]:
    """Where the bytes are, and the least any site with the theme's frame on every page needs."""
    ours, bare = result.page_bytes, result.bare_page_bytes
    if ours is None or bare is None or not ours.pages:
        return []
    other = result.site_bytes - ours.article - ours.frame
    floor = other + ours.pages * bare.frame_per_page
    verdict = "本文が空でも予算を超えます" if floor > SITE_BYTES_BUDGET else "予算内に収まる余地があります"
    return [
        f"　　内訳: 本文（article）{_mb(ours.article)}・テーマの枠 {_mb(ours.frame)}（1 ページ {_kb(round(ours.frame_per_page))}、"
        f"{ours.pages:,} ページ）・HTML 以外（データ・検索索引・テーマの資産）{_mb(other)}",
        f"　　下限: HTML 以外 {_mb(other)} + 素の MkDocs の枠 {_kb(round(bare.frame_per_page))} × {ours.pages:,} ページ"
        f" = {_mb(round(floor))}（{verdict}）",
    ]


def _map_page_budget(result: ScaleResult) -> str:
    weight = result.map_page
    if weight is None:
        return f"SKIP [{result.label}] 全国地図のページ: /metrics/ がありません"
    return (
        f"{_verdict(weight.total <= MAP_PAGE_BUDGET)} [{result.label}] 全国地図のページ（/{weight.page}）の重さ "
        f"gzip {_kb(weight.total)}（HTML {_kb(weight.html)}、非圧縮 {_kb(weight.raw_html)}・CSS と JS {_kb(weight.assets)}。"
        f"予算 ≤ {_kb(MAP_PAGE_BUDGET)}）"
    )


def _search_budget(result: ScaleResult) -> str:
    material = result.material_index
    if material is None:
        return f"SKIP [{result.label}] 検索: 比べる Material の索引がありません"
    first = result.pagefind_first_query
    if first is None:
        return (
            f"FAIL [{result.label}] 検索: 初回の検索で Material の索引 {_kb(material)} をすべて読みます"
            f"（Pagefind 未導入。予算 ≤ {SEARCH_RATIO_BUDGET:.0%}）"
        )
    ratio = first / material
    return (
        f"{_verdict(ratio <= SEARCH_RATIO_BUDGET)} [{result.label}] 検索: Pagefind の初回 {_kb(first)} ÷ "
        f"Material の索引 {_kb(material)} = {ratio:.1%}（予算 ≤ {SEARCH_RATIO_BUDGET:.0%}）"
    )


def _first_results_budget(result: ScaleResult) -> str:
    if result.first_results_ms is None:
        return f"SKIP [{result.label}] 検索の最初の結果までの時間: Chromium か検索索引がありません"
    return (
        f"{_verdict(result.first_results_ms <= FIRST_RESULTS_BUDGET_MS)} [{result.label}] 検索の最初の結果まで "
        f"{result.first_results_ms:.0f} ms（headless Chromium、読み込み直後のページ、3 回の中央値、"
        f"入力後 150 ms の待ちを含む。予算 ≤ {FIRST_RESULTS_BUDGET_MS:.0f} ms）"
    )


def _first_transfer_budget(result: ScaleResult) -> str:
    if result.first_search_transfer is None:
        return f"SKIP [{result.label}] 最初の検索の転送量: Chromium か検索索引がありません"
    return (
        f"{_verdict(result.first_search_transfer <= FIRST_SEARCH_TRANSFER_BUDGET)} [{result.label}] 最初の検索の転送量 "
        f"{_kb(result.first_search_transfer)}（窓にフォーカスしてから結果が出るまでの全応答、gzip 圧縮後。"
        f"予算 ≤ {_kb(FIRST_SEARCH_TRANSFER_BUDGET)}）"
    )


def breakdown(result: ScaleResult, top: int = 10) -> list[str]:
    lines = [
        f"サイト容量の内訳（{result.label}、上位 {top}）:",
        "",
        "| 場所と種類 | 容量 |",
        "| --- | ---: |",
    ]
    for kind, size in result.breakdown.most_common(top):
        lines.append(f"| `{kind}` | {_mb(size)} |")
    return lines
