"""``jirei new MUNICIPALITY SLUG``: write a commented case file to fill in."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from jirei.cases.scaffold import MAX_SLUG_LENGTH, is_valid_slug, scaffold_case
from jirei.cases.validate import display_path
from jirei.paths import project
from jirei.reference.municipalities import (
    Municipality,
    Reference,
    load_reference,
    normalize_name,
)

MAX_CANDIDATES = 30


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "new",
        help="新しい事例ファイルを作る",
        description=(
            "団体コード一覧から団体を探し、書き方のコメント付きの事例ファイル "
            "cases/<団体コード>-<略称>.yml を作ります。"
        ),
    )
    parser.add_argument("municipality", help="6 桁の団体コード、または団体名（例 加賀市、石川県加賀市）")
    parser.add_argument("slug", help="英小文字・数字・ハイフンの略称（例 kaga-denshi-shinsei）")
    parser.add_argument(
        "--cases-dir", type=Path, default=None, help="事例ファイルを置くフォルダ（省略時は cases/）"
    )
    parser.add_argument("--force", action="store_true", help="同じ名前のファイルがあっても上書きする")
    parser.add_argument("--reference-dir", type=Path, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def find_municipalities(reference: Reference, query: str) -> list[Municipality]:
    """Candidates for a code or a name: an exact code/name match first, else a partial match."""
    key = normalize_name(query)
    if key.isascii() and key.isdigit():
        found = reference.by_code.get(key) if len(key) == 6 else None
        return [found] if found else []
    exact = [
        municipality
        for code, municipality in sorted(reference.by_code.items())
        if key
        in (normalize_name(municipality.name), normalize_name(municipality.prefecture + municipality.name))
    ]
    if exact:
        return exact
    for prefecture in reference.prefectures.values():  # 石川県能美郡川北町 (with a 郡 name)
        prefix = normalize_name(prefecture.name)
        if key.startswith(prefix) and len(key) > len(prefix):
            matched = reference.match_name(prefecture.name, key[len(prefix) :])
            if matched:
                return [matched]
    return reference.search(query)


def create_case(
    query: str,
    slug: str,
    *,
    reference: Reference,
    cases_dir: Path | None = None,
    force: bool = False,
    today: date | None = None,
    out: Callable[[str], None] = print,
    err: Callable[[str], None] = lambda text: print(text, file=sys.stderr),
) -> int:
    """Write ``<cases_dir>/<code>-<slug>.yml``; print the next step. Returns the exit code."""
    if not is_valid_slug(slug):
        err(
            f"jirei new: 略称「{slug}」は使えません。英小文字・数字を「-」でつないだ {MAX_SLUG_LENGTH} 字以内の形にしてください"
            "（例 kaga-denshi-shinsei。大文字・空白・日本語・先頭や末尾の「-」は使えません）"
        )
        return 1
    candidates = find_municipalities(reference, query)
    if not candidates:
        if normalize_name(query).isdigit():
            err(
                f"jirei new: 団体コード「{query}」は団体コード一覧にありません"
                "（検査数字を含む 6 桁で指定してください。data/reference/municipalities.csv で探せます）"
            )
        else:
            err(
                f"jirei new: 「{query}」に当てはまる団体が見つかりません。"
                "6 桁の団体コードか団体名（例 加賀市、石川県加賀市）で指定してください"
            )
        return 1
    if len(candidates) > 1:
        err(
            f"jirei new: 「{query}」に当てはまる団体が {len(candidates)} 件あります。"
            "団体コードか「都道府県名＋団体名」で 1 つに絞ってください:"
        )
        for candidate in candidates[:MAX_CANDIDATES]:
            err(f"  {candidate.code}  {candidate.prefecture}  {candidate.name}")
        if len(candidates) > MAX_CANDIDATES:
            err(f"  ほか {len(candidates) - MAX_CANDIDATES} 件")
        return 1
    municipality = candidates[0]
    cases_dir = cases_dir or project().cases_dir
    path = cases_dir / f"{municipality.code}-{slug}.yml"
    if path.exists() and not force:
        err(f"jirei new: {display_path(path)} はすでにあります。上書きするときは --force を付けてください")
        return 1
    text = scaffold_case(municipality, slug, today or date.today())
    cases_dir.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    shown = display_path(path)
    out(
        f"{shown} を作りました（{municipality.prefecture}{municipality.name}、団体コード {municipality.code}）"
    )
    out(f"ファイルを編集してから jirei validate {shown} を実行してください")
    return 0


def run(args: argparse.Namespace) -> int:
    return create_case(
        args.municipality,
        args.slug,
        reference=load_reference(args.reference_dir),
        cases_dir=args.cases_dir,
        force=args.force,
    )
