"""DeliveryFunction: every alert from the alerts topic, copied to each instant subscriber who wants it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.subscription import SubscriberRecord
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
    subscribers = SubscribersOfThisBatch()
    return process_queue_batch(event, lambda message: handle_message(message, subscribers))


class SubscribersOfThisBatch:
    """The instant subscribers, read once for all the alerts of one invocation.

    Never kept longer: a subscriber made a moment ago (or one whose filters changed) is read
    by the next invocation, so no alert is missed for the life of a warm container.
    """

    def __init__(self) -> None:
        self._records: list[SubscriberRecord] | None = None
        self._failure: Exception | None = None

    def __call__(self, read: Callable[[], list[SubscriberRecord]]) -> list[SubscriberRecord]:
        # A registry that could not be read fails every message of the batch once, not once per query.
        if self._failure is not None:
            raise self._failure
        if self._records is None:
            try:
                self._records = read()
            except Exception as error:
                self._failure = error
                raise
        return self._records


def handle_message(message: QueueMessage, subscribers: SubscribersOfThisBatch) -> None:
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
            subscribers=subscribers(deps.registry.instant_subscribers),
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
