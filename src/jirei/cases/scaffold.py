"""The text of a new case file (``jirei new``): a commented template to fill in.

The municipality, id, record and license are filled from the reference list;
every other required field is left empty (``""`` or ``[]``) with a commented
example, so that ``jirei validate`` lists exactly what the contributor must write.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from jirei.cases.schema import current_schema_version
from jirei.paths import project
from jirei.reference.municipalities import Municipality

TEMPLATE_NAME = "new_case.yml.j2"
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 80  # schema: id.maxLength
MAX_SLUG_LENGTH = MAX_ID_LENGTH - len("000000-")


def yaml_quote(value: object) -> str:
    """A double-quoted YAML scalar (a JSON string is a valid YAML string)."""
    return json.dumps(str(value), ensure_ascii=False)


def is_valid_slug(slug: str) -> bool:
    return bool(SLUG_PATTERN.fullmatch(slug)) and len(slug) <= MAX_SLUG_LENGTH


def _environment(templates_dir: Path) -> Environment:
    # YAML, not HTML: no autoescaping; values go through the |q quoting filter instead.
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["q"] = yaml_quote
    return env


def scaffold_case(
    municipality: Municipality, slug: str, today: date, templates_dir: Path | None = None
) -> str:
    """The YAML text of a new case ``<code>-<slug>`` for ``municipality``, dated ``today``."""
    if not is_valid_slug(slug):
        raise ValueError(f"invalid slug: {slug!r}")
    return (
        _environment(templates_dir or project().templates_dir)
        .get_template(TEMPLATE_NAME)
        .render(
            case_id=f"{municipality.code}-{slug}",
            code=municipality.code,
            name=municipality.name,
            prefecture=municipality.prefecture,
            category=municipality.category,
            today=today.isoformat(),
            schema_version=current_schema_version(),
        )
    )
