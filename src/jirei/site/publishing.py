"""Everything published for re-users besides the pages: redirects, open data, feed, data page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment

from jirei.cases.model import Case
from jirei.site.outputs.exports import CASES_CSV, CASES_JSON, cases_csv, cases_json
from jirei.site.outputs.feed import FEED_PATH, feed_xml
from jirei.site.outputs.redirects import redirect_pages
from jirei.site.pages.data import DATA_PAGE, render_data_page


def render_publishing(cases: Sequence[Case], env: Environment, metrics_dir: Path) -> dict[str, str | bytes]:
    outputs: dict[str, str | bytes] = dict(redirect_pages(cases))
    outputs[CASES_JSON] = cases_json(cases)
    outputs[CASES_CSV] = cases_csv(cases)
    outputs[FEED_PATH] = feed_xml(cases)
    outputs[DATA_PAGE] = render_data_page(env, metrics_dir, len(cases))
    return outputs
