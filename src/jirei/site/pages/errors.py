"""The page explaining every rule id (contributing/errors.md), generated from the rule catalog."""

from __future__ import annotations

from collections.abc import Mapping

from jinja2 import Environment

from jirei.rule_catalog import RULE_CATALOG, RuleDoc

ERRORS_PAGE = "contributing/errors.md"


def render_errors_page(env: Environment, catalog: Mapping[str, RuleDoc] = RULE_CATALOG) -> str:
    areas: dict[str, list[tuple[str, RuleDoc]]] = {}
    for rule_id, doc in catalog.items():
        areas.setdefault(doc.area, []).append((rule_id, doc))
    return env.get_template("errors.md.j2").render(areas=areas)
