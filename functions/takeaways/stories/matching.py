"""Deciding whether a new summary is a new story, a duplicate, or an update of one already alerted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from takeaways.stories.fingerprint import similarity

# Above this, nothing material changed: a re-upload or another outlet's copy of the same text.
DUPLICATE_SIMILARITY = 0.8
# Above this (or with the same URL or object key), it is the same story told again with changes.
SAME_STORY_SIMILARITY = 0.3


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """What the ledger remembers of an alerted story."""

    story_id: str
    article_id: str
    alert_key: str
    signature: list[int]
    url: str | None
    source_key: str
    headline: str


@dataclass(frozen=True, slots=True)
class StoryVerdict:
    kind: Literal["new", "duplicate", "update"]
    story_id: str
    similarity: float = 0.0


def classify_story(
    *,
    article_id: str,
    alert_key: str,
    signature: list[int],
    url: str | None,
    source_key: str,
    candidates: list[StoryEntry],
) -> StoryVerdict:
    """Compare with the candidates that share a band key (or the URL or key) with this article.

    A candidate carrying this very alert key is this alert's own earlier attempt (a
    retry after a failed publish), so it is not counted against it.
    """
    best: StoryVerdict | None = None
    for entry in candidates:
        if entry.alert_key == alert_key:
            continue
        score = similarity(signature, entry.signature)
        same_origin = bool(url and entry.url == url) or entry.source_key == source_key
        if score >= DUPLICATE_SIMILARITY:
            verdict = StoryVerdict("duplicate", entry.story_id, score)
        elif score >= SAME_STORY_SIMILARITY or same_origin:
            verdict = StoryVerdict("update", entry.story_id, score)
        else:
            continue
        if best is None or _rank(verdict) > _rank(best):
            best = verdict
    return best or StoryVerdict("new", article_id)


def _rank(verdict: StoryVerdict) -> tuple[int, float]:
    return (2 if verdict.kind == "duplicate" else 1, verdict.similarity)
