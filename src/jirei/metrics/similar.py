"""類似団体: for every municipality, the municipalities of the same group whose latest
population is closest. The group is 総務省's 類似団体区分 (data/reference/peer-groups.csv,
jirei.reference.peer_groups) where the municipality has one, else its category (特別区・
政令指定都市・市・町・村, as in data/reference). Each list says which grouping it used.

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


class Peers(tuple[str, ...]):
    """Codes of similar municipalities, closest first, and the grouping they come from
    (e.g. 「総務省の類似団体区分「一般市Ⅲ－３」」); a tuple, so it is used like one."""

    basis: str
    peer_group: str  # the 類似団体区分, "" when the category was used

    def __new__(cls, codes: tuple[str, ...] = (), basis: str = "", peer_group: str = "") -> Peers:
        peers = super().__new__(cls, codes)
        peers.basis = basis
        peers.peer_group = peer_group
        return peers

    def __getnewargs__(self) -> tuple[tuple[str, ...], str, str]:
        return (tuple(self), self.basis, self.peer_group)


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


def _group(code: str, reference: Reference, peer_groups: Mapping[str, str]) -> tuple[str, str]:
    """(group key, peer group or '') of a municipality."""
    if code in peer_groups:
        return f"類似団体区分:{peer_groups[code]}", peer_groups[code]
    return f"区分:{reference.by_code[code].category}", ""


def similar_municipalities(
    reference: Reference,
    populations: Mapping[str, int],
    count: int = PEERS,
    peer_groups: Mapping[str, str] | None = None,
) -> dict[str, Peers]:
    """Code → up to `count` similar municipalities, closest first. ``peer_groups``: code →
    類似団体区分 (jirei.reference.peer_groups); municipalities without one are grouped by category."""
    peer_groups = peer_groups or {}
    groups: dict[str, list[tuple[float, str]]] = {}
    for code, population in populations.items():
        if population > 0 and code in reference.by_code:
            key, _ = _group(code, reference, peer_groups)
            groups.setdefault(key, []).append((math.log(population), code))
    result: dict[str, Peers] = {}
    for members in groups.values():
        members.sort()
        for index, (_, code) in enumerate(members):
            _, peer_group = _group(code, reference, peer_groups)
            if peer_group:
                basis = f"総務省の類似団体区分「{peer_group}」（全国 {len(members)} 団体）"
            else:
                basis = f"同じ区分（{reference.by_code[code].category}）"
            result[code] = Peers(_nearest(members, index, count), basis, peer_group)
    return result
