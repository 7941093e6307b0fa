"""Slugs: the readable part of object keys and folder names, spelled one way everywhere."""

from __future__ import annotations

import re

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Long enough to recognise a headline or a source in a listing; keys stay well under S3's 1,024 bytes.
MAX_SLUG = 60


def slug(text: str, limit: int = MAX_SLUG) -> str:
    """Lower-case ASCII letters and digits joined by single hyphens, cut at ``limit``; may be empty.

    Other letters go with the punctuation ("Ünïcode" -> "n-code"): a slug is for recognising a key,
    and the hash beside it in an article id keeps such keys apart.
    """
    return _NOT_SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-")
