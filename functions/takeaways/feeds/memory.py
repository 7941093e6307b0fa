"""The poller's ports held in memory: for the benchmark, the tests and one-off runs without AWS."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from takeaways.feeds.article import FeedRejection
from takeaways.feeds.limits import CLAIM_EXPIRY_SECONDS
from takeaways.feeds.model import Feed, FeedRecord, FeedState
from takeaways.feeds.ports import FINISHED, EntryOutcome


@dataclass
class MemoryFeedRegistry:
    records: dict[str, FeedRecord] = field(default_factory=dict)

    def add(self, feed: Feed) -> None:
        self.records[feed.feed_id] = FeedRecord(feed)

    def feeds(self) -> list[FeedRecord]:
        return list(self.records.values())

    def save_state(self, feed_id: str, state: FeedState) -> None:
        self.records[feed_id] = FeedRecord(self.records[feed_id].feed, state)


@dataclass
class _Seen:
    status: str
    attempts: int
    claimed_at: datetime | None
    article_key: str | None = None


@dataclass
class MemoryEntryLedger:
    seen: dict[str, _Seen] = field(default_factory=dict)

    def claim(self, keys: Sequence[str], *, now: datetime) -> int | None:
        expiry = now - timedelta(seconds=CLAIM_EXPIRY_SECONDS)
        for key in keys:
            item = self.seen.get(key)
            if item is None or item.status == "retry":
                continue
            if item.status == "pending" and item.claimed_at is not None and item.claimed_at < expiry:
                continue
            return None
        attempt = 1 + max((self.seen[key].attempts for key in keys if key in self.seen), default=0)
        for key in keys:
            self.seen[key] = _Seen("pending", attempt, now)
        return attempt

    def finished(self, keys: Sequence[str]) -> set[str]:
        return {key for key in keys if key in self.seen and self.seen[key].status in FINISHED}

    def finish(self, keys: Sequence[str], outcome: EntryOutcome, *, article_key: str | None = None) -> None:
        for key in keys:
            previous = self.seen.get(key)
            self.seen[key] = _Seen(outcome, previous.attempts if previous else 1, None, article_key)

    def release(self, keys: Sequence[str]) -> None:
        for key in keys:
            previous = self.seen.get(key)
            self.seen[key] = _Seen("retry", previous.attempts if previous else 1, None)


@dataclass
class MemoryArticleSink:
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    rejections: dict[str, FeedRejection] = field(default_factory=dict)

    def write_article(self, key: str, document: dict[str, Any]) -> None:
        self.articles[key] = document

    def write_rejection(self, key: str, record: FeedRejection) -> None:
        self.rejections[key] = record
