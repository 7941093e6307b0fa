"""Posting one chat message: what each answer means, and how long to keep trying within one invocation.

2xx is delivered. 429 and 5xx (and no answer at all) pass: the post is tried again after the
platform's ``Retry-After`` (its header in seconds, or Discord's more precise ``retry_after`` in the
JSON body), or after a doubling backoff when it names none, for as long as the invocation has time
and ``MAX_WAIT_SECONDS`` allows; then ``ChatPostDeferred`` fails the invocation and Lambda tries it
again later. Any other 4xx (and a redirect, which is never followed) is the platform saying no for
good: ``ChatPostRefused``, never retried.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from takeaways.errors import TakeawaysError, TransientFailure

MAX_ATTEMPTS = 5
MAX_WAIT_SECONDS = 20.0  # waiting on the platform within one invocation, all retries together
REQUEST_TIMEOUT_SECONDS = 10.0
FIRST_BACKOFF_SECONDS = 1.0
# Kept back from the invocation's remaining time: the refusal or the failure still has to be recorded.
MARGIN_SECONDS = 2.0
_BODY_EXCERPT = 300


@dataclass(frozen=True, slots=True)
class WebhookAnswer:
    """What a webhook answered: a status, headers (lower-case names) and the start of the body.

    ``status`` is ``None`` when no answer came (connection refused, timed out, TLS failed).
    """

    status: int | None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str = ""
    error: str = ""

    def describe(self) -> str:
        if self.status is None:
            return f"no answer ({self.error})"
        excerpt = " ".join(self.body.split())[:_BODY_EXCERPT]
        return f"HTTP {self.status}" + (f": {excerpt}" if excerpt else "")


class ChatPostRefused(TakeawaysError):
    """The platform refused the message for good (a deleted webhook, a payload it will never take)."""

    def __init__(self, answer: WebhookAnswer) -> None:
        super().__init__(answer.describe())
        self.answer = answer
        self.reason = f"http_{answer.status}"


class ChatPostDeferred(TransientFailure):
    """The platform is busy or failing beyond what this invocation can wait: fail it, so Lambda retries."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Delivered:
    status: int
    attempts: int
    waited_seconds: float


def passing_reason(answer: WebhookAnswer) -> str | None:
    """Why a failed post may succeed later (``rate_limited``, ``server_error``, ``no_answer``), else None."""
    if answer.status is None:
        return "no_answer"
    if answer.status == 429:
        return "rate_limited"
    if answer.status >= 500 or answer.status == 408:
        return "server_error"
    return None


def retry_after_seconds(answer: WebhookAnswer, *, now: datetime | None = None) -> float | None:
    """How long the platform asked to wait: Discord's JSON ``retry_after``, else the ``Retry-After`` header."""
    if answer.body.lstrip().startswith("{"):
        try:
            document = json.loads(answer.body)
        except ValueError:
            document = None
        if isinstance(document, dict) and isinstance(document.get("retry_after"), int | float):
            return max(float(document["retry_after"]), 0.0)
    header = answer.headers.get("retry-after", "").strip()
    if not header:
        return None
    try:
        return max(float(header), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


def post_with_retries(
    send: Callable[[float], WebhookAnswer],
    *,
    seconds_left: Callable[[], float],
    sleep: Callable[[float], None],
    retried: Callable[[str], None] = lambda reason: None,
) -> Delivered:
    """Post through ``send(timeout)`` until it is delivered, refused, or this invocation must give up.

    ``retried(reason)`` hears of each wait, for the metrics.
    """
    waited = 0.0
    backoff = FIRST_BACKOFF_SECONDS
    for attempt in range(1, MAX_ATTEMPTS + 1):
        timeout = min(REQUEST_TIMEOUT_SECONDS, seconds_left() - MARGIN_SECONDS)
        if timeout <= 0:
            raise ChatPostDeferred("deadline", "too little of the invocation left to post")
        answer = send(timeout)
        if answer.status is not None and 200 <= answer.status < 300:
            return Delivered(status=answer.status, attempts=attempt, waited_seconds=waited)
        reason = passing_reason(answer)
        if reason is None:
            raise ChatPostRefused(answer)
        asked = retry_after_seconds(answer)
        wait = backoff if asked is None else asked
        if attempt == MAX_ATTEMPTS:
            raise ChatPostDeferred(reason, f"{answer.describe()} after {attempt} attempts")
        if waited + wait > MAX_WAIT_SECONDS or wait + 1 + MARGIN_SECONDS > seconds_left():
            raise ChatPostDeferred(
                reason, f"{answer.describe()}; waiting {wait:.1f} s is more than this invocation has"
            )
        retried(reason)
        sleep(wait)
        waited += wait
        backoff *= 2
    raise AssertionError("unreachable: the last attempt returns or raises")
