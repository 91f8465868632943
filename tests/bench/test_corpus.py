from __future__ import annotations

from datetime import date
from pathlib import Path

from jirei.bench import corpus
from jirei.cases.validate import validate_files
from jirei.metrics.importers.importer import import_paths
from jirei.metrics.store import load_metrics
from jirei.reference.codes import is_valid_code
from jirei.reference.municipalities import load_reference


def test_fake_municipalities_have_valid_unique_codes_and_fake_names() -> None:
    fakes = corpus.fake_municipalities()
    assert len(fakes) == 1741
    assert len({m.code for m in fakes}) == 1741
    assert all(is_valid_code(m.code) for m in fakes)
    assert all(m.name.startswith("ベンチ") and m.prefecture.startswith("ベンチ県") for m in fakes)
    assert len({m.pref_code for m in fakes}) == 47


def test_release_dates_are_month_ends() -> None:
    days = corpus.release_dates(14)
    assert days[0] == date(2016, 1, 31) and days[1] == date(2016, 2, 29) and days[-1] == date(2017, 2, 28)


def test_corpus_imports_and_validates(tmp_path: Path) -> None:
    """With the benchmark's 120 monthly releases (2016-01 … 2025-12), so that the cases'
    figures meet official releases around them (official-mismatch once failed every case)."""
    fakes = corpus.fake_municipalities()[:30]
    corpus.write_reference(tmp_path / "reference", fakes)
    reference = load_reference(tmp_path / "reference")
    folders = corpus.write_releases(tmp_path / "raw", fakes, 120)
    summary = import_paths(folders, tmp_path / "metrics", reference)
    assert len(summary.added) == 120
    metrics = load_metrics(tmp_path / "metrics")
    assert len(metrics.municipalities) == 120 * 30
    corpus.write_cases(tmp_path / "cases", fakes, 40)  # more cases than municipalities
    result = validate_files(
        [tmp_path / "cases"], cases_dir=tmp_path / "cases", reference=reference, metrics=metrics
    )
    assert result.errors == [] and len(result.cases) == 40
