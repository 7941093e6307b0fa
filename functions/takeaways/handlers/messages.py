"""What a queue message announces: created objects to process, or an outcome recorded here and now.

A message that is not an S3 notification can never succeed, so it is recorded under
``rejected/``, counted and dropped rather than retried; removals and S3's test event
are counted as ignored, and so are folder markers and objects of another bucket.
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
    created: list[ObjectCreated] = []
    ignored = list(notification.ignored)
    for item in notification.created:
        reason = _not_ours(item, current)
        if reason:
            ignored.append(reason)
        else:
            created.append(item)
    for reason in ignored:
        count_with_reason(EVENTS_IGNORED, reason)
        logger.info("event ignored", extra={"reason": reason})
    return created


def _not_ours(item: ObjectCreated, current: Settings) -> str | None:
    """Why a created object is none of this function's business, if it is not.

    A console "folder" is a key ending in '/': there is nothing in it to summarise. An event
    for another bucket (a misrouted notification, or a forged message) is never followed:
    the functions may only read their own bucket, and a record written for a foreign object
    would name a bucket nobody checks.
    """
    if item.ref.key.endswith("/"):
        return "folder_marker"
    if item.ref.bucket != current.articles_bucket:
        return "other_bucket"
    return None


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
