"""The two stages: an article object becomes a stored summary; a stored summary becomes an alert.

Two stages on purpose: a failed publish is retried without paying for a second
summary, and alerts can be replayed from stored summaries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from takeaways.alerts.digest import render_digest
from takeaways.alerts.render import render_alert
from takeaways.article import parse_article
from takeaways.engines import SummaryEngine
from takeaways.errors import ArticleRejected
from takeaways.pipeline.naming import article_id_for, record_key
from takeaways.pipeline.ports import AlertPublisher, ArticleStore, ObjectSuperseded
from takeaways.stories.fingerprint import story_fingerprint
from takeaways.stories.ledger import StoryLedger
from takeaways.stories.matching import StoryEntry, classify_story
from takeaways.summary import ArticleMeta, ObjectRef, RejectionRecord, SummaryRecord

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class StageLayout:
    """Where the stages read and write inside the bucket."""

    incoming_prefix: str = "incoming/"
    summaries_prefix: str = "summaries/"
    rejected_prefix: str = "rejected/"


@dataclass(frozen=True, slots=True)
class SummariseOutcome:
    """What became of one article object; plain data so idempotency can store and replay it."""

    status: Literal["summarised", "rejected", "superseded"]
    article_id: str
    record_key: str | None = None
    reason: str | None = None
    engine: str | None = None
    fallback_reason: str | None = None


@dataclass(frozen=True, slots=True)
class DigestOutcome:
    status: Literal["published", "empty"]
    day: str
    story_count: int
    message_id: str | None = None


@dataclass(frozen=True, slots=True)
class NotifyOutcome:
    """What became of one summary record."""

    status: Literal["published", "duplicate_story"]
    article_id: str
    story_id: str
    is_update: bool = False
    message_id: str | None = None
    latency_seconds: float | None = None


def summarise_article(
    ref: ObjectRef,
    *,
    store: ArticleStore,
    engine: SummaryEngine,
    layout: StageLayout,
    max_bytes: int,
    max_chars: int,
    received_at: datetime | None = None,
    clock: Clock = utc_now,
) -> SummariseOutcome:
    """Read, clean and summarise one article object, and store the summary or the rejection."""
    article_id = article_id_for(ref.bucket, ref.key, layout.incoming_prefix)
    try:
        raw, ref = store.read_article(ref, max_bytes=max_bytes)
        article = parse_article(raw, ref.key, max_chars=max_chars)
    except ObjectSuperseded:
        return SummariseOutcome(status="superseded", article_id=article_id, reason="superseded")
    except ArticleRejected as rejected:
        key = record_key(layout.rejected_prefix, article_id)
        store.write_rejection(
            key,
            RejectionRecord(
                article_id=article_id,
                source_object=ref,
                reason=rejected.reason.value,
                detail=rejected.detail,
                rejected_at=clock(),
            ),
        )
        return SummariseOutcome(
            status="rejected", article_id=article_id, record_key=key, reason=rejected.reason.value
        )
    summary = engine.summarise(article)
    key = record_key(layout.summaries_prefix, article_id)
    store.write_summary(
        key,
        SummaryRecord(
            article_id=article_id,
            source_object=ref,
            article=ArticleMeta(
                title=article.title,
                url=article.url,
                published=article.published,
                source=article.source,
                author=article.author,
                language=article.language,
                truncated=article.truncated,
                notes=list(article.notes),
            ),
            summary=summary,
            story_fingerprint=story_fingerprint(f"{article.title or ''}\n{article.body}"),
            received_at=received_at,
            summarised_at=clock(),
        ),
    )
    return SummariseOutcome(
        status="summarised",
        article_id=article_id,
        record_key=key,
        engine=summary.engine,
        fallback_reason=summary.fallback_reason,
    )


def publish_alert(
    ref: ObjectRef,
    *,
    store: ArticleStore,
    publisher: AlertPublisher,
    ledger: StoryLedger | None = None,
    clock: Clock = utc_now,
) -> NotifyOutcome:
    """Render the stored summary as an alert and publish it, unless its story was already told.

    The ledger entry is written before publishing, keyed by this summary's version,
    so a retry after a failed publish recognises itself rather than a duplicate.
    """
    record = store.read_summary(ref)
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


def publish_digest(day: str, *, ledger: StoryLedger, publisher: AlertPublisher) -> DigestOutcome:
    """Publish the day's alerts as one digest; a day without alerts sends nothing."""
    alerts = ledger.digest_for(day)
    if not alerts:
        return DigestOutcome(status="empty", day=day, story_count=0)
    digest = render_digest(day, alerts)
    message_id = publisher.publish(digest)
    return DigestOutcome(
        status="published", day=day, story_count=digest.payload.story_count, message_id=message_id
    )
