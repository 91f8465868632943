"""Ask every cited URL whether it still answers, a few at a time, without failing on slow sites."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from jirei import __version__
from jirei.cases.model import Case

USER_AGENT = f"jirei-link-check/{__version__} (+https://github.com/jirei-project/jirei)"
RETRY_WITH_GET = frozenset({403, 405, 501})  # servers that refuse HEAD but serve GET


@dataclass(frozen=True)
class Citation:
    case_id: str
    source_id: str
    title: str


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None  # final HTTP status; None when no answer came
    detail: str  # Japanese, for the report

    @property
    def alive(self) -> bool:
        return self.status is not None and self.status < 400


def cited_urls(cases: Iterable[Case]) -> dict[str, list[Citation]]:
    """Each source URL (in first-seen order) with every case source that cites it."""
    urls: dict[str, list[Citation]] = {}
    for case in cases:
        for source in case.sources:
            urls.setdefault(source.url, []).append(Citation(case.id, source.id, source.title))
    return urls


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def check_url(url: str, timeout: float = 20.0) -> LinkResult:
    try:
        status = _request(url, "HEAD", timeout)
        if status in RETRY_WITH_GET:
            status = _request(url, "GET", timeout)
    except TimeoutError:
        return LinkResult(url, None, f"{timeout:g} 秒以内に応答がありません")
    except urllib.error.URLError as error:
        return LinkResult(url, None, f"接続できません（{error.reason}）")
    except (OSError, ValueError) as error:
        return LinkResult(url, None, f"接続できません（{error}）")
    return LinkResult(url, status, "応答あり" if status < 400 else f"HTTP {status}")


def check_urls(
    urls: Sequence[str], *, workers: int = 8, check: Callable[[str], LinkResult] = check_url
) -> list[LinkResult]:
    """Results in the order of ``urls``."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(check, urls))


def dead_links(
    results: Iterable[LinkResult], citations: Mapping[str, list[Citation]]
) -> list[tuple[LinkResult, list[Citation]]]:
    return [(result, citations[result.url]) for result in results if not result.alive]
