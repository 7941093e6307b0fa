"""Fitting text into channel limits: ASCII-only subjects, 140-character SMS, byte budgets."""

from __future__ import annotations

import unicodedata

# Characters NFKD cannot take apart but that have an obvious ASCII reading.
_ASCII_READINGS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u00df": "ss",
        "\u00e6": "ae",
        "\u00c6": "AE",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u00f8": "o",
        "\u00d8": "O",
        "\u0142": "l",
        "\u0141": "L",
        "\u0111": "d",
        "\u0110": "D",
        "\u00fe": "th",
        "\u00de": "Th",
        "\u20ac": "EUR",
        "\u00a3": "GBP",
    }
)


def to_ascii(text: str) -> str:
    """Transliterate to printable ASCII on one line; what has no reading is dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_READINGS))
    kept = []
    for char in decomposed:
        if char in "\r\n\t\v\f":
            kept.append(" ")
        elif " " <= char <= "~":
            kept.append(char)
    return " ".join("".join(kept).split())


def shorten(text: str, limit: int, ellipsis: str = "...") -> str:
    """Cut at a word boundary so the result, ellipsis included, fits ``limit`` characters."""
    if len(text) <= limit:
        return text
    room = max(limit - len(ellipsis), 0)
    cut = text[:room]
    if " " in cut[room // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + ellipsis
