"""MkDocs hook for `make serve`: regenerate docs/ before each (re)build.

The generator writes only files whose content changed, so the watcher does not loop.
A case with errors stops the rebuild with the validator's messages.
"""

from __future__ import annotations

import logging
from typing import Any

from jirei.problems import JireiError, format_text
from jirei.site.build import build_site

log = logging.getLogger("mkdocs.plugins.jirei")


def on_pre_build(config: Any, **kwargs: Any) -> None:
    try:
        report = build_site()
    except JireiError as error:
        for problem in error.problems:
            log.error(format_text(problem))
        raise SystemExit(1) from error
    log.info("jirei: %d 件のファイルを書き換えました", len(report.written.written))
