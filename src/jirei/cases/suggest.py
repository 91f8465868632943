"""「もしかして」 suggestions for misspelt keys and vocabulary terms."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to ``word``, or None when nothing is close."""
    options = list(candidates)
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    if matches:
        return matches[0]
    # Japanese terms are short: also accept a candidate that contains the word or vice versa.
    for option in options:
        if word and (word in option or option in word):
            return option
    return None


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    match = nearest(word, candidates)
    return f"「{match}」の書き間違いではありませんか" if match else None
