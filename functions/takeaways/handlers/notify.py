"""NotifyFunction: stored summaries from the alert queue become one SNS alert each, at most once.

No idempotency record of its own: the alert's recorded life in the story table
(``stories.ledger``) is what makes a repeated event, a retry or a redrive find the alert
already decided, sent or refused, and its completion is written with the digest line.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.handlers.dependencies import notify_dependencies
from takeaways.handlers.messages import created_objects
from takeaways.handlers.sqs_batch import PartialBatchResponse, QueueMessage, process_queue_batch
from takeaways.observability import (
    ALERTS_PUBLISHED,
    ALERTS_UNCONFIRMED,
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


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> PartialBatchResponse:
    return process_queue_batch(event, handle_message)


def handle_message(message: QueueMessage) -> None:
    """One queue message: an S3 notification for a new summary record."""
    deps = notify_dependencies()
    for created in created_objects(message, deps.store, deps.settings):
        logger.set_correlation_id(created.ref.key)
        outcome = asdict(
            publish_alert(
                created.ref,
                store=deps.store,
                publisher=deps.publisher,
                layout=deps.layout,
                ledger=deps.ledger,
                window=timedelta(seconds=deps.settings.story_window_seconds),
            )
        )
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
