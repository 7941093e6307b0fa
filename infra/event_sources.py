"""Lambda's SQS event source mappings, played in-process against a deployed stack.

For each SQS event of a function in template.yaml the runner receives up to BatchSize
messages, hands the handler the event Lambda would build, and honours the answer as
Lambda does: with ReportBatchItemFailures the listed messages stay on the queue and the
rest are deleted; an exception leaves the whole batch. Messages left on the queue come
back after the queue's visibility timeout, and the queue's redrive policy moves a
message that keeps failing to its dead-letter queue (moto applies maxReceiveCount when
a message is received).

Each function's Timeout and MemorySize from the template are enforced as Lambda would:
a handler still running at its timeout is stopped and its whole batch returned, and so is
one whose memory grew past MemorySize.

Time is compressed in two places, for demos and tests: the batching window is not
waited for, and ``redelivery_delay_seconds`` (when given) replaces the visibility
timeout of failed messages so that a retry comes after seconds rather than minutes.

The runner also takes the stack's asynchronous invocations (what SNS makes of a ``lambda``
subscription, ``infra.async_invocations``): each poll runs those that are due, with Lambda's
retries (after ``redelivery_delay_seconds`` too, when given) and dead-letter queue.

    runner = EventSourceRunner(stack, redelivery_delay_seconds=0)
    runner.run_until_idle(timeout_s=20)      # every queue drained, retries included
    runner.start(); ...; runner.stop()       # or keep polling in a background thread
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import functools
import importlib
import logging
import os
import resource
import threading
import time
import uuid
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

from infra import async_invocations
from infra.local_stack import DeployedStack, FunctionSpec, SqsEventSource

# Powertools warns when an invocation emitted no metrics (an S3 test event, say): expected here, not news.
warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)

log = logging.getLogger(__name__)

# The system attributes Lambda copies into each record (the FIFO ones only exist on FIFO queues).
_RECORD_ATTRIBUTES = (
    "ApproximateReceiveCount",
    "SentTimestamp",
    "SenderId",
    "ApproximateFirstReceiveTimestamp",
    "SequenceNumber",
    "MessageGroupId",
    "MessageDeduplicationId",
    "AWSTraceHeader",
)
_QUEUE_DEPTH_ATTRIBUTES = (
    "ApproximateNumberOfMessages",
    "ApproximateNumberOfMessagesNotVisible",
    "ApproximateNumberOfMessagesDelayed",
)
_SQS_RECEIVE_LIMIT = 10
_SQS_DELETE_LIMIT = 10


class FunctionTimedOut(BaseException):
    """Raised into a handler at its function's Timeout, as Lambda stops an invocation.

    A ``BaseException``, so the handler's own ``except Exception`` cannot carry on past it.
    """


class FunctionOutOfMemory(RuntimeError):
    """The invocation's memory grew past the function's MemorySize."""


@contextlib.contextmanager
def _stopped_after(timeout_seconds: float, name: str) -> Iterator[None]:
    """Raise ``FunctionTimedOut`` in this thread if the block is still running at the timeout.

    A timer thread sets the exception asynchronously (CPython's PyThreadState_SetAsyncExc), so
    it lands at the next bytecode the handler runs, in any thread: the background runner's too.
    A handler blocked in one long C call is stopped when that call returns.
    """
    target = threading.get_ident()
    guard = threading.Lock()
    state = {"running": True, "fired": False}

    def expire() -> None:
        with guard:
            if state["running"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(FunctionTimedOut)
                )

    timer = threading.Timer(timeout_seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except FunctionTimedOut:
        raise FunctionTimedOut(f"{name} timed out after {timeout_seconds} s") from None
    finally:
        with guard:
            state["running"] = False
        timer.cancel()


class _MemoryWatch:
    """How far the process's peak memory rose above what it held when the invocation began.

    Read from the kernel (resident set now, and its peak), so it costs nothing per allocation;
    it measures only an invocation that set a new peak, which is the one that matters.
    """

    def __init__(self) -> None:
        self._start_mb = _resident_mb()
        self._peak_mb = _peak_mb()

    def grown_mb(self) -> float | None:
        peak = _peak_mb()
        if self._start_mb is None or peak is None or self._peak_mb is None or peak <= self._peak_mb:
            return None
        return peak - self._start_mb


def _resident_mb() -> float | None:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * resource.getpagesize() / (1024 * 1024)


def _peak_mb() -> float | None:
    try:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    except (OSError, ValueError):
        return None


@dataclass
class LocalLambdaContext:
    """The attributes of Lambda's context object that handlers and powertools read."""

    function_name: str
    invoked_function_arn: str
    memory_limit_in_mb: int
    timeout_seconds: int
    function_version: str = "$LATEST"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = ""
    log_stream_name: str = "local"
    started: float = field(default_factory=time.monotonic)

    def get_remaining_time_in_millis(self) -> int:
        elapsed = time.monotonic() - self.started
        return max(0, int((self.timeout_seconds - elapsed) * 1000))


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What one invocation did with its batch (for logs and tests)."""

    function_id: str
    received: int
    failed: int
    error: str | None = None


class EventSourceRunner:
    """Drives every SQS event source of a deployed stack, as Lambda's pollers would."""

    def __init__(
        self,
        stack: DeployedStack,
        *,
        redelivery_delay_seconds: int | None = None,
        handler_overrides: Mapping[str, str] | None = None,
        enabled: Callable[[str], bool] | None = None,
    ) -> None:
        """Prepare to drive ``stack.event_sources``.

        ``redelivery_delay_seconds``: time compression for demos and tests. A message left
        for redelivery becomes visible again after this many seconds instead of after its
        queue's visibility timeout (``None``, the default, keeps the queue's own).
        ``handler_overrides``: a function's logical id -> another dotted handler path (tests).
        ``enabled``: a function's logical id -> whether its event sources are enabled, asked before
        each poll, as Lambda honours a mapping's Enabled flag (``takeaways pause``); default all.
        """
        self.stack = stack
        self.redelivery_delay_seconds = redelivery_delay_seconds
        self._handler_overrides = dict(handler_overrides or {})
        self._enabled = enabled or (lambda function_id: True)
        self._sqs = boto3.client("sqs", region_name=stack.region)
        self._invocation_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # The latest invocations, for logs and tests (bounded: `make up` runs for hours).
        self.results: deque[BatchResult] = deque(maxlen=10_000)
        self.asynchronous = async_invocations.AsyncInvocations(
            invoke=self.invoke,
            max_retries=lambda function_id: stack.functions[function_id].maximum_retry_attempts,
            dead_letter_queue=lambda function_id: stack.functions[function_id].dead_letter_queue_arn,
            region=stack.region,
            retry_delay_seconds=redelivery_delay_seconds,
        )
        for spec in stack.functions.values():
            async_invocations.register(
                spec.arn, functools.partial(self.asynchronous.enqueue, spec.logical_id)
            )

    # ---------------------------------------------------------------- polling
    def poll_once(self) -> int:
        """One receive-and-invoke round over every event source; returns the messages delivered."""
        delivered = 0
        for source in self._active_sources():
            messages = self._receive(source)
            if messages:
                delivered += len(messages)
                self._deliver(source, messages)
        return delivered + self.asynchronous.run_due()

    def run_until_idle(self, timeout_s: float = 30.0, idle_rounds: int = 2, pause_s: float = 0.05) -> int:
        """Poll until every source queue is empty, nothing in flight, for ``idle_rounds`` rounds in a row.

        Returns the messages delivered; raises TimeoutError if the queues do not settle in time
        (for example when failed messages wait out a long visibility timeout).
        """
        deadline = time.monotonic() + timeout_s
        delivered = 0
        quiet = 0
        while quiet < idle_rounds:
            if time.monotonic() > deadline:
                raise TimeoutError(f"queues still busy after {timeout_s} s: {self.queue_depths()}")
            count = self.poll_once()
            delivered += count
            if count == 0 and not any(self.queue_depths().values()):
                quiet += 1
            else:
                quiet = 0
            if count == 0:
                time.sleep(pause_s)
        return delivered

    def _active_sources(self) -> list[SqsEventSource]:
        return [source for source in self.stack.event_sources if self._enabled(source.function_id)]

    def queue_depths(self) -> dict[str, int]:
        """Visible, in-flight and delayed messages of each enabled source's queue, by queue URL, and the
        asynchronous invocations waiting (retries included).

        A disabled source's queue is left to fill, as it is on AWS: idle means nothing left to run.
        """
        depths: dict[str, int] = {}
        for source in self._active_sources():
            response = self._sqs.get_queue_attributes(
                QueueUrl=source.queue_url,
                AttributeNames=list(_QUEUE_DEPTH_ATTRIBUTES),  # type: ignore[arg-type]
            )
            attributes = {str(name): value for name, value in response["Attributes"].items()}
            depths[source.queue_url] = sum(int(attributes.get(name, "0")) for name in _QUEUE_DEPTH_ATTRIBUTES)
        depths["asynchronous invocations"] = self.asynchronous.pending()
        return depths

    # ---------------------------------------------------------------- background mode
    def start(self, interval_s: float = 0.2) -> None:
        """Keep polling in a daemon thread until ``stop``: what the demo and ``make up`` need."""
        if self._thread is not None:
            raise RuntimeError("the runner is already started")
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._poll_forever, args=(interval_s,), name="event-source-runner", daemon=True
        )
        self._thread.start()

    def stop(self, timeout_s: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout_s)
            self._thread = None

    @contextlib.contextmanager
    def running(self, interval_s: float = 0.2) -> Iterator[EventSourceRunner]:
        self.start(interval_s)
        try:
            yield self
        finally:
            self.stop()

    def _poll_forever(self, interval_s: float) -> None:
        while not self._stop.is_set():
            try:
                delivered = self.poll_once()
            except Exception:
                # A poller outlives a failing call, as Lambda's does; the next round tries again.
                log.exception("event source polling failed")
                delivered = 0
            if not delivered:
                self._stop.wait(interval_s)

    # ---------------------------------------------------------------- invocation
    def invoke(self, function_id: str, event: Mapping[str, Any]) -> Any:
        """Call a function's handler with its environment and a Lambda-like context (any event type).

        The function's Timeout and MemorySize are enforced as Lambda enforces them: at the
        timeout the handler is stopped (``FunctionTimedOut``), and an invocation whose memory
        grew past MemorySize fails (``FunctionOutOfMemory``); either way the batch goes back.
        """
        spec = self.stack.functions[function_id]
        # One invocation at a time: the environment is process-wide.
        with self._invocation_lock, _environment(spec.environment):
            handler = self._handler(spec)
            context = LocalLambdaContext(
                function_name=spec.name,
                invoked_function_arn=spec.arn,
                memory_limit_in_mb=spec.memory_mb,
                timeout_seconds=spec.timeout_seconds,
                log_group_name=f"/aws/lambda/{spec.name}",
            )
            memory = _MemoryWatch()
            with _stopped_after(spec.timeout_seconds, spec.name):
                response = handler(dict(event), context)
            grown_mb = memory.grown_mb()
            if grown_mb is not None and grown_mb > spec.memory_mb:
                raise FunctionOutOfMemory(
                    f"{spec.name} grew by {grown_mb:.0f} MB; its MemorySize is {spec.memory_mb} MB"
                )
            return response

    def _handler(self, spec: FunctionSpec) -> Callable[[dict[str, Any], Any], Any]:
        dotted = self._handler_overrides.get(spec.logical_id, spec.handler)
        module_name, _, attribute = dotted.rpartition(".")
        # Imported with the function's environment in place, as in Lambda's init phase.
        module = importlib.import_module(module_name)
        handler: Callable[[dict[str, Any], Any], Any] = getattr(module, attribute)
        return handler

    def _receive(self, source: SqsEventSource) -> list[dict[str, Any]]:
        messages: list[dict[str, Any]] = []
        while len(messages) < source.batch_size:
            received = self._sqs.receive_message(
                QueueUrl=source.queue_url,
                MaxNumberOfMessages=min(_SQS_RECEIVE_LIMIT, source.batch_size - len(messages)),
                MessageSystemAttributeNames=["All"],
                MessageAttributeNames=["All"],
                WaitTimeSeconds=0,
            ).get("Messages", [])
            if not received:
                break
            messages.extend(dict(message) for message in received)
        return messages

    def _deliver(self, source: SqsEventSource, messages: list[dict[str, Any]]) -> None:
        event = {"Records": [self._record(source, message) for message in messages]}
        by_id = {message["MessageId"]: message for message in messages}
        started = time.monotonic()
        error: str | None = None
        try:
            response = self.invoke(source.function_id, event)
            failed_ids = self._failed_ids(source, response, set(by_id))
        except (Exception, FunctionTimedOut) as exception:
            # Lambda's semantics: a function error returns the whole batch to the queue.
            log.debug("%s raised", source.function_id, exc_info=True)
            error = f"{type(exception).__name__}: {exception}"
            failed_ids = set(by_id)
        succeeded = [message for message_id, message in by_id.items() if message_id not in failed_ids]
        self._delete(source, succeeded)
        self._schedule_redelivery(source, [by_id[message_id] for message_id in failed_ids])
        result = BatchResult(source.function_id, len(messages), len(failed_ids), error)
        self.results.append(result)
        log.log(
            logging.WARNING if error else logging.INFO,
            "%s: %d message(s) from %s, %d left for redelivery%s (%.2f s)",
            source.function_id,
            len(messages),
            source.queue_arn.rsplit(":", 1)[-1],
            len(failed_ids),
            f"; raised {error}" if error else "",
            time.monotonic() - started,
        )

    @staticmethod
    def _failed_ids(source: SqsEventSource, response: Any, batch_ids: set[str]) -> set[str]:
        """Lambda's reading of a handler's answer; an answer it cannot trust fails the whole batch."""
        if not source.report_batch_item_failures or response is None:
            return set()
        if not isinstance(response, dict) or "batchItemFailures" not in response:
            return set()
        failures = response["batchItemFailures"] or []
        failed: set[str] = set()
        for item in failures:
            identifier = item.get("itemIdentifier") if isinstance(item, dict) else None
            if not identifier or identifier not in batch_ids:
                log.warning(
                    "%s: invalid batchItemFailures entry %r; whole batch fails", source.function_id, item
                )
                return set(batch_ids)
            failed.add(identifier)
        return failed

    def _record(self, source: SqsEventSource, message: Mapping[str, Any]) -> dict[str, Any]:
        """One record of the SQS event, in the shape and key spelling Lambda uses."""
        system = message.get("Attributes", {})
        record: dict[str, Any] = {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": {name: system[name] for name in _RECORD_ATTRIBUTES if name in system},
            "messageAttributes": {
                name: _lambda_message_attribute(value)
                for name, value in (message.get("MessageAttributes") or {}).items()
            },
            "md5OfBody": message["MD5OfBody"],
            "eventSource": "aws:sqs",
            "eventSourceARN": source.queue_arn,
            "awsRegion": self.stack.region,
        }
        if "MD5OfMessageAttributes" in message:
            record["md5OfMessageAttributes"] = message["MD5OfMessageAttributes"]
        return record

    def _delete(self, source: SqsEventSource, messages: list[dict[str, Any]]) -> None:
        for start in range(0, len(messages), _SQS_DELETE_LIMIT):
            chunk = messages[start : start + _SQS_DELETE_LIMIT]
            response = self._sqs.delete_message_batch(
                QueueUrl=source.queue_url,
                Entries=[
                    {"Id": str(index), "ReceiptHandle": message["ReceiptHandle"]}
                    for index, message in enumerate(chunk)
                ],
            )
            for failure in response.get("Failed", []):
                log.warning("%s: could not delete a message: %s", source.function_id, failure)

    def _schedule_redelivery(self, source: SqsEventSource, messages: list[dict[str, Any]]) -> None:
        if self.redelivery_delay_seconds is None or not messages:
            return  # they reappear after the queue's own visibility timeout
        for message in messages:
            self._sqs.change_message_visibility(
                QueueUrl=source.queue_url,
                ReceiptHandle=message["ReceiptHandle"],
                VisibilityTimeout=self.redelivery_delay_seconds,
            )


def _lambda_message_attribute(value: Mapping[str, Any]) -> dict[str, Any]:
    """SQS's MessageAttributeValue in Lambda's camelCase shape (binary values base64-encoded)."""

    def encoded(data: bytes | str) -> str:
        return base64.b64encode(data).decode() if isinstance(data, bytes) else data

    attribute: dict[str, Any] = {
        "stringListValues": list(value.get("StringListValues", [])),
        "binaryListValues": [encoded(item) for item in value.get("BinaryListValues", [])],
        "dataType": value["DataType"],
    }
    if "StringValue" in value:
        attribute["stringValue"] = value["StringValue"]
    if "BinaryValue" in value:
        attribute["binaryValue"] = encoded(value["BinaryValue"])
    return attribute


@contextlib.contextmanager
def _environment(variables: Mapping[str, str]) -> Iterator[None]:
    """The function's environment variables for the duration of a call; the process's own come back after."""
    previous = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
