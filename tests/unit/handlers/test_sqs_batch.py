"""Partial batch failure: what Lambda is told about each message of an SQS batch."""

from __future__ import annotations

import pytest

from takeaways.handlers.sqs_batch import QueueMessage, WholeBatchFailed, process_queue_batch
from tests.unit.handlers.conftest import sqs_event


class FailOn:
    """A record handler that raises for one body and remembers every message it was given."""

    def __init__(self, failing_body: str) -> None:
        self.failing_body = failing_body
        self.seen: list[QueueMessage] = []

    def __call__(self, message: QueueMessage) -> None:
        self.seen.append(message)
        if message.body == self.failing_body:
            raise RuntimeError("downstream fault")


def test_only_the_failing_message_is_reported_for_retry() -> None:
    event = sqs_event("one", "two", "three")
    handle = FailOn("two")
    response = process_queue_batch(event, handle)
    assert response == {"batchItemFailures": [{"itemIdentifier": event["Records"][1]["messageId"]}]}
    assert [message.body for message in handle.seen] == ["one", "two", "three"]


def test_a_batch_where_every_message_fails_is_an_invocation_error() -> None:
    with pytest.raises(WholeBatchFailed, match="all 2 messages"):
        process_queue_batch(sqs_event("bad", "bad"), FailOn("bad"))


def test_a_clean_batch_reports_no_failures_and_an_empty_one_is_not_an_error() -> None:
    assert process_queue_batch(sqs_event("fine"), FailOn("bad")) == {"batchItemFailures": []}
    assert process_queue_batch({"Records": []}, FailOn("bad")) == {"batchItemFailures": []}


def test_the_message_fields_handlers_read_come_from_the_record() -> None:
    record = sqs_event("hello", queue_arn="arn:aws:sqs:eu-west-1:123456789012:q")["Records"][0]
    record["attributes"]["ApproximateReceiveCount"] = "3"
    message = QueueMessage.from_record(record)
    assert (message.message_id, message.body, message.event_source_arn, message.receive_count) == (
        record["messageId"],
        "hello",
        "arn:aws:sqs:eu-west-1:123456789012:q",
        3,
    )
