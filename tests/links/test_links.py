"""The weekly link check, against a local HTTP server (no request leaves this machine)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from jirei.cases.model import Case
from jirei.links.check import Citation, check_url, check_urls, cited_urls, dead_links
from jirei.links.report import render_report
from tests.cases.validation_helpers import VALID_CASE, validate_as_case

ROUTES = {"/ok": 200, "/gone": 404, "/no-head": 200, "/error": 500}


class _Handler(BaseHTTPRequestHandler):
    def _answer(self, with_body: bool) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
            self.end_headers()
            return
        self.send_response(ROUTES.get(self.path, 404))
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    ("path", "status", "alive"),
    [
        ("/ok", 200, True),
        ("/moved", 200, True),
        ("/no-head", 200, True),
        ("/gone", 404, False),
        ("/error", 500, False),
    ],
)
def test_status_after_redirects_and_get_fallback(server: str, path: str, status: int, alive: bool) -> None:
    result = check_url(server + path, timeout=5)
    assert (result.status, result.alive) == (status, alive)


def test_a_closed_port_is_dead_with_a_reason() -> None:
    result = check_url("http://127.0.0.1:9/", timeout=2)
    assert result.status is None and not result.alive
    assert result.detail.startswith("接続できません")


def test_results_keep_the_order_of_the_urls(server: str) -> None:
    urls = [f"{server}/gone", f"{server}/ok", f"{server}/error"]
    assert [r.url for r in check_urls(urls, workers=3)] == urls


def _case(tmp_path: Path) -> Case:
    result = validate_as_case(VALID_CASE, tmp_path / "cases")
    return result.cases[0]


def test_report_names_each_dead_link_with_the_cases_citing_it(tmp_path: Path, server: str) -> None:
    case = _case(tmp_path)
    citations = cited_urls([case])
    assert list(citations) == [source.url for source in case.sources]
    results = [check_url(f"{server}/gone", timeout=5)]
    citations[results[0].url] = [Citation(case.id, "S1", "テスト資料")]
    report = render_report(dead_links(results, citations), [case], checked=1, today=date(2027, 12, 1))
    assert f"- <{server}/gone>: HTTP 404（`cases/992011-test-shinsei.yml` の S1「テスト資料」）" in report
    assert (
        "- `cases/992011-test-shinsei.yml`「テスト市の出張申請（テスト用の架空の事例）」: 最終確認日 2026-11-01"
        in report
    )


def test_report_says_when_nothing_is_wrong() -> None:
    report = render_report([], [], checked=3, today=date(2026, 11, 26))
    assert report.count("ありません。") == 2
