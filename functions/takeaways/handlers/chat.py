"""ChatFunction: an alert SNS delivers for one chat channel's subscription, posted to that channel.

SNS invokes it asynchronously, one record per invocation. A failure that may pass is raised,
so Lambda tries the invocation again and at last keeps it in the chat dead-letter queue; a
refusal for good is kept there by the stage itself, and the invocation succeeds.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.errors import TransientFailure
from takeaways.handlers.dependencies import chat_dependencies
from takeaways.observability import (
    CHAT_POSTS_DEFERRED,
    CHAT_POSTS_DELIVERED,
    CHAT_POSTS_REFUSED,
    CHAT_RETRIES,
    DUPLICATES_SKIPPED,
    count,
    count_with_reason,
    logger,
    metrics,
    tracer,
)
from takeaways.pipeline.chat import ChatNotification, deliver_chat_alert


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    deps = chat_dependencies()
    outcomes = []
    for record in event.get("Records") or []:
        notification = ChatNotification.from_sns_record(record)
        logger.set_correlation_id(notification.message_id)
        try:
            outcome = deliver_chat_alert(
                notification,
                channels=deps.channels,
                poster=deps.poster,
                dead_letters=deps.dead_letters,
                claims=deps.claims,
                allow_loopback=deps.settings.fetch_allow_loopback,
                seconds_left=lambda: context.get_remaining_time_in_millis() / 1000,
                retried=lambda reason: count_with_reason(CHAT_RETRIES, reason),
            )
        except TransientFailure as failure:
            count_with_reason(CHAT_POSTS_DEFERRED, getattr(failure, "reason", "channel_unavailable"))
            logger.warning(
                "chat post deferred: Lambda retries the invocation",
                extra={"subscription_arn": notification.subscription_arn, "detail": str(failure)},
            )
            raise
        if outcome.status == "refused":
            count_with_reason(CHAT_POSTS_REFUSED, outcome.reason or "refused")
            logger.warning("chat post refused: kept in the chat dead-letter queue", extra=asdict(outcome))
        elif outcome.status == "duplicate":
            count_with_reason(DUPLICATES_SKIPPED, "chat_post_already_made")
            logger.info("chat post already made: not posted again", extra=asdict(outcome))
        else:
            count(CHAT_POSTS_DELIVERED)
            logger.info("chat post delivered", extra=asdict(outcome))
        outcomes.append(asdict(outcome))
    return {"outcomes": outcomes}
