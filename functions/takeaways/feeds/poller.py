"""Polling the feeds that are due: conditional fetch, parse, de-duplicate, extract, write articles.

Nothing is lost silently and nothing is written twice:

- an entry is claimed in the ledger under its GUID (per feed) and its canonical URL (across
  feeds) before its page is fetched, and once more under the page's own canonical URL, so the
  same story linked from two feeds becomes one article;
- a page that fails for a passing reason is released and tried again at the next poll, at most
  ``MAX_ENTRY_ATTEMPTS`` times; every final refusal is a rejection record with its reason;
- the feed's ETag and Last-Modified are stored only when every new entry was handled, so a
  304 never hides entries that a deadline or the per-poll cap left for later;
- a feed that fails is backed off (interval x 2^failures), counted as failing from
  ``FAILING_AFTER`` failures (the alarm), and suspended at ``SUSPEND_AFTER``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from takeaways.feeds.article import FeedRejection, article_document, article_key, rejection_key
from takeaways.feeds.fetch import Fetcher
from takeaways.feeds.limits import (
    FAILING_AFTER,
    MAX_BACKOFF_MINUTES,
    MAX_ENTRIES_PER_POLL,
    MAX_ENTRY_ATTEMPTS,
    SUSPEND_AFTER,
)
from takeaways.feeds.model import Feed, FeedEntry, FeedProblem, FeedRecord, FeedState, FetchRefused
from takeaways.feeds.pages import FetchedPage, read_page
from takeaways.feeds.parse import entry_fingerprint, parse_feed
from takeaways.feeds.ports import ArticleSink, EntryLedger, FeedRegistry
from takeaways.feeds.urls import canonical_url, same_site
from takeaways.pipeline.naming import FEED_ARTICLES_FOLDER

logger = logging.getLogger(__name__)

_FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.8, */*;q=0.1"
)


@dataclass
class PollReport:
    """What one poll did, for the handler's log line and metrics."""

    feeds_due: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    feeds_suspended: int = 0
    feeds_failing: int = 0
    entries_new: int = 0
    duplicates: int = 0
    retries: int = 0
    deferred: int = 0
    store_failures: int = 0  # feeds whose entries could not be written (S3 or the ledger failed)
    articles: list[str] = field(default_factory=list)
    rejected: Counter[str] = field(default_factory=Counter)


def backoff(interval_minutes: int, failures: int) -> timedelta:
    """The wait before a failing feed's next try: its interval doubled per consecutive failure, capped."""
    return timedelta(minutes=min(interval_minutes * 2 ** max(failures, 0), MAX_BACKOFF_MINUTES))


def is_due(record: FeedRecord, now: datetime) -> bool:
    state = record.state
    return not state.suspended and (state.next_poll_at is None or state.next_poll_at <= now)


def entry_keys(feed: Feed, entry: FeedEntry) -> list[str]:
    """GUIDs are unique only within their feed; canonical URLs are compared across all feeds."""
    return [f"guid:{feed.feed_id}:{entry.guid}", f"url:{canonical_url(entry.link)}"]


