"""SummariseFunction: S3 notifications from the ingest queue become stored summaries."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from aws_lambda_powertools.utilities.idempotency import idempotent_function
from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.handlers.dependencies import summarise_dependencies
from takeaways.handlers.messages import created_objects
from takeaways.handlers.sqs_batch import PartialBatchResponse, QueueMessage, process_queue_batch
from takeaways.observability import (
    ARTICLES_RECEIVED,
    ENGINE_FALLBACKS,
    EVENTS_IGNORED,
    INPUTS_REJECTED,
    RECURRING_LINES_DROPPED,
    SUMMARIES_WRITTEN,
    count,
    count_with_reason,
    logger,
    metrics,
    tracer,
)
from takeaways.pipeline.summarise import summarise_article
from takeaways.records import from_jsonable
from takeaways.summary import ObjectRef


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> PartialBatchResponse:
    deps = summarise_dependencies()
    deps.idempotency.register_lambda_context(context)
    deps.remaining.context = context
    return process_queue_batch(event, handle_message)


def handle_message(message: QueueMessage) -> None:
    """One queue message: an S3 notification with (normally) one created object."""
    deps = summarise_dependencies()
    for created in created_objects(message, deps.store, deps.settings):
        logger.set_correlation_id(created.ref.key)
        count(ARTICLES_RECEIVED)
        object_ref = asdict(created.ref) | {"replay": created.replay}
        outcome = _summarise_once()(object_ref=object_ref, received_at=_iso(created.event_time))
        _report(outcome)


def _summarise_once() -> Any:
    """The stage wrapped in idempotency (cheap to build; the settings it needs are cached)."""
    deps = summarise_dependencies()

    def summarise_object(object_ref: dict[str, Any], received_at: str | None) -> dict[str, Any]:
        outcome = summarise_article(
            from_jsonable(ObjectRef, object_ref),
            store=deps.store,
            engine=deps.engine,
            layout=deps.layout,
            max_bytes=deps.settings.max_article_bytes,
            max_chars=deps.settings.max_article_chars,
            trusted_sources=deps.settings.trusted_source_set(),
            remaining_seconds=deps.remaining,
            article_seconds=deps.settings.article_time_budget_seconds,
            received_at=datetime.fromisoformat(received_at) if received_at else None,
            recurring=deps.recurring,
        )
        return asdict(outcome)

    return idempotent_function(
        summarise_object,
        data_keyword_argument="object_ref",
        persistence_store=deps.persistence,
        config=deps.idempotency,
        key_prefix="summarise",
    )


def _report(outcome: dict[str, Any]) -> None:
    status = outcome["status"]
    if outcome.get("duplicate"):
        logger.info("duplicate event: already processed", extra=outcome)
    elif status == "summarised":
        count(SUMMARIES_WRITTEN)
        if outcome.get("fallback_reason"):
            count(ENGINE_FALLBACKS)  # the fallback-rate alarm reads the total, without a reason dimension
            count_with_reason(ENGINE_FALLBACKS, outcome["fallback_reason"])
        logger.info("summary written", extra=outcome)
        _report_recurring_lines(outcome)
    elif status == "rejected":
        count_with_reason(INPUTS_REJECTED, outcome["reason"])
        logger.warning("article rejected", extra=outcome)
    else:
        count_with_reason(EVENTS_IGNORED, outcome["reason"] or status)
        logger.info("event ignored", extra=outcome)


def _report_recurring_lines(outcome: dict[str, Any]) -> None:
    unchecked = outcome.get("recurring_lines_unchecked")
    if unchecked == "off":
        return
    if unchecked:
        logger.info(
            "recurring lines not checked",
            extra={"article_id": outcome["article_id"], "reason": unchecked},
        )
        return
    dropped = int(outcome.get("recurring_lines_dropped") or 0)
    count(RECURRING_LINES_DROPPED, dropped)
    if dropped:
        logger.info("recurring lines removed", extra={"article_id": outcome["article_id"], "lines": dropped})


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
