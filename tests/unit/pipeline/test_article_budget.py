"""Each article's time budget: a slow article fails alone, and only as often as retrying can help."""

from __future__ import annotations

import contextlib
import math
import signal
import threading
import time
from collections.abc import Callable

import pytest

from takeaways.article.model import Article
from takeaways.errors import TransientFailure
from takeaways.handlers.dependencies import RemainingTime
from takeaways.pipeline.deadline import (
    RESERVE_SECONDS,
    ArticleBudget,
    OutOfTime,
    article_seconds_left,
    time_limit,
)
from takeaways.pipeline.summarise import SummariseOutcome, summarise_article
from takeaways.summary import ObjectRef, TakeawaySummary
from tests.unit.pipeline.fakes import FirstSentencesEngine, MemoryStore
from tests.unit.pipeline.test_stages import ARTICLE, LAYOUT, NOW


class StuckEngine(FirstSentencesEngine):
    """Never finishes on its own: stands in for work that is slower than any budget."""

    def summarise(self, article: Article) -> TakeawaySummary:
        while True:
            time.sleep(0.01)


class BrokenEngine(FirstSentencesEngine):
    def summarise(self, article: Article) -> TakeawaySummary:
        nothing: list[TakeawaySummary] = []
        return nothing[0]  # what the extractive engine did on text of only emoji


def run(
    engine: FirstSentencesEngine, *, seconds: float, remaining: Callable[[], float]
) -> tuple[MemoryStore, SummariseOutcome]:
    store = MemoryStore({"incoming/library.txt": ARTICLE})
    outcome = summarise_article(
        ObjectRef(bucket="articles", key="incoming/library.txt"),
        store=store,
        engine=engine,
        layout=LAYOUT,
        max_bytes=10_000,
        max_chars=100_000,
        clock=lambda: NOW,
        remaining_seconds=remaining,
        article_seconds=seconds,
    )
    return store, outcome


def test_an_article_that_spends_its_own_budget_is_rejected_as_too_slow() -> None:
    store, outcome = run(StuckEngine(), seconds=0.05, remaining=lambda: 100.0)
    assert (outcome.status, outcome.reason) == ("rejected", "too_slow")
    [record] = store.rejections.values()
    assert "0.05 s" in record.detail and not store.summaries


def test_an_article_stopped_because_the_invocation_is_ending_is_retried() -> None:
    with pytest.raises(TransientFailure, match="ran out of time"):
        run(StuckEngine(), seconds=60, remaining=lambda: RESERVE_SECONDS + 0.05)


def test_no_article_is_started_once_only_the_reserve_is_left() -> None:
    engine = FirstSentencesEngine()
    with pytest.raises(TransientFailure):
        run(engine, seconds=60, remaining=lambda: RESERVE_SECONDS - 1)
    assert engine.seen == []


def test_within_budget_the_article_is_summarised_and_the_timer_is_disarmed() -> None:
    # A budget no loaded machine exhausts; the timer is then read back, not waited for.
    _, outcome = run(FirstSentencesEngine(), seconds=60, remaining=lambda: 100.0)
    assert outcome.status == "summarised"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left armed to fire later


def test_input_that_breaks_the_engine_is_unprocessable_not_retried() -> None:
    store, outcome = run(BrokenEngine(), seconds=60, remaining=lambda: 100.0)
    assert (outcome.status, outcome.reason) == ("rejected", "unprocessable")
    assert "IndexError" in next(iter(store.rejections.values())).detail


def test_the_budget_is_the_article_cap_unless_the_invocation_ends_sooner() -> None:
    assert ArticleBudget.within(100.0, 60.0) == ArticleBudget(60.0, cut_by_invocation=False)
    assert ArticleBudget.within(30.0, 60.0) == ArticleBudget(30.0 - RESERVE_SECONDS, cut_by_invocation=True)
    assert ArticleBudget.within(1.0, 60.0) == ArticleBudget(0.0, cut_by_invocation=True)


def test_outside_the_main_thread_the_block_runs_unbounded() -> None:
    finished: list[bool] = []

    def work() -> None:
        with time_limit(0.01):
            time.sleep(0.05)
        finished.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert finished == [True]


def test_out_of_time_is_not_swallowed_by_except_exception() -> None:
    with pytest.raises(OutOfTime), time_limit(0.02), contextlib.suppress(Exception):  # a careless parser
        time.sleep(1)


class ModelLikeEngine(FirstSentencesEngine):
    """Asks how long it may wait, as the model engine does before each call and retry."""

    def __init__(self) -> None:
        super().__init__()
        self.time_it_was_given: float | None = None

    def summarise(self, article: Article) -> TakeawaySummary:
        self.time_it_was_given = RemainingTime()()
        return super().summarise(article)


def test_the_engine_is_told_the_articles_budget_not_the_whole_invocations() -> None:
    engine = ModelLikeEngine()
    _, outcome = run(engine, seconds=3.0, remaining=lambda: 600.0)
    assert outcome.status == "summarised"
    # the article's 3 s, less what the run took before asking (not the invocation's 600 s)
    assert engine.time_it_was_given is not None and 0.0 < engine.time_it_was_given <= 3.0
    assert article_seconds_left() == math.inf  # outside an article nothing is counted down


def test_outside_an_article_the_engine_has_what_the_invocation_has() -> None:
    assert RemainingTime()() == math.inf
