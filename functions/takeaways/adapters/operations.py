"""AWS calls behind ``takeaways status``, ``upload --wait``, ``pause`` and ``resume``.

Pausing a stage is what Lambda offers for it: its event source mappings are disabled, so
messages stay in the stage's queue (for its retention period) until they are enabled again.
The local stack has no Lambda service; its runner reads the same switch from a file next
to the local stack file, which ``LocalEventSources`` writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import boto3
from botocore.exceptions import ClientError

EVENT_SOURCES_FILE = "event-sources.json"
_MAX_RECORDS_READ = 500  # per prefix and status call; a busier hour is reported as "at least"


class EventSources(Protocol):
    """The on/off switch of a function's queue event sources."""

    def enabled(self, function_id: str) -> bool: ...

    def set_enabled(self, function_id: str, enabled: bool) -> None: ...


class LambdaEventSources:
    """A deployed stack's switch: Lambda's event source mappings of the function."""

    def __init__(self, function_names: dict[str, str]) -> None:
        self._names = function_names  # logical id -> physical name
        self._lambda = boto3.client("lambda")

    def _mappings(self, function_id: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        pages = self._lambda.get_paginator("list_event_source_mappings")
        for page in pages.paginate(FunctionName=self._names[function_id]):
            found += [dict(item) for item in page["EventSourceMappings"]]
        if not found:
            raise LookupError(f"{function_id} has no event source mapping")
        return found

    def enabled(self, function_id: str) -> bool:
        return any(item.get("State") in {"Enabled", "Enabling"} for item in self._mappings(function_id))

    def set_enabled(self, function_id: str, enabled: bool) -> None:
        for item in self._mappings(function_id):
            self._lambda.update_event_source_mapping(UUID=item["UUID"], Enabled=enabled)


class LocalEventSources:
    """The local stack's switch: the functions whose event sources are disabled, in a file the runner reads."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / EVENT_SOURCES_FILE

    def _disabled(self) -> set[str]:
        try:
            return set(json.loads(self.path.read_text())["disabled"])
        except FileNotFoundError:
            return set()

    def enabled(self, function_id: str) -> bool:
        return function_id not in self._disabled()

    def set_enabled(self, function_id: str, enabled: bool) -> None:
        disabled = self._disabled()
        disabled = disabled - {function_id} if enabled else disabled | {function_id}
        self.path.write_text(json.dumps({"disabled": sorted(disabled)}))


@dataclass(frozen=True, slots=True)
class QueueState:
    name: str
    visible: int
    in_flight: int
    delayed: int
    oldest_seconds: float | None  # from CloudWatch; None where no datapoint exists (the local stack)


def queue_state(queue_url: str, now: datetime) -> QueueState:
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=[
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed",
        ],
    )["Attributes"]
    name = queue_url.rstrip("/").rsplit("/", 1)[-1]
    oldest = _latest_maximum("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", name, now)
    return QueueState(
        name=name,
        visible=int(attributes.get("ApproximateNumberOfMessages", "0")),
        in_flight=int(attributes.get("ApproximateNumberOfMessagesNotVisible", "0")),
        delayed=int(attributes.get("ApproximateNumberOfMessagesDelayed", "0")),
        oldest_seconds=oldest,
    )


def _latest_maximum(namespace: str, metric: str, dimension: str, value: str, now: datetime) -> float | None:
    points = boto3.client("cloudwatch").get_metric_statistics(
        Namespace=namespace,
        MetricName=metric,
        Dimensions=[{"Name": dimension, "Value": value}],
        StartTime=now - timedelta(minutes=10),
        EndTime=now,
        Period=60,
        Statistics=["Maximum"],
    )["Datapoints"]
    if not points:
        return None
    return float(max(points, key=lambda point: point["Timestamp"])["Maximum"])


def metric_sum(
    namespace: str, metric: str, dimension: str, value: str, since: datetime, now: datetime
) -> int:
    """The sum of a counter over a window (one datapoint per window)."""
    period = max(60, int((now - since).total_seconds()) // 60 * 60)
    points = boto3.client("cloudwatch").get_metric_statistics(
        Namespace=namespace,
        MetricName=metric,
        Dimensions=[{"Name": dimension, "Value": value}],
        StartTime=since,
        EndTime=now + timedelta(minutes=1),  # CloudWatch truncates the end to the second: keep this second's
        Period=period,
        Statistics=["Sum"],
    )["Datapoints"]
    return int(sum(point["Sum"] for point in points))


@dataclass(frozen=True, slots=True)
class AlarmState:
    name: str
    state: str
    reason: str


def alarm_states(names: list[str]) -> list[AlarmState]:
    found: list[AlarmState] = []
    cloudwatch = boto3.client("cloudwatch")
    for start in range(0, len(names), 100):
        response = cloudwatch.describe_alarms(AlarmNames=names[start : start + 100])
        found += [
            AlarmState(alarm["AlarmName"], alarm["StateValue"], alarm.get("StateReason", ""))
            for alarm in response["MetricAlarms"]
        ]
    return sorted(found, key=lambda alarm: alarm.name)


def records_since(bucket: str, prefix: str, since: datetime) -> tuple[list[dict[str, Any]], bool]:
    """The JSON records written under a prefix since a time, newest first, and whether more were left unread."""
    recent = sorted(
        (item for item in _objects(bucket, prefix) if item["LastModified"] >= since),
        key=lambda item: item["LastModified"],
        reverse=True,
    )
    records = [record for item in recent[:_MAX_RECORDS_READ] if (record := read_json(bucket, item["Key"]))]
    return records, len(recent) > _MAX_RECORDS_READ


def _objects(bucket: str, prefix: str) -> Iterator[dict[str, Any]]:
    for page in boto3.client("s3").get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        yield from (dict(item) for item in page.get("Contents", []))


def read_json(bucket: str, key: str) -> dict[str, Any] | None:
    """An object's JSON, or None when it does not exist (yet) or is not a JSON object."""
    try:
        body = boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read()
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in {"NoSuchKey", "404", "AccessDenied"}:
            return None
        raise
    try:
        record = json.loads(body)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None
