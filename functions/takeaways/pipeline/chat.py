"""Chat delivery: an alert from the alerts topic, posted to the chat channel whose subscription carried it.

SNS invokes the chat function once per channel subscription whose filter policy the alert
passed, asynchronously: a failed invocation is tried again by Lambda, twice, and then kept in
the chat dead-letter queue. So what may pass (a rate limit longer than this invocation, a
platform outage, a channel secret not readable yet) raises. What never will (the platform
refusing the message, a webhook URL the stack may not post to, a message that is no alert)
is kept in the same queue here, at once, and the invocation succeeds: retrying it would only
be refused again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from takeaways.alerts.chat.delivery import ChatPostRefused, post_with_retries
from takeaways.alerts.chat.render import alert_links, render_chat
from takeaways.alerts.chat.webhooks import InvalidWebhook, check_webhook_url
from takeaways.alerts.payload import AlertPayload
from takeaways.errors import TransientFailure
from takeaways.pipeline.ports import ChatChannels, ChatDeadLetters, DeliveryClaims, WebhookPoster
from takeaways.records import RecordInvalid, from_json


@dataclass(frozen=True, slots=True)
class ChatNotification:
    """One SNS record for the chat function, and the event to keep should it never be delivered."""

    subscription_arn: str
    message_id: str
    message: str
    event: Mapping[str, Any]

    @classmethod
    def from_sns_record(cls, record: Mapping[str, Any]) -> ChatNotification:
        sns = record.get("Sns") or {}
        return cls(
            subscription_arn=str(record.get("EventSubscriptionArn") or ""),
            message_id=str(sns.get("MessageId") or ""),
            message=str(sns.get("Message") or ""),
            # An event of one record: invoking the function with it again delivers it again.
            event={"Records": [dict(record)]},
        )


ChatStatus = Literal["delivered", "refused", "duplicate"]


@dataclass(frozen=True, slots=True)
class ChatOutcome:
    """What became of one alert for one channel."""

    status: ChatStatus
    subscription_arn: str
    platform: str
    alert_id: str = ""
    article_id: str = ""
    http_status: int | None = None
    attempts: int = 0
    waited_seconds: float = 0.0
    reason: str | None = None
    detail: str | None = None


def deliver_chat_alert(
    notification: ChatNotification,
    *,
    channels: ChatChannels,
    poster: WebhookPoster,
    dead_letters: ChatDeadLetters,
    claims: DeliveryClaims,
    allow_loopback: bool,
    seconds_left: Callable[[], float],
    sleep: Callable[[float], None] = time.sleep,
    retried: Callable[[str], None] = lambda reason: None,
) -> ChatOutcome:
    """Post the alert in its channel's format; raises ``TransientFailure`` for what Lambda should retry."""
    channel = channels.channel(notification.subscription_arn)
    platform = channel.platform
    if channel.subscription_arn != notification.subscription_arn:
        return _refused(
            notification, dead_letters, platform, "channel_mismatch", "the secret names another subscription"
        )
    try:
        payload = from_json(AlertPayload, notification.message)
    except RecordInvalid as error:
        return _refused(notification, dead_letters, platform, "invalid_alert", str(error)[:300])
    try:
        # Checked again before each post: the secret can be edited, and the loopback switch turned off.
        url = check_webhook_url(platform, channel.webhook_url, allow_loopback=allow_loopback)
    except InvalidWebhook as error:
        return _refused(notification, dead_letters, platform, "invalid_webhook", str(error), payload=payload)
    body = render_chat(platform, payload, alert_links(payload))
    # Claimed before the post: SNS may deliver the alert twice, and Lambda retries an invocation, but a
    # channel is posted each alert once. A refused or deferred post gives the claim back for its redrive.
    alert_id = payload.alert_id or payload.article_id
    if not claims.claim(alert_id, notification.subscription_arn):
        return ChatOutcome(
            status="duplicate",
            subscription_arn=notification.subscription_arn,
            platform=platform,
            alert_id=payload.alert_id,
            article_id=payload.article_id,
        )
    try:
        delivered = post_with_retries(
            lambda timeout: poster.post(url, body, timeout=timeout),
            seconds_left=seconds_left,
            sleep=sleep,
            retried=retried,
        )
    except TransientFailure:
        claims.release(alert_id, notification.subscription_arn)
        raise
    except ChatPostRefused as refused:
        claims.release(alert_id, notification.subscription_arn)
        return _refused(
            notification,
            dead_letters,
            platform,
            refused.reason,
            str(refused),
            http_status=refused.answer.status,
            payload=payload,
        )
    return ChatOutcome(
        status="delivered",
        subscription_arn=notification.subscription_arn,
        platform=platform,
        http_status=delivered.status,
        attempts=delivered.attempts,
        waited_seconds=delivered.waited_seconds,
        alert_id=payload.alert_id,
        article_id=payload.article_id,
    )


def _refused(
    notification: ChatNotification,
    dead_letters: ChatDeadLetters,
    platform: str,
    reason: str,
    detail: str,
    *,
    http_status: int | None = None,
    payload: AlertPayload | None = None,
) -> ChatOutcome:
    dead_letters.keep(notification.event, error_code=reason, error_message=f"{platform}: {detail}")
    return ChatOutcome(
        status="refused",
        subscription_arn=notification.subscription_arn,
        platform=platform,
        alert_id=payload.alert_id if payload else "",
        article_id=payload.article_id if payload else "",
        http_status=http_status,
        reason=reason,
        detail=detail,
    )
