"""What the feed poller needs from the world, as narrow protocols (DynamoDB and S3 in AWS, memory in tests)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal, Protocol

from takeaways.feeds.article import FeedRejection
from takeaways.feeds.model import FeedRecord, FeedState

EntryOutcome = Literal["article", "duplicate", "rejected"]
FINISHED: frozenset[str] = frozenset({"article", "duplicate", "rejected"})


class FeedRegistry(Protocol):
    """The configured feeds and their polling state."""

    def feeds(self) -> list[FeedRecord]: ...

    def save_state(self, feed_id: str, state: FeedState) -> None: ...


class EntryLedger(Protocol):
    """Which entries were seen, by key (``guid:<feed>:<guid>``, ``url:<canonical url>``).

    ``claim`` takes every key at once, or none: it answers the attempt number (1 for a new entry),
    or None when any key is already done or being worked on by another poller.
    """

    def claim(self, keys: Sequence[str], *, now: datetime) -> int | None: ...

    def finished(self, keys: Sequence[str]) -> set[str]:
        """Those of ``keys`` already done with (article, duplicate or rejected): one read for a whole feed."""
        ...

    def finish(
        self, keys: Sequence[str], outcome: EntryOutcome, *, article_key: str | None = None
    ) -> None: ...

    def release(self, keys: Sequence[str]) -> None: ...


class ArticleSink(Protocol):
    """Where articles and rejection records go."""

    def write_article(self, key: str, document: dict[str, Any]) -> None: ...

    def write_rejection(self, key: str, record: FeedRejection) -> None: ...
