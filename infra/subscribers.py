"""Subscribers for the local runs: what a machine consumer of the alerts topic sets up, and chat channels."""

from __future__ import annotations

import json
from typing import Any

import boto3

from infra.local_stack import DeployedStack
from takeaways.alerts.chat.limits import Platform
from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.subscription import SubscriberRecord


def subscribe_queue(
    topic_arn: str, queue_name: str, *, raw: bool = False, filter_policy: dict[str, Any] | None = None
) -> str:
    """Create a queue, subscribe it to the topic, and return its URL.

    ``raw`` delivers the alert JSON itself; otherwise each message is SNS's envelope
    (subject, message id, attributes) around it, as most consumers receive it.
    """
    sqs = boto3.client("sqs")
    url = str(sqs.create_queue(QueueName=queue_name)["QueueUrl"])
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    attributes: dict[str, str] = {}
    if raw:
        attributes["RawMessageDelivery"] = "true"
    if filter_policy:
        attributes["FilterPolicy"] = json.dumps(filter_policy)
    boto3.client("sns").subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=arn, Attributes=attributes)
    return url


def subscribe_chat(
    stack: DeployedStack, platform: Platform, webhook_url: str, *, preferences: Preferences | None = None
) -> str:
    """A chat channel as `takeaways subscribe --protocol PLATFORM` makes one on the local stack; its subscription ARN."""
    return _subscribe_instant(stack, platform, webhook_url, preferences).subscription_arn


def subscribe_managed_queue(
    stack: DeployedStack, queue_name: str, *, preferences: Preferences | None = None, envelope: bool = True
) -> str:
    """A queue subscribed as `takeaways subscribe --envelope` subscribes one (a managed instant
    subscriber, SNS's envelope kept unless ``envelope`` is false); its URL."""
    from takeaways.adapters.operator import managed_subscriptions

    sqs = boto3.client("sqs")
    url = str(sqs.create_queue(QueueName=queue_name)["QueueUrl"])
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    managed = managed_subscriptions(stack.physical_ids, local=True)
    managed.subscribe(
        "sqs", arn, frequency="instant", preferences=preferences or Preferences(), envelope=envelope
    )
    return url


def subscribe_managed(
    stack: DeployedStack, protocol: str, endpoint: str, *, preferences: Preferences | None = None
) -> str:
    """Any endpoint as `takeaways subscribe --protocol PROTOCOL` subscribes it (instant); its subscriber id."""
    return _subscribe_instant(stack, protocol, endpoint, preferences).subscriber_id


def _subscribe_instant(
    stack: DeployedStack, protocol: str, endpoint: str, preferences: Preferences | None
) -> SubscriberRecord:
    from takeaways.adapters.operator import managed_subscriptions

    managed = managed_subscriptions(stack.physical_ids, local=True)
    return managed.subscribe(
        protocol, endpoint, frequency="instant", preferences=preferences or Preferences()
    )
