"""The notice on every page of the site while the per-municipality figures are stale.

``jirei build`` writes the notice's text to ``docs/.jirei-site-notice.txt`` (a dot file, so
MkDocs does not publish it; it is removed again when the data is current), and the
``jirei-site-notice`` MkDocs plugin hands it to the theme, whose ``announce`` block
(overrides/main.html) shows it above every page, hand-written pages included.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from jirei.metrics.freshness import DataAge

NOTICE_FILE = ".jirei-site-notice.txt"
EXTRA_KEY = "jirei_site_notice"


def site_notice(release_dates: list[date], today: date) -> str:
    """The notice, or "" while the newest per-municipality release is current."""
    if not release_dates:
        return "市区町村別の交付状況の公表値は、まだ取り込まれていません。"
    age = DataAge(max(release_dates), today)
    if not age.stale:
        return ""
    return f"このサイトの市区町村別の交付状況（総務省の公表値）は{age.as_of()}のものです。"


def notice_outputs(release_dates: list[date], today: date) -> dict[str, str]:
    """The file `jirei build` writes into docs/ (none while the data is current)."""
    text = site_notice(release_dates, today)
    return {NOTICE_FILE: text + "\n"} if text else {}


class SiteNoticePlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Reads the notice written by `jirei build` into ``config.extra`` for the theme."""

    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
        path = Path(config["docs_dir"]) / NOTICE_FILE
        text = path.read_text(encoding="utf-8").strip() if path.is_file() else ""
        config["extra"][EXTRA_KEY] = text
        return config
