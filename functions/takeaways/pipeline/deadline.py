"""How long one article may take, and stopping it when its time is up.

A Lambda invocation that reaches its timeout is killed with its whole batch, so one slow
article would send its nine good neighbours back to the queue (and, five times over, to
the dead-letter queue). Each article therefore gets a budget inside what the invocation
has left; when it is spent, that article alone fails, and the batch carries on.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

# Time kept back for writing the outcome and answering Lambda after an article is stopped.
RESERVE_SECONDS = 5.0

# When the article being worked on must be done (time.monotonic()), or None outside one.
_article_ends: float | None = None


def article_seconds_left() -> float:
    """What the current article's budget has left (infinite outside one).

    The model engine ends its calls and retries within it, so a slow model falls back to the
    extractive summary instead of the whole article being stopped as ``too_slow``.
    """
    return math.inf if _article_ends is None else _article_ends - time.monotonic()


class OutOfTime(BaseException):
    """Raised into the work when its budget is spent.

    A ``BaseException``, so the ``except Exception`` of a parser or a client cannot swallow it.
    """


@dataclass(frozen=True, slots=True)
class ArticleBudget:
    """Seconds for one article, and whether the invocation's end (not the article cap) set them."""

    seconds: float
    cut_by_invocation: bool

    @classmethod
    def within(cls, remaining_seconds: float, per_article_seconds: float) -> ArticleBudget:
        left = remaining_seconds - RESERVE_SECONDS
        if left < per_article_seconds:
            return cls(max(left, 0.0), cut_by_invocation=True)
        return cls(per_article_seconds, cut_by_invocation=False)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``OutOfTime`` in the block after ``seconds``.

    Uses a real-time interval timer, which only the main thread can receive, as Lambda's
    handler thread is; elsewhere (a background runner thread) the block is not stopped and
    only the invocation's own timeout applies. Either way ``article_seconds_left`` reports the
    budget to the work inside. Nested limits are not supported: none is needed.
    """
    global _article_ends
    if seconds <= 0:
        raise OutOfTime("no time was left for this article")
    _article_ends = None if math.isinf(seconds) else time.monotonic() + seconds
    try:
        if math.isinf(seconds) or threading.current_thread() is not threading.main_thread():
            yield
        else:
            with _alarm(seconds):
                yield
    finally:
        _article_ends = None


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise OutOfTime(f"the article took longer than its {seconds:.1f} s")

    previous: Callable[[int, FrameType | None], object] | int | None = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
