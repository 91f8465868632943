"""Fetch new releases and import them all-or-nothing.

1. Read the ministry's 交付状況 page; take its .xlsx links, or follow its per-fiscal-year
   pages (the index moves every 年度) when it lists none.
2. Read the Digital Agency's dashboard page; take its CSV link.
3. Download; files whose SHA-256 is already in releases.csv (or, for the national CSV,
   whose months add nothing) change nothing.
4. Save new files under data/raw/, import them into a copy of data/metrics, and only when
   every import succeeded replace the changed files of data/metrics. On any problem the
   saved raw files are removed again and data/metrics stays byte-identical.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jirei.metrics.fetch import discover
from jirei.metrics.fetch.http import get, page_text
from jirei.metrics.fetch.summary import release_summary
from jirei.metrics.files import write_files
from jirei.metrics.importers.importer import import_paths
from jirei.metrics.later.import_national import national_contents
from jirei.metrics.later.national import DIGITAL_AGENCY_URL, NationalMonthly
from jirei.metrics.store import load_metrics
from jirei.problems import JireiError, Problem
from jirei.reference.municipalities import Reference

SOUMU_PAGE = "https://www.soumu.go.jp/kojinbango_card/kofujokyo.html"
NATIONAL_PAGE = DIGITAL_AGENCY_URL
SOUMU_RAW = "soumu-xlsx"
NATIONAL_RAW = "digital-agency-national"
YEAR_PAGES_FOLLOWED = 2  # the current and the previous fiscal year


@dataclass(frozen=True)
class Sources:
    soumu_page: str = SOUMU_PAGE
    national_page: str = NATIONAL_PAGE


@dataclass
class FetchReport:
    pages: list[str] = field(default_factory=list)
    downloaded: list[str] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)  # downloaded file name → its URL
    already_imported: list[str] = field(default_factory=list)
    added_releases: tuple[date, ...] = ()
    added_months: tuple[NationalMonthly, ...] = ()
    changed_files: list[Path] = field(default_factory=list)
    summary: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.changed_files)


def _not_found(page: str, what: str) -> JireiError:
    return JireiError([Problem(path=page, rule="fetch-not-found", message=f"{what}へのリンクがありません",
                               hint="ページが移ったかもしれません。ブラウザで開き、新しい URL を --soumu-page / "
                                    "--national-page で指定してください。data/metrics は書き換えていません")])  # fmt: skip


def soumu_workbooks(page: str, report: FetchReport, fetch_page: Callable[[str], str]) -> list[discover.Link]:
    found = discover.links(fetch_page(page), page)
    report.pages.append(page)
    books = discover.workbook_links(found)
    if books:
        return books
    for year_page in discover.year_page_links(found)[:YEAR_PAGES_FOLLOWED]:
        report.pages.append(year_page.url)
        books += discover.workbook_links(discover.links(fetch_page(year_page.url), year_page.url))
    if not books:
        raise _not_found(page, "交付状況の Excel（.xlsx）")
    return books


def national_csv(page: str, report: FetchReport, fetch_page: Callable[[str], str]) -> discover.Link:
    found = discover.national_csv_links(discover.links(fetch_page(page), page))
    report.pages.append(page)
    if not found:
        raise _not_found(page, "ダッシュボードの CSV")
    return found[0]


def _save(folder: Path, name: str, content: bytes) -> Path | None:
    """Save a download under data/raw; None when the same bytes are already there."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if target.exists():
        if target.read_bytes() == content:
            return None
        digest = hashlib.sha256(content).hexdigest()[:8]
        target = folder / f"{target.stem}-{digest}{target.suffix}"
        if target.exists():
            return None
    target.write_bytes(content)
    return target


def fetch(
    sources: Sources,
    data_dir: Path,
    raw_dir: Path,
    reference: Reference,
    *,
    download: Callable[[str], bytes] = get,
    fetch_page: Callable[[str], str] = page_text,
) -> FetchReport:
    """Find, download and import new releases; raises JireiError (nothing changed) on any problem."""
    report = FetchReport()
    books = soumu_workbooks(sources.soumu_page, report, fetch_page)
    csv_link = national_csv(sources.national_page, report, fetch_page)
    known = {r.source_sha256 for r in load_metrics(data_dir).releases}
    saved: list[Path] = []
    try:
        workbooks: list[Path] = []
        for link in books:
            content = download(link.url)
            if hashlib.sha256(content).hexdigest() in known:
                report.already_imported.append(link.name)
                continue
            report.downloaded.append(link.name)
            report.urls[link.name] = link.url
            path = _save(raw_dir / SOUMU_RAW, link.name, content)
            if path is not None:
                saved.append(path)
                workbooks.append(path)
        national_content = download(csv_link.url)
        report.downloaded.append(csv_link.name)
        report.urls[csv_link.name] = csv_link.url
        national_path = _save(raw_dir / NATIONAL_RAW, csv_link.name, national_content)
        if national_path is not None:
            saved.append(national_path)
        _import(workbooks, [national_path] if national_path else [], data_dir, reference, report)
        if national_path is not None and not report.added_months:
            national_path.unlink()  # the CSV added no month: keep data/raw as it was
    except BaseException:
        for path in saved:
            path.unlink(missing_ok=True)
        raise
    return report


def _import(
    workbooks: Sequence[Path],
    national: Sequence[Path],
    data_dir: Path,
    reference: Reference,
    report: FetchReport,
) -> None:
    with tempfile.TemporaryDirectory(prefix="jirei-fetch-") as temp:
        staging = Path(temp) / "metrics"
        if data_dir.exists():
            shutil.copytree(data_dir, staging)
        if workbooks:
            report.added_releases = import_paths(workbooks, staging, reference).added
        if national:
            contents, report.added_months = national_contents(national, staging, load_metrics(staging))
            write_files(staging, contents)
        new_contents = {p.name: p.read_bytes() for p in sorted(staging.glob("*.csv"))}
        after = load_metrics(staging)
    report.changed_files = write_files(data_dir, new_contents)
    report.summary = release_summary(after, report.added_releases, report.added_months, reference)
    if report.changed_files:
        report.summary += "\n### 元ファイル（data/raw/ に保存、SHA-256 は releases.csv）\n" + "".join(
            f"- {name} ← {url}\n" for name, url in report.urls.items()
        )
