"""Stage one: an article object becomes a stored summary, or a recorded rejection."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, TypedDict

from takeaways.article import Article, parse_article
from takeaways.article.recurring import article_fingerprints, drop_recurring, recurrence_scope
from takeaways.engines import SummaryEngine
from takeaways.engines.extractive import closing_lines
from takeaways.engines.grounding import ArticleFacts
from takeaways.errors import ArticleRejected, RejectionReason, TransientFailure
from takeaways.pipeline.clock import Clock, utc_now
from takeaways.pipeline.deadline import ArticleBudget, OutOfTime, time_limit
from takeaways.pipeline.naming import StageLayout, article_id_for, record_key
from takeaways.pipeline.ports import ArticleStore, ObjectSuperseded, RecurringLineStore
from takeaways.pipeline.rejections import record_rejection
from takeaways.stories.fingerprint import sentence_figures, sentence_sketches, story_fingerprint
from takeaways.summary import ArticleMeta, ObjectRef, SummaryRecord, Takeaway, TakeawaySummary
from takeaways.text.sentences import article_sentences

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
    # Lines removed because earlier articles of the source carried them, or why none were looked for.
    recurring_lines_dropped: int = 0
    recurring_lines_unchecked: str | None = None


@dataclass(frozen=True, slots=True)
class RecurringLines:
    """The store of lines seen per source, and in how many earlier articles a line must recur to go."""

    store: RecurringLineStore
    threshold: int


@dataclass(frozen=True, slots=True)
class _RecurringCheck:
    article: Article
    scope: str | None = None
    fingerprints: tuple[str, ...] = ()
    dropped: int = 0
    unchecked: str | None = None


def _without_recurring_lines(
    article: Article, article_id: str, feed: str | None, recurring: RecurringLines | None
) -> _RecurringCheck:
    if recurring is None:
        return _RecurringCheck(article, unchecked="off")
    scope = recurrence_scope(article, feed)
    if scope is None:
        return _RecurringCheck(article, unchecked="no_source")
    fingerprints = tuple(article_fingerprints(article.body))
    if not fingerprints:
        return _RecurringCheck(article, scope)
    try:
        seen_in = recurring.store.seen_in(scope, fingerprints, article_id)
    except TransientFailure as error:
        # The list of notices has cleaned the article already; a lost lookup costs a footer, not the article.
        log.warning("recurring lines not checked", extra={"article_id": article_id, "error": str(error)})
        return _RecurringCheck(article, scope, fingerprints, unchecked="store_unavailable")
    cut = drop_recurring(article, seen_in, threshold=recurring.threshold)
    return _RecurringCheck(cut.article, scope, fingerprints, cut.dropped)


def _record_lines(check: _RecurringCheck, article_id: str, recurring: RecurringLines | None) -> None:
    if recurring is None or check.scope is None or not check.fingerprints:
        return
    try:
        recurring.store.record(check.scope, check.fingerprints, article_id)
    except TransientFailure as error:
        log.warning("recurring lines not recorded", extra={"article_id": article_id, "error": str(error)})


@contextmanager
def _rejecting_what_no_retry_changes(article_id: str, budget: ArticleBudget) -> Iterator[None]:
    """Runs under the article's time budget; turns what the same bytes would do again into rejections.

    Spending the article's own budget is ``too_slow``; running out because the invocation is
    ending is a transient failure, retried. A bug met by strange input is ``unprocessable``,
    logged with its traceback.
    """
    try:
        with time_limit(budget.seconds):
            yield
    except OutOfTime as error:
        if budget.cut_by_invocation:
            raise TransientFailure(f"the invocation ran out of time for this article: {error}") from None
        raise ArticleRejected(
            RejectionReason.TOO_SLOW, f"{error}; the limit is {budget.seconds:g} s"
        ) from None
    except _DETERMINISTIC_FAILURES as error:
        log.exception("the article broke the summariser", extra={"article_id": article_id})
        raise ArticleRejected(
            RejectionReason.UNPROCESSABLE, f"{type(error).__name__}: {error}"[:300]
        ) from None


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
    recurring: RecurringLines | None = None,
) -> SummariseOutcome:
    """Read, clean and summarise one article object, and store the summary or the rejection.

    Parsing and summarising get ``article_seconds`` at most, and never more than the
    invocation has left (``remaining_seconds``). An article that spends its own budget is
    rejected as ``too_slow``; one stopped because the invocation was ending is retried.
    Input that breaks the domain code in a way no retry can change (an ``IndexError`` on
    strange text) is rejected as ``unprocessable``, with the error logged, not dead-lettered.
    With ``recurring``, short lines that earlier articles of the same source carried are removed
    before the engine reads the article, and the article's own lines are counted after its
    summary is stored.
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
        with _rejecting_what_no_retry_changes(article_id, budget):
            article = parse_article(
                raw,
                ref.key,
                max_chars=max_chars,
                max_bytes=max_bytes,
                trusted_sources=trusted_sources,
                from_feed_poller=layout.is_feed_article(ref.key),
            )
            check = _without_recurring_lines(article, article_id, layout.feed_of(ref.key), recurring)
            article = check.article
            summary = engine.summarise(article)
    except ArticleRejected as error:
        return rejected(error)
    key = record_key(layout.summaries_prefix, article_id)
    store.write_summary(
        key,
        SummaryRecord(
            article_id=article_id,
            source_object=ref,
            article=ArticleMeta.describing(article),
            summary=summary,
            **story_fields(article, summary),
            received_at=received_at,
            summarised_at=clock(),
        ),
    )
    _record_lines(check, article_id, recurring)
    return SummariseOutcome(
        status="summarised",
        article_id=article_id,
        record_key=key,
        engine=summary.engine,
        fallback_reason=summary.fallback_reason,
        recurring_lines_dropped=check.dropped,
        recurring_lines_unchecked=check.unchecked,
    )


class StoryFields(TypedDict):
    story_fingerprint: list[int]
    sentence_sketches: list[list[int]]
    sentence_figures: list[int]
    summary_evidence: list[int]
    closing_lines: list[Takeaway]


def story_fields(article: Article, summary: TakeawaySummary) -> StoryFields:
    """What the story ledger needs of an article: its fingerprints, and the sentence the summary rests on
    (the one the grounding check would take first as its evidence)."""
    sentences = article_sentences(article)
    summary_evidence = ArticleFacts(sentences, article.title).best_evidence(summary.summary)[:1]
    used = [*summary_evidence, *(index for takeaway in summary.takeaways for index in takeaway.evidence)]
    return {
        "story_fingerprint": story_fingerprint(f"{article.title or ''}\n{article.body}"),
        "sentence_sketches": [list(sketch) for sketch in sentence_sketches(sentences)],
        "sentence_figures": sentence_figures(sentences),
        "summary_evidence": summary_evidence,
        "closing_lines": closing_lines(sentences, used),
    }
