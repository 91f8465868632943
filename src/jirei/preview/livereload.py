"""Live reload under the site's Content-Security-Policy.

``mkdocs serve`` injects an inline script into each page it serves (the poller that reloads
the page after a rebuild). Its text holds the build's epoch and a request id, so the page's
policy, computed at build time by jirei-csp, cannot list it, and the browser would block
it: no live reload. In the preview, the server's injection is wrapped to add that script's
hash to the page's policy. Only ``make serve`` does this; the built site is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jirei.site.plugins.csp import script_hash

POLICY_START = b"script-src 'self'"


def with_script_allowed(content: bytes, injected: bytes) -> bytes:
    """``injected`` (``content`` with one inline script added before ``</body>``) with that
    script's hash in its Content-Security-Policy."""
    body_end = content.rfind(b"</body>")
    start = (len(content) if body_end < 0 else body_end) + len(b"<script>")
    script = injected[start : injected.index(b"</script>", start)].decode("utf-8")
    allowed = POLICY_START + b" " + script_hash(script).encode("ascii")
    return injected.replace(POLICY_START, allowed, 1)


def allow_livereload(server: Any) -> None:
    """Wrap the server's script injection (``LiveReloadServer._inject_js_into_html``, MkDocs 1.6)."""
    inject: Callable[[bytes, int], bytes] = server._inject_js_into_html

    def injected(content: bytes, epoch: int) -> bytes:
        return with_script_allowed(content, inject(content, epoch))

    server._inject_js_into_html = injected
