"""What the preview keeps between MkDocs' rebuilds: compiled templates and the theme's file list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader

from jirei.preview.template_cache import MemoryBytecodeCache, list_theme_once


def test_a_new_environment_reuses_the_compiled_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    cache = MemoryBytecodeCache()
    first = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
    assert first.get_template("page.html").render(title="題名") == "<p>題名</p>"

    second = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)

    def no_compiling(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("compiled again")

    monkeypatch.setattr(second, "compile", no_compiling)
    assert second.get_template("page.html").render(title="二回目") == "<p>二回目</p>"


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>{{ title }}</p>", encoding="utf-8")
    cache = MemoryBytecodeCache()
    Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache).get_template("page.html")
    page.write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    again = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
    assert again.get_template("page.html").render(title="新") == "<h1>新</h1>"


class FakeTheme:
    def __init__(self, folder: Path) -> None:
        self.dirs = [folder]

    def get_env(self) -> Environment:
        return Environment(loader=FileSystemLoader(self.dirs))


def test_the_theme_is_listed_once_per_server(tmp_path: Path) -> None:
    (tmp_path / "main.html").write_text("x", encoding="utf-8")
    listings: dict[tuple[str, ...], list[str]] = {}
    list_theme_once(FakeTheme(tmp_path), listings)
    theme = FakeTheme(tmp_path)
    list_theme_once(theme, listings)
    assert theme.get_env().list_templates() == ["main.html"]
    (tmp_path / "icon.svg").write_text("y", encoding="utf-8")  # not seen: the first list is kept
    assert theme.get_env().list_templates() == ["main.html"]
    assert listings == {(str(tmp_path),): ["main.html"]}
