"""Compiled theme templates, and the list of the theme's files, kept between the preview's rebuilds.

MkDocs makes a new Jinja environment for every build, so the theme's templates would be
parsed and compiled again each time (≈0.6 s of a one-page rebuild). An in-memory bytecode
cache keyed by template name and source checksum keeps them for the server's life; a
changed template has another checksum and is compiled again.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def list_theme_once(theme: Any, listings: dict[tuple[str, ...], list[str]]) -> None:
    """Make ``theme.get_env()`` list the theme's files once per server: MkDocs lists them for
    every build to find its static files, and Material's folders hold thousands of icons
    (≈0.3–0.8 s). A changed theme needs a restart, as it did before (it is not watched)."""
    make_env = theme.get_env

    def get_env() -> Environment:
        env: Environment = make_env()
        loader = env.loader
        if loader is None:
            return env
        key = tuple(str(folder) for folder in theme.dirs)
        if key not in listings:
            listings[key] = loader.list_templates()
        listed = listings[key]
        loader.list_templates = lambda: listed  # type: ignore[method-assign]
        return env

    theme.get_env = get_env
