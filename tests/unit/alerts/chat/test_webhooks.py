"""Which webhook URLs a channel may post to, and how a channel is named and kept."""

from __future__ import annotations

import pytest

from takeaways.alerts.chat.webhooks import (
    ChatChannel,
    InvalidWebhook,
    channel_secret_name,
    check_webhook_url,
    webhook_fingerprint,
    webhook_host,
)

ACCEPTED = [
    ("slack", "https://hooks.slack.com/services/T0123/B0456/abcdefXYZ"),
    ("discord", "https://discord.com/api/webhooks/123456789012345678/tok_en-1"),
    ("discord", "https://discordapp.com/api/v10/webhooks/1/t"),
    (
        "teams",
        "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x",
    ),
    (
        "teams",
        "https://default1234.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1",
    ),
]


@pytest.mark.parametrize(("platform", "url"), ACCEPTED)
def test_each_platform_s_own_webhooks_are_accepted(platform: str, url: str) -> None:
    assert check_webhook_url(platform, f"  {url} ") == url


@pytest.mark.parametrize(
    ("platform", "url", "says"),
    [
        ("slack", "http://hooks.slack.com/services/T/B/x", "over https"),
        ("slack", "https://hooks.slack.com/workflows/T/A/x", "not a Slack incoming webhook"),
        ("slack", "https://hooks.slack.com.evil.example/services/T/B/x", "not a Slack incoming webhook"),
        ("slack", "https://discord.com/api/webhooks/1/t", "not a Slack incoming webhook"),
        ("discord", "https://discord.com/api/webhooks/not-a-number/t", "not a Discord webhook"),
        ("discord", "https://user@discord.com/api/webhooks/1/t", "over https"),
        ("discord", "https://discord.com:8443/api/webhooks/1/t", "over https"),
        ("teams", "https://outlook.office.com/webhook/abc", "not a Microsoft Teams workflow webhook"),
        ("teams", "https://contoso.webhook.office.com/webhookb2/abc", "Office 365 connector"),
        (
            "teams",
            "https://evil-logic.azure.com.example/workflows/x",
            "not a Microsoft Teams workflow webhook",
        ),
        ("slack", "not a url", "not a URL"),
        ("slack", "https://hooks.slack.com/services/T/B/x y", "not a URL"),
        ("irc", "https://hooks.slack.com/services/T/B/x", "unknown chat platform"),
    ],
)
def test_anything_else_is_refused_in_one_line_that_never_repeats_the_url(
    platform: str, url: str, says: str
) -> None:
    with pytest.raises(InvalidWebhook, match=says) as refused:
        check_webhook_url(platform, url)
    assert "\n" not in str(refused.value)
    assert "/services/T/B/x" not in str(refused.value) and "/webhooks/1/t" not in str(refused.value)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8025/slack/services/T/B/x", "http://localhost:9/x", "https://[::1]:7/x"]
)
def test_loopback_is_accepted_only_with_the_stack_s_loopback_switch(url: str) -> None:
    with pytest.raises(InvalidWebhook, match="FetchAllowLoopback"):
        check_webhook_url("slack", url)
    assert check_webhook_url("slack", url, allow_loopback=True) == url


def test_the_switch_opens_loopback_only_not_any_host() -> None:
    with pytest.raises(InvalidWebhook):
        check_webhook_url("discord", "http://10.0.0.5/api/webhooks/1/t", allow_loopback=True)


def test_a_channel_secret_is_named_by_the_topic_and_id_of_its_subscription() -> None:
    arn = "arn:aws:sns:eu-west-1:123456789012:prod-AlertsTopic-1A2B:6f1c7e2a-0000-4d7e-9a1b-2c3d4e5f6a7b"
    assert (
        channel_secret_name(arn)
        == "takeaways/chat/prod-AlertsTopic-1A2B/6f1c7e2a-0000-4d7e-9a1b-2c3d4e5f6a7b"
    )
    for wrong in (
        "arn:aws:sns:eu-west-1:123456789012:prod-AlertsTopic-1A2B",
        "PendingConfirmation",
        "arn:aws:sqs:r:1:q:x",
    ):
        with pytest.raises(ValueError):
            channel_secret_name(wrong)


def test_a_channel_round_trips_through_its_secret_and_a_hand_edited_one_is_refused() -> None:
    channel = ChatChannel(
        platform="teams", webhook_url=ACCEPTED[3][1], subscription_arn="arn:aws:sns:r:1:t:id"
    )
    assert ChatChannel.from_secret_string(channel.secret_string()) == channel
    for broken in (
        "not json",
        "[]",
        '{"platform": "irc", "webhook_url": "x", "subscription_arn": "y"}',
        '{"platform": "slack"}',
    ):
        with pytest.raises(ValueError):
            ChatChannel.from_secret_string(broken)


def test_a_listing_sees_the_host_and_a_digest_never_the_token() -> None:
    url = ACCEPTED[0][1]
    assert webhook_host(url) == "hooks.slack.com"
    assert webhook_fingerprint(url) == webhook_fingerprint(f" {url}\n")
    assert "abcdefXYZ" not in webhook_fingerprint(url) and len(webhook_fingerprint(url)) == 64
