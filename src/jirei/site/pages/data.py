"""The open data page (``data/index.md``): every downloadable file, its columns and licence.

The case CSV columns come from :data:`jirei.site.outputs.exports.CSV_COLUMNS` and the
metrics columns from the CSV headers themselves, so a new column without a
description fails the build instead of going undocumented.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from jirei.problems import JireiError, Problem
from jirei.site.outputs.exports import CASES_CSV, CASES_JSON, CSV_COLUMNS, LIST_SEPARATOR
from jirei.site.outputs.feed import FEED_PATH
from jirei.site.rendering.urls import relative
from jirei.site.views.jsonld import dataset_jsonld, front_matter_json

DATA_PAGE = "data/index.md"
MUNICIPALITY_FILES_ANCHOR = (
    "市区町村ごとのファイル"  # the heading (slug) on each municipality's own CSV and JSON
)

METRICS_FILES = {
    "municipalities.csv": "市区町村別の交付状況（公表日ごとに 1,741 行）",
    "prefectures.csv": "都道府県別の交付状況（公表日ごとに 47 行）",
    "categories.csv": "団体区分別（全国・特別区・政令指定都市・市・町村）の交付状況",
    "ages.csv": "男女・年齢別の交付状況（全国のみ）",
    "releases.csv": "取り込んだ公表回と元ファイルの一覧（SHA-256 つき）",
    "national-monthly.csv": "デジタル庁の全国の月次保有枚数（2024 年 7 月〜。総務省の系列とは別の系列）",
}
METRICS_COLUMNS = {
    "release_date": "公表日（YYYY-MM-DD）",
    "figure_kind": "数値の種類。「交付枚数」（2022 年までの公表）か「保有枚数」（2023 年 6 月以降）。別物なので混ぜて比べないでください",
    "code": "団体コード（6 桁、検査数字つき）",
    "pref_code": "都道府県コード（2 桁）",
    "prefecture": "都道府県名",
    "name": "団体名（公表どおり。郡名・島名つきのことがあるので、名寄せは code で）",
    "population": "人口（住民基本台帳）",
    "population_base_date": "人口の基準日",
    "cards": "枚数",
    "cards_base_date": "枚数の基準日（通常は公表日）",
    "rate_percent": "人口に対する枚数の率（%、小数 1 桁、公表値のとおり）",
    "category": "団体区分（正規化したキー）",
    "category_label": "団体区分（公表どおりの名前）",
    "age_band": "年齢階級（公表どおり）",
    "sex": "男・女・計",
    "layout": "元ファイルの形式",
    "source_file": "元ファイルのリポジトリ内のパス",
    "source_sha256": "元ファイルの SHA-256",
    "as_of": "時点（その月の末日、YYYY-MM-DD）",
    "measure": "枚数の種類（交付枚数・保有枚数）",
    "rate_kind": "率の出どころ。「公表値」（公表元の率）か「計算値」（このサイトが rate_base の人口で計算）",
    "rate_base": "率の分母にした人口",
    "source": "公表元",
}


@dataclass(frozen=True)
class Column:
    name: str
    description: str


@dataclass(frozen=True)
class MetricsFile:
    name: str
    link: str
    description: str
    columns: tuple[Column, ...]


def _metrics_files(metrics_dir: Path) -> list[MetricsFile]:
    files, problems = [], []
    for path in sorted(metrics_dir.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            header = handle.readline().strip().split(",")
        undocumented = [
            name for name in (path.name, *header) if name not in {**METRICS_FILES, **METRICS_COLUMNS}
        ]
        problems += [
            Problem(path.as_posix(), "data-undocumented", "データのページに説明がない列・ファイルです", got=name,
                    hint="src/jirei/site/pages/data.py の METRICS_FILES / METRICS_COLUMNS に説明を書いてください")
            for name in undocumented
        ]  # fmt: skip
        if not undocumented:
            columns = tuple(Column(name, METRICS_COLUMNS[name]) for name in header)
            link = relative(DATA_PAGE, f"data/metrics/{path.name}")
            files.append(MetricsFile(path.name, link, METRICS_FILES[path.name], columns))
    if problems:
        raise JireiError(problems)
    return files


def _downloads(metrics_files: list[MetricsFile]) -> list[tuple[str, str, str]]:
    return [
        (CASES_JSON, "application/json", "すべての事例"),
        (CASES_CSV, "text/csv", "すべての事例（1 事例 1 行）"),
        *((f"data/metrics/{file.name}", "text/csv", file.description) for file in metrics_files),
        ("schema/case.schema.json", "application/schema+json", "事例ファイルの JSON Schema"),
        (FEED_PATH, "application/atom+xml", "新しい事例・更新された事例の Atom フィード"),
    ]


def render_data_page(env: Environment, metrics_dir: Path, case_count: int) -> str:
    metrics_files = _metrics_files(metrics_dir)
    jsonld = dataset_jsonld(DATA_PAGE.removesuffix("index.md"), _downloads(metrics_files), case_count)
    return env.get_template("data.md.j2").render(
        jsonld=Markup(front_matter_json(jsonld)),
        generated_from="templates/data.md.j2",
        case_count=case_count,
        links={
            "json": relative(DATA_PAGE, CASES_JSON),
            "csv": relative(DATA_PAGE, CASES_CSV),
            "feed": relative(DATA_PAGE, FEED_PATH),
            "schema": relative(DATA_PAGE, "schema/case.schema.json"),
            "about": relative(DATA_PAGE, "about.md"),
        },
        csv_columns=[Column(name, description) for name, description, _value in CSV_COLUMNS],
        separator=LIST_SEPARATOR,
        metrics_files=metrics_files,
    )
