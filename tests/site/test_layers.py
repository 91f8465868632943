"""The site package's subpackages import only downward (docs/architecture.md):
plugins < rendering < views < outputs < pages < build and publishing."""

from __future__ import annotations

import ast

import pytest

from tests.repo import REPO_ROOT

SITE = REPO_ROOT / "src" / "jirei" / "site"
ORDER = ("plugins", "rendering", "views", "outputs", "pages", "")  # "" = the modules at site/ itself
MAX_LINES = 400


def _layer(module: str) -> str:
    """'jirei.site.views.charts' → 'views'; 'jirei.site.build' → ''."""
    parts = module.split(".")
    return parts[2] if len(parts) > 3 else ""


def _site_imports(path: str) -> list[str]:
    tree = ast.parse((SITE / path).read_text(encoding="utf-8"))
    found = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    found += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    return [m for m in found if m.startswith("jirei.site.")]


MODULES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.py"))


def test_every_module_sits_in_a_known_layer() -> None:
    layers = {m.split("/")[0] if "/" in m else "" for m in MODULES}
    assert layers == set(ORDER)


@pytest.mark.parametrize("path", MODULES)
def test_imports_point_only_downward(path: str) -> None:
    own = ORDER.index(path.split("/")[0] if "/" in path else "")
    upward = [m for m in _site_imports(path) if ORDER.index(_layer(m)) > own]
    assert upward == [], f"{path} imports from a higher layer"


@pytest.mark.parametrize("path", MODULES)
def test_module_is_at_most_400_lines(path: str) -> None:
    assert len((SITE / path).read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_layer_of_a_module_name() -> None:
    assert _layer("jirei.site.views.charts") == "views"
    assert _layer("jirei.site.build") == ""
