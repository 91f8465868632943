"""jirei-page-frames: pages filled into a shared frame are byte-identical to the theme's own
rendering, and a frame that depends on anything else is detected and not used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from jirei.site.plugins.page_frames import PageFramesPlugin
from tests.repo import REPO_ROOT

CONFIG = """\
site_name: テスト事例集
site_url: https://example.invalid/jirei/
theme:
  name: material
  language: ja
  font: false
{custom_dir}
plugins: [{plugins}]
nav:
  - ホーム: index.md
  - 一覧: list.md
markdown_extensions:
  - toc:
      permalink: true
not_in_nav: |
  /places/*.md
"""


def _place(code: str, name: str, *, extra_section: bool = False) -> str:
    extra = "\n## 事例\n\nテスト事例の一覧。\n" if extra_section else ""
    return (
        f'---\ntitle: "{name}の交付状況"\n---\n\n# {name}の交付状況\n\n'
        f"## 最新の状況\n\n団体コード {code} の値。\n\n## 推移\n\n<p>表 {code}</p>\n{extra}"
    )


def _write_site(root: Path, *, plugins: list[str], custom_dir: str = "") -> Path:
    docs = root / "docs"
    (docs / "places").mkdir(parents=True)
    (docs / "index.md").write_text("# テスト事例集\n\n[一覧](list.md)\n", encoding="utf-8")
    (docs / "list.md").write_text("# 一覧\n\n[テスト市](places/999991.md)\n", encoding="utf-8")
    names = {"999991": "テスト市", "999992": "見本町", "999993": "架空村", "999994": "試験市"}
    for code, name in names.items():
        text = _place(code, name, extra_section=code == "999994")
        (docs / "places" / f"{code}.md").write_text(text, encoding="utf-8")
    (docs / "places" / "999995.md").write_text(_place("999995", "R&D町"), encoding="utf-8")
    config = root / "mkdocs.yml"
    theme_dir = f"  custom_dir: {custom_dir}" if custom_dir else ""
    config.write_text(
        CONFIG.format(custom_dir=theme_dir, plugins=", ".join(plugins)),
        encoding="utf-8",
    )
    return config


def _build(root: Path, *, with_frames: bool, custom_dir: str = "") -> tuple[dict[str, bytes], int]:
    plugins = ["jirei-page-frames"] if with_frames else []
    config = load_config(str(_write_site(root, plugins=plugins, custom_dir=custom_dir)))
    build(config)
    site = Path(config.site_dir)
    pages = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*.html")}
    plugin = next((p for p in config.plugins.values() if isinstance(p, PageFramesPlugin)), None)
    return pages, plugin.filled if plugin else 0


@pytest.fixture(autouse=True)
def _quiet_mkdocs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(os.environ, "NO_MKDOCS_2_WARNING", "1")


@pytest.mark.parametrize(
    "custom_dir", ["", str(REPO_ROOT / "overrides")], ids=["material", "jirei-overrides"]
)
def test_filled_pages_are_identical_to_the_themes_rendering(tmp_path: Path, custom_dir: str) -> None:
    framed, filled = _build(tmp_path / "framed", with_frames=True, custom_dir=custom_dir)
    plain, _ = _build(tmp_path / "plain", with_frames=False, custom_dir=custom_dir)
    assert framed == plain
    # 999991 is captured, 999992 checked, 999993 filled; 999994 has another table of
    # contents (its own group), 999995's title would change under HTML escaping.
    assert filled == 1
    assert "架空村の交付状況 - テスト事例集".encode() in framed["places/999993/index.html"]
    assert b"https://example.invalid/jirei/places/999993/" in framed["places/999993/index.html"]


def test_a_frame_that_depends_on_anything_else_is_not_used(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    # A theme that prints the source file name: filling would copy the first page's name.
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block footer %}{% if page and page.file %}<p>{{ page.file.src_uri }}</p>{% endif %}{% endblock %}',
        encoding="utf-8",
    )
    framed, filled = _build(tmp_path / "framed", with_frames=True, custom_dir=str(overrides))
    plain, _ = _build(tmp_path / "plain", with_frames=False, custom_dir=str(overrides))
    assert filled == 0
    assert framed == plain
    assert b"<p>places/999993.md</p>" in framed["places/999993/index.html"]


def test_a_page_with_its_own_template_keeps_it(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "plain.html").write_text("<main>{{ page.content }}</main>", encoding="utf-8")
    builds = {}
    for with_frames in (True, False):
        root = tmp_path / str(with_frames)
        config = _write_site(
            root, plugins=["jirei-page-frames"] if with_frames else [], custom_dir=str(overrides)
        )
        for code in ("999996", "999997", "999998"):  # a group of three, each with its own template
            (root / "docs" / "places" / f"{code}.md").write_text(
                _place(code, "テスト町").replace("---\n\n", "template: plain.html\n---\n\n", 1),
                encoding="utf-8",
            )
        build(load_config(str(config)))
        builds[with_frames] = (root / "site" / "places" / "999998" / "index.html").read_text(encoding="utf-8")
    assert builds[True] == builds[False]
    assert builds[True].startswith("<main><h1")
