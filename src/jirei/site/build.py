"""``jirei build``: validate every case, render every page in memory, then write docs/.

Nothing is written unless every case is valid and every page rendered, so a
failed build never leaves half-written output.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jirei.cases.dates import parse_partial_date
from jirei.cases.model import Case
from jirei.cases.schema import load_schema
from jirei.cases.validate import validate_files
from jirei.cases.vocabulary import load_vocabulary
from jirei.metrics.analysis import Analysis, analyse
from jirei.metrics.later.load import load_later
from jirei.metrics.later.reported import REPORTED_FILE
from jirei.metrics.similar import latest_populations, similar_municipalities
from jirei.metrics.store import MetricsData, load_metrics
from jirei.parallel import calls_in_background
from jirei.paths import project
from jirei.problems import JireiError, Problem
from jirei.reference.municipalities import Reference, load_reference
from jirei.reference.peer_groups import load_peer_groups
from jirei.site.outputs.downloads import metrics_downloads
from jirei.site.outputs.writer import WriteReport, write_outputs
from jirei.site.pages.cases import case_link, links_by_code, render_case_pages
from jirei.site.pages.compare import CompareLinks, render_compare_page
from jirei.site.pages.errors import ERRORS_PAGE, render_errors_page
from jirei.site.pages.fields import FIELDS_PAGE, render_field_reference
from jirei.site.pages.finder import render_finder_page
from jirei.site.pages.indexes import render_index_pages
from jirei.site.pages.metrics import municipality_chart_for_case, render_metrics_pages
from jirei.site.pages.propose import render_propose_page
from jirei.site.plugins.site_notice import notice_outputs
from jirei.site.publishing import render_publishing
from jirei.site.rendering.jinja import make_environment
from jirei.site.views.maps import MapViews


@dataclass(frozen=True)
class BuildReport:
    cases: int
    pages: int
    warnings: tuple[Problem, ...]
    written: WriteReport


def _charts(cases: list[Case], metrics: MetricsData, reference: Reference) -> dict[str, str]:
    charts = {}
    for case in cases:
        if not metrics.municipality_series(case.municipality.code):
            continue
        start = parse_partial_date(case.period.start) if case.period.start else None
        end = parse_partial_date(case.period.end) if case.period.end else None
        points = [
            (parsed, value, label)
            for as_of, value, label in case_link(case).outcome_points
            if (parsed := parse_partial_date(as_of))
        ]
        if start is not None:
            charts[case.id] = municipality_chart_for_case(
                metrics, reference, case.municipality.code, start, end, points, chart_id=f"case-{case.id}"
            )
    return charts


def _analysis_or_none(metrics: MetricsData, reference: Reference) -> Analysis | None:
    """The analysis of the metrics, made ahead of the metrics pages. None if it fails:
    render_metrics_pages then analyses again and raises the error at its usual place."""
    try:
        return analyse(metrics, reference)
    except Exception:
        return None


def _data_files(metrics_dir: Path, schema_path: Path) -> dict[str, bytes]:
    files = metrics_downloads(metrics_dir)
    files["schema/case.schema.json"] = schema_path.read_bytes()
    return files


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector. A build makes millions of long-lived objects and
    hardly any reference cycles (≈25 MB more memory at 2,000 cases), so the collector would
    only rescan the same objects over and over (≈1.5 s of a 2,000-case build)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_site(
    *,
    cases_dir: Path | None = None,
    docs_dir: Path | None = None,
    templates_dir: Path | None = None,
    metrics_dir: Path | None = None,
    reference: Reference | None = None,
    today: date | None = None,
    reported_path: Path | None = None,
) -> BuildReport:
    """Folders left out are the project's (:func:`jirei.paths.project`). ``reported_path``: the
    press-reported figures; by default ``reported-figures.yml`` beside the metrics folder
    (data/reported-figures.yml for data/metrics)."""
    here = project()
    metrics_dir = metrics_dir or here.metrics_dir
    reported_path = reported_path or Path(metrics_dir).parent / REPORTED_FILE
    with _collector_paused():
        return _build(
            cases_dir or here.cases_dir,
            docs_dir or here.docs_dir,
            templates_dir or here.templates_dir,
            metrics_dir,
            reference,
            today or date.today(),
            reported_path,
        )


def _build(
    cases_dir: Path,
    docs_dir: Path,
    templates_dir: Path,
    metrics_dir: Path,
    reference: Reference | None,
    today: date,
    reported_path: Path,
) -> BuildReport:
    reference = reference or load_reference()
    metrics = load_metrics(metrics_dir)
    result = validate_files(
        [cases_dir], cases_dir=cases_dir, reference=reference, metrics=metrics, today=today
    )
    if not result.ok:
        raise JireiError(result.errors)
    cases = list(result.cases)
    env = make_environment(templates_dir)
    vocabulary = load_vocabulary()
    cases_by_code = links_by_code(cases)

    populations = latest_populations(metrics, reference)
    similar = similar_municipalities(reference, populations, peer_groups=load_peer_groups())

    def case_pages() -> Mapping[str, str | bytes]:
        return render_case_pages(
            cases,
            env,
            reference=reference,
            metrics=metrics,
            charts=_charts(cases, metrics, reference),
            today=today,
            similar=similar,
            cases_by_code=cases_by_code,
        )

    def index_pages() -> Mapping[str, str | bytes]:
        return render_index_pages(
            cases, env, vocabulary=vocabulary, reference=reference, metrics=metrics, today=today
        )

    def finder_page() -> Mapping[str, str | bytes]:
        return render_finder_page(cases, env, reference=reference, populations=populations)

    def publishing() -> Mapping[str, str | bytes]:
        return render_publishing(cases, env, metrics_dir)

    # The outputs made from the cases are rendered side by side by the workers while this
    # process analyses the metrics; each is added (or its error raised) at its usual place.
    with calls_in_background([case_pages, index_pages, finder_page, publishing]) as ahead:
        analysis = _analysis_or_none(metrics, reference)
        env.globals["jirei_maps"] = MapViews(
            metrics, reference, cases_by_code
        )  # templates/partials/map_*.md.j2
        env.globals["jirei_compare"] = CompareLinks(similar)
        ahead.wait()
    outputs: dict[str, str | bytes] = {}
    outputs.update(ahead.result(0))
    outputs.update(ahead.result(1))
    outputs.update(ahead.result(2))
    later = load_later(metrics_dir, reported_path, reference)
    outputs.update(
        render_metrics_pages(
            metrics,
            reference,
            cases_by_code,
            env,
            similar=similar,
            analysis=analysis,
            today=today,
            later=later,
        )
    )
    outputs.update(render_compare_page(analysis or analyse(metrics, reference), cases_by_code, env))
    outputs[ERRORS_PAGE] = render_errors_page(env)
    outputs[FIELDS_PAGE] = render_field_reference(load_schema(), vocabulary, env)
    outputs.update(render_propose_page(env))
    outputs.update(_data_files(metrics_dir, project().schema_path))
    if analysis is not None:
        outputs.update(notice_outputs(list(analysis.release_dates), today))
    outputs.update(ahead.result(3))
    report = write_outputs(outputs, docs_dir)
    pages = sum(1 for path in outputs if path.endswith(".md"))
    return BuildReport(len(cases), pages, tuple(result.warnings), report)
