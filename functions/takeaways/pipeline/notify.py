"""Stage two: a stored summary becomes one alert, unless its story was already told.

A summary record that has vanished or is not a summary record can never become an alert:
it is recorded under ``rejected/`` like a bad article, not retried into the dead-letter queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from takeaways.alerts.render import render_alert
from takeaways.errors import ArticleRejected
from takeaways.pipeline.clock import Clock, utc_now
from takeaways.pipeline.naming import StageLayout, article_id_for
from takeaways.pipeline.ports import AlertPublisher, ArticleStore
from takeaways.pipeline.rejections import record_rejection
from takeaways.stories.ledger import StoryLedger
from takeaways.stories.matching import StoryEntry, classify_story
from takeaways.summary import ObjectRef


@dataclass(frozen=True, slots=True)
class NotifyOutcome:
    """What became of one summary record."""

    status: Literal["published", "duplicate_story", "rejected"]
    article_id: str
    story_id: str = ""
    is_update: bool = False
    message_id: str | None = None
    latency_seconds: float | None = None
    reason: str | None = None
    record_key: str | None = None


def publish_alert(
    ref: ObjectRef,
    *,
    store: ArticleStore,
    publisher: AlertPublisher,
    layout: StageLayout,
    ledger: StoryLedger | None = None,
    clock: Clock = utc_now,
) -> NotifyOutcome:
    """Render the stored summary as an alert and publish it, unless its story was already told.

    The ledger entry is written before publishing, keyed by this summary's version,
    so a retry after a failed publish recognises itself rather than a duplicate.
    """
    try:
        record = store.read_summary(ref)
    except ArticleRejected as rejected:
        return _rejected(ref, rejected, store=store, layout=layout, clock=clock)
    alert_key = f"{ref.key}@{ref.etag or ''}"
    verdict_kind, story_id = "new", record.article_id
    if ledger is not None and record.story_fingerprint:
        source_key = record.source_object.key
        verdict = classify_story(
            article_id=record.article_id,
            alert_key=alert_key,
            signature=record.story_fingerprint,
            url=record.article.url,
            source_key=source_key,
            candidates=ledger.candidates(record.story_fingerprint, record.article.url, source_key),
        )
        verdict_kind, story_id = verdict.kind, verdict.story_id
        if verdict.kind == "duplicate":
            return NotifyOutcome(status="duplicate_story", article_id=record.article_id, story_id=story_id)
        ledger.remember(
            StoryEntry(
                story_id=story_id,
                article_id=record.article_id,
                alert_key=alert_key,
                signature=record.story_fingerprint,
                url=record.article.url,
                source_key=source_key,
                headline=record.summary.headline,
            )
        )
    is_update = verdict_kind == "update"
    alert = render_alert(record, summary_uri=f"s3://{ref.bucket}/{ref.key}", is_update=is_update)
    message_id = publisher.publish(alert)
    now = clock()
    if ledger is not None:
        ledger.add_to_digest(alert.payload, now)
    latency = (now - record.received_at).total_seconds() if record.received_at else None
    return NotifyOutcome(
        status="published",
        article_id=record.article_id,
        story_id=story_id,
        is_update=is_update,
        message_id=message_id,
        latency_seconds=latency,
    )


def _rejected(
    ref: ObjectRef, rejected: ArticleRejected, *, store: ArticleStore, layout: StageLayout, clock: Clock
) -> NotifyOutcome:
    """Record why a summary record could not be alerted; its id is its own, apart from the article's."""
    record_id = article_id_for(ref.bucket, ref.key, layout.summaries_prefix)
    key = record_rejection(
        store,
        rejected_prefix=layout.rejected_prefix,
        record_id=record_id,
        source=ref,
        rejected=rejected,
        at=clock(),
    )
    return NotifyOutcome(
        status="rejected", article_id=record_id, reason=rejected.reason.value, record_key=key
    )
