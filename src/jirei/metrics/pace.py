"""How long until everyone has a card, at a given yearly pace."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaceProjection:
    remaining: int
    per_year: float
    years_to_full: float | None  # None: the pace is zero or negative (never)
    target_years: float | None
    required_multiple: float | None  # pace needed for target_years ÷ current pace


def project_pace(remaining: int, per_year: float, target_years: float | None = None) -> PaceProjection:
    if remaining < 0:
        raise ValueError("remaining must be >= 0")
    if target_years is not None and target_years <= 0:
        raise ValueError("target_years must be > 0")
    years = remaining / per_year if per_year > 0 else (0.0 if remaining == 0 else None)
    multiple: float | None = None
    if target_years is not None and per_year > 0:
        multiple = (remaining / target_years) / per_year
    return PaceProjection(remaining, per_year, years, target_years, multiple)


def format_projection(p: PaceProjection) -> list[str]:
    lines = [f"残り {p.remaining:,} 枚、現在のペース 年 {p.per_year:,.0f} 枚"]
    if p.years_to_full is None:
        lines.append("ペースが 0 以下のため、全員に行き渡る見込みは立ちません")
    else:
        lines.append(f"このペースでは全員に行き渡るまで {p.years_to_full:.1f} 年かかります")
    if p.target_years is not None:
        if p.required_multiple is None:
            needed = p.remaining / p.target_years
            lines.append(
                f"{p.target_years:g} 年で終えるには年 {needed:,.0f} 枚が必要です（現在のペースは 0 以下）"
            )
        else:
            lines.append(
                f"{p.target_years:g} 年で終えるには現在の {p.required_multiple:.1f} 倍のペースが必要です"
            )
    return lines
