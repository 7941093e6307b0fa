"""Lambda's asynchronous invocations, played in-process: what SNS makes of a ``lambda`` subscription.

moto would run a subscribed function in Docker. Here ``infra.sns_delivery`` hands each SNS event
to the invocation queue of the runner that drives the function's stack (``register``), and the
runner invokes it as Lambda does: once, then, if the invocation fails, again after a minute and
after two more (``MaximumRetryAttempts`` from the function's ``EventInvokeConfig``, 2 by default),
and then sends the event to the function's ``DeadLetterQueue`` with the ``RequestID``,
``ErrorCode`` and ``ErrorMessage`` attributes Lambda gives it. The retry delays are compressed
as SQS redeliveries are (``retry_delay_seconds``).

Invocations are queued, never run inside the Publish call: on AWS the publisher does not wait for
its subscribers, and here the publisher may itself be a function the runner is invoking.

``install()`` does the same for Lambda's own ``Invoke`` with ``InvocationType=Event`` (what
``takeaways redrive chat`` sends): an asynchronous invoke of a registered function is queued
instead of reaching moto's Lambda, which has no such function.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import boto3

log = logging.getLogger(__name__)

# Lambda's own delays before the first and the second retry of a failed asynchronous invocation.
LAMBDA_RETRY_DELAYS_SECONDS = (60.0, 120.0)
_ERROR_MESSAGE_CHARS = 1024

_targets: dict[str, Callable[[Mapping[str, Any]], None]] = {}
_targets_lock = threading.Lock()


def register(function_arn: str, enqueue: Callable[[Mapping[str, Any]], None]) -> None:
    """Asynchronous invocations of ``function_arn`` go to ``enqueue`` (the latest runner of its stack)."""
    with _targets_lock:
        _targets[function_arn] = enqueue


def target(function_arn: str) -> Callable[[Mapping[str, Any]], None] | None:
    """Where an invocation of this function (qualified or not) is queued, if a runner drives it."""
    parts = function_arn.split(":")
    unqualified = ":".join(parts[:7])
    with _targets_lock:
        return _targets.get(function_arn) or _targets.get(unqualified)


_MARK = "_takeaways_async_invoke"


def install() -> None:
    """Queue ``Invoke(InvocationType=Event)`` of a registered function for its runner (idempotent)."""
    from moto.awslambda.models import LambdaBackend

    original = LambdaBackend.invoke
    if getattr(original, _MARK, False):
        return

    def invoke(
        self: LambdaBackend,
        function_name: str,
        qualifier: str | None,
        body: Any,
        headers: Any,
        response_headers: Any,
    ) -> str | bytes | None:
        arn = function_name
        if not arn.startswith("arn:"):
            arn = f"arn:aws:lambda:{self.region_name}:{self.account_id}:function:{function_name}"
        enqueue = target(f"{arn}:{qualifier}" if qualifier else arn)
        if enqueue is None or headers.get("X-Amz-Invocation-Type") != "Event":
            return original(self, function_name, qualifier, body, headers, response_headers)
        enqueue(json.loads(body or b"{}"))
        response_headers["Content-Length"] = "0"
        return b""

    setattr(invoke, _MARK, True)
    LambdaBackend.invoke = invoke  # type: ignore[method-assign]


@dataclass
class _Pending:
    function_id: str
    event: Mapping[str, Any]
    request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    attempts: int = 0
    due: float = field(default_factory=time.monotonic)


@dataclass(frozen=True, slots=True)
class AsyncOutcome:
    """What one attempt of an asynchronous invocation did (for logs and tests)."""

    function_id: str
    request_id: str
    attempt: int
    error: str | None
    dead_lettered: bool = False


class AsyncInvocations:
    """The asynchronous invocations waiting for one stack's functions, and Lambda's retry rules for them."""

    def __init__(
        self,
        *,
        invoke: Callable[[str, Mapping[str, Any]], Any],
        max_retries: Callable[[str], int],
        dead_letter_queue: Callable[[str], str | None],
        region: str,
        retry_delay_seconds: float | None = None,
    ) -> None:
        self._invoke = invoke
        self._max_retries = max_retries
        self._dead_letter_queue = dead_letter_queue
        self._retry_delay = retry_delay_seconds
        self._region = region
        self._pending: list[_Pending] = []
        self._lock = threading.Lock()
        self.outcomes: deque[AsyncOutcome] = deque(maxlen=10_000)  # bounded: `make up` runs for hours

    def enqueue(self, function_id: str, event: Mapping[str, Any]) -> None:
        with self._lock:
            self._pending.append(_Pending(function_id, json.loads(json.dumps(event))))

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def run_due(self) -> int:
        """Invoke every invocation whose time has come; returns how many were attempted."""
        now = time.monotonic()
        with self._lock:
            due = [item for item in self._pending if item.due <= now]
            self._pending = [item for item in self._pending if item.due > now]
        for item in due:
            self._attempt(item)
        return len(due)

    def _attempt(self, item: _Pending) -> None:
        item.attempts += 1
        try:
            self._invoke(item.function_id, item.event)
        except BaseException as error:  # FunctionTimedOut is a BaseException, as Lambda's stop is final
            if isinstance(error, KeyboardInterrupt | SystemExit):
                raise
            self._failed(item, f"{type(error).__name__}: {error}")
            return
        self.outcomes.append(AsyncOutcome(item.function_id, item.request_id, item.attempts, None))

    def _failed(self, item: _Pending, error: str) -> None:
        retries = self._max_retries(item.function_id)
        if item.attempts <= retries:
            delay = self._retry_delay
            if delay is None:
                delay = LAMBDA_RETRY_DELAYS_SECONDS[min(item.attempts, len(LAMBDA_RETRY_DELAYS_SECONDS)) - 1]
            item.due = time.monotonic() + delay
            with self._lock:
                self._pending.append(item)
            log.warning(
                "%s failed (attempt %d): %s; retried in %.0f s", item.function_id, item.attempts, error, delay
            )
            self.outcomes.append(AsyncOutcome(item.function_id, item.request_id, item.attempts, error))
            return
        queue_arn = self._dead_letter_queue(item.function_id)
        log.warning(
            "%s failed %d times: %s; %s",
            item.function_id,
            item.attempts,
            error,
            f"event sent to {queue_arn}"
            if queue_arn
            else "event dropped (the function has no DeadLetterQueue)",
        )
        if queue_arn:
            self._send_dead_letter(queue_arn, item, error)
        self.outcomes.append(
            AsyncOutcome(item.function_id, item.request_id, item.attempts, error, bool(queue_arn))
        )

    def _send_dead_letter(self, queue_arn: str, item: _Pending, error: str) -> None:
        _, _, _, region, account, name = queue_arn.split(":", 5)
        sqs = boto3.client("sqs", region_name=region or self._region)
        url = sqs.get_queue_url(QueueName=name, QueueOwnerAWSAccountId=account)["QueueUrl"]
        sqs.send_message(
            QueueUrl=url,
            MessageBody=json.dumps(item.event),
            MessageAttributes={
                "RequestID": {"DataType": "String", "StringValue": item.request_id},
                "ErrorCode": {"DataType": "Number", "StringValue": "200"},
                "ErrorMessage": {"DataType": "String", "StringValue": error[:_ERROR_MESSAGE_CHARS]},
            },
        )
