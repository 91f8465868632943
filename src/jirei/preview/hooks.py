"""MkDocs hooks of `make serve` (mkdocs-serve.yml → scripts/mkdocs_hooks.py).

Before each build the preview generator regenerates what the edit changed (see
jirei.preview.generator); ``mkdocs serve --dirty`` then renders only the pages whose
Markdown changed. The Pagefind index is made once, after the first build; compiled theme
templates are kept between builds. A broken case
is reported in the terminal and on its page; the server keeps running. The live-reload
script MkDocs injects is allowed by the page's Content-Security-Policy (jirei.preview.livereload).

MkDocs loads this file again for every rebuild, so the generator and its data live in
this importable module's ``SESSION`` (one per server process).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from jirei.paths import project
from jirei.preview.generator import Outcome, Preview
from jirei.preview.livereload import allow_livereload
from jirei.preview.template_cache import MemoryBytecodeCache, list_theme_once
from jirei.preview.watch import watch_hand_written
from jirei.problems import JireiError, format_text
from jirei.search.pagefind_index import index_site

log = logging.getLogger("mkdocs.plugins.jirei")

SESSION: dict[str, Any] = {}


def preview() -> Preview:
    if "preview" not in SESSION:
        SESSION["preview"] = Preview.of(project())  # `make serve` runs in the project's root
    found: Preview = SESSION["preview"]
    return found


def report(outcome: Outcome, builds: int, seconds: float) -> None:
    """One log line per build (the benchmark counts them), then the problems if any."""
    kinds = {"full": "全体を生成", "cases": "編集された事例だけを生成", "none": "生成なし"}
    log.info(
        "jirei プレビュー: %d 回目の生成（%s）、%d 件のファイルを書き換えました（%.1f 秒）",
        builds,
        kinds[outcome.kind],
        len(outcome.written),
        seconds,
    )
    for problem in outcome.problems:
        log.error(format_text(problem))
    if outcome.problems:
        log.error(
            "jirei プレビュー: 事例ファイルにエラーがあります。直して保存すると、もう一度生成します"
            "（エラーのある事例のページにも表示しています）"
        )


def on_pre_build(config: Any, **kwargs: Any) -> None:
    generator = preview()
    started = time.perf_counter()
    outcome = generator.update()
    report(outcome, generator.builds, time.perf_counter() - started)


def on_config(config: Any) -> Any:
    list_theme_once(config.theme, SESSION.setdefault("theme_files", {}))
    return config


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.bytecode_cache = SESSION.setdefault("templates", MemoryBytecodeCache())
    return env


def on_post_build(config: Any, **kwargs: Any) -> None:
    if SESSION.get("indexed"):
        return  # a rebuild: the search index of the first build stays (search may lag the edit)
    SESSION["indexed"] = True
    try:
        index_site(Path(config["site_dir"]))
    except JireiError as error:
        for problem in error.problems:
            log.warning(format_text(problem))


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    watch_hand_written(server, Path(config["docs_dir"]))
    allow_livereload(server)
    return server
