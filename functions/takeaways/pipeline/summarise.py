"""Stage one: an article object becomes a stored summary, or a recorded rejection."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from takeaways.article import parse_article
from takeaways.engines import SummaryEngine
from takeaways.errors import ArticleRejected, RejectionReason, TransientFailure
from takeaways.pipeline.clock import Clock, utc_now
from takeaways.pipeline.deadline import ArticleBudget, OutOfTime, time_limit
from takeaways.pipeline.naming import StageLayout, article_id_for, record_key
from takeaways.pipeline.ports import ArticleStore, ObjectSuperseded
from takeaways.pipeline.rejections import record_rejection
from takeaways.stories.fingerprint import story_fingerprint
from takeaways.summary import ArticleMeta, ObjectRef, SummaryRecord

# A child of the functions' logger ("takeaways"), so its lines are the functions' JSON lines.
log = logging.getLogger(__name__)
# Errors that the same bytes raise every time: a bug met by strange input, never a passing fault.
_DETERMINISTIC_FAILURES = (
    IndexError,
    KeyError,
    ValueError,
    TypeError,
    ZeroDivisionError,
    AttributeError,
    RecursionError,
    UnicodeError,
)


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
    remaining_seconds: Callable[[], float] = lambda: math.inf,
    article_seconds: float = math.inf,
) -> SummariseOutcome:
    """Read, clean and summarise one article object, and store the summary or the rejection.

    Parsing and summarising get ``article_seconds`` at most, and never more than the
    invocation has left (``remaining_seconds``). An article that spends its own budget is
    rejected as ``too_slow``; one stopped because the invocation was ending is retried.
    Input that breaks the domain code in a way no retry can change (an ``IndexError`` on
    strange text) is rejected as ``unprocessable``, with the error logged, not dead-lettered.
    """
    article_id = article_id_for(ref.bucket, ref.key, layout.incoming_prefix)

    def rejected(error: ArticleRejected) -> SummariseOutcome:
        key = record_rejection(
            store,
            rejected_prefix=layout.rejected_prefix,
            record_id=article_id,
            source=ref,
            rejected=error,
            at=clock(),
        )
        return SummariseOutcome(
            status="rejected", article_id=article_id, record_key=key, reason=error.reason.value
        )

    try:
        raw, ref = store.read_article(ref, max_bytes=max_bytes)
    except ObjectSuperseded:
        return SummariseOutcome(status="superseded", article_id=article_id, reason="superseded")
    except ArticleRejected as error:
        return rejected(error)
    budget = ArticleBudget.within(remaining_seconds(), article_seconds)
    try:
        with time_limit(budget.seconds):
            article = parse_article(
                raw,
                ref.key,
                max_chars=max_chars,
                max_bytes=max_bytes,
                trusted_sources=trusted_sources,
                from_feed_poller=layout.is_feed_article(ref.key),
            )
            summary = engine.summarise(article)
    except ArticleRejected as error:
        return rejected(error)
    except OutOfTime as error:
        if budget.cut_by_invocation:
            raise TransientFailure(f"the invocation ran out of time for this article: {error}") from None
        return rejected(
            ArticleRejected(RejectionReason.TOO_SLOW, f"{error}; the limit is {article_seconds:g} s")
        )
    except _DETERMINISTIC_FAILURES as error:
        log.exception("the article broke the summariser", extra={"article_id": article_id})
        return rejected(
            ArticleRejected(RejectionReason.UNPROCESSABLE, f"{type(error).__name__}: {error}"[:300])
        )
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
