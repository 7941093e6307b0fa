"""Posting with retries: 2xx delivered, 429/5xx waited for as the platform asks, other 4xx refused at once."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from takeaways.alerts.chat import delivery
from takeaways.alerts.chat.delivery import (
    ChatPostDeferred,
    ChatPostRefused,
    WebhookAnswer,
    post_with_retries,
    retry_after_seconds,
)


class Script:
    """Answers in order, and a clock that only moves when the code under test sleeps."""

    def __init__(self, *answers: WebhookAnswer, seconds: float = 30.0) -> None:
        self.answers = list(answers)
        self.timeouts: list[float] = []
        self.slept: list[float] = []
        self.left = seconds

    def send(self, timeout: float) -> WebhookAnswer:
        self.timeouts.append(timeout)
        return self.answers.pop(0)

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.left -= seconds

    def post(self) -> delivery.Delivered:
        return post_with_retries(self.send, seconds_left=lambda: self.left, sleep=self.sleep)


OK = WebhookAnswer(status=204)


def test_a_2xx_is_delivered_at_the_first_attempt() -> None:
    script = Script(WebhookAnswer(status=200, body="ok"))
    assert script.post() == delivery.Delivered(status=200, attempts=1, waited_seconds=0.0)
    assert script.slept == []


def test_a_429_waits_what_retry_after_asks_then_posts_again() -> None:
    script = Script(WebhookAnswer(status=429, headers={"retry-after": "3"}), OK)
    assert script.post().attempts == 2
    assert script.slept == [3.0]


def test_discord_s_precise_retry_after_in_the_body_wins_over_its_rounded_header() -> None:
    body = json.dumps({"message": "You are being rate limited.", "retry_after": 0.35, "global": False})
    script = Script(WebhookAnswer(status=429, headers={"retry-after": "1"}, body=body), OK)
    script.post()
    assert script.slept == [0.35]


def test_5xx_and_no_answer_back_off_doubling_when_no_retry_after_is_given() -> None:
    script = Script(
        WebhookAnswer(status=503),
        WebhookAnswer(status=None, error="timed out"),
        WebhookAnswer(status=502),
        OK,
    )
    assert script.post().attempts == 4
    assert script.slept == [1.0, 2.0, 4.0]


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 302])
def test_any_other_answer_is_refused_for_good_without_a_retry(status: int) -> None:
    script = Script(WebhookAnswer(status=status, body="invalid_blocks"), OK)
    with pytest.raises(ChatPostRefused) as refused:
        script.post()
    assert refused.value.reason == f"http_{status}"
    assert "invalid_blocks" in str(refused.value)
    assert script.slept == [] and len(script.answers) == 1


def test_a_wait_longer_than_the_invocation_has_defers_to_lambda_s_retry_instead() -> None:
    script = Script(WebhookAnswer(status=429, headers={"retry-after": "25"}), OK, seconds=20)
    with pytest.raises(ChatPostDeferred) as deferred:
        script.post()
    assert deferred.value.reason == "rate_limited"
    assert script.slept == []


def test_waits_together_never_exceed_the_cap() -> None:
    answers = [WebhookAnswer(status=429, headers={"retry-after": "8"}) for _ in range(4)]
    script = Script(*answers, seconds=600)
    with pytest.raises(ChatPostDeferred):
        script.post()
    assert sum(script.slept) <= delivery.MAX_WAIT_SECONDS
    assert script.slept == [8.0, 8.0]


def test_a_platform_that_keeps_failing_is_given_up_after_the_last_attempt() -> None:
    answers = [WebhookAnswer(status=500, headers={"retry-after": "0"}) for _ in range(delivery.MAX_ATTEMPTS)]
    script = Script(*answers, seconds=600)
    with pytest.raises(ChatPostDeferred, match=f"after {delivery.MAX_ATTEMPTS} attempts"):
        script.post()


def test_each_request_gets_no_more_time_than_the_invocation_has_left() -> None:
    script = Script(OK, seconds=6.5)
    script.post()
    assert script.timeouts == [6.5 - delivery.MARGIN_SECONDS]
    with pytest.raises(ChatPostDeferred, match="too little"):
        Script(OK, seconds=delivery.MARGIN_SECONDS).post()


def test_retry_after_as_an_http_date() -> None:
    now = datetime(2026, 11, 20, 9, 0, 0, tzinfo=UTC)
    answer = WebhookAnswer(status=429, headers={"retry-after": "Fri, 20 Nov 2026 09:00:05 GMT"})
    assert retry_after_seconds(answer, now=now) == 5.0
    assert retry_after_seconds(WebhookAnswer(status=429, headers={"retry-after": "soon"})) is None
