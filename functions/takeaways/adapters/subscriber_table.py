"""The subscriber registry (DynamoDB ``SubscriberTable``): one item per managed subscription.

Item, keyed by ``subscriber_id``: ``protocol``, ``endpoint``, ``frequency``, ``preferences`` (JSON of ``Preferences``), ``subscription_arn``, ``envelope``,
``created_at``, and the digest bookkeeping: ``window_start``, ``last_period`` and ``open_run``
(a map: ``period``, ``since``, ``until`` and ``parts``, part number to SNS message id).

DigestFunction and DeliveryFunction find their subscribers with a query on the ``frequency``
index (``FREQUENCY_INDEX``, a global secondary index): the daily or weekly ones, or the instant
ones, never the others, however many there are. The operator's commands, which show or
search every subscription, scan the table: it holds one small item per subscription.
Every digest write is conditional, so a stale index read can never send a period twice.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.subscription import DigestFrequency, DigestRun, Frequency, SubscriberRecord
from takeaways.errors import TransientFailure
from takeaways.records import from_jsonable, to_json

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# The template's global secondary index on `frequency` (tests/unit/infra check that they agree).
FREQUENCY_INDEX = "frequency-index"
_EXISTS = "attribute_exists(subscriber_id)"


class SubscriberExists(Exception):
    """A record with that id is already there."""


class DynamoSubscriberRegistry:
    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._dynamodb = client
        self._table = table_name

    # -- the operator's side: records made, changed, listed and removed ------------------------

    def add(self, record: SubscriberRecord) -> None:
        try:
            self._dynamodb.put_item(
                TableName=self._table,
                Item=_item(record),
                ConditionExpression="attribute_not_exists(subscriber_id)",
            )
        except ClientError as error:
            if _conditional_failure(error):
                raise SubscriberExists(record.subscriber_id) from None
            raise TransientFailure(f"subscriber table put_item failed: {error}") from error

    def subscriber(self, subscriber_id: str) -> SubscriberRecord | None:
        item = self._call(
            "get_item", TableName=self._table, Key=_key(subscriber_id), ConsistentRead=True
        ).get("Item")
        return _record(item) if item else None

    def everyone(self) -> list[SubscriberRecord]:
        """Every record (a scan: for the operator's listing and searches, not for a hot path)."""
        arguments: dict[str, Any] = {"TableName": self._table, "ConsistentRead": True}
        found: list[SubscriberRecord] = []
        while True:
            page = self._call("scan", **arguments)
            found += [_record(item) for item in page.get("Items", [])]
            if "LastEvaluatedKey" not in page:
                return sorted(found, key=lambda record: record.created_at)
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def remove(self, subscriber_id: str) -> None:
        self._call("delete_item", TableName=self._table, Key=_key(subscriber_id))

    def change(
        self,
        subscriber_id: str,
        *,
        frequency: Frequency,
        preferences: Preferences,
        subscription_arn: str,
        window_start: datetime,
    ) -> None:
        """A subscription's new preferences, frequency and SNS subscription (after a change)."""
        self._conditional(
            "update_item",
            TableName=self._table,
            Key=_key(subscriber_id),
            UpdateExpression=(
                "SET frequency = :frequency, preferences = :preferences, "
                "subscription_arn = :arn, window_start = :start"
            ),
            ConditionExpression=_EXISTS,
            ExpressionAttributeValues={
                ":frequency": {"S": frequency},
                ":preferences": {"S": to_json(preferences)},
                ":arn": {"S": subscription_arn},
                ":start": {"S": window_start.isoformat()},
            },
        )

    def set_subscription_arn(self, subscriber_id: str, subscription_arn: str) -> None:
        """What a pending subscription's ARN became once confirmed."""
        self._conditional(
            "update_item",
            TableName=self._table,
            Key=_key(subscriber_id),
            UpdateExpression="SET subscription_arn = :arn",
            ConditionExpression=_EXISTS,
            ExpressionAttributeValues={":arn": {"S": subscription_arn}},
        )

    # -- DigestFunction's side (pipeline.ports.SubscriberRegistry) ------------------------------

    def digest_subscribers(self, frequency: DigestFrequency) -> list[SubscriberRecord]:
        return self._of_frequency(frequency)

    def instant_subscribers(self) -> list[SubscriberRecord]:
        """DeliveryFunction's subscribers (an eventually consistent index: a subscriber made a
        moment ago may miss the alert of this moment)."""
        return self._of_frequency("instant")

    def _of_frequency(self, frequency: Frequency) -> list[SubscriberRecord]:
        arguments: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": FREQUENCY_INDEX,
            "KeyConditionExpression": "frequency = :frequency",
            "ExpressionAttributeValues": {":frequency": {"S": frequency}},
        }
        found: list[SubscriberRecord] = []
        while True:
            page = self._call("query", **arguments)
            found += [_record(item) for item in page.get("Items", [])]
            if "LastEvaluatedKey" not in page:
                return sorted(found, key=lambda record: record.subscriber_id)
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def open_run(self, subscriber_id: str, run: DigestRun) -> bool:
        return self._conditional(
            "update_item",
            TableName=self._table,
            Key=_key(subscriber_id),
            UpdateExpression="SET open_run = :run",
            ConditionExpression=(
                f"{_EXISTS} AND attribute_not_exists(open_run) "
                "AND (attribute_not_exists(last_period) OR last_period <> :period)"
            ),
            ExpressionAttributeValues={":run": {"M": _run_map(run)}, ":period": {"S": run.period}},
        )

    def claim_part(self, subscriber_id: str, period: str, part: int) -> bool:
        return self._part(subscriber_id, period, part, "", "AND attribute_not_exists(open_run.parts.#part)")

    def record_part(self, subscriber_id: str, period: str, part: int, message_id: str) -> None:
        self._part(subscriber_id, period, part, message_id, "")

    def forget_part(self, subscriber_id: str, period: str, part: int) -> None:
        self._conditional(
            "update_item",
            TableName=self._table,
            Key=_key(subscriber_id),
            UpdateExpression="REMOVE open_run.parts.#part",
            ConditionExpression=f"{_EXISTS} AND open_run.period = :period",
            ExpressionAttributeNames={"#part": str(part)},
            ExpressionAttributeValues={":period": {"S": period}},
        )

    def finish_run(self, subscriber_id: str, run: DigestRun) -> bool:
        return self._conditional(
            "update_item",
            TableName=self._table,
            Key=_key(subscriber_id),
            UpdateExpression="SET window_start = :until, last_period = :period REMOVE open_run",
            ConditionExpression=f"{_EXISTS} AND open_run.period = :period",
            ExpressionAttributeValues={":until": {"S": run.until.isoformat()}, ":period": {"S": run.period}},
        )

    # -- plumbing --------------------------------------------------------------------------------

    def _part(self, subscriber_id: str, period: str, part: int, message_id: str, condition: str) -> bool:
        return self._conditional(
            "update_item",
            TableName=self._table,
            Key=_key(subscriber_id),
            UpdateExpression="SET open_run.parts.#part = :message",
            ConditionExpression=f"{_EXISTS} AND open_run.period = :period {condition}".rstrip(),
            ExpressionAttributeNames={"#part": str(part)},
            ExpressionAttributeValues={":message": {"S": message_id}, ":period": {"S": period}},
        )

    def _conditional(self, operation: str, **arguments: Any) -> bool:
        """True when the write was made, False when its condition did not hold."""
        try:
            getattr(self._dynamodb, operation)(**arguments)
        except ClientError as error:
            if _conditional_failure(error):
                return False
            raise TransientFailure(f"subscriber table {operation} failed: {error}") from error
        except BotoCoreError as error:  # no answer at all: the endpoint unreachable, a timeout
            raise TransientFailure(f"subscriber table {operation} got no answer: {error}") from error
        return True

    def _call(self, operation: str, **arguments: Any) -> Any:
        try:
            return getattr(self._dynamodb, operation)(**arguments)
        except ClientError as error:
            raise TransientFailure(f"subscriber table {operation} failed: {error}") from error
        except BotoCoreError as error:  # no answer at all: the endpoint unreachable, a timeout
            raise TransientFailure(f"subscriber table {operation} got no answer: {error}") from error


