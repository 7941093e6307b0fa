"""The chat function's view of its channels: a secret per subscription, and what it does when one is not there."""

from __future__ import annotations

import pytest

from takeaways.adapters.chat_channels import SecretsChatChannels, chat_function_arn, is_channel_endpoint
from takeaways.alerts.chat.webhooks import ChatChannel
from takeaways.pipeline.ports import ChannelUnavailable

ARN = "arn:aws:sns:us-east-1:123456789012:stack-AlertsTopic-X:0b4f"
CHANNEL = ChatChannel(
    platform="discord", webhook_url="https://discord.com/api/webhooks/1/t", subscription_arn=ARN
)


def test_a_channel_is_read_from_the_secret_named_after_its_subscription() -> None:
    asked: list[str] = []

    def read(name: str, max_age: int) -> str:
        asked.append(name)
        return CHANNEL.secret_string()

    assert SecretsChatChannels(300, read=read).channel(ARN) == CHANNEL
    assert asked == ["takeaways/chat/stack-AlertsTopic-X/0b4f"]


def test_a_missing_or_broken_secret_is_a_channel_unavailable_which_lambda_retries() -> None:
    def missing(name: str, max_age: int) -> str:
        raise RuntimeError("ResourceNotFoundException")

    with pytest.raises(ChannelUnavailable, match="could not be read: RuntimeError"):
        SecretsChatChannels(300, read=missing).channel(ARN)
    with pytest.raises(ChannelUnavailable, match="not JSON"):
        SecretsChatChannels(300, read=lambda name, age: "hooks.slack.com").channel(ARN)
    with pytest.raises(ChannelUnavailable, match="not an SNS subscription ARN"):
        SecretsChatChannels(300, read=lambda name, age: "").channel("PendingConfirmation")


def test_each_channel_s_endpoint_is_an_alias_of_the_chat_function() -> None:
    function = chat_function_arn(
        "arn:aws:sns:eu-west-1:123456789012:stack-AlertsTopic-X", "stack-ChatFunction-Y"
    )
    assert function == "arn:aws:lambda:eu-west-1:123456789012:function:stack-ChatFunction-Y"
    assert is_channel_endpoint(f"{function}:chat-0a1b2c3d4e5f", function)
    assert not is_channel_endpoint(function, function)
    assert not is_channel_endpoint("arn:aws:lambda:eu-west-1:123456789012:function:other:chat-1", function)
