"""The stale-data notice: written by the build while the per-municipality data is old, shown on every page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jirei.site.plugins.site_notice import NOTICE_FILE, notice_outputs, site_notice

RELEASES = [date(2022, 11, 30), date(2022, 12, 31)]


def test_no_notice_while_the_newest_release_is_within_three_months() -> None:
    assert site_notice(RELEASES, date(2023, 3, 31)) == ""
    assert notice_outputs(RELEASES, date(2023, 3, 31)) == {}


def test_a_stale_release_gives_its_date_and_age() -> None:
    assert site_notice(RELEASES, date(2026, 12, 6)) == (
        "このサイトの市区町村別の交付状況（総務省の公表値）は2022年12月31日時点（約4年前）のものです。"
    )
    assert site_notice(RELEASES, date(2023, 4, 1)).endswith("2022年12月31日時点（約3か月前）のものです。")
    assert list(notice_outputs(RELEASES, date(2026, 12, 6))) == [NOTICE_FILE]


def test_no_releases_at_all_is_said_plainly() -> None:
    assert site_notice([], date(2026, 12, 6)) == "市区町村別の交付状況の公表値は、まだ取り込まれていません。"


@pytest.mark.slow
def test_every_page_of_the_real_site_carries_the_notice(real_site: Path) -> None:
    pages = list(real_site.rglob("*.html"))
    without = [page for page in pages if 'class="jirei-site-notice"' not in page.read_text(encoding="utf-8")]
    # the redirect pages of renamed cases are plain HTML outside the theme
    assert all('http-equiv="refresh"' in page.read_text(encoding="utf-8") for page in without), without[:3]
    assert len(pages) - len(without) > 1800
