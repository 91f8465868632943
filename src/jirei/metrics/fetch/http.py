"""Download one URL (standard library only); a failure becomes a ``fetch-network`` problem."""

from __future__ import annotations

import urllib.error
import urllib.request

from jirei.problems import JireiError, Problem

USER_AGENT = "jirei-metrics-fetch (+https://github.com/jirei-project/jirei)"
TIMEOUT_SECONDS = 60
MAX_BYTES = 50_000_000  # a workbook is a few hundred KB; anything this big is not one


def get(url: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The body of ``url`` (redirects followed); raises JireiError on any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise _failed(url, f"HTTP {error.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise _failed(url, str(getattr(error, "reason", error))) from None
    if len(body) > MAX_BYTES:
        raise _failed(url, f"{MAX_BYTES:,} バイトを超えています")
    return body


def page_text(url: str) -> str:
    body = get(url)
    for encoding in ("utf-8", "cp932"):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    return body.decode("utf-8", errors="replace")


def _failed(url: str, reason: str) -> JireiError:
    return JireiError([Problem(path=url, rule="fetch-network", message="取得できませんでした", got=reason[:120],
                               hint="ネットワークと URL を確かめてください。data/metrics は書き換えていません")])  # fmt: skip
