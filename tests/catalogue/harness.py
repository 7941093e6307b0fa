"""A deployed stack (in-process moto), the queues driven as Lambda would, and what became of each input."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest.mock import patch

import boto3
from botocore.client import BaseClient
from botocore.exceptions import ClientError

from infra.event_sources import EventSourceRunner
from infra.local_stack import DeployedStack

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Outcome:
    """Everything an input can end as, read back from the stack after the queues settle."""

    summaries: dict[str, dict[str, Any]]
    rejections: dict[str, dict[str, Any]]
    dead_letters: int
    alerts: list[dict[str, Any]]
    log: str = ""
    digest_lines: int = 0

    def metric_reasons(self, metric: str) -> list[str]:
        """Reasons of the EMF ``metric`` blobs the functions printed."""
        reasons = []
        for line in self.log.splitlines():
            if line.startswith("{") and '"_aws"' in line:
                blob = json.loads(line)
                if metric in blob and "reason" in blob:
                    reasons.append(blob["reason"])
        return reasons


@dataclass
class Harness:
    stack: DeployedStack
    runner: EventSourceRunner
    inbox_url: str
    faults: list[Callable[[str, dict[str, Any]], None]] = field(default_factory=list)

    @property
    def bucket(self) -> str:
        return self.stack.physical_id("ArticlesBucket")

    def put(self, key: str, body: bytes) -> None:
        boto3.client("s3").put_object(Bucket=self.bucket, Key=key, Body=body)

    def send_to_ingest_queue(self, body: str) -> None:
        boto3.client("sqs").send_message(QueueUrl=self.stack.physical_id("IngestQueue"), MessageBody=body)

    def settle(self) -> None:
        self.runner.run_until_idle(timeout_s=60)

    def outcome(self) -> Outcome:
        s3, sqs = boto3.client("s3"), boto3.client("sqs")
        found: dict[str, dict[str, dict[str, Any]]] = {"summaries/": {}, "rejected/": {}}
        for prefix, records in found.items():
            for item in s3.list_objects_v2(Bucket=self.bucket, Prefix=prefix).get("Contents", []):
                record = json.loads(s3.get_object(Bucket=self.bucket, Key=item["Key"])["Body"].read())
                if "source_object" in record:  # a case may plant a file that is not a record
                    records[record["source_object"]["key"]] = record
        dead = 0
        for name in ("IngestDeadLetterQueue", "AlertDeadLetterQueue"):
            attributes = sqs.get_queue_attributes(
                QueueUrl=self.stack.physical_id(name), AttributeNames=["ApproximateNumberOfMessages"]
            )["Attributes"]
            dead += int(attributes["ApproximateNumberOfMessages"])
        alerts = []
        while messages := sqs.receive_message(QueueUrl=self.inbox_url, MaxNumberOfMessages=10).get(
            "Messages", []
        ):
            for message in messages:
                alerts.append(json.loads(json.loads(message["Body"])["Message"]))
                sqs.delete_message(QueueUrl=self.inbox_url, ReceiptHandle=message["ReceiptHandle"])
        return Outcome(
            found["summaries/"], found["rejected/"], dead, alerts, digest_lines=self.digest_lines()
        )

    def digest_lines(self) -> int:
        """Alerts waiting for the digest: each settled alert writes exactly one line."""
        table = self.stack.physical_id("StoryTable")
        items = boto3.client("dynamodb").scan(TableName=table).get("Items", [])
        return sum(1 for item in items if item["pk"]["S"].startswith("digest#2"))


@contextmanager
def failing_calls(operation: str, error_code: str, *, times: int | None = None) -> Iterator[list[int]]:
    """Make one AWS operation fail (``times`` times, or always) as the service would, for every client.

    Patched below the adapters, at botocore's call boundary, so the code under test sees
    exactly the ``ClientError`` a real throttle or denial raises.
    """
    original = vars(BaseClient)["_make_api_call"]
    calls = [0]

    def make_api_call(client: BaseClient, operation_name: str, api_params: dict[str, Any]) -> Any:
        if operation_name == operation and (times is None or calls[0] < times):
            calls[0] += 1
            raise ClientError({"Error": {"Code": error_code, "Message": "injected"}}, operation_name)
        return original(client, operation_name, api_params)

    with patch.object(BaseClient, "_make_api_call", new=make_api_call):
        yield calls


@contextmanager
def counting_calls(operation: str) -> Iterator[list[int]]:
    """Count the calls of one AWS operation without changing them."""
    original = vars(BaseClient)["_make_api_call"]
    calls = [0]

    def make_api_call(client: BaseClient, operation_name: str, api_params: dict[str, Any]) -> Any:
        if operation_name == operation:
            calls[0] += 1
        return original(client, operation_name, api_params)

    with patch.object(BaseClient, "_make_api_call", new=make_api_call):
        yield calls


@contextmanager
def failing_calls_where(
    operation: str,
    error: Callable[[str], Exception],
    matches: Callable[[dict[str, Any]], bool],
    *,
    times: int = 1,
) -> Iterator[list[int]]:
    """Fail the calls of one operation whose parameters match, ``times`` times: one exact step of a stage."""
    original = vars(BaseClient)["_make_api_call"]
    calls = [0]

    def make_api_call(client: BaseClient, operation_name: str, api_params: dict[str, Any]) -> Any:
        if operation_name == operation and calls[0] < times and matches(api_params):
            calls[0] += 1
            raise error(operation_name)
        return original(client, operation_name, api_params)

    with patch.object(BaseClient, "_make_api_call", new=make_api_call):
        yield calls


@contextmanager
def answer_lost(operation: str, *, times: int = 1) -> Iterator[list[int]]:
    """The call reaches the service and takes effect, but its answer never comes back (a read timeout)."""
    from botocore.exceptions import ReadTimeoutError

    original = vars(BaseClient)["_make_api_call"]
    calls = [0]

    def make_api_call(client: BaseClient, operation_name: str, api_params: dict[str, Any]) -> Any:
        result = original(client, operation_name, api_params)
        if operation_name == operation and calls[0] < times:
            calls[0] += 1
            raise ReadTimeoutError(endpoint_url="injected")
        return result

    with patch.object(BaseClient, "_make_api_call", new=make_api_call):
        yield calls
