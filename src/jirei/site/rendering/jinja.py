"""The Jinja2 environment every page is rendered with.

Autoescaping is on for every template: case text is escaped to HTML entities
before it reaches Markdown, so markup in a YAML field can never reach a page
as markup. Templates mark generated, trusted HTML (charts) with ``|safe``.
The environment is built per call because MkDocs hooks are not reloaded.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from jirei.paths import project
from jirei.site.plugins.verbatim_html import verbatim

_NESTED = str.maketrans("「」", "『』")


def quote_text(quote: str) -> str:
    """The quote as the page wraps it in 「」: without one pair of enclosing 「」, and with the
    「」 inside it written 『』 (the usual way to nest a quote in Japanese), so that no 「「 appear."""
    if len(quote) >= 2 and quote.startswith("「") and quote.endswith("」") and "」" not in quote[1:-1]:
        quote = quote[1:-1]
    return quote.translate(_NESTED)


def format_int(value: int) -> str:
    """12345 → '12,345'."""
    return f"{value:,}"


def format_yen(value: int) -> str:
    """Yen amounts as 万円/億円 for reading: 250000000 → '2億5,000万円'."""
    oku, rest = divmod(value, 100_000_000)
    man, yen = divmod(rest, 10_000)
    parts = []
    if oku:
        parts.append(f"{oku:,}億")
    if man:
        parts.append(f"{man:,}万")
    if yen or not parts:
        parts.append(f"{yen:,}")
    return "".join(parts) + "円"


def japanese_date(value: str | date | None) -> str:
    """'2020' → '2020年', '2020-06' → '2020年6月', '2021-05-01' (or a date) → '2021年5月1日'; None → '不明'."""
    if value is None:
        return "不明"
    return _japanese_date(value.isoformat() if isinstance(value, date) else str(value))


@lru_cache(maxsize=4096)
def _japanese_date(text: str) -> str:
    """Remembered: pages repeat the same few hundred release and case dates."""
    parts = [int(part) for part in text.split("-")]
    return "".join(f"{number}{unit}" for number, unit in zip(parts, ("年", "月", "日"), strict=False))


def format_number(value: float) -> str:
    """65.1 → '65.1', 139.0 → '139', 12345 → '12,345'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def link_href(url: str) -> str:
    """A URL for an href attribute: characters not allowed in a URL (spaces, quotes,
    non-ASCII) are percent-encoded, existing escapes kept; autoescaping then escapes '&'."""
    return quote(url, safe=":/?#[]@!$&*+,;=%~-._")


def yaml_string(value: str) -> Markup:
    """A double-quoted YAML scalar for front matter (JSON strings are valid YAML)."""
    text = json.dumps(str(value), ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


_CJK_LINE_BREAK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\n(?=[\u3000-\u9fff\uff00-\uffef])")


def join_cjk_lines(text: str) -> str:
    """Join lines broken between two Japanese characters (a browser would show a space there)."""
    return _CJK_LINE_BREAK.sub("", text)


def table_cell(value: object) -> str:
    """Text safe inside a Markdown table cell (pipes and line breaks escaped)."""
    return str(value).replace("|", "&#124;").replace("\n", " ")


@lru_cache(maxsize=16384)  # the same published rates recur across ~200,000 table cells
def pct(value: Decimal | float) -> str:
    return f"{value:.1f}%"


def count(value: float) -> str:
    """A whole number with separators: 1234.6 → '1,235'."""
    return f"{round(value):,}"


def signed(value: Decimal | float | int, decimals: int = 0) -> str:
    """+1,234 / −1,234 / ±0 (a real minus sign)."""
    text = f"{abs(value):,.{decimals}f}"
    if value > 0:
        return "+" + text
    if value < 0:
        return "−" + text
    return "±" + text


def points(value: Decimal) -> str:
    return signed(value, 1) + "ポイント"


def one_decimal(value: Decimal | float) -> str:
    return f"{value:.1f}"


def make_environment(templates_dir: Path | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir or project().templates_dir)),
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["int"] = format_int
    env.filters["yen"] = format_yen
    env.filters["cell"] = table_cell
    env.filters["jdate"] = japanese_date
    env.filters["number"] = format_number
    env.filters["href"] = link_href
    env.filters["yaml_str"] = yaml_string
    env.filters["cjk_join"] = join_cjk_lines
    env.filters["pct"] = pct
    env.filters["count"] = count
    env.filters["points"] = points
    env.filters["signed"] = signed
    env.filters["one"] = one_decimal
    env.filters["verbatim"] = verbatim
    env.filters["quote_text"] = quote_text
    return env
