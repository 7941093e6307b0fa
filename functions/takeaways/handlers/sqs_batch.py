"""SQS batches with partial failure: a message that raises is retried alone, the rest are deleted.

Written here rather than taken from powertools' batch utility because, with pydantic
installed, importing that utility builds every parser model it ships (about 45 ms of
each cold start) for a loop this small.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

from takeaways.observability import logger


class BatchItemFailure(TypedDict):
    itemIdentifier: str


class PartialBatchResponse(TypedDict):
    """What Lambda reads when the event source mapping reports ``ReportBatchItemFailures``."""

    batchItemFailures: list[BatchItemFailure]


class WholeBatchFailed(RuntimeError):
    """Every message failed: raised so the invocation counts as an error and the alarm sees it."""


@dataclass(frozen=True, slots=True)
class QueueMessage:
    """The fields of an SQS record the handlers read."""

    message_id: str
    body: str
    event_source_arn: str
    receive_count: int
    # String and Number message attributes in SNS's spelling ({"DataType", "StringValue"}): what a
    # raw SNS delivery to the queue carries, so filter policies can be evaluated on them.
    message_attributes: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> QueueMessage:
        attributes = record.get("attributes") or {}
        return cls(
            message_id=str(record["messageId"]),
            body=str(record.get("body") or ""),
            event_source_arn=str(record.get("eventSourceARN") or ""),
            receive_count=int(attributes.get("ApproximateReceiveCount") or 1),
            message_attributes={
                str(name): {
                    "DataType": str(value.get("dataType")),
                    "StringValue": str(value.get("stringValue")),
                }
                for name, value in (record.get("messageAttributes") or {}).items()
                if isinstance(value, Mapping) and value.get("stringValue") is not None
            },
        )


def process_queue_batch(
    event: Mapping[str, Any], handle: Callable[[QueueMessage], None]
) -> PartialBatchResponse:
    """Hand each message to ``handle``; a message that raises is logged and reported for retry."""
    records = event.get("Records") or []
    failures: list[BatchItemFailure] = []
    for record in records:
        message = QueueMessage.from_record(record)
        try:
            handle(message)
        except Exception:
            logger.exception(
                "message failed; it will be retried",
                extra={"message_id": message.message_id, "receive_count": message.receive_count},
            )
            failures.append({"itemIdentifier": message.message_id})
    if records and len(failures) == len(records):
        raise WholeBatchFailed(f"all {len(records)} messages in the batch failed")
    return {"batchItemFailures": failures}
