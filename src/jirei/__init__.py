"""jirei (事例): a knowledge base of Japanese municipal best-practice cases."""

from __future__ import annotations

__version__ = "0.1.0"
