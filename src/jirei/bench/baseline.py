"""The baseline: a bare MkDocs project of plain pages kept outside the navigation.

Each page is like the issue's measurement: about 1.5 KB of Japanese prose and a table of
60 numbers. Same theme as the site (Material, Japanese, no web fonts), default plugins only.
"""

from __future__ import annotations

from pathlib import Path

PROSE = (
    "ベンチ市では、マイナンバーカードの申請を支援するため、公民館や商業施設での出張申請を続けてきました。"
    "窓口の待ち時間を減らすために予約制を取り入れ、職員の研修も重ねています。"
)


def plain_page(serial: int) -> str:
    """A plain page like the issue's baseline: ≈1.5 KB of Japanese prose and a 60-number table."""
    rows = "\n".join(
        f"| {2016 + row // 12}年{row % 12 + 1}月 | {10000 + serial + row:,} | {500 + row * 37:,} | {row * 0.7:.1f}% |"
        for row in range(15)
    )
    prose = "\n\n".join([PROSE] * 3)
    return f"# ベンチページ {serial}\n\n{prose}\n\n| 月 | 人口 | 枚数 | 率 |\n| --- | ---: | ---: | ---: |\n{rows}\n"


BARE_CONFIG = """\
site_name: ベンチマーク（素の MkDocs）
docs_dir: docs
site_dir: site
theme:
  name: material
  language: ja
  font: false
nav:
  - index.md
not_in_nav: |
  /pages/*.md
"""


def write_plain_site(directory: Path, pages: int) -> Path:
    """A bare MkDocs project with ``pages`` plain pages outside the navigation; returns its config."""
    docs = directory / "docs"
    (docs / "pages").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# ベンチマーク\n\n素の MkDocs の比較用です。\n", encoding="utf-8")
    for serial in range(1, pages):
        (docs / "pages" / f"p{serial:05d}.md").write_text(plain_page(serial), encoding="utf-8")
    config = directory / "mkdocs.yml"
    config.write_text(BARE_CONFIG, encoding="utf-8")
    return config
