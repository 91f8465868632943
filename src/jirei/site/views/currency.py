"""How current the figures on a metrics page are: the newest figure's date and age at build
time, the site-wide notice while the newest per-municipality release is stale, and the
status heading (never 「最新」 on stale data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jirei.metrics.freshness import STALE_AFTER_MONTHS, DataAge
from jirei.metrics.later.national import NationalMonthly
from jirei.site.rendering.jinja import japanese_date


@dataclass(frozen=True)
class Currency:
    """What every metrics page says about the age of its data (built once per build)."""

    today: date
    official: DataAge | None  # newest per-municipality release
    national: DataAge | None  # newest Digital Agency national figure

    @property
    def stale(self) -> bool:
        return self.official is None or self.official.stale

    @property
    def notice(self) -> str:
        """The site-wide notice (empty while the per-municipality data is current)."""
        if not self.stale:
            return ""
        if self.official is None:
            return "市区町村別の公表値がまだ取り込まれていません。"
        text = (
            f"市区町村別・都道府県別の公表値は{self.official.as_of()}のものです。"
            f"総務省の市区町村別の表で、これより新しいものはまだ取り込まれていません"
            f"（{STALE_AFTER_MONTHS}か月より古いデータです）。"
            "2023年6月以降、総務省の主な指標は交付枚数から保有枚数（廃止されたカードを除く）に変わっています。"
        )
        if self.national is not None:
            text += f"全国の保有枚数はデジタル庁の公表で{self.national.as_of()}まであります。"
        return text

    def age_of(self, newest: date) -> DataAge:
        return DataAge(newest, self.today)

    def status_heading(self, newest: date) -> str:
        """「2022年12月31日時点の状況（約4年前）」, or 「最新の状況（…時点）」 only while current."""
        age = self.age_of(newest)
        if age.stale:
            return f"{japanese_date(newest)}時点の状況（{age.age}）"
        return f"最新の状況（{japanese_date(newest)}時点）"

    def built(self) -> str:
        return f"このページは{japanese_date(self.today)}に作成しました。"


def make_currency(today: date, release_dates: list[date], national: tuple[NationalMonthly, ...]) -> Currency:
    official = DataAge(max(release_dates), today) if release_dates else None
    newest_national = DataAge(national[-1].as_of, today) if national else None
    return Currency(today, official, newest_national)
