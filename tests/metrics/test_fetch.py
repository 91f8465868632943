"""``jirei metrics fetch`` against a local HTTP server serving recorded pages, workbooks built
from data/raw/LAYOUTS.md (xlsx_factory) and dashboard CSVs in both formats — never the network."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cfj_factory import REFERENCE_DIR, snapshot
from xlsx_factory import default_rows, write_workbook

from jirei.cli import main
from jirei.metrics.fetch.run import Sources, fetch
from jirei.metrics.later.national import load_national_monthly
from jirei.metrics.store import load_metrics
from jirei.problems import JireiError
from jirei.reference.municipalities import Reference

WIDE_CSV = (
    "年月,マイナンバーカード保有枚数,人口に対する保有枚数率\n2025-07,98524335,78.9\n2025-08,98814560,79.5\n"
)
LONG_CSV = (
    "年月,指標名,値\n"
    "2026-05,マイナンバーカード保有枚数,700000\n"
    "2026-05,マイナ保険証登録件数,600000\n"
    "2026-06,マイナンバーカード保有枚数,701000\n"
)


class Site:
    """Routes path → (status, headers, body) served by a local ThreadingHTTPServer."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def page(self, path: str, html: str) -> None:
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, html.encode("utf-8"))

    def file(self, path: str, content: bytes) -> None:
        self.routes[path] = (200, {"Content-Type": "application/octet-stream"}, content)

    def moved(self, path: str, target: str) -> None:
        self.routes[path] = (301, {"Location": target}, b"")


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    routes = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, headers, body = routes.routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield routes, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def publish(site: Site, tmp_path: Path, *, sheet: str = "公表用", rows: list | None = None) -> None:
    """The ministry's index page with one workbook, and the dashboard page with its CSV."""
    book = write_workbook(tmp_path / "book.xlsx", sheet=sheet, rows=rows)
    site.page("/kojinbango_card/kofujokyo.html",
              '<ul><li><a href="/main_content/001028752.xlsx">マイナンバーカード交付状況（令和7年8月末時点）</a></li></ul>')  # fmt: skip
    site.file("/main_content/001028752.xlsx", book.read_bytes())
    site.page("/govdashboard/", '<a href="/assets/20250905_mynumber-penetration-rate_table_02.csv">利用状況</a>'
                                '<a href="/assets/20250905_mynumber-penetration-rate_table_01.csv">CSV</a>')  # fmt: skip
    site.file("/assets/20250905_mynumber-penetration-rate_table_01.csv", WIDE_CSV.encode("utf-8"))


def sources(base: str) -> Sources:
    return Sources(f"{base}/kojinbango_card/kofujokyo.html", f"{base}/govdashboard/")


