"""Sub-commands: ``jirei metrics import|check`` and ``jirei pace``."""

from __future__ import annotations

import argparse
from pathlib import Path

from jirei.metrics.checks import check_metrics
from jirei.metrics.fetch.run import NATIONAL_PAGE, SOUMU_PAGE, Sources, fetch
from jirei.metrics.files import write_files
from jirei.metrics.importers.importer import import_paths
from jirei.metrics.later.import_national import national_contents
from jirei.metrics.pace import format_projection, project_pace
from jirei.metrics.store import load_metrics
from jirei.paths import project
from jirei.problems import JireiError, Problem, format_text
from jirei.reference.municipalities import Reference, load_reference


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    metrics = subparsers.add_parser("metrics", help="マイナンバーカード交付状況データの取り込み・検査")
    actions = metrics.add_subparsers(dest="metrics_command", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="交付状況（CfJ の CSV・総務省の xlsx）を data/metrics に取り込む")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="CfJ の公表日フォルダ・CSV・xlsx")
    imp.add_argument("--data-dir", type=Path, default=None, help="取り込み先（既定: data/metrics）")
    imp.add_argument("--reference-dir", type=Path, default=None, help=argparse.SUPPRESS)
    imp.set_defaults(func=run_import)

    nat = actions.add_parser(
        "import-national", help="デジタル庁の全国の月次保有枚数（CSV・JSON）を data/metrics に取り込む"
    )
    nat.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="ダッシュボードの CSV か stats_data.json"
    )
    nat.add_argument("--data-dir", type=Path, default=None, help="取り込み先（既定: data/metrics）")
    nat.set_defaults(func=run_import_national)

    fet = actions.add_parser(
        "fetch", help="総務省・デジタル庁のページから新しい公表を探し、ダウンロードして取り込む"
    )
    fet.add_argument(
        "--soumu-page", default=SOUMU_PAGE, help=f"総務省の交付状況のページ（既定: {SOUMU_PAGE}）"
    )
    fet.add_argument("--national-page", default=NATIONAL_PAGE, help="デジタル庁のダッシュボードのページ")
    fet.add_argument("--data-dir", type=Path, default=None, help="取り込み先（既定: data/metrics）")
    fet.add_argument("--raw-dir", type=Path, default=None, help="元ファイルの保存先（既定: data/raw）")
    fet.add_argument("--summary", type=Path, default=None, help="要約（Markdown）を書き出すファイル")
    fet.add_argument("--reference-dir", type=Path, default=None, help=argparse.SUPPRESS)
    fet.set_defaults(func=run_fetch)

    chk = actions.add_parser("check", help="市区町村・都道府県・全国の合計が合うか検査する")
    chk.add_argument("--data-dir", type=Path, default=None, help="検査するフォルダ")
    chk.set_defaults(func=run_check)

    pace = subparsers.add_parser("pace", help="残り枚数と年間ペースから普及にかかる年数を見積もる")
    pace.add_argument("--remaining", type=int, required=True, help="残り（未取得）の人数・枚数")
    pace.add_argument("--per-year", type=float, required=True, help="1 年あたりの交付枚数")
    pace.add_argument("--years", type=float, default=None, help="目標の年数（必要な倍率を表示）")
    pace.set_defaults(func=run_pace)


def _data_dir(args: argparse.Namespace) -> Path:
    directory: Path | None = args.data_dir
    return directory or project().metrics_dir


def _reference(args: argparse.Namespace) -> Reference:
    directory: Path | None = args.reference_dir
    return load_reference(directory or project().reference_dir)


def run_import(args: argparse.Namespace) -> int:
    summary = import_paths(args.paths, _data_dir(args), _reference(args))
    print(f"{summary.files} ファイルを読みました")
    added = "、".join(d.isoformat() for d in summary.added) or "なし"
    print(f"追加した公表日: {len(summary.added)} 件（{added}）")
    print(f"変更なしの公表日: {len(summary.unchanged)} 件")
    print(f"追加した行: {summary.rows_added:,} 行")
    print(f"更新したファイル: {', '.join(p.name for p in summary.changed_files) or 'なし'}")
    return 0


def run_import_national(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    contents, added = national_contents(args.paths, data_dir, load_metrics(data_dir))
    changed = write_files(data_dir, contents)
    months = "、".join(f"{row.as_of:%Y-%m}" for row in added) or "なし"
    print(f"{len(args.paths)} ファイルを読みました")
    print(f"追加した月: {len(added)} 件（{months}）")
    print(f"更新したファイル: {', '.join(p.name for p in changed) or 'なし'}")
    return 0


def run_fetch(args: argparse.Namespace) -> int:
    sources = Sources(args.soumu_page, args.national_page)
    raw_dir: Path = args.raw_dir or project().data_dir / "raw"
    report = fetch(sources, _data_dir(args), raw_dir, _reference(args))
    print(f"確認したページ: {len(report.pages)} 件")
    print(f"ダウンロードした新しいファイル: {'、'.join(report.downloaded) or 'なし'}")
    print(f"取り込み済みだったファイル: {len(report.already_imported)} 件")
    added = (
        "、".join(d.isoformat() for d in report.added_releases)
        or "なし（総務省の新しい公表はまだありません）"
    )
    print(f"追加した総務省の公表日: {added}")
    print(f"追加したデジタル庁の月: {'、'.join(f'{m.as_of:%Y-%m}' for m in report.added_months) or 'なし'}")
    print(f"更新したファイル: {', '.join(p.name for p in report.changed_files) or 'なし'}")
    if args.summary is not None:
        args.summary.write_text(report.summary, encoding="utf-8")
    return 0


def run_check(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    data = load_metrics(data_dir)
    problems = check_metrics(data, data_dir)
    for problem in problems:
        print(format_text(problem))
    releases = len(data.release_dates())
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"{releases} 公表日を検査し、{errors} 件の不一致がありました（警告 {warnings} 件）")
        return 1
    print(f"{releases} 公表日を検査しました。合計の不一致はありません（警告 {warnings} 件）")
    return 0


def run_pace(args: argparse.Namespace) -> int:
    problems = []
    if args.remaining < 0:
        problems.append(
            Problem(
                path="<args>",
                rule="pace-args",
                message="--remaining は 0 以上にしてください",
                got=str(args.remaining),
            )
        )
    if args.years is not None and args.years <= 0:
        problems.append(
            Problem(
                path="<args>",
                rule="pace-args",
                message="--years は 0 より大きくしてください",
                got=str(args.years),
            )
        )
    if problems:
        raise JireiError(problems)
    projection = project_pace(args.remaining, args.per_year, args.years)
    for line in format_projection(projection):
        print(line)
    return 0
