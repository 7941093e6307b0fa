"""Chat channels: their secrets (read by the chat function, written and listed by the CLI) and endpoints.

A channel's secret (``webhooks.channel_secret_name``) holds its platform, webhook URL and
subscription ARN; its tags repeat what a listing may show without reading the secret: the
platform, the webhook's host, and a SHA-256 of the URL that lets ``unsubscribe URL`` find it.

SNS keeps one subscription per topic, protocol and endpoint, so channels cannot all subscribe
ChatFunction's ARN: each subscribes an alias of its own (``chat-<id>``, on ``$LATEST``). On AWS
the alias is created with an invoke permission for the alerts topic and the function's own
retry settings; the local runner invokes any alias of a stack's function as the function.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Protocol

from takeaways.alerts.chat.limits import Platform
from takeaways.alerts.chat.webhooks import (
    ChatChannel,
    channel_secret_name,
    webhook_fingerprint,
    webhook_host,
)
from takeaways.pipeline.ports import ChannelUnavailable

TAG_PLATFORM = "takeaways:platform"
TAG_HOST = "takeaways:webhook-host"
TAG_FINGERPRINT = "takeaways:webhook-sha256"


def _read_secret(name: str, max_age: int) -> str:
    from aws_lambda_powertools.utilities import parameters

    value = parameters.get_secret(name, max_age=max_age)
    return value.decode() if isinstance(value, bytes) else str(value)


class SecretsChatChannels:
    """The chat function's view: a channel by its subscription, cached for ``max_age`` seconds.

    A channel never changes its webhook (subscribing again makes a new subscription and a new
    secret), so the cache can only hold a channel that was removed, which SNS no longer invokes for.
    """

    def __init__(self, max_age: int, *, read: Callable[[str, int], str] = _read_secret) -> None:
        self._max_age = max_age
        self._read = read

    def channel(self, subscription_arn: str) -> ChatChannel:
        try:
            name = channel_secret_name(subscription_arn)
        except ValueError as error:
            raise ChannelUnavailable(str(error)) from None
        try:
            text = self._read(name, self._max_age)
        except Exception as error:  # powertools wraps every SDK failure in its own exception types
            raise ChannelUnavailable(
                f"chat channel secret {name} could not be read: {type(error).__name__}"
            ) from None
        try:
            return ChatChannel.from_secret_string(text)
        except ValueError as error:
            raise ChannelUnavailable(f"chat channel secret {name}: {error}") from None


def create_channel_secret(channel: ChatChannel) -> str:
    """Store the channel under its subscription's secret name; return the secret's ARN."""
    import boto3

    host = webhook_host(channel.webhook_url)
    response = boto3.client("secretsmanager").create_secret(
        Name=channel_secret_name(channel.subscription_arn),
        Description=f"Takeaways chat channel: a {channel.platform} webhook on {host}",
        SecretString=channel.secret_string(),
        Tags=[
            {"Key": TAG_PLATFORM, "Value": channel.platform},
            {"Key": TAG_HOST, "Value": host},
            {"Key": TAG_FINGERPRINT, "Value": webhook_fingerprint(channel.webhook_url)},
        ],
    )
    return str(response["ARN"])


def delete_channel_secret(subscription_arn: str) -> None:
    """Remove the channel's webhook at once (no recovery window: the webhook's owner still has its URL)."""
    import boto3
    from botocore.exceptions import ClientError

    try:
        boto3.client("secretsmanager").delete_secret(
            SecretId=channel_secret_name(subscription_arn), ForceDeleteWithoutRecovery=True
        )
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
            raise


CHANNEL_ALIAS_PREFIX = "chat-"


def chat_function_arn(topic_arn: str, function_name: str) -> str:
    """ChatFunction's ARN, in the alerts topic's partition, region and account."""
    _, partition, _, region, account = topic_arn.split(":")[:5]
    return f"arn:{partition}:lambda:{region}:{account}:function:{function_name}"


def is_channel_endpoint(endpoint: str, function_arn: str) -> bool:
    """Whether a lambda subscription's endpoint is one of ChatFunction's channel aliases."""
    return endpoint.startswith(f"{function_arn}:{CHANNEL_ALIAS_PREFIX}")


class ChannelEndpoints(Protocol):
    def create(self, function_arn: str, topic_arn: str) -> str:
        """A new endpoint for one channel: ChatFunction's ARN with an alias of the channel's own."""
        ...

    def remove(self, endpoint: str) -> None: ...


class AliasEndpoints:
    """On AWS: an alias per channel that the alerts topic may invoke, retried as the function is."""

    def create(self, function_arn: str, topic_arn: str) -> str:
        import boto3
        from botocore.exceptions import ClientError

        alias = CHANNEL_ALIAS_PREFIX + secrets.token_hex(6)
        client = boto3.client("lambda")
        client.create_alias(
            FunctionName=function_arn,
            Name=alias,
            FunctionVersion="$LATEST",
            Description="A Takeaways chat channel (takeaways subscribe)",
        )
        try:
            client.add_permission(
                FunctionName=function_arn,
                Qualifier=alias,
                StatementId="alerts-topic",
                Action="lambda:InvokeFunction",
                Principal="sns.amazonaws.com",
                SourceArn=topic_arn,
            )
            try:
                own = client.get_function_event_invoke_config(FunctionName=function_arn, Qualifier="$LATEST")
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
                    raise
            else:
                client.put_function_event_invoke_config(
                    FunctionName=function_arn,
                    Qualifier=alias,
                    MaximumRetryAttempts=own.get("MaximumRetryAttempts", 2),
                    MaximumEventAgeInSeconds=own.get("MaximumEventAgeInSeconds", 21600),
                )
        except Exception:
            client.delete_alias(FunctionName=function_arn, Name=alias)
            raise
        return f"{function_arn}:{alias}"

    def remove(self, endpoint: str) -> None:
        import boto3
        from botocore.exceptions import ClientError

        function_arn, _, alias = endpoint.rpartition(":")
        try:
            boto3.client("lambda").delete_alias(FunctionName=function_arn, Name=alias)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
                raise


class LocalEndpoints:
    """On the local stack: an alias name only; the runner invokes any alias of a function as the function."""

    def create(self, function_arn: str, topic_arn: str) -> str:
        return f"{function_arn}:{CHANNEL_ALIAS_PREFIX}{secrets.token_hex(6)}"

    def remove(self, endpoint: str) -> None:
        return None


class ChatChannelSubscriber:
    """A channel's alias, SNS subscription and secret, made and removed together (``ChatSubscriber``).

    What was made is removed again if a later step fails, so a failed command leaves no half
    channel behind. ``function_arn`` None: this one can only remove channels (PreferencesFunction).
    """

    def __init__(self, function_arn: str | None, endpoints: ChannelEndpoints) -> None:
        self._function_arn = function_arn
        self._endpoints = endpoints

    def open(self, topic_arn: str, platform: Platform, url: str, attributes: dict[str, str]) -> str:
        import boto3

        if self._function_arn is None:
            raise RuntimeError("no chat function to subscribe a channel to")
        endpoint = self._endpoints.create(self._function_arn, topic_arn)
        sns = boto3.client("sns")
        try:
            arn = str(
                sns.subscribe(
                    TopicArn=topic_arn,
                    Protocol="lambda",
                    Endpoint=endpoint,
                    Attributes=attributes,
                    ReturnSubscriptionArn=True,
                )["SubscriptionArn"]
            )
        except Exception:
            self._endpoints.remove(endpoint)
            raise
        try:
            create_channel_secret(ChatChannel(platform=platform, webhook_url=url, subscription_arn=arn))
        except Exception:
            sns.unsubscribe(SubscriptionArn=arn)
            self._endpoints.remove(endpoint)
            raise
        return arn

    def close(self, subscription_arn: str) -> None:
        """The subscription first (nothing new is sent), then the webhook's secret and the alias."""
        import boto3
        from botocore.exceptions import ClientError

        sns = boto3.client("sns")
        try:
            endpoint = str(
                sns.get_subscription_attributes(SubscriptionArn=subscription_arn)["Attributes"].get(
                    "Endpoint", ""
                )
            )
            sns.unsubscribe(SubscriptionArn=subscription_arn)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "NotFound":
                raise
            endpoint = ""
        delete_channel_secret(subscription_arn)
        if endpoint:
            self._endpoints.remove(endpoint)
