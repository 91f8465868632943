"""The committed list of every published URL (data/published-urls.txt).

Ministries and re-users link to these URLs, so a URL once published must keep
resolving: a new URL is added to the list, and a listed URL that is no longer
generated is an error (give the case a ``former_ids`` entry instead).
URLs are written relative to the site root with a leading slash (``/cases/<id>/``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from jirei.paths import SITE_URL
from jirei.problems import Problem
from jirei.site.outputs.writer import MANIFEST

ASSET_DIRS = frozenset({"stylesheets", "javascripts", "assets", "overrides"})  # not permalinks
WRITTEN_BY_MKDOCS = ("/sitemap.xml",)
HEADER = f"""\
# jirei が公開している URL の一覧（サイトのルート {SITE_URL} からの相対パス）。
# ここにある URL は消さずに残します。事例の id を変えたときは former_ids に旧 id を書くと転送ページができます。
# 新しいページを追加したら `jirei urls --update` で追記してください（削除は手作業で、理由をコミットに書いてください）。
"""


def url_for(docs_path: str) -> str | None:
    """The URL a docs/ file is published at (MkDocs directory URLs), or None for assets."""
    path = PurePosixPath(docs_path)
    if path.parts[0] in ASSET_DIRS or any(part.startswith(".") for part in path.parts):
        return None
    if path.suffix == ".md":
        folder = path.parent if path.stem in ("index", "README") else path.with_suffix("")
        return "/" if str(folder) == "." else f"/{folder}/"
    if path.name == "index.html":
        return "/" if str(path.parent) == "." else f"/{path.parent}/"
    return f"/{path}"


def published_urls(docs_dir: Path) -> list[str]:
    """Every URL the docs/ folder publishes (after `jirei build`), sorted."""
    urls = {
        url
        for file in docs_dir.rglob("*")
        if file.is_file() and file.name != MANIFEST
        if (url := url_for(file.relative_to(docs_dir).as_posix()))
    }
    return sorted(urls | set(WRITTEN_BY_MKDOCS))


def read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def format_list(urls: Iterable[str]) -> str:
    return HEADER + "".join(f"{url}\n" for url in sorted(set(urls)))


@dataclass(frozen=True)
class UrlChanges:
    added: tuple[str, ...]  # generated now, not yet listed
    removed: tuple[str, ...]  # listed, no longer generated


def compare(listed: Iterable[str], current: Iterable[str]) -> UrlChanges:
    listed_set, current_set = set(listed), set(current)
    return UrlChanges(tuple(sorted(current_set - listed_set)), tuple(sorted(listed_set - current_set)))


def removed_problems(changes: UrlChanges, list_path: Path, display: str) -> list[Problem]:
    lines = list_path.read_text(encoding="utf-8").splitlines() if list_path.exists() else []
    line_of = {line.strip(): number for number, line in enumerate(lines, start=1)}
    return [
        Problem(
            display,
            "url-removed",
            "公開済みの URL がなくなります",
            line=line_of.get(url),
            got=url,
            hint="事例の id を変えたときは新しい事例の former_ids に旧 id を書いてください（転送ページができます）",
        )
        for url in changes.removed
    ]


def unlisted_problems(changes: UrlChanges, display: str) -> list[Problem]:
    return [
        Problem(
            display,
            "url-unlisted",
            "公開 URL の一覧にない新しい URL です",
            got=url,
            hint="`jirei urls --update` で一覧に追加してください",
        )
        for url in changes.added
    ]
