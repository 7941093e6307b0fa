"""How long each piece of article metadata may be: the one home of these limits, applied at intake.

An article's metadata travels in every alert's message and attributes. Unbounded, a
60 KB ``url`` makes every publish of that alert exceed SNS's 256 KiB forever; bounded
here, no channel or record downstream has to guess.
"""

from __future__ import annotations

from typing import Final

MAX_TITLE_CHARS: Final = 300
MAX_AUTHOR_CHARS: Final = 200
MAX_SOURCE_CHARS: Final = 120
# An ISO time with fractions and a zone is 32 characters; anything much longer is not a date.
MAX_PUBLISHED_CHARS: Final = 64
MAX_URL_CHARS: Final = 2048
MAX_NOTES: Final = 10
MAX_NOTE_CHARS: Final = 300


def bounded(text: str | None, limit: int) -> str | None:
    """One line of at most ``limit`` characters, cut at a word boundary when there is one."""
    if text is None:
        return None
    line = " ".join(text.split())
    if len(line) <= limit:
        return line or None
    cut = line[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"


def bounded_published(text: str | None) -> str | None:
    """A publication time is kept whole or not at all: half a date is a wrong date."""
    line = " ".join((text or "").split())
    return line if line and len(line) <= MAX_PUBLISHED_CHARS else None
