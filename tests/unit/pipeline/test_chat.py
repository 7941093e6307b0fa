"""The chat stage with in-memory ports: what is posted, what is kept for the operator, what Lambda retries."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest

from takeaways.alerts.chat.delivery import ChatPostDeferred, WebhookAnswer
from takeaways.alerts.chat.webhooks import ChatChannel
from takeaways.alerts.render import render_alert
from takeaways.pipeline.chat import ChatNotification, deliver_chat_alert
from takeaways.pipeline.ports import ChannelUnavailable
from takeaways.records import to_json
from tests.unit.alerts.test_render import make_record
from tests.unit.pipeline.test_delivery import Claims

SUBSCRIPTION = "arn:aws:sns:us-east-1:123456789012:stack-AlertsTopic-X:0b4f"
SLACK = "https://hooks.slack.com/services/T1/B1/secret"


class Channels:
    def __init__(self, *channels: ChatChannel) -> None:
        self.by_arn = {channel.subscription_arn: channel for channel in channels}

    def channel(self, subscription_arn: str) -> ChatChannel:
        if subscription_arn not in self.by_arn:
            raise ChannelUnavailable(subscription_arn)
        return self.by_arn[subscription_arn]


class Poster:
    def __init__(self, *answers: WebhookAnswer) -> None:
        self.answers = list(answers)
        self.posts: list[tuple[str, dict[str, Any]]] = []

    def post(self, url: str, body: dict[str, Any], *, timeout: float) -> WebhookAnswer:
        self.posts.append((url, body))
        return self.answers.pop(0)


class DeadLetters:
    def __init__(self) -> None:
        self.kept: list[tuple[Mapping[str, Any], str, str]] = []

    def keep(self, event: Mapping[str, Any], *, error_code: str, error_message: str) -> None:
        self.kept.append((event, error_code, error_message))


def notification(message: str | None = None, subscription: str = SUBSCRIPTION) -> ChatNotification:
    alert = render_alert(make_record(), summary_uri="s3://articles/summaries/a.json").payload
    record = {
        "EventSource": "aws:sns",
        "EventSubscriptionArn": subscription,
        "Sns": {"MessageId": "m-1", "Message": to_json(alert) if message is None else message},
    }
    return ChatNotification.from_sns_record(record)


def deliver(
    poster: Poster,
    dead_letters: DeadLetters,
    *,
    url: str = SLACK,
    allow_loopback: bool = False,
    note: ChatNotification | None = None,
    claims: Claims | None = None,
) -> Any:
    channels = Channels(ChatChannel(platform="slack", webhook_url=url, subscription_arn=SUBSCRIPTION))
    return deliver_chat_alert(
        note or notification(),
        channels=channels,
        poster=poster,
        dead_letters=dead_letters,
        claims=Claims() if claims is None else claims,
        allow_loopback=allow_loopback,
        seconds_left=lambda: 30.0,
        sleep=lambda seconds: None,
    )


def test_an_alert_is_posted_to_its_channel_in_its_platform_s_format() -> None:
    poster, dead_letters = Poster(WebhookAnswer(status=200, body="ok")), DeadLetters()
    outcome = deliver(poster, dead_letters)
    assert outcome.status == "delivered" and outcome.platform == "slack" and outcome.http_status == 200
    assert outcome.alert_id == json.loads(notification().message)["alert_id"]
    [(url, body)] = poster.posts
    assert url == SLACK and body["blocks"][0]["type"] == "header"
    assert not dead_letters.kept


def test_a_refusal_is_kept_with_the_event_that_carried_it_and_not_retried() -> None:
    poster, dead_letters = Poster(WebhookAnswer(status=404, body="no_service")), DeadLetters()
    outcome = deliver(poster, dead_letters)
    assert (outcome.status, outcome.reason, outcome.http_status) == ("refused", "http_404", 404)
    [(event, code, message)] = dead_letters.kept
    assert event == notification().event and event["Records"][0]["EventSubscriptionArn"] == SUBSCRIPTION
    assert code == "http_404" and "no_service" in message and "secret" not in message
    assert len(poster.posts) == 1


def test_a_rate_limit_the_invocation_cannot_wait_out_is_raised_for_lambda_to_retry() -> None:
    poster = Poster(WebhookAnswer(status=429, headers={"retry-after": "120"}))
    with pytest.raises(ChatPostDeferred):
        deliver(poster, DeadLetters())


def test_a_rate_limit_it_can_wait_out_is_delivered() -> None:
    poster = Poster(WebhookAnswer(status=429, headers={"retry-after": "1"}), WebhookAnswer(status=200))
    outcome = deliver(poster, DeadLetters())
    assert (outcome.status, outcome.attempts, outcome.waited_seconds) == ("delivered", 2, 1.0)


def test_a_channel_whose_secret_is_not_there_yet_is_retried() -> None:
    with pytest.raises(ChannelUnavailable):
        deliver(Poster(), DeadLetters(), note=notification(subscription=SUBSCRIPTION + "-other"))


def test_a_message_that_is_no_alert_is_kept_without_a_post() -> None:
    poster, dead_letters = Poster(), DeadLetters()
    outcome = deliver(poster, dead_letters, note=notification(message='{"type": "something else"}'))
    assert (outcome.status, outcome.reason) == ("refused", "invalid_alert")
    assert not poster.posts and dead_letters.kept[0][1] == "invalid_alert"


def test_a_loopback_webhook_is_posted_to_only_with_the_switch_on() -> None:
    local = "http://127.0.0.1:8025/slack/services/T/B/x"
    poster, dead_letters = Poster(WebhookAnswer(status=200)), DeadLetters()
    refused = deliver(poster, dead_letters, url=local)
    assert (refused.status, refused.reason) == ("refused", "invalid_webhook") and not poster.posts
    assert deliver(poster, dead_letters, url=local, allow_loopback=True).status == "delivered"


def test_a_secret_that_names_another_subscription_is_not_followed() -> None:
    channels = Channels(ChatChannel(platform="slack", webhook_url=SLACK, subscription_arn=SUBSCRIPTION))
    channels.by_arn[SUBSCRIPTION + "2"] = channels.by_arn[SUBSCRIPTION]
    poster, dead_letters = Poster(), DeadLetters()
    outcome = deliver_chat_alert(
        notification(subscription=SUBSCRIPTION + "2"),
        channels=channels,
        poster=poster,
        dead_letters=dead_letters,
        claims=Claims(),
        allow_loopback=False,
        seconds_left=lambda: 30.0,
    )
    assert (outcome.status, outcome.reason) == ("refused", "channel_mismatch") and not poster.posts


def test_an_alert_delivered_again_by_sns_is_not_posted_twice() -> None:
    claims, poster = Claims(), Poster(WebhookAnswer(status=200), WebhookAnswer(status=200))
    assert deliver(poster, DeadLetters(), claims=claims).status == "delivered"
    assert deliver(poster, DeadLetters(), claims=claims).status == "duplicate"
    assert len(poster.posts) == 1


def test_a_deferred_or_refused_post_gives_its_claim_back_for_the_retry_or_redrive() -> None:
    claims = Claims()
    with pytest.raises(ChatPostDeferred):
        deliver(
            Poster(WebhookAnswer(status=429, headers={"retry-after": "120"})), DeadLetters(), claims=claims
        )
    refused = deliver(Poster(WebhookAnswer(status=404)), DeadLetters(), claims=claims)
    assert refused.status == "refused"
    retried = Poster(WebhookAnswer(status=200))
    assert deliver(retried, DeadLetters(), claims=claims).status == "delivered" and len(retried.posts) == 1
