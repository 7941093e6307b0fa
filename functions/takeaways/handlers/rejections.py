"""Queue messages that are not S3 notifications: recorded under ``rejected/`` and dropped."""

from __future__ import annotations

from datetime import UTC, datetime

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from takeaways.adapters.s3_store import S3ArticleStore
from takeaways.config import Settings
from takeaways.errors import ArticleRejected
from takeaways.observability import INPUTS_REJECTED, count_with_reason, logger
from takeaways.pipeline.naming import record_key
from takeaways.summary import ObjectRef, RejectionRecord

_BODY_EXCERPT = 500


def reject_message(
    message: SQSRecord, rejected: ArticleRejected, store: S3ArticleStore, current: Settings
) -> None:
    """Retrying cannot help a message that is not an S3 event, so keep a record of it and move on."""
    record_id = f"message-{message.message_id}"
    store.write_rejection(
        record_key(current.rejected_prefix, record_id),
        RejectionRecord(
            article_id=record_id,
            source_object=ObjectRef(bucket=current.articles_bucket, key=f"sqs://{message.event_source_arn}"),
            reason=rejected.reason.value,
            detail=f"{rejected.detail}; body starts: {message.body[:_BODY_EXCERPT]!r}",
            rejected_at=datetime.now(UTC),
        ),
    )
    count_with_reason(INPUTS_REJECTED, rejected.reason.value)
    logger.warning(
        "message rejected", extra={"reason": rejected.reason.value, "message_id": message.message_id}
    )
