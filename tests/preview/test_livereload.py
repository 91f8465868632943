"""The live-reload script MkDocs injects gets its hash into the page's Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib

from jirei.preview.livereload import with_script_allowed


def test_the_injected_script_is_allowed_by_hash() -> None:
    page = b"<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'wasm-unsafe-eval'\"></head><body><p>x</p></body>"
    injected = page.replace(b"</body>", b"<script>poll(42)</script></body>")
    expected = base64.b64encode(hashlib.sha256(b"poll(42)").digest()).decode("ascii")

    allowed = with_script_allowed(page, injected)

    assert f"script-src 'self' 'sha256-{expected}' 'wasm-unsafe-eval'".encode() in allowed
    assert allowed.endswith(b"<script>poll(42)</script></body>")
