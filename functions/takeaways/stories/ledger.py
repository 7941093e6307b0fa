"""The port through which the notify stage remembers alerted stories and finds similar ones."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from takeaways.alerts.payload import AlertPayload
from takeaways.stories.matching import StoryEntry


class StoryLedger(Protocol):
    """Alerted stories within the de-duplication window, and each day's alerts for the digest."""

    def candidates(self, signature: list[int], url: str | None, source_key: str) -> list[StoryEntry]:
        """Entries that share a fingerprint band, the URL or the object key with this article."""
        ...

    def remember(self, entry: StoryEntry) -> None:
        """Record an alerted article so later copies and updates of its story are recognised."""
        ...

    def add_to_digest(self, payload: AlertPayload, published_at: datetime) -> None:
        """Keep the alert for the daily digest."""
        ...

    def digest_for(self, day: str) -> list[AlertPayload]:
        """The alerts published on a UTC day (``YYYY-MM-DD``), oldest first."""
        ...
