"""The normalised article every engine reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    """Clean article text plus whatever metadata its source carried.

    ``body`` holds paragraphs separated by a blank line, with hard wraps, noise
    lines and wire datelines already removed, so engines never see raw input.
    """

    body: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    language: str = "en"
    truncated: bool = False
    notes: tuple[str, ...] = field(default=())
