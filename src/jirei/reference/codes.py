"""全国地方公共団体コード: the 6-digit code with its check digit."""

from __future__ import annotations

_WEIGHTS = (6, 5, 4, 3, 2)


def check_digit(code5: str) -> int:
    """Return the check digit for a 5-digit code (d6 = (11 − Σ wᵢ·dᵢ mod 11) mod 10)."""
    if len(code5) != 5 or not (code5.isascii() and code5.isdigit()):
        raise ValueError(f"5 桁の半角数字が必要です: {code5!r}")
    total = sum(w * int(d) for w, d in zip(_WEIGHTS, code5, strict=True))
    return (11 - total % 11) % 10


def is_valid_code(code: str) -> bool:
    """True for 6 ASCII digits whose last digit is the correct check digit."""
    if len(code) != 6 or not (code.isascii() and code.isdigit()):
        return False
    return check_digit(code[:5]) == int(code[5])


def with_check_digit(code5: str) -> str:
    """Append the check digit to a 5-digit code."""
    return f"{code5}{check_digit(code5)}"
