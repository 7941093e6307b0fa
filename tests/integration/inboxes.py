"""What the integration suites share: an SQS inbox made and drained, and one story to upload."""

from __future__ import annotations

import json
from typing import Any

import boto3

# An article written for these tests (no outlet's text).
FERRY_STORY = (
    "Ferry operator suspends the Tarn crossing after a hull crack\n\n"
    "The Tarn Island ferry will not sail until next week after inspectors found a crack in the hull of its "
    "only vessel on Monday, the operator Westwater Lines said.\n\n"
    "About 1,400 passengers a day use the 40-minute crossing. Westwater said it had chartered a smaller "
    "boat that would carry foot passengers only from Wednesday, and that vehicle bookings would be refunded.\n\n"
    "The island council said the shop and the school would stay open and that medical supplies would be "
    "flown in if the charter could not sail.\n"
)
FERRY_HEADLINE = "Ferry operator suspends the Tarn crossing after a hull crack"


def new_inbox(name: str) -> tuple[str, str]:
    """A new queue: its URL and ARN."""
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    return url, sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]


def drained(url: str) -> list[dict[str, Any]]:
    """Every message in the queue, with its attributes, removed from it; oldest first."""
    sqs = boto3.client("sqs")
    found: list[dict[str, Any]] = []
    while batch := sqs.receive_message(
        QueueUrl=url, MaxNumberOfMessages=10, MessageAttributeNames=["All"]
    ).get("Messages", []):
        found += [dict(message) for message in batch]
        for message in batch:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found


def drained_bodies(url: str) -> list[dict[str, Any]]:
    """The JSON bodies of every message in the queue (an alert or digest, or SNS's envelope)."""
    return [json.loads(message["Body"]) for message in drained(url)]
