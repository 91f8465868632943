"""Hepburn romaji for the katakana readings of data/reference (ミヤコノジョウシ → miyakonojoshi).

Readers type romaji without macrons. data/places.json carries one key per place, modified
Hepburn of the name without 市・町・村・区 and with long vowels shortened (miyakonojo, osaka);
search.js shortens the long vowels of the query the same way (miyakonojou → miyakonojo) and
also tries it without a trailing shi/cho/machi/son/mura/ku/ken/fu/to.
"""

from __future__ import annotations

import unicodedata

_SINGLE = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲン"
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォ",
        "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
        "ma mi mu me mo ya yu yo ra ri ru re ro wa i e o n ga gi gu ge go za ji zu ze zo "
        "da ji zu de do ba bi bu be bo pa pi pu pe po vu a i u e o".split(),
        strict=True,
    )
)
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_DIGRAPH_STEM = {"シ": "sh", "チ": "ch", "ジ": "j", "ヂ": "j"}
_LONG = (("ou", "o"), ("oo", "o"), ("uu", "u"))
# The reading of the kind of municipality at the end of a name: 都城市 ミヤコノジョウ|シ.
_SUFFIXES = {
    "市": ("シ",), "区": ("ク",), "町": ("チョウ", "マチ"), "村": ("ソン", "ムラ"),
    "県": ("ケン",), "府": ("フ",), "都": ("ト",),
}  # fmt: skip


def kana_romaji(reading: str) -> str:
    """Kana-by-kana Hepburn of a katakana (or hiragana) reading, long vowels as typed (ou, uu)."""
    kana = unicodedata.normalize("NFKC", reading)
    kana = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in kana)
    out: list[str] = []
    double = False
    for index, char in enumerate(kana):
        following = kana[index + 1] if index + 1 < len(kana) else ""
        if char == "ッ":
            double = True
            continue
        if char in _SMALL_Y:
            continue  # written with the kana before it
        if char == "ー":
            out.append(out[-1][-1] if out else "")
            continue
        syllable = _SINGLE.get(char, "")
        if following in _SMALL_Y and syllable:
            stem = _DIGRAPH_STEM.get(char, syllable[:-1] + "y")
            syllable = stem + _SMALL_Y[following]
        if double and syllable:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    return "".join(out)


def hepburn(reading: str) -> str:
    """Modified Hepburn without macrons: long o and u shortened (ミヤコノジョウ → miyakonojo)."""
    text = kana_romaji(reading)
    for long, short in _LONG:
        text = text.replace(long, short)
    return text


def place_stem(name: str, reading: str) -> str:
    """The reading without the kind of place (ミヤコノジョウシ → ミヤコノジョウ; 北海道 is kept whole)."""
    for suffix in _SUFFIXES.get(name[-1:], ()):
        if reading.endswith(suffix) and len(reading) > len(suffix):
            return reading[: -len(suffix)]
    return reading
