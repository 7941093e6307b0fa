"""What a queue message announces: created objects to process, or an outcome recorded here and now.

A message that is not an S3 notification can never succeed, so it is recorded under
``rejected/``, counted and dropped rather than retried; removals and S3's test event
are counted as ignored.
"""

from __future__ import annotations

from datetime import UTC, datetime

from takeaways.adapters.s3_store import S3ArticleStore
from takeaways.config import Settings
from takeaways.errors import ArticleRejected
from takeaways.handlers.s3_notifications import ObjectCreated, parse_s3_notification
from takeaways.handlers.sqs_batch import QueueMessage
from takeaways.observability import EVENTS_IGNORED, INPUTS_REJECTED, count_with_reason, logger
from takeaways.pipeline.rejections import record_rejection
from takeaways.summary import ObjectRef

_BODY_EXCERPT = 500


def created_objects(message: QueueMessage, store: S3ArticleStore, current: Settings) -> list[ObjectCreated]:
    """The objects this message says were created; every other kind of content is dealt with here."""
    try:
        notification = parse_s3_notification(message.body)
    except ArticleRejected as rejected:
        reject_message(message, rejected, store, current)
        return []
    for reason in notification.ignored:
        count_with_reason(EVENTS_IGNORED, reason)
        logger.info("event ignored", extra={"reason": reason})
    return notification.created


def reject_message(
    message: QueueMessage, rejected: ArticleRejected, store: S3ArticleStore, current: Settings
) -> None:
    """Keep a record of a message that is not an S3 event, and move on."""
    record_rejection(
        store,
        rejected_prefix=current.rejected_prefix,
        record_id=f"message-{message.message_id}",
        source=ObjectRef(bucket=current.articles_bucket, key=f"sqs://{message.event_source_arn}"),
        rejected=ArticleRejected(
            rejected.reason, f"{rejected.detail}; body starts: {message.body[:_BODY_EXCERPT]!r}"
        ),
        at=datetime.now(UTC),
    )
    count_with_reason(INPUTS_REJECTED, rejected.reason.value)
    logger.warning(
        "message rejected", extra={"reason": rejected.reason.value, "message_id": message.message_id}
    )
