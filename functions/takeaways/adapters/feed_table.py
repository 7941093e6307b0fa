"""The feed table (DynamoDB) as the poller's ``FeedRegistry`` and ``EntryLedger``, and what the CLI edits.

Two kinds of item. ``pk=feed, sk=<feed id>``: a feed's configuration and its polling state
(one query lists every feed). ``pk=seen#<hash of entry key>, sk=seen``: an entry key (a GUID
within its feed, or a canonical URL) with its status ``pending | retry | article | duplicate |
rejected``, expiring through the table's TTL. A claim is one transaction over every key of an
entry, conditional on none being taken, so two pollers never both write the same story.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from takeaways.errors import TransientFailure
from takeaways.feeds.limits import CLAIM_EXPIRY_SECONDS, SEEN_TTL_SECONDS
from takeaways.feeds.model import Feed, FeedRecord, FeedState
from takeaways.feeds.ports import FINISHED, EntryOutcome

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_FEED = "feed"
_SEEN = "seen"
_BATCH_GET_LIMIT = 100


class DynamoFeedTable:
    """Feeds, their state and the seen entries, in one table."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._dynamodb = client
        self._table = table_name

    # ---------------------------------------------------------------- feeds (registry and CLI)
    def feeds(self) -> list[FeedRecord]:
        records: list[FeedRecord] = []
        start: dict[str, Any] | None = None
        while True:
            query: dict[str, Any] = {
                "TableName": self._table,
                "KeyConditionExpression": "pk = :feed",
                "ExpressionAttributeValues": {":feed": {"S": _FEED}},
                "ConsistentRead": True,
            }
            if start:
                query["ExclusiveStartKey"] = start
            page = self._call("query", **query)
            records.extend(_record(item) for item in page.get("Items", []))
            start = page.get("LastEvaluatedKey")
            if not start:
                return records

    def put_feed(self, feed: Feed) -> None:
        """Add a feed, or replace its configuration; re-adding a feed also lifts a suspension."""
        self._call("put_item", TableName=self._table, Item=_feed_item(feed, FeedState()))

    def remove_feed(self, feed_id: str) -> bool:
        answer = self._call(
            "delete_item", TableName=self._table, Key=_feed_key(feed_id), ReturnValues="ALL_OLD"
        )
        return bool(answer.get("Attributes"))

    def save_state(self, feed_id: str, state: FeedState) -> None:
        """Only the state attributes, and only while the feed exists: a feed removed mid-poll stays removed."""
        values = _state_attributes(state)
        names = {f"#{name}": name for name in values}
        try:
            self._dynamodb.update_item(
                TableName=self._table,
                Key=_feed_key(feed_id),
                UpdateExpression="SET " + ", ".join(f"#{name} = :{name}" for name in values),
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues={f":{name}": value for name, value in values.items()},
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return
            raise TransientFailure(f"feed table update failed: {error}") from error

    # ---------------------------------------------------------------- seen entries (ledger)
    def claim(self, keys: Sequence[str], *, now: datetime) -> int | None:
        epoch = int(now.timestamp())
        updates = [
            {
                "Update": {
                    "TableName": self._table,
                    "Key": _seen_key(key),
                    "UpdateExpression": "SET #s = :pending, claimed_at = :now, expires_at = :ttl, entry_key = :key "
                    "ADD attempts :one",
                    "ConditionExpression": "attribute_not_exists(pk) OR #s = :retry OR "
                    "(#s = :pending AND claimed_at < :expiry)",
                    "ExpressionAttributeNames": {"#s": "status"},
                    "ExpressionAttributeValues": {
                        ":pending": {"S": "pending"},
                        ":retry": {"S": "retry"},
                        ":now": {"N": str(epoch)},
                        ":expiry": {"N": str(epoch - CLAIM_EXPIRY_SECONDS)},
                        ":ttl": {"N": str(epoch + SEEN_TTL_SECONDS)},
                        ":key": {"S": key[:1000]},
                        ":one": {"N": "1"},
                    },
                }
            }
            for key in keys
        ]
        try:
            self._dynamodb.transact_write_items(TransactItems=updates)  # type: ignore[arg-type]
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "TransactionCanceledException":
                return None
            raise TransientFailure(f"feed table claim failed: {error}") from error
        items = [
            self._call("get_item", TableName=self._table, Key=_seen_key(key), ConsistentRead=True).get(
                "Item", {}
            )
            for key in keys
        ]
        return max(int(item.get("attempts", {}).get("N", "1")) for item in items)

    def finished(self, keys: Sequence[str]) -> set[str]:
        by_item = {_seen_key(key)["pk"]["S"]: key for key in keys}
        done: set[str] = set()
        pending = [_seen_key(key) for key in keys]
        while pending:
            batch, pending = pending[:_BATCH_GET_LIMIT], pending[_BATCH_GET_LIMIT:]
            request: dict[str, Any] = {
                self._table: {
                    "Keys": batch,
                    "ProjectionExpression": "pk, #s",
                    "ExpressionAttributeNames": {"#s": "status"},
                }
            }
            while request:
                answer = self._call("batch_get_item", RequestItems=request)
                for item in answer.get("Responses", {}).get(self._table, []):
                    if item.get("status", {}).get("S") in FINISHED:
                        done.add(by_item[item["pk"]["S"]])
                request = answer.get("UnprocessedKeys") or {}
        return done

    def finish(self, keys: Sequence[str], outcome: EntryOutcome, *, article_key: str | None = None) -> None:
        self._set_status(keys, outcome, article_key)

    def release(self, keys: Sequence[str]) -> None:
        self._set_status(keys, "retry", None)

    def _set_status(self, keys: Sequence[str], status: str, article_key: str | None) -> None:
        for key in keys:
            values: dict[str, Any] = {":s": {"S": status}}
            expression = "SET #s = :s REMOVE claimed_at"
            if article_key:
                values[":a"] = {"S": article_key}
                expression = "SET #s = :s, article_key = :a REMOVE claimed_at"
            self._call(
                "update_item",
                TableName=self._table,
                Key=_seen_key(key),
                UpdateExpression=expression,
                ExpressionAttributeNames={"#s": "status"},
                ExpressionAttributeValues=values,
            )

    def _call(self, operation: str, **arguments: Any) -> Any:
        try:
            return getattr(self._dynamodb, operation)(**arguments)
        except ClientError as error:
            raise TransientFailure(f"feed table {operation} failed: {error}") from error


def _feed_key(feed_id: str) -> dict[str, Any]:
    return {"pk": {"S": _FEED}, "sk": {"S": feed_id}}


def _seen_key(key: str) -> dict[str, Any]:
    return {"pk": {"S": f"{_SEEN}#{hashlib.sha256(key.encode()).hexdigest()[:32]}"}, "sk": {"S": _SEEN}}


def _feed_item(feed: Feed, state: FeedState) -> dict[str, Any]:
    item: dict[str, Any] = {
        **_feed_key(feed.feed_id),
        "url": {"S": feed.url},
        "source": {"S": feed.source},
        "trusted": {"BOOL": feed.trusted},
        "topics": {"L": [{"S": topic} for topic in feed.topics]},
        "interval_minutes": {"N": str(feed.interval_minutes)},
    }
    if feed.language:
        item["language"] = {"S": feed.language}
    return item | _state_attributes(state)


def _state_attributes(state: FeedState) -> dict[str, Any]:
    def text(value: str | None) -> dict[str, Any]:
        return {"S": value} if value else {"NULL": True}

    def moment(value: datetime | None) -> dict[str, Any]:
        return {"N": str(int(value.timestamp()))} if value else {"NULL": True}

    return {
        "etag": text(state.etag),
        "last_modified": text(state.last_modified),
        "failures": {"N": str(state.failures)},
        "next_poll_at": moment(state.next_poll_at),
        "last_polled_at": moment(state.last_polled_at),
        "last_error": text(state.last_error),
        "suspended": {"BOOL": state.suspended},
    }


def _record(item: dict[str, Any]) -> FeedRecord:
    def text(name: str) -> str | None:
        value = item.get(name, {})
        return str(value["S"]) if "S" in value else None

    def moment(name: str) -> datetime | None:
        value = item.get(name, {})
        return datetime.fromtimestamp(int(value["N"]), UTC) if "N" in value else None

    feed = Feed(
        url=str(item["url"]["S"]),
        source=str(item["source"]["S"]),
        trusted=bool(item.get("trusted", {}).get("BOOL", False)),
        language=text("language"),
        topics=tuple(str(topic["S"]) for topic in item.get("topics", {}).get("L", [])),
        interval_minutes=int(item["interval_minutes"]["N"]),
    )
    state = FeedState(
        etag=text("etag"),
        last_modified=text("last_modified"),
        failures=int(item.get("failures", {}).get("N", "0")),
        next_poll_at=moment("next_poll_at"),
        last_polled_at=moment("last_polled_at"),
        last_error=text("last_error"),
        suspended=bool(item.get("suspended", {}).get("BOOL", False)),
    )
    return FeedRecord(feed, state)
