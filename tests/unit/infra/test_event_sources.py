"""The runner plays Lambda's SQS event source mapping: event shape, partial failures, retries, DLQ."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import resource
import threading
import time
from typing import Any

import boto3
import pytest

from infra.event_sources import BatchResult, EventSourceRunner
from infra.local_stack import DeployedStack
from tests.unit.infra import fake_handlers


def send(stack: DeployedStack, queue: str, *outcomes: str, **attributes: Any) -> list[str]:
    """One message per outcome; returns their bodies in order."""
    bodies = []
    for index, outcome in enumerate(outcomes):
        body = json.dumps({"outcome": outcome, "n": index})
        boto3.client("sqs").send_message(
            QueueUrl=stack.physical_id(queue), MessageBody=body, MessageAttributes=attributes
        )
        bodies.append(body)
    return bodies


def depth(stack: DeployedStack, queue: str) -> dict[str, int]:
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=stack.physical_id(queue),
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return {
        "visible": int(attributes["ApproximateNumberOfMessages"]),
        "in_flight": int(attributes["ApproximateNumberOfMessagesNotVisible"]),
    }


def delivered_bodies() -> list[str]:
    return [body for invocation in fake_handlers.invocations for body in invocation.bodies]


def test_the_event_has_lambdas_shape(runner_stack: DeployedStack) -> None:
    [body] = send(
        runner_stack,
        "WorkQueue",
        "ok",
        desk={"DataType": "String", "StringValue": "metro"},
        blob={"DataType": "Binary", "BinaryValue": b"\x00\x01"},
    )
    assert EventSourceRunner(runner_stack).poll_once() == 1
    [invocation] = fake_handlers.invocations
    [record] = invocation.event["Records"]
    assert record["body"] == body
    assert record["md5OfBody"] == hashlib.md5(body.encode()).hexdigest()
    assert record["eventSource"] == "aws:sqs"
    assert record["eventSourceARN"] == runner_stack.attribute("WorkQueue", "Arn")
    assert record["awsRegion"] == runner_stack.region
    assert record["receiptHandle"] and record["messageId"]
    assert set(record["attributes"]) >= {
        "ApproximateReceiveCount",
        "SentTimestamp",
        "SenderId",
        "ApproximateFirstReceiveTimestamp",
    }
    assert record["attributes"]["ApproximateReceiveCount"] == "1"
    assert record["messageAttributes"]["desk"] == {
        "stringValue": "metro",
        "stringListValues": [],
        "binaryListValues": [],
        "dataType": "String",
    }
    assert record["messageAttributes"]["blob"]["binaryValue"] == "AAE="


def test_the_handler_runs_with_its_environment_and_a_context(runner_stack: DeployedStack) -> None:
    send(runner_stack, "WorkQueue", "ok")
    os.environ.pop("OWN_SETTING", None)
    EventSourceRunner(runner_stack).poll_once()
    [invocation] = fake_handlers.invocations
    assert invocation.environment == {
        "SHARED_SETTING": "hello",
        "OWN_SETTING": "worker",
        "WORK_QUEUE_URL": runner_stack.physical_id("WorkQueue"),
    }
    assert "OWN_SETTING" not in os.environ, "the function's environment is not left behind"
    spec = runner_stack.functions["WorkerFunction"]
    assert invocation.context.function_name == spec.name
    assert invocation.context.invoked_function_arn == spec.arn
    assert invocation.context.memory_limit_in_mb == 256
    assert 0 < invocation.remaining_ms <= 20_000


def test_batches_are_at_most_the_batch_size(runner_stack: DeployedStack) -> None:
    send(runner_stack, "WorkQueue", *["ok"] * 7)
    runner = EventSourceRunner(runner_stack)
    assert runner.poll_once() == 5
    assert runner.poll_once() == 2
    assert sorted(len(invocation.bodies) for invocation in fake_handlers.invocations) == [2, 5]


def test_a_partial_batch_failure_leaves_only_the_failed_message(runner_stack: DeployedStack) -> None:
    _, failing, _ = send(runner_stack, "WorkQueue", "ok", "fail", "ok")
    runner = EventSourceRunner(runner_stack, redelivery_delay_seconds=0)
    runner.poll_once()
    assert depth(runner_stack, "WorkQueue") == {"visible": 1, "in_flight": 0}
    fake_handlers.invocations.clear()
    runner.poll_once()
    assert delivered_bodies() == [failing]


def test_without_time_compression_a_failed_message_waits_out_the_visibility_timeout(
    runner_stack: DeployedStack,
) -> None:
    send(runner_stack, "WorkQueue", "ok", "fail")
    runner = EventSourceRunner(runner_stack)
    runner.poll_once()
    assert depth(runner_stack, "WorkQueue") == {"visible": 0, "in_flight": 1}
    assert runner.poll_once() == 0


def test_an_exception_leaves_the_whole_batch(runner_stack: DeployedStack) -> None:
    bodies = send(runner_stack, "WorkQueue", "ok", "raise", "ok")
    runner = EventSourceRunner(runner_stack, redelivery_delay_seconds=0)
    runner.poll_once()
    assert runner.results[-1].failed == 3
    assert runner.results[-1].error is not None and "RuntimeError" in runner.results[-1].error
    fake_handlers.invocations.clear()
    runner.poll_once()
    assert sorted(delivered_bodies()) == sorted(bodies)


def test_a_poison_message_ends_in_the_dead_letter_queue(runner_stack: DeployedStack) -> None:
    good, poison = send(runner_stack, "WorkQueue", "ok", "fail")
    runner = EventSourceRunner(runner_stack, redelivery_delay_seconds=0)
    runner.run_until_idle(timeout_s=10)
    assert delivered_bodies().count(good) == 1
    assert delivered_bodies().count(poison) == 2, "maxReceiveCount is 2 in the runner template"
    dead = boto3.client("sqs").receive_message(QueueUrl=runner_stack.physical_id("WorkDeadLetterQueue"))
    assert [message["Body"] for message in dead["Messages"]] == [poison]
    assert depth(runner_stack, "WorkQueue") == {"visible": 0, "in_flight": 0}


def test_failures_are_ignored_without_report_batch_item_failures(runner_stack: DeployedStack) -> None:
    send(runner_stack, "PlainQueue", "ok", "fail")
    EventSourceRunner(runner_stack, redelivery_delay_seconds=0).run_until_idle(timeout_s=10)
    assert len(fake_handlers.invocations) == 1
    assert depth(runner_stack, "PlainQueue") == {"visible": 0, "in_flight": 0}


def test_an_unknown_item_identifier_fails_the_whole_batch(runner_stack: DeployedStack) -> None:
    send(runner_stack, "WorkQueue", "ok", "bogus")
    runner = EventSourceRunner(runner_stack)
    runner.poll_once()
    assert runner.results[-1].failed == 2
    assert depth(runner_stack, "WorkQueue") == {"visible": 0, "in_flight": 2}


def test_run_until_idle_gives_up_while_messages_wait_for_redelivery(runner_stack: DeployedStack) -> None:
    send(runner_stack, "WorkQueue", "fail")
    with pytest.raises(TimeoutError, match="queues still busy"):
        EventSourceRunner(runner_stack).run_until_idle(timeout_s=0.5)


def test_the_background_thread_delivers_until_stopped(runner_stack: DeployedStack) -> None:
    runner = EventSourceRunner(runner_stack)
    with runner.running(interval_s=0.01):
        [body] = send(runner_stack, "WorkQueue", "ok")
        deadline = time.monotonic() + 10
        while not fake_handlers.invocations and time.monotonic() < deadline:
            time.sleep(0.01)
    assert delivered_bodies() == [body]
    assert not any(thread.name == "event-source-runner" for thread in threading.enumerate())
    send(runner_stack, "WorkQueue", "ok")
    assert depth(runner_stack, "WorkQueue")["visible"] == 1, "nothing polls after stop"


def test_invoke_runs_any_event_and_handlers_can_be_overridden(runner_stack: DeployedStack) -> None:
    runner = EventSourceRunner(
        runner_stack,
        handler_overrides={"PlainFunction": "tests.unit.infra.fake_handlers.alternative_handler"},
    )
    assert runner.invoke("PlainFunction", {"detail": {}}) == "alternative"
    assert runner.invoke("WorkerFunction", {"Records": []}) == {"batchItemFailures": []}
    assert [invocation.event for invocation in fake_handlers.invocations] == [{"detail": {}}, {"Records": []}]


def with_limits(
    stack: DeployedStack,
    function_id: str,
    *,
    timeout_seconds: int | None = None,
    memory_mb: int | None = None,
) -> None:
    """The function as if the template gave it this Timeout or MemorySize."""
    spec = stack.functions[function_id]
    stack.functions[function_id] = dataclasses.replace(
        spec,
        timeout_seconds=timeout_seconds or spec.timeout_seconds,
        memory_mb=memory_mb or spec.memory_mb,
    )


def test_a_handler_still_running_at_its_timeout_is_stopped_and_its_whole_batch_returned(
    runner_stack: DeployedStack,
) -> None:
    with_limits(runner_stack, "WorkerFunction", timeout_seconds=1)
    bodies = [json.dumps({"outcome": "ok"}), json.dumps({"outcome": "spin", "seconds": 30}), json.dumps({})]
    queue = runner_stack.physical_id("WorkQueue")
    for body in bodies:
        boto3.client("sqs").send_message(QueueUrl=queue, MessageBody=body)
    runner = EventSourceRunner(runner_stack, redelivery_delay_seconds=0)
    started = time.monotonic()
    runner.poll_once()
    assert time.monotonic() - started < 20, "stopped at the timeout, not after the 30 s of work"
    result = runner.results[-1]
    assert (result.received, result.failed) == (3, 3)
    assert result.error is not None and "timed out after 1 s" in result.error
    assert depth(runner_stack, "WorkQueue")["visible"] + depth(runner_stack, "WorkQueue")["in_flight"] == 3


def test_an_invocation_that_grows_past_its_memory_size_fails_its_batch(runner_stack: DeployedStack) -> None:
    with_limits(runner_stack, "WorkerFunction", memory_mb=128)
    headroom = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # above any earlier peak
    send_bodies = [json.dumps({"outcome": "hog", "mb": headroom + 256})]
    boto3.client("sqs").send_message(
        QueueUrl=runner_stack.physical_id("WorkQueue"), MessageBody=send_bodies[0]
    )
    runner = EventSourceRunner(runner_stack, redelivery_delay_seconds=0)
    runner.poll_once()
    result = runner.results[-1]
    assert result.failed == 1
    assert (
        result.error is not None
        and "FunctionOutOfMemory" in result.error
        and "MemorySize is 128 MB" in result.error
    )


def test_a_handler_within_its_limits_is_untouched(runner_stack: DeployedStack) -> None:
    with_limits(runner_stack, "WorkerFunction", timeout_seconds=2, memory_mb=10_240)
    send(runner_stack, "WorkQueue", "ok")
    runner = EventSourceRunner(runner_stack, redelivery_delay_seconds=0)
    runner.poll_once()
    time.sleep(2.5)  # the cancelled timer must not fire into the test afterwards
    assert runner.results[-1] == BatchResult("WorkerFunction", 1, 0, None)
