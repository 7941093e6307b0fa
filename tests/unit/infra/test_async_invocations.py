"""SNS to Lambda on the local stack: the subscription's event, its filter policy, Lambda's retries and DLQ."""

from __future__ import annotations

import json

import boto3
import pytest

from infra import sns_delivery
from infra.event_sources import EventSourceRunner
from infra.local_stack import DeployedStack
from tests.unit.infra import fake_handlers


@pytest.fixture
def subscribed(runner_stack: DeployedStack) -> tuple[DeployedStack, str]:
    sns_delivery.install()
    arn = boto3.client("sns").subscribe(
        TopicArn=runner_stack.physical_id("Notices"),
        Protocol="lambda",
        Endpoint=runner_stack.functions["NoticeFunction"].arn,
        Attributes={"FilterPolicy": json.dumps({"kind": ["wanted"]})},
        ReturnSubscriptionArn=True,
    )["SubscriptionArn"]
    return runner_stack, arn


def publish(stack: DeployedStack, message: str, kind: str = "wanted") -> None:
    boto3.client("sns").publish(
        TopicArn=stack.physical_id("Notices"),
        Message=message,
        Subject="notice",
        MessageAttributes={"kind": {"DataType": "String", "StringValue": kind}},
    )


def notices() -> list[fake_handlers.Invocation]:
    return [item for item in fake_handlers.invocations if "Sns" in item.event["Records"][0]]


def test_a_published_message_invokes_the_function_with_sns_s_event_after_the_publish(
    subscribed: tuple[DeployedStack, str],
) -> None:
    stack, subscription = subscribed
    runner = EventSourceRunner(stack, redelivery_delay_seconds=0)
    publish(stack, "hello")
    assert not notices()  # queued, not run inside the Publish call
    runner.run_until_idle(timeout_s=10)
    [invocation] = notices()
    [record] = invocation.event["Records"]
    assert record["EventSource"] == "aws:sns" and record["EventSubscriptionArn"] == subscription
    assert record["Sns"]["Message"] == "hello" and record["Sns"]["Subject"] == "notice"
    assert record["Sns"]["MessageAttributes"]["kind"] == {"Type": "String", "Value": "wanted"}
    assert record["Sns"]["TopicArn"] == stack.physical_id("Notices")


def test_the_filter_policy_decides_whether_the_function_is_invoked(
    subscribed: tuple[DeployedStack, str],
) -> None:
    stack, _ = subscribed
    runner = EventSourceRunner(stack, redelivery_delay_seconds=0)
    publish(stack, "not for it", kind="other")
    runner.run_until_idle(timeout_s=10)
    assert not notices()


def test_a_failing_invocation_is_retried_as_configured_then_kept_in_the_dead_letter_queue(
    subscribed: tuple[DeployedStack, str],
) -> None:
    stack, _ = subscribed
    runner = EventSourceRunner(stack, redelivery_delay_seconds=0)
    publish(stack, "raise")
    runner.run_until_idle(timeout_s=10)
    assert len(notices()) == 2  # the invocation and MaximumRetryAttempts: 1
    [message] = boto3.client("sqs").receive_message(
        QueueUrl=stack.physical_id("NoticeDeadLetterQueue"), MessageAttributeNames=["All"]
    )["Messages"]
    assert json.loads(message["Body"]) == notices()[0].event
    assert (
        "this notice always breaks the handler" in message["MessageAttributes"]["ErrorMessage"]["StringValue"]
    )
    assert message["MessageAttributes"]["RequestID"]["StringValue"]
    assert [outcome.dead_lettered for outcome in runner.asynchronous.outcomes] == [False, True]
