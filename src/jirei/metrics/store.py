"""The normalised metrics store (data/metrics/*.csv): records, loading, atomic writing.

Every file is UTF-8 without BOM, LF line ends, rows in a fixed sort order, so the
same data always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path

from jirei.metrics.files import write_files
from jirei.paths import project

FIGURE_KINDS = ("交付枚数", "保有枚数")
SEXES = ("男", "女", "計")
# Normalised category keys in display order.
CATEGORY_ORDER = ("全国", "特別区", "政令指定都市", "市", "特別区・市", "町村")

RELEASES_FILE = "releases.csv"
MUNICIPALITIES_FILE = "municipalities.csv"
PREFECTURES_FILE = "prefectures.csv"
CATEGORIES_FILE = "categories.csv"
AGES_FILE = "ages.csv"

RELEASE_COLUMNS = ("release_date", "figure_kind", "layout", "source_file", "source_sha256")
MUNICIPALITY_COLUMNS = (
    "release_date", "code", "prefecture", "name", "population", "population_base_date",
    "cards", "cards_base_date", "figure_kind", "rate_percent",
)  # fmt: skip
PREFECTURE_COLUMNS = (
    "release_date", "pref_code", "prefecture", "population", "population_base_date",
    "cards", "cards_base_date", "figure_kind", "rate_percent",
)  # fmt: skip
CATEGORY_COLUMNS = (
    "release_date", "category", "category_label", "population", "population_base_date",
    "cards", "cards_base_date", "figure_kind", "rate_percent",
)  # fmt: skip
AGE_COLUMNS = (
    "release_date", "age_band", "sex", "population", "cards", "rate_percent",
    "population_base_date", "cards_base_date",
)  # fmt: skip


@dataclass(frozen=True)
class AreaFigure:
    """One row of municipalities / prefectures / categories."""

    release_date: date
    key: str  # municipality code / pref_code / category key
    label: str  # name / prefecture name / category_label
    population: int
    population_base_date: date
    cards: int
    cards_base_date: date
    figure_kind: str
    rate_percent: Decimal
    prefecture: str = ""  # only for municipalities (the prefecture name)


@dataclass(frozen=True)
class AgeFigure:
    release_date: date
    age_band: str
    sex: str
    population: int
    cards: int
    rate_percent: Decimal
    population_base_date: date
    cards_base_date: date


@dataclass(frozen=True)
class Release:
    release_date: date
    figure_kind: str
    layout: str
    source_file: str
    source_sha256: str


def category_rank(key: str) -> int:
    return CATEGORY_ORDER.index(key) if key in CATEGORY_ORDER else len(CATEGORY_ORDER)


def age_band_rank(band: str) -> tuple[int, str]:
    """全体 first, then by the band's first number (0～4歳, 5～9, …, 100歳以上)."""
    if band == "全体":
        return (-1, band)
    digits = ""
    for char in band:
        if not char.isdigit():
            break
        digits += char
    return (int(digits) if digits else 10_000, band)


def _area_key(figure: AreaFigure) -> tuple[date, str]:
    return (figure.release_date, figure.key)


def _category_key(figure: AreaFigure) -> tuple[date, int, str]:
    return (figure.release_date, category_rank(figure.key), figure.label)


def _age_key(figure: AgeFigure) -> tuple[date, tuple[int, str], int]:
    return (figure.release_date, age_band_rank(figure.age_band), SEXES.index(figure.sex))


def _release_key(release: Release) -> tuple[date, str, str]:
    return (release.release_date, release.source_file, release.source_sha256)


@dataclass(frozen=True)
class MetricsData:
    releases: tuple[Release, ...] = ()
    municipalities: tuple[AreaFigure, ...] = ()
    prefectures: tuple[AreaFigure, ...] = ()
    categories: tuple[AreaFigure, ...] = ()
    ages: tuple[AgeFigure, ...] = ()

    def release_dates(self) -> list[date]:
        """Sorted unique release dates over all tables."""
        dates = {r.release_date for r in self.releases}
        for table in (self.municipalities, self.prefectures, self.categories):
            dates.update(f.release_date for f in table)
        dates.update(a.release_date for a in self.ages)
        return sorted(dates)

    @cached_property
    def _municipality_index(self) -> dict[str, list[AreaFigure]]:
        return _index(self.municipalities)

    @cached_property
    def _prefecture_index(self) -> dict[str, list[AreaFigure]]:
        return _index(self.prefectures)

    @cached_property
    def _category_index(self) -> dict[str, list[AreaFigure]]:
        return _index(self.categories)

    @cached_property
    def _official_index(self) -> dict[tuple[str, date], AreaFigure]:
        return {(f.key, f.release_date): f for f in self.municipalities}

    def municipality_series(self, code: str) -> list[AreaFigure]:
        return list(self._municipality_index.get(code, []))

    def prefecture_series(self, pref_code: str) -> list[AreaFigure]:
        return list(self._prefecture_index.get(pref_code, []))

    def category_series(self, key: str) -> list[AreaFigure]:
        """One category's rows (e.g. 全国), oldest first."""
        return list(self._category_index.get(key, []))

    def official_rate(self, code: str, on: date) -> AreaFigure | None:
        """The published figure for a municipality on exactly this release date."""
        return self._official_index.get((code, on))

    def sorted(self) -> MetricsData:
        """The same data in the canonical row order (deduplicated releases)."""
        return MetricsData(
            releases=tuple(sorted(set(self.releases), key=_release_key)),
            municipalities=tuple(sorted(self.municipalities, key=_area_key)),
            prefectures=tuple(sorted(self.prefectures, key=_area_key)),
            categories=tuple(sorted(self.categories, key=_category_key)),
            ages=tuple(sorted(self.ages, key=_age_key)),
        )