def _conditional_failure(error: ClientError) -> bool:
    return error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


def _key(subscriber_id: str) -> dict[str, Any]:
    return {"subscriber_id": {"S": subscriber_id}}


def _item(record: SubscriberRecord) -> dict[str, Any]:
    item: dict[str, Any] = _key(record.subscriber_id) | {
        "protocol": {"S": record.protocol},
        "endpoint": {"S": record.endpoint},
        "frequency": {"S": record.frequency},
        "preferences": {"S": to_json(record.preferences)},
        "subscription_arn": {"S": record.subscription_arn},
        "envelope": {"BOOL": record.envelope},
        "created_at": {"S": record.created_at.isoformat()},
        "window_start": {"S": record.window_start.isoformat()},
    }
    if record.last_period:
        item["last_period"] = {"S": record.last_period}
    if record.open_run:
        item["open_run"] = {"M": _run_map(record.open_run)}
    return item


def _run_map(run: DigestRun) -> dict[str, Any]:
    return {
        "period": {"S": run.period},
        "since": {"S": run.since.isoformat()},
        "until": {"S": run.until.isoformat()},
        "parts": {"M": {str(number): {"S": message_id} for number, message_id in run.parts.items()}},
    }


def _record(item: dict[str, Any]) -> SubscriberRecord:
    run = item.get("open_run", {}).get("M")
    return SubscriberRecord(
        subscriber_id=item["subscriber_id"]["S"],
        protocol=item["protocol"]["S"],
        endpoint=item["endpoint"]["S"],
        frequency=item["frequency"]["S"],
        preferences=from_jsonable(Preferences, json.loads(item["preferences"]["S"])),
        subscription_arn=item.get("subscription_arn", {}).get("S", ""),
        envelope=bool(item.get("envelope", {}).get("BOOL", False)),
        created_at=datetime.fromisoformat(item["created_at"]["S"]),
        window_start=datetime.fromisoformat(item["window_start"]["S"]),
        last_period=item.get("last_period", {}).get("S"),
        open_run=DigestRun(
            period=run["period"]["S"],
            since=datetime.fromisoformat(run["since"]["S"]),
            until=datetime.fromisoformat(run["until"]["S"]),
            parts={int(number): value["S"] for number, value in run.get("parts", {}).get("M", {}).items()},
        )
        if run
        else None,
    )
