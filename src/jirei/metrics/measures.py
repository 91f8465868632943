"""Which count a figure is (交付枚数 or 保有枚数), the 2023 change between them, and the
population a rate is taken on.

Until 2023-05 the ministry's headline figure was 交付枚数 (cards issued, cumulative). From
the 2023-06 release it also published 保有枚数 (cards held: issued minus cards cancelled
by death, expiry and so on) and made that the headline measure; about 4.92 million
cancelled cards had been counted until then (2023-07). The two are different measures:
a series must never join them without saying so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ISSUED = "交付枚数"
HELD = "保有枚数"
MEASURES = (ISSUED, HELD)
# The case outcome metrics that are card rates (and can be drawn beside the official series).
CARD_RATE_METRICS = ("交付枚数率", "保有枚数率")

# The first month whose ministry release carries 保有枚数 (2023-06, published 2023-07).
DEFINITION_CHANGE = date(2023, 6, 1)
DEFINITION_CHANGE_LABEL = "2023年6月の公表から保有枚数"

MEASURE_DEFINITIONS = {
    ISSUED: "その日までに交付されたカードの累計枚数（2023年5月までの総務省の公表の主な指標）",
    HELD: "交付枚数から死亡・有効期限切れなどで廃止されたカードを除いた、実際に保有されている枚数"
    "（2023年6月以降の主な指標）",
}


@dataclass(frozen=True)
class PopulationBase:
    """The population a rate is divided by, said in words."""

    description: str  # e.g. 住民基本台帳人口（2022年1月1日時点）
    computed: bool  # True: the rate was computed by this project, not published


def rate_label(measure: str) -> str:
    """「人口に対する保有枚数率」 — the published name of the rate of a measure."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure: {measure}")
    return f"人口に対する{measure}率"


def measure_of(measure: str) -> str:
    """The measure itself, checked (raises ValueError for anything else)."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure: {measure}")
    return measure
