"""The local stack's SNS delivery, in-process: what AWS does where moto on its own does otherwise."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from infra import sns_delivery


@pytest.fixture
def sns_as_on_aws() -> Iterator[None]:
    sns_delivery.install()
    with mock_aws():
        yield


def _queue(name: str) -> tuple[str, str]:
    sqs = boto3.client("sqs", region_name="us-east-1")
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    return url, sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]


def _bodies(url: str) -> list[Any]:
    messages = boto3.client("sqs", region_name="us-east-1").receive_message(
        QueueUrl=url, MaxNumberOfMessages=10
    )
    return [json.loads(message["Body"]) for message in messages.get("Messages", [])]


def _failed_deliveries(topic_name: str) -> float:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    points = boto3.client("cloudwatch", region_name="us-east-1").get_metric_statistics(
        Namespace="AWS/SNS",
        MetricName="NumberOfNotificationsFailed",
        Dimensions=[{"Name": "TopicName", "Value": topic_name}],
        StartTime=now - timedelta(minutes=5),
        EndTime=now + timedelta(minutes=1),
        Period=60,
        Statistics=["Sum"],
    )["Datapoints"]
    return float(sum(point["Sum"] for point in points))


def test_raw_delivery_is_refused_for_a_protocol_aws_cannot_deliver_raw(sns_as_on_aws: None) -> None:
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="alerts")["TopicArn"]
    arn = sns.subscribe(
        TopicArn=topic, Protocol="email", Endpoint="desk@news.example", ReturnSubscriptionArn=True
    )["SubscriptionArn"]
    with pytest.raises(
        ClientError, match=r"Delivery protocol \[email\] does not support raw message delivery"
    ):
        sns.set_subscription_attributes(
            SubscriptionArn=arn, AttributeName="RawMessageDelivery", AttributeValue="true"
        )
    _, queue_arn = _queue("inbox")
    sqs_arn = sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn, ReturnSubscriptionArn=True)
    sns.set_subscription_attributes(
        SubscriptionArn=sqs_arn["SubscriptionArn"], AttributeName="RawMessageDelivery", AttributeValue="true"
    )


def test_a_missing_queue_costs_its_own_copy_only_counted_and_moved_to_its_dead_letter_queue(
    sns_as_on_aws: None,
) -> None:
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="alerts")["TopicArn"]
    kept_url, kept_arn = _queue("kept")
    gone_url, gone_arn = _queue("gone")
    dead_url, dead_arn = _queue("subscription-dlq")
    redrive = {"RedrivePolicy": json.dumps({"deadLetterTargetArn": dead_arn}), "RawMessageDelivery": "true"}
    for arn in (kept_arn, gone_arn):
        sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn, Attributes=redrive)
    boto3.client("sqs", region_name="us-east-1").delete_queue(QueueUrl=gone_url)
    sns.publish(TopicArn=topic, Message='{"headline": "Bridge shut"}')  # does not raise, as on AWS
    assert _bodies(kept_url) == [{"headline": "Bridge shut"}]
    assert _bodies(dead_url) == [{"headline": "Bridge shut"}]
    assert _failed_deliveries("alerts") == 1


def test_without_a_redrive_policy_the_failed_copy_is_dropped_but_counted(sns_as_on_aws: None) -> None:
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="alerts")["TopicArn"]
    gone_url, gone_arn = _queue("gone")
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=gone_arn)
    boto3.client("sqs", region_name="us-east-1").delete_queue(QueueUrl=gone_url)
    sns.publish(TopicArn=topic, Message="hello")
    assert _failed_deliveries("alerts") == 1
