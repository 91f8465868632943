"""The controlled vocabulary (data/vocabulary.yml): themes, measure kinds, success factors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from jirei.paths import project

# Case fields whose values must come from the vocabulary: field path → vocabulary section.
VOCABULARY_FIELDS: Mapping[str, str] = {
    "themes[]": "themes",
    "measures[].kind": "measures",
    "success_factors[].factor": "success_factors",
}


@dataclass(frozen=True)
class Vocabulary:
    """Each field maps a term to its one-line Japanese description, in file order."""

    themes: Mapping[str, str]
    measures: Mapping[str, str]
    success_factors: Mapping[str, str]


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The controlled vocabulary (the project's ``data/vocabulary.yml`` unless ``path`` is given)."""
    return _read_vocabulary(path or project().data_dir / "vocabulary.yml")


@lru_cache(maxsize=4)
def _read_vocabulary(path: Path) -> Vocabulary:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Vocabulary(
        themes=dict(raw["themes"]),
        measures=dict(raw["measures"]),
        success_factors=dict(raw["success_factors"]),
    )
