"""The normalised article every engine reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    """Clean article text plus whatever metadata its source carried.

    ``body`` holds paragraphs separated by a blank line, with hard wraps, noise
    lines and wire datelines already removed, so engines never see raw input.
    ``source`` is set only when the operator trusts the outlet the article claims
    (``claimed_source``, kept for the record and used for nothing else).
    """

    body: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    claimed_source: str | None = None
    author: str | None = None
    language: str = "en"
    truncated: bool = False
    notes: tuple[str, ...] = field(default=())
