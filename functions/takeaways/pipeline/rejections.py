"""Recording an input that can never succeed: one JSON record under ``rejected/``, whoever refused it."""

from __future__ import annotations

from datetime import datetime

from takeaways.errors import ArticleRejected
from takeaways.pipeline.naming import record_key
from takeaways.pipeline.ports import ArticleStore
from takeaways.summary import ObjectRef, RejectionRecord


def record_rejection(
    store: ArticleStore,
    *,
    rejected_prefix: str,
    record_id: str,
    source: ObjectRef,
    rejected: ArticleRejected,
    at: datetime,
) -> str:
    """Write the rejection record and return its key."""
    key = record_key(rejected_prefix, record_id)
    store.write_rejection(
        key,
        RejectionRecord(
            article_id=record_id,
            source_object=source,
            reason=rejected.reason.value,
            detail=rejected.detail,
            rejected_at=at,
        ),
    )
    return key
