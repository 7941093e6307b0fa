"""DeliveryFunction: every alert from the alerts topic, copied to each instant subscriber who wants it."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.alerts.payload import AlertPayload
from takeaways.handlers.dependencies import delivery_dependencies
from takeaways.handlers.sqs_batch import PartialBatchResponse, QueueMessage, process_queue_batch
from takeaways.observability import (
    COPIES_REFUSED,
    COPIES_SENT,
    COPIES_UNCONFIRMED,
    INPUTS_REJECTED,
    count,
    count_with_reason,
    logger,
    metrics,
    tracer,
)
from takeaways.pipeline.delivery import DeliveryIncomplete, deliver_alert
from takeaways.records import RecordInvalid, from_json


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> PartialBatchResponse:
    return process_queue_batch(event, handle_message)


def handle_message(message: QueueMessage) -> None:
    deps = delivery_dependencies()
    try:
        payload = from_json(AlertPayload, message.body)
    except RecordInvalid as error:
        # Only NotifyFunction publishes here; anything else is counted and dropped, never retried.
        count_with_reason(INPUTS_REJECTED, "not_an_alert")
        logger.warning("message on the alerts topic is not an alert", extra={"error": str(error)[:200]})
        return
    logger.set_correlation_id(payload.alert_id or payload.article_id)
    try:
        outcome = deliver_alert(
            payload,
            message.message_attributes,
            subscribers=deps.subscribers(),
            claims=deps.claims,
            publisher=deps.publisher,
            issuer_for=deps.issuer_for,
        )
    except DeliveryIncomplete as incomplete:
        _count(incomplete.outcome.sent, incomplete.outcome.unconfirmed, incomplete.outcome.failed)
        logger.warning("alert copies refused; retrying them", extra=asdict(incomplete.outcome))
        raise
    _count(outcome.sent, outcome.unconfirmed, [])
    logger.info("alert delivered to subscribers", extra=asdict(outcome))


def _count(sent: list[str], unconfirmed: list[str], refused: list[str]) -> None:
    for name, ids in ((COPIES_SENT, sent), (COPIES_UNCONFIRMED, unconfirmed), (COPIES_REFUSED, refused)):
        if ids:
            count(name, len(ids))
