"""Stage one: an article object becomes a stored summary, or a recorded rejection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from takeaways.article import parse_article
from takeaways.engines import SummaryEngine
from takeaways.errors import ArticleRejected
from takeaways.pipeline.clock import Clock, utc_now
from takeaways.pipeline.naming import StageLayout, article_id_for, record_key
from takeaways.pipeline.ports import ArticleStore, ObjectSuperseded
from takeaways.pipeline.rejections import record_rejection
from takeaways.stories.fingerprint import story_fingerprint
from takeaways.summary import ArticleMeta, ObjectRef, SummaryRecord


@dataclass(frozen=True, slots=True)
class SummariseOutcome:
    """What became of one article object; plain data so idempotency can store and replay it."""

    status: Literal["summarised", "rejected", "superseded"]
    article_id: str
    record_key: str | None = None
    reason: str | None = None
    engine: str | None = None
    fallback_reason: str | None = None


def summarise_article(
    ref: ObjectRef,
    *,
    store: ArticleStore,
    engine: SummaryEngine,
    layout: StageLayout,
    max_bytes: int,
    max_chars: int,
    trusted_sources: frozenset[str] = frozenset(),
    received_at: datetime | None = None,
    clock: Clock = utc_now,
) -> SummariseOutcome:
    """Read, clean and summarise one article object, and store the summary or the rejection."""
    article_id = article_id_for(ref.bucket, ref.key, layout.incoming_prefix)
    try:
        raw, ref = store.read_article(ref, max_bytes=max_bytes)
        article = parse_article(
            raw, ref.key, max_chars=max_chars, max_bytes=max_bytes, trusted_sources=trusted_sources
        )
    except ObjectSuperseded:
        return SummariseOutcome(status="superseded", article_id=article_id, reason="superseded")
    except ArticleRejected as rejected:
        key = record_rejection(
            store,
            rejected_prefix=layout.rejected_prefix,
            record_id=article_id,
            source=ref,
            rejected=rejected,
            at=clock(),
        )
        return SummariseOutcome(
            status="rejected", article_id=article_id, record_key=key, reason=rejected.reason.value
        )
    summary = engine.summarise(article)
    key = record_key(layout.summaries_prefix, article_id)
    store.write_summary(
        key,
        SummaryRecord(
            article_id=article_id,
            source_object=ref,
            article=ArticleMeta.describing(article),
            summary=summary,
            story_fingerprint=story_fingerprint(f"{article.title or ''}\n{article.body}"),
            received_at=received_at,
            summarised_at=clock(),
        ),
    )
    return SummariseOutcome(
        status="summarised",
        article_id=article_id,
        record_key=key,
        engine=summary.engine,
        fallback_reason=summary.fallback_reason,
    )
