"""Reading an SQS inbox for a person: nothing is deleted before it is shown, nothing shown twice."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from takeaways.adapters.operator import EndpointMissing, Inbox


@pytest.fixture
def queue(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        url = boto3.client("sqs").create_queue(QueueName="desk-inbox")["QueueUrl"]
        for number in range(12):
            boto3.client("sqs").send_message(QueueUrl=url, MessageBody=f'{{"headline": "story {number}"}}')
        yield url


def counts(url: str) -> tuple[str, str]:
    attributes = boto3.client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    return attributes["ApproximateNumberOfMessages"], attributes["ApproximateNumberOfMessagesNotVisible"]


def test_what_is_read_is_hidden_until_settled_and_each_message_is_read_once(queue: str) -> None:
    inbox = Inbox("desk-inbox")
    bodies = inbox.read()
    assert sorted(bodies) == sorted(f'{{"headline": "story {n}"}}' for n in range(12))
    assert counts(queue) == ("0", "12")  # a reader that fails now loses nothing: they come back


def test_settling_deletes_or_with_keep_shows_the_messages_again(queue: str) -> None:
    kept = Inbox("desk-inbox")
    kept.read()
    kept.settle(keep=True)
    assert counts(queue) == ("12", "0")
    taken = Inbox("desk-inbox")
    assert len(taken.read()) == 12
    taken.settle(keep=False)
    assert counts(queue) == ("0", "0")


def test_a_queue_that_does_not_exist_says_how_to_make_one(queue: str) -> None:
    with pytest.raises(EndpointMissing, match="takeaways create-inbox nowhere"):
        Inbox("nowhere")
