"""The story table (DynamoDB) as a ``StoryLedger``.

One table, four kinds of item, all expiring through the table's TTL attribute:
``entry#<article-id>`` holds an alerted article's fingerprint; ``band#…``,
``url#…`` and ``key#…`` items point at the latest entry with that fingerprint
band, URL or object key; ``day#<date>`` items keep each day's alerts for the
digest. Writes are batched: remembering a story costs three requests.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from takeaways.alerts.payload import AlertPayload
from takeaways.errors import TransientFailure
from takeaways.records import from_json, to_json
from takeaways.stories.fingerprint import band_keys
from takeaways.stories.matching import StoryEntry

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_ITEM = "item"
_BATCH_GET_LIMIT = 100
_BATCH_WRITE_LIMIT = 25
DIGEST_RETENTION_SECONDS = 8 * 24 * 3600


class DynamoStoryLedger:
    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        *,
        window_seconds: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._dynamodb = client
        self._table = table_name
        self._window = window_seconds
        self._clock = clock

    def candidates(self, signature: list[int], url: str | None, source_key: str) -> list[StoryEntry]:
        index_keys = [*band_keys(signature), _key_item(source_key)]
        if url:
            index_keys.append(_url_item(url))
        article_ids: set[str] = set()
        for item in self._batch_get(index_keys):
            article_ids.update(item.get("article_ids", {}).get("SS", []))
        entries = self._batch_get([f"entry#{article_id}" for article_id in sorted(article_ids)])
        return [_entry_from_item(item) for item in entries]

    def remember(self, entry: StoryEntry) -> None:
        expires = self._expiry(self._window)
        self._call(
            "put_item",
            TableName=self._table,
            Item={
                "pk": {"S": f"entry#{entry.article_id}"},
                "sk": {"S": _ITEM},
                "story_id": {"S": entry.story_id},
                "alert_key": {"S": entry.alert_key},
                "signature": {"S": json.dumps(entry.signature)},
                "url": {"S": entry.url or ""},
                "source_key": {"S": entry.source_key},
                "headline": {"S": entry.headline},
                "expires_at": {"N": str(expires)},
            },
        )
        index_keys = [*band_keys(entry.signature), _key_item(entry.source_key)]
        if entry.url:
            index_keys.append(_url_item(entry.url))
        # Index items point at the latest article with that band, URL or key: a near-duplicate
        # shares many bands, so one surviving pointer is enough to find its story.
        requests = [
            {
                "PutRequest": {
                    "Item": {
                        "pk": {"S": pk},
                        "sk": {"S": _ITEM},
                        "article_ids": {"SS": [entry.article_id]},
                        "expires_at": {"N": str(expires)},
                    }
                }
            }
            for pk in dict.fromkeys(index_keys)
        ]
        for start in range(0, len(requests), _BATCH_WRITE_LIMIT):
            pending: Any = {self._table: requests[start : start + _BATCH_WRITE_LIMIT]}
            while pending:
                response = self._call("batch_write_item", RequestItems=pending)
                pending = response.get("UnprocessedItems") or None

    def add_to_digest(self, payload: AlertPayload, published_at: datetime) -> None:
        self._call(
            "put_item",
            TableName=self._table,
            Item={
                "pk": {"S": f"day#{published_at.astimezone(UTC).date().isoformat()}"},
                "sk": {"S": f"{published_at.astimezone(UTC).isoformat()}#{payload.article_id}"},
                "alert": {"S": to_json(payload)},
                "expires_at": {"N": str(self._expiry(DIGEST_RETENTION_SECONDS))},
            },
        )

    def digest_for(self, day: str) -> list[AlertPayload]:
        payloads: list[AlertPayload] = []
        arguments: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "pk = :day",
            "ExpressionAttributeValues": {":day": {"S": f"day#{day}"}},
        }
        while True:
            page = self._call("query", **arguments)
            payloads += [from_json(AlertPayload, item["alert"]["S"]) for item in page.get("Items", [])]
            if "LastEvaluatedKey" not in page:
                return payloads
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def _batch_get(self, pks: list[str]) -> list[dict[str, Any]]:
        """Items by partition key, skipping those past their TTL that DynamoDB has not yet deleted."""
        now = int(self._clock().timestamp())
        found: list[dict[str, Any]] = []
        unique = list(dict.fromkeys(pks))
        for start in range(0, len(unique), _BATCH_GET_LIMIT):
            request: Any = {
                self._table: {
                    "Keys": [{"pk": {"S": pk}, "sk": {"S": _ITEM}} for pk in unique[start : start + 100]]
                }
            }
            while request:
                response = self._call("batch_get_item", RequestItems=request)
                found += response.get("Responses", {}).get(self._table, [])
                request = response.get("UnprocessedKeys") or None
        return [item for item in found if int(item.get("expires_at", {}).get("N", "0")) > now]

    def _expiry(self, seconds: int) -> int:
        return int(self._clock().timestamp()) + seconds

    def _call(self, operation: str, **arguments: Any) -> Any:
        try:
            return getattr(self._dynamodb, operation)(**arguments)
        except ClientError as error:
            raise TransientFailure(f"story table {operation} failed: {error}") from error


def _entry_from_item(item: dict[str, Any]) -> StoryEntry:
    return StoryEntry(
        story_id=item["story_id"]["S"],
        article_id=item["pk"]["S"].removeprefix("entry#"),
        alert_key=item["alert_key"]["S"],
        signature=json.loads(item["signature"]["S"]),
        url=item["url"]["S"] or None,
        source_key=item["source_key"]["S"],
        headline=item["headline"]["S"],
    )


def _url_item(url: str) -> str:
    return "url#" + hashlib.sha256(url.strip().lower().encode()).hexdigest()[:32]


def _key_item(source_key: str) -> str:
    return "key#" + hashlib.sha256(source_key.encode()).hexdigest()[:32]