def test_fetch_imports_new_workbook_and_national_months(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    routes, base = site
    publish(routes, tmp_path)
    raw = tmp_path / "raw"
    report = fetch(sources(base), data_dir, raw, reference)
    assert report.added_releases == (date(2025, 8, 31),)
    assert [m.as_of for m in report.added_months] == [date(2025, 7, 31), date(2025, 8, 31)]
    assert load_metrics(data_dir).municipality_series("992011")[-1].figure_kind == "保有枚数"
    months = load_national_monthly(data_dir)
    assert [(m.cards, str(m.rate_percent), m.rate_kind) for m in months] == [
        (98524335, "78.9", "公表値"),
        (98814560, "79.5", "公表値"),
    ]
    assert (raw / "soumu-xlsx" / "001028752.xlsx").exists()
    assert "### 総務省 2025年8月31日時点" in report.summary
    assert "率の伸びが大きい市区町村（2021年5月1日との比較）" in report.summary
    assert f"- 001028752.xlsx ← {base}/main_content/001028752.xlsx" in report.summary
    # A second run finds nothing new and changes nothing.
    before = snapshot(data_dir)
    again = fetch(sources(base), data_dir, raw, reference)
    assert (again.added_releases, again.added_months, again.changed) == ((), (), False)
    assert again.already_imported == ["001028752.xlsx"]
    assert snapshot(data_dir) == before
    assert "新しい公表はありませんでした" in again.summary


def test_page_that_moved_is_followed_by_redirect_and_year_page(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    routes, base = site
    publish(routes, tmp_path)
    book = routes.routes.pop("/main_content/001028752.xlsx")
    # The old address redirects; the new index only links the per-fiscal-year page.
    routes.moved("/kojinbango_card/kofujokyo.html", "/kojinbango_card/index.html")
    routes.page("/kojinbango_card/index.html", '<a href="r07.html">令和7年度のマイナンバーカード交付状況</a>')
    routes.page("/kojinbango_card/r07.html", '<a href="../main_content/001030000.xlsx">令和7年9月末</a>')
    routes.routes["/main_content/001030000.xlsx"] = book
    report = fetch(sources(base), data_dir, tmp_path / "raw", reference)
    assert report.added_releases == (date(2025, 8, 31),)
    assert report.pages[:2] == [f"{base}/kojinbango_card/kofujokyo.html", f"{base}/kojinbango_card/r07.html"]


def test_late_month_changes_nothing(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    """The month's release is not out yet: the page still lists the workbook already imported."""
    routes, base = site
    publish(routes, tmp_path)
    fetch(sources(base), data_dir, tmp_path / "raw", reference)
    before, raw_before = snapshot(data_dir), sorted(p.name for p in (tmp_path / "raw").rglob("*"))
    report = fetch(sources(base), data_dir, tmp_path / "raw", reference)
    assert not report.changed and report.downloaded == ["20250905_mynumber-penetration-rate_table_01.csv"]
    assert snapshot(data_dir) == before
    assert sorted(p.name for p in (tmp_path / "raw").rglob("*")) == raw_before


def test_renamed_sheet_is_found_by_its_header(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    routes, base = site
    publish(routes, tmp_path, sheet="R7.8末公表")
    assert fetch(sources(base), data_dir, tmp_path / "raw", reference).added_releases == (date(2025, 8, 31),)


def test_csv_changed_from_wide_to_long(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    routes, base = site
    publish(routes, tmp_path)
    fetch(sources(base), data_dir, tmp_path / "raw", reference)
    routes.page(
        "/govdashboard/", '<a href="/assets/20260731_mynumber_card_penetration_usage_table_01.csv">CSV</a>'
    )
    routes.file("/assets/20260731_mynumber_card_penetration_usage_table_01.csv", LONG_CSV.encode("utf-8"))
    report = fetch(sources(base), data_dir, tmp_path / "raw", reference)
    # No rate column in the long format: the rate is computed on the newest official population
    # (the workbook's 全国 row: 845,233 people on 2025-01-01) and says so.
    assert [(m.as_of, m.cards, str(m.rate_percent), m.rate_kind) for m in report.added_months] == [
        (date(2026, 5, 31), 700000, "82.8", "計算値"),
        (date(2026, 6, 30), 701000, "82.9", "計算値"),
    ]
    newest = load_national_monthly(data_dir)[-1]
    assert newest.rate_base == "総務省公表の住民基本台帳人口（2025年1月1日時点）845,233人"


def test_computed_rate_over_100_is_refused(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    routes, base = site
    publish(routes, tmp_path)
    routes.file("/assets/20250905_mynumber-penetration-rate_table_01.csv",
                "年月,マイナンバーカード保有枚数\n2025-09,98814560\n".encode())  # fmt: skip
    before = snapshot(data_dir)
    with pytest.raises(JireiError) as info:
        fetch(sources(base), data_dir, tmp_path / "raw", reference)
    [problem] = info.value.problems
    assert (problem.rule, problem.line) == ("national-value", 2)
    assert snapshot(data_dir) == before


def test_unmatched_name_fails_and_changes_nothing(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    routes, base = site
    rows = default_rows()
    rows[1][1] = "存在しない市"
    publish(routes, tmp_path, rows=rows)
    before = snapshot(data_dir)
    with pytest.raises(JireiError) as info:
        fetch(sources(base), data_dir, tmp_path / "raw", reference)
    assert snapshot(data_dir) == before
    assert not list((tmp_path / "raw").rglob("*.xlsx")) and not list((tmp_path / "raw").rglob("*.csv"))
    [problem] = info.value.problems
    assert problem.rule == "unknown-municipality" and "存在しない市" in problem.message


def test_page_without_links_says_it_may_have_moved(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, reference: Reference
) -> None:
    routes, base = site
    routes.page("/kojinbango_card/kofujokyo.html", "<p>このページは移転しました。</p>")
    with pytest.raises(JireiError) as info:
        fetch(sources(base), data_dir, tmp_path / "raw", reference)
    assert [p.rule for p in info.value.problems] == ["fetch-not-found"]


def test_cli_network_failure_is_one_clear_line(
    site: tuple[Site, str], tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, base = site  # nothing is served: every page is a 404
    before = snapshot(data_dir)
    code = main(["metrics", "fetch", "--soumu-page", f"{base}/missing.html", "--national-page", f"{base}/x",
                 "--data-dir", str(data_dir), "--raw-dir", str(tmp_path / "raw"),
                 "--reference-dir", str(REFERENCE_DIR)])  # fmt: skip
    assert code == 1
    assert snapshot(data_dir) == before
    err = capsys.readouterr()
    assert (
        f"{base}/missing.html: error [fetch-network] 取得できませんでした (got HTTP 404)" in err.out + err.err
    )
    assert "Traceback" not in err.out + err.err
