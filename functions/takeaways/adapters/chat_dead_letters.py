"""The chat dead-letter queue, as the chat function writes to it: in the shape Lambda itself uses.

Lambda's own dead-letter queue message for a failed asynchronous invocation is the event as the
body with ``RequestID``, ``ErrorCode`` and ``ErrorMessage`` attributes; a refused message is kept
the same way, so every message in the queue reads alike and can be invoked again as it is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient

_ATTRIBUTE_CHARS = 1000


class SqsChatDeadLetters:
    def __init__(self, client: SQSClient, queue_url: str) -> None:
        self._sqs = client
        self._queue_url = queue_url

    def keep(self, event: Mapping[str, Any], *, error_code: str, error_message: str) -> None:
        self._sqs.send_message(
            QueueUrl=self._queue_url,
            MessageBody=json.dumps(event, ensure_ascii=False),
            MessageAttributes={
                "ErrorCode": {"DataType": "String", "StringValue": error_code[:_ATTRIBUTE_CHARS]},
                "ErrorMessage": {"DataType": "String", "StringValue": error_message[:_ATTRIBUTE_CHARS]},
            },
        )
