"""Stage two: a stored summary becomes at most one alert, an update of its story, or nothing new.

Each summary version is one alert with a recorded life (``stories.ledger``): its story decision
and ``pending`` state are written before the publish, its ``sent`` state and digest line in one
write after it. Whatever fails afterwards — the digest write, the idempotency completion, the
function itself, the Publish answer — the next attempt finds the record and does not publish
again; an alert the topic refused is ``failed`` and goes out on the next attempt (or redrive).

A summary record that has vanished or is not a summary record can never become an alert:
it is recorded under ``rejected/`` like a bad article, not retried into the dead-letter queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from takeaways.alerts.payload import AlertThread
from takeaways.alerts.render import RenderedAlert, render_alert
from takeaways.config import STORY_WINDOW_SECONDS
from takeaways.errors import ArticleRejected, TransientFailure
from takeaways.pipeline.clock import Clock, utc_now
from takeaways.pipeline.naming import StageLayout, article_id_for
from takeaways.pipeline.ports import AlertPublisher, ArticleStore, PublishOutcomeUnknown, PublishRefused
from takeaways.pipeline.rejections import record_rejection
from takeaways.stories.fingerprint import Sketch, with_figures
from takeaways.stories.ledger import AlertRecord, LedgerConflict, StoryLedger
from takeaways.stories.terms import term_vector
from takeaways.stories.threads import MAX_SENTENCES, StoryProbe, alert_id_for, decide_story, outlet_of
from takeaways.summary import ObjectRef, SummaryRecord

DEFAULT_WINDOW = timedelta(seconds=STORY_WINDOW_SECONDS)
# Concurrent notifications of one story resolve in a round or two; more means something is wrong.
_DECISION_ROUNDS = 8

NotifyStatus = Literal["published", "already_published", "unconfirmed", "duplicate_story", "rejected"]


@dataclass(frozen=True, slots=True)
class NotifyOutcome:
    """What became of one summary record."""

    status: NotifyStatus
    article_id: str
    story_id: str = ""
    alert_id: str = ""
    relation: str = "new"
    is_update: bool = False
    similar_to: str | None = None
    outlet_count: int = 1
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
    window: timedelta = DEFAULT_WINDOW,
) -> NotifyOutcome:
    """Publish the stored summary's alert at most once, as new, as an update, or not at all."""
    try:
        record = store.read_summary(ref)
    except ArticleRejected as rejected:
        return _rejected(ref, rejected, store=store, layout=layout, clock=clock)
    alert_id = alert_id_for(f"{ref.key}@{ref.etag or ''}")
    summary_uri = f"s3://{ref.bucket}/{ref.key}"
    if ledger is None:
        alert = render_alert(record, summary_uri=summary_uri)
        return _outcome("published", record, None, publisher.publish(alert), clock())
    state = ledger.alert(alert_id)
    if state is None:
        state, alert = _decide(record, alert_id, summary_uri, ledger=ledger, clock=clock, window=window)
    elif state.state == "pending":
        # An earlier attempt got as far as the publish and no further: it may have gone out.
        alert = _render(record, summary_uri, state)
        ledger.settle(alert_id, "unconfirmed", None, alert.payload, clock())
        return _outcome("unconfirmed", record, state, None, clock())
    elif state.state == "failed":
        alert = _render(record, summary_uri, state)
        state = ledger.reopen(state, clock())
    else:
        status: NotifyStatus = "duplicate_story" if state.state == "duplicate" else "already_published"
        return _outcome(status, record, state, state.message_id, clock())
    if state.state == "duplicate":
        return _outcome("duplicate_story", record, state, None, clock())
    try:
        message_id = publisher.publish(alert)
    except PublishRefused:
        ledger.mark_failed(alert_id)
        raise
    except PublishOutcomeUnknown:
        ledger.settle(alert_id, "unconfirmed", None, alert.payload, clock())
        return _outcome("unconfirmed", record, state, None, clock())
    ledger.settle(alert_id, "sent", message_id, alert.payload, clock())
    return _outcome("published", record, state, message_id, clock())


