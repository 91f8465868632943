"""What an importer returns for one source file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from jirei.metrics.cells import CellError
from jirei.metrics.store import AgeFigure, AreaFigure
from jirei.problems import Problem


@dataclass
class ParsedFile:
    path: str  # as given (used in problems)
    source_file: str  # stable name stored in releases.csv
    sha256: str
    layout: str = ""
    figure_kind: str = "交付枚数"
    release_date: date | None = None
    municipalities: list[AreaFigure] = field(default_factory=list)
    prefectures: list[AreaFigure] = field(default_factory=list)
    categories: list[AreaFigure] = field(default_factory=list)
    ages: list[AgeFigure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        rule: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        key_path: str = "",
        got: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.problems.append(
            Problem(
                path=self.path,
                rule=rule,
                message=message,
                line=line,
                column=column,
                key_path=key_path,
                got=got,
                hint=hint,
            )
        )

    def add_cell_error(
        self, error: CellError, *, line: int | None, column: int | None, key_path: str = ""
    ) -> None:
        self.add(error.rule, error.message, line=line, column=column, key_path=key_path,
                 got=error.got, hint=error.hint)  # fmt: skip