def _index(figures: Iterable[AreaFigure]) -> dict[str, list[AreaFigure]]:
    index: dict[str, list[AreaFigure]] = {}
    for figure in figures:
        index.setdefault(figure.key, []).append(figure)
    for series in index.values():
        series.sort(key=lambda f: f.release_date)
    return index


# --- reading -----------------------------------------------------------------


def _rows(path: Path, columns: Sequence[str]) -> list[list[str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return []
        if tuple(header) != tuple(columns):
            raise ValueError(f"{path}: 列が想定と異なります: {','.join(header)}")
        return list(reader)


def load_metrics(directory: Path | None = None) -> MetricsData:
    """Load data/metrics/*.csv (missing files read as empty tables; default: the project's)."""
    directory = Path(directory) if directory is not None else project().metrics_dir
    # Memoised parsing: the same few dates and rates repeat on most rows.
    d = lru_cache(maxsize=None)(date.fromisoformat)
    dec = lru_cache(maxsize=None)(Decimal)

    releases = tuple(
        Release(d(r[0]), r[1], r[2], r[3], r[4]) for r in _rows(directory / RELEASES_FILE, RELEASE_COLUMNS)
    )
    municipalities = tuple(
        AreaFigure(d(r[0]), r[1], r[3], int(r[4]), d(r[5]), int(r[6]), d(r[7]), r[8], dec(r[9]), r[2])
        for r in _rows(directory / MUNICIPALITIES_FILE, MUNICIPALITY_COLUMNS)
    )
    prefectures = tuple(
        AreaFigure(d(r[0]), r[1], r[2], int(r[3]), d(r[4]), int(r[5]), d(r[6]), r[7], dec(r[8]))
        for r in _rows(directory / PREFECTURES_FILE, PREFECTURE_COLUMNS)
    )
    categories = tuple(
        AreaFigure(d(r[0]), r[1], r[2], int(r[3]), d(r[4]), int(r[5]), d(r[6]), r[7], dec(r[8]))
        for r in _rows(directory / CATEGORIES_FILE, CATEGORY_COLUMNS)
    )
    ages = tuple(
        AgeFigure(d(r[0]), r[1], r[2], int(r[3]), int(r[4]), dec(r[5]), d(r[6]), d(r[7]))
        for r in _rows(directory / AGES_FILE, AGE_COLUMNS)
    )
    return MetricsData(releases, municipalities, prefectures, categories, ages)


# --- writing -----------------------------------------------------------------


def _csv_text(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([v.isoformat() if isinstance(v, date) else str(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _area_row(figure: AreaFigure) -> list[object]:
    return [
        figure.release_date, figure.key, figure.label, figure.population, figure.population_base_date,
        figure.cards, figure.cards_base_date, figure.figure_kind, figure.rate_percent,
    ]  # fmt: skip


def serialize(data: MetricsData) -> dict[str, bytes]:
    """File name → canonical bytes."""
    data = data.sorted()
    area: Callable[[AreaFigure], list[object]] = _area_row
    return {
        RELEASES_FILE: _csv_text(
            RELEASE_COLUMNS,
            (
                [r.release_date, r.figure_kind, r.layout, r.source_file, r.source_sha256]
                for r in data.releases
            ),
        ),
        MUNICIPALITIES_FILE: _csv_text(
            MUNICIPALITY_COLUMNS,
            (
                [
                    f.release_date,
                    f.key,
                    f.prefecture,
                    f.label,
                    f.population,
                    f.population_base_date,
                    f.cards,
                    f.cards_base_date,
                    f.figure_kind,
                    f.rate_percent,
                ]
                for f in data.municipalities
            ),
        ),
        PREFECTURES_FILE: _csv_text(PREFECTURE_COLUMNS, (area(f) for f in data.prefectures)),
        CATEGORIES_FILE: _csv_text(CATEGORY_COLUMNS, (area(f) for f in data.categories)),
        AGES_FILE: _csv_text(
            AGE_COLUMNS,
            (
                [
                    a.release_date,
                    a.age_band,
                    a.sex,
                    a.population,
                    a.cards,
                    a.rate_percent,
                    a.population_base_date,
                    a.cards_base_date,
                ]
                for a in data.ages
            ),
        ),
    }


def write_metrics(data: MetricsData, directory: Path) -> list[Path]:
    """Write all tables atomically: every temp file first, then os.replace each.

    Returns the files whose bytes changed (unchanged files are not touched).
    """
    return write_files(Path(directory), serialize(data))