class FeedPoller:
    """Polls due feeds through the ports; ``out_of_time`` says when to stop starting new work."""

    def __init__(
        self,
        *,
        registry: FeedRegistry,
        ledger: EntryLedger,
        sink: ArticleSink,
        fetcher: Fetcher,
        clock: Callable[[], datetime],
        incoming_prefix: str = "incoming/",
        rejected_prefix: str = "rejected/",
        out_of_time: Callable[[], bool] = lambda: False,
        max_entries_per_poll: int = MAX_ENTRIES_PER_POLL,
    ) -> None:
        self._registry = registry
        self._ledger = ledger
        self._sink = sink
        self._fetcher = fetcher
        self._clock = clock
        self._incoming = incoming_prefix
        self._rejected = rejected_prefix
        self._out_of_time = out_of_time
        self._max_entries = max_entries_per_poll

    def poll_due(self) -> PollReport:
        report = PollReport()
        now = self._clock()
        records = self._registry.feeds()
        # The longest-waiting feed first: a feed with a large backlog cannot keep the others waiting.
        waiting = sorted(
            records, key=lambda record: record.state.next_poll_at or datetime.min.replace(tzinfo=now.tzinfo)
        )
        for record in waiting:
            if not is_due(record, now):
                continue
            if self._out_of_time():
                break
            report.feeds_due += 1
            state = self.poll_feed(record, report)
            self._registry.save_state(record.feed.feed_id, state)
            if state.suspended and not record.state.suspended:
                report.feeds_suspended += 1
        # Suspended feeds count too: the alarm stays on until someone fixes or removes the feed.
        report.feeds_failing = sum(
            1 for record in self._registry.feeds() if record.state.failures >= FAILING_AFTER
        )
        return report

    def poll_feed(self, record: FeedRecord, report: PollReport) -> FeedState:
        """One feed: fetch (conditionally), parse, handle its new entries; the feed's next state."""
        feed, state = record.feed, record.state
        now = self._clock()
        headers = {"Accept": _FEED_ACCEPT}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            response = self._fetcher.get(
                feed.url, max_bytes=self._fetcher.limits.max_feed_bytes, headers=headers
            )
            if response.status == 304:
                report.feeds_not_modified += 1
                return self._succeeded(feed, state, now, etag=state.etag, last_modified=state.last_modified)
            parsed = parse_feed(response.body, url=response.url, content_type=response.content_type)
        except FetchRefused as refused:
            return self._failed(feed, state, now, refused, report)
        except Exception as error:  # one feed's surprise must not stop the others
            logger.exception("feed poll failed unexpectedly", extra={"feed_url": feed.url})
            return self._failed(feed, state, now, _unexpected(feed.url, error), report)
        try:
            complete = self._ingest_entries(feed, list(reversed(parsed.entries)), report)
        except Exception:  # the store failed, not the feed: the other feeds still get their turn
            logger.exception("feed entries could not be stored", extra={"feed_url": feed.url})
            report.store_failures += 1
            complete = False  # what was handled is in the ledger; the rest comes round at once
        if not complete:
            # Due again at once, and without validators: the next poll must see the whole feed again.
            return replace(self._succeeded(feed, state, now, etag=None, last_modified=None), next_poll_at=now)
        return self._succeeded(
            feed,
            state,
            now,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _ingest_entries(self, feed: Feed, entries: list[FeedEntry], report: PollReport) -> bool:
        """Handle new entries, oldest first; False when some were left for the next poll."""
        handled = 0
        complete = True
        keys = {entry.guid + "\n" + entry.link: entry_keys(feed, entry) for entry in entries}
        known = self._ledger.finished(sorted({key for pair in keys.values() for key in pair}))
        for entry in entries:
            if known.intersection(keys[entry.guid + "\n" + entry.link]):
                report.duplicates += 1
                continue
            if self._out_of_time() or handled >= self._max_entries:
                report.deferred += 1
                complete = False
                continue
            outcome = self._ingest(feed, entry, report)
            if outcome == "retry":
                complete = False
            if outcome != "duplicate":
                handled += 1
        return complete

    def _ingest(self, feed: Feed, entry: FeedEntry, report: PollReport) -> str:
        keys = entry_keys(feed, entry)
        now = self._clock()
        if not feed.trusted and not same_site(entry.link, feed.url):
            # Remembered under this feed's GUID only: the URL stays free for a trusted feed that links it.
            return self._refuse_off_site(feed, entry, keys[:1], report, now)
        attempt = self._ledger.claim(keys, now=now)
        if attempt is None:
            report.duplicates += 1
            return "duplicate"
        report.entries_new += 1
        try:
            fetched = self._read_page(entry.link)
            if not feed.trusted and not same_site(fetched.final_url, feed.url):
                raise FetchRefused(
                    FeedProblem.OFF_SITE_LINK,
                    f"{entry.link} redirected off the feed's site to {fetched.final_url}, and the feed is not trusted",
                )
        except FetchRefused as refused:
            if refused.transient and attempt < MAX_ENTRY_ATTEMPTS:
                self._ledger.release(keys)
                report.retries += 1
                return "retry"
            self._reject_entry(feed, entry, refused, report)
            self._ledger.finish(keys, "rejected")
            return "rejected"
        page_url = canonical_url(fetched.page.canonical_url or fetched.final_url)
        page_key = f"url:{page_url}"
        if page_key not in keys:
            if self._ledger.claim([page_key], now=now) is None:
                # Another feed's entry (under another link) already brought this page.
                report.duplicates += 1
                self._ledger.finish(keys, "duplicate")
                return "duplicate"
            keys.append(page_key)
        document = article_document(
            fetched.page, url=fetched.final_url, fetched_at=now, feed=feed, entry=entry
        )
        key = article_key(self._incoming, document, group=f"{FEED_ARTICLES_FOLDER}{feed.source_slug}", at=now)
        try:
            self._sink.write_article(key, document)
        except Exception:
            self._ledger.release(
                keys
            )  # not written: the next poll tries it again, not after the claim expires
            raise
        self._ledger.finish(keys, "article", article_key=key)
        report.articles.append(key)
        return "article"

    def _read_page(self, url: str) -> FetchedPage:
        try:
            return read_page(self._fetcher, url)
        except FetchRefused:
            raise
        except Exception as error:  # a page no library expected: retried, then recorded, never a stuck poll
            logger.exception("page extraction failed unexpectedly", extra={"url": url})
            raise _unexpected(url, error) from error

    def _refuse_off_site(
        self, feed: Feed, entry: FeedEntry, keys: list[str], report: PollReport, now: datetime
    ) -> str:
        if self._ledger.claim(keys, now=now) is None:
            report.duplicates += 1
            return "duplicate"
        report.entries_new += 1
        refused = FetchRefused(
            FeedProblem.OFF_SITE_LINK,
            f"{entry.link} is not on the site of {feed.url}, and the feed is not trusted",
        )
        self._reject_entry(feed, entry, refused, report)
        self._ledger.finish(keys, "rejected")
        return "rejected"

    def _reject_entry(self, feed: Feed, entry: FeedEntry, refused: FetchRefused, report: PollReport) -> None:
        now = self._clock()
        record = FeedRejection(
            kind="entry",
            feed_url=feed.url,
            source=feed.source,
            url=entry.link,
            guid=entry.guid,
            reason=refused.problem.value,
            detail=refused.detail,
            rejected_at=now,
        )
        self._sink.write_rejection(
            rejection_key(self._rejected, feed, subject=f"entry-{entry_fingerprint(entry)}", at=now), record
        )
        report.rejected[refused.problem.value] += 1

    def _succeeded(
        self, feed: Feed, state: FeedState, now: datetime, *, etag: str | None, last_modified: str | None
    ) -> FeedState:
        return FeedState(
            etag=etag,
            last_modified=last_modified,
            failures=0,
            next_poll_at=now + timedelta(minutes=feed.interval_minutes),
            last_polled_at=now,
            last_error=None,
            suspended=False,
        )

    def _failed(
        self, feed: Feed, state: FeedState, now: datetime, refused: FetchRefused, report: PollReport
    ) -> FeedState:
        failures = state.failures + 1
        report.feeds_failed += 1
        report.rejected[refused.problem.value] += 1
        self._sink.write_rejection(
            rejection_key(self._rejected, feed, subject="feed", at=now),
            FeedRejection(
                kind="feed",
                feed_url=feed.url,
                source=feed.source,
                url=feed.url,
                guid=None,
                reason=refused.problem.value,
                detail=refused.detail,
                rejected_at=now,
            ),
        )
        return replace(
            state,
            failures=failures,
            next_poll_at=now + backoff(feed.interval_minutes, failures),
            last_polled_at=now,
            last_error=f"{refused.problem.value}: {refused.detail}"[:500],
            suspended=failures >= SUSPEND_AFTER,
        )


def _unexpected(url: str, error: Exception) -> FetchRefused:
    return FetchRefused(FeedProblem.UNEXPECTED, f"{url}: {error.__class__.__name__}: {error}"[:500])