def story_probe(record: SummaryRecord, alert_id: str, at: datetime) -> StoryProbe:
    """What the story ledger is asked about a summary: its terms, names, fingerprint and origin."""
    summary, article = record.summary, record.article
    sketches = (
        [
            list(with_figures(tuple(sketch), figures))
            for sketch, figures in zip(record.sentence_sketches, record.sentence_figures, strict=True)
        ]
        if len(record.sentence_figures) == len(record.sentence_sketches)
        else record.sentence_sketches
    )
    takeaways = [takeaway.text for takeaway in summary.takeaways]
    return StoryProbe(
        entry_id=alert_id,
        article_id=record.article_id,
        at=story_time(record, at),
        signature=record.story_fingerprint,
        vector=term_vector(
            [article.title or "", summary.headline, summary.summary, *takeaways],
            [entity.name for entity in summary.entities],
        ),
        url=article.url,
        source_key=record.source_object.key,
        outlet=outlet_of(article.source, article.url, record.source_object.key),
        headline=summary.headline,
        summary=summary.summary,
        takeaways=takeaways,
        sentences=tuple(map(tuple, sketches)) if len(sketches) <= MAX_SENTENCES else (),
        takeaway_sources=tuple(_sketches_of(sketches, t.evidence) for t in summary.takeaways),
        summary_sources=_sketches_of(sketches, record.summary_evidence),
        closing=[line.text for line in record.closing_lines],
        closing_sources=tuple(_sketches_of(sketches, line.evidence) for line in record.closing_lines),
    )


def _sketches_of(sketches: list[list[int]], indexes: list[int]) -> tuple[Sketch, ...]:
    return tuple(tuple(sketches[i]) for i in indexes if 0 <= i < len(sketches))


def story_time(record: SummaryRecord, fallback: datetime) -> datetime:
    """When the story was told: the article's publication time if it gives one, else when it arrived."""
    if record.article.published:
        try:
            moment = datetime.fromisoformat(record.article.published.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment
    return record.received_at or fallback


def decide_alert(
    record: SummaryRecord, alert_id: str, *, ledger: StoryLedger, at: datetime, window: timedelta
) -> AlertRecord:
    """Decide the story and record it with the alert's first state; re-decide when a rival got there first."""
    probe = story_probe(record, alert_id, at)
    for _ in range(_DECISION_ROUNDS):
        snapshot = ledger.snapshot(probe)
        decision = decide_story(probe, snapshot.candidates, snapshot.threads, window=window)
        state = AlertRecord.deciding(alert_id, record.article_id, decision, at)
        try:
            ledger.record_decision(probe, decision, state, snapshot)
        except LedgerConflict:
            if ledger.alert(alert_id) is not None:
                # Another attempt at this very alert decided first and may be publishing it now:
                # the queue's next delivery will find its recorded state.
                raise TransientFailure(f"{alert_id} is being handled by another attempt") from None
            continue
        return state
    raise TransientFailure(f"story decision for {alert_id} kept conflicting")


def _decide(
    record: SummaryRecord,
    alert_id: str,
    summary_uri: str,
    *,
    ledger: StoryLedger,
    clock: Clock,
    window: timedelta,
) -> tuple[AlertRecord, RenderedAlert]:
    # Rendering cannot fail once a decision is recorded: a pending alert that was never sent would
    # otherwise be settled as unconfirmed on the next attempt and lost.
    render_alert(record, summary_uri=summary_uri)
    state = decide_alert(record, alert_id, ledger=ledger, at=clock(), window=window)
    return state, _render(record, summary_uri, state)


def _render(record: SummaryRecord, summary_uri: str, state: AlertRecord) -> RenderedAlert:
    thread = AlertThread(
        alert_id=state.alert_id,
        thread_id=state.story_id,
        outlet_count=state.outlet_count,
        new_takeaways=state.new_takeaways,
    )
    return render_alert(record, summary_uri=summary_uri, is_update=state.relation == "update", thread=thread)


def _outcome(
    status: NotifyStatus,
    record: SummaryRecord,
    state: AlertRecord | None,
    message_id: str | None,
    now: datetime,
) -> NotifyOutcome:
    latency = (now - record.received_at).total_seconds() if record.received_at else None
    return NotifyOutcome(
        status=status,
        article_id=record.article_id,
        story_id=state.story_id if state else record.article_id,
        alert_id=state.alert_id if state else "",
        relation=state.relation if state else "new",
        is_update=bool(state and state.relation == "update"),
        similar_to=state.similar_to if state else None,
        outlet_count=state.outlet_count if state else 1,
        message_id=message_id,
        latency_seconds=latency if status == "published" else None,
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
