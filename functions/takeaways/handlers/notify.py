"""NotifyFunction: stored summaries from the alert queue become one SNS alert each."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.idempotency import idempotent_function
from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.handlers.dependencies import notify_dependencies
from takeaways.handlers.messages import created_objects
from takeaways.handlers.sqs_batch import PartialBatchResponse, QueueMessage, process_queue_batch
from takeaways.observability import (
    ALERTS_PUBLISHED,
    DUPLICATES_SKIPPED,
    END_TO_END_LATENCY,
    INPUTS_REJECTED,
    count,
    count_with_reason,
    logger,
    metrics,
    tracer,
)
from takeaways.pipeline.notify import publish_alert
from takeaways.records import from_jsonable
from takeaways.summary import ObjectRef

ALERTS_UNCONFIRMED = "AlertsUnconfirmed"


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> PartialBatchResponse:
    notify_dependencies().idempotency.register_lambda_context(context)
    return process_queue_batch(event, handle_message)


def handle_message(message: QueueMessage) -> None:
    """One queue message: an S3 notification for a new summary record."""
    deps = notify_dependencies()
    for created in created_objects(message, deps.store, deps.settings):
        logger.set_correlation_id(created.ref.key)
        outcome = _publish_once()(object_ref=asdict(created.ref) | {"replay": None})
        if outcome.get("duplicate"):
            logger.info("duplicate event: alert already published", extra=outcome)
            continue
        if outcome["status"] == "rejected":
            count_with_reason(INPUTS_REJECTED, outcome["reason"])
            logger.warning("summary record rejected", extra=outcome)
            continue
        if outcome["status"] == "duplicate_story":
            count_with_reason(DUPLICATES_SKIPPED, "same_story")
            logger.info("story already alerted", extra=outcome)
            continue
        if outcome["status"] == "already_published":
            count_with_reason(DUPLICATES_SKIPPED, "alert_already_sent")
            logger.info("alert already published by an earlier attempt", extra=outcome)
            continue
        if outcome["status"] == "unconfirmed":
            count(ALERTS_UNCONFIRMED)
            logger.warning(
                "alert publish unconfirmed: it may have gone out, so it is not sent again", extra=outcome
            )
            continue
        count(ALERTS_PUBLISHED)
        if outcome.get("latency_seconds") is not None:
            count(END_TO_END_LATENCY, outcome["latency_seconds"], MetricUnit.Seconds)
        logger.info("alert published", extra=outcome)


def _publish_once() -> Any:
    deps = notify_dependencies()

    def publish_summary(object_ref: dict[str, Any]) -> dict[str, Any]:
        outcome = publish_alert(
            from_jsonable(ObjectRef, object_ref),
            store=deps.store,
            publisher=deps.publisher,
            layout=deps.layout,
            ledger=deps.ledger,
            window=timedelta(seconds=deps.settings.story_window_seconds),
        )
        return asdict(outcome)

    return idempotent_function(
        publish_summary,
        data_keyword_argument="object_ref",
        persistence_store=deps.persistence,
        config=deps.idempotency,
        key_prefix="notify",
    )
