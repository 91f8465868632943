"""類似団体: for every municipality, the municipalities of the same category (特別区・政令指定都市・
市・町・村, as in data/reference) whose latest population is closest.

Closeness is the difference of log populations (a town of 10,000 is as close to one of
20,000 as a city of 100,000 to one of 200,000); ties go to the lower code, so the choice
is deterministic. Each category is sorted once and only the neighbours in that order are
compared: O(n·k) for the whole country, computed once per build.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from jirei.metrics.store import MetricsData
from jirei.reference.municipalities import Reference

PEERS = 5


def latest_populations(metrics: MetricsData, reference: Reference) -> dict[str, int]:
    """Population in the latest release that has the municipality (codes without data are left out)."""
    populations = {}
    for code in reference.by_code:
        series = metrics.municipality_series(code)
        if series:
            populations[code] = series[-1].population
    return populations


def _nearest(ordered: list[tuple[float, str]], index: int, count: int) -> tuple[str, ...]:
    """The `count` entries of `ordered` (sorted by log population) closest to entry `index`,
    closest first; equal distances go to the lower code. Only the `count` neighbours on each
    side (and any equal to the outermost) can be among them."""
    centre, own = ordered[index]
    low, high = max(0, index - count), min(len(ordered), index + count + 1)
    while low > 0 and ordered[low - 1][0] == ordered[low][0]:
        low -= 1
    while high < len(ordered) and ordered[high][0] == ordered[high - 1][0]:
        high += 1
    candidates = sorted(
        (round(abs(value - centre), 12), code) for value, code in ordered[low:high] if code != own
    )
    return tuple(code for _, code in candidates[:count])


def similar_municipalities(
    reference: Reference, populations: Mapping[str, int], count: int = PEERS
) -> dict[str, tuple[str, ...]]:
    """Code → codes of up to `count` similar municipalities, closest first."""
    groups: dict[str, list[tuple[float, str]]] = {}
    for code, population in populations.items():
        if population > 0 and code in reference.by_code:
            groups.setdefault(reference.by_code[code].category, []).append((math.log(population), code))
    result: dict[str, tuple[str, ...]] = {}
    for members in groups.values():
        members.sort()
        for index, (_, code) in enumerate(members):
            result[code] = _nearest(members, index, count)
    return result
