"""MkDocs hooks for `make serve`: regenerate docs/ before each (re)build, index the result
for search after it.

The generator writes only files whose content changed, so the watcher does not loop.
A case with errors stops the rebuild with the validator's messages; a failed search index
is only logged (the preview still works, without search).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jirei.problems import JireiError, format_text
from jirei.search.pagefind_index import index_site
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


def on_post_build(config: Any, **kwargs: Any) -> None:
    try:
        index_site(Path(config["site_dir"]))
    except JireiError as error:
        for problem in error.problems:
            log.warning(format_text(problem))
