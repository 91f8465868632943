"""Lambert conformal conic projection for Japan (standard parallels 30°N and 42°N, centre 36°N 137°E).

Returns kilometres east and south of the centre (y grows downwards, as in SVG).
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0
_PHI1, _PHI2, _PHI0, _LAMBDA0 = (math.radians(v) for v in (30.0, 42.0, 36.0, 137.0))


def _t(phi: float) -> float:
    return math.tan(math.pi / 4 + phi / 2)


_N = math.log(math.cos(_PHI1) / math.cos(_PHI2)) / math.log(_t(_PHI2) / _t(_PHI1))
_F = math.cos(_PHI1) * _t(_PHI1) ** _N / _N
_RHO0 = _F / _t(_PHI0) ** _N


def project(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) in km: x east, y south of 36°N 137°E."""
    rho = _F / _t(math.radians(lat)) ** _N
    theta = _N * (math.radians(lon) - _LAMBDA0)
    x = rho * math.sin(theta)
    y = _RHO0 - rho * math.cos(theta)
    return x * EARTH_RADIUS_KM, -y * EARTH_RADIUS_KM
