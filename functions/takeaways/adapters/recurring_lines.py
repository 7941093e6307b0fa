"""The recurring-line table (DynamoDB): which articles of a source carried each short line.

One item per (scope, line fingerprint): ``articles``, a string set of short hashes of the article
ids that carried the line, capped at ``MAX_ARTICLES`` ids, and ``expires_at``, pushed on each time the line
is seen again, so a line a source stopped printing is forgotten after ``RETENTION_SECONDS``. The
count is the set's size: recording the same article twice (a retry, a replay) adds nothing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from takeaways.errors import TransientFailure

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

RETENTION_SECONDS = 30 * 24 * 3600
# More than any threshold needs (config bounds it below this): past it, a line is boilerplate anyway.
MAX_ARTICLES = 20
_BATCH_GET_LIMIT = 100
# Lines still unread after this many rounds count as unseen: a line wrongly kept is safer than one dropped.
_UNPROCESSED_ROUNDS = 3
_ARTICLE_HASH_HEX_DIGITS = 16


class DynamoRecurringLines:
    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        *,
        retention_seconds: int = RETENTION_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._dynamodb = client
        self._table = table_name
        self._retention = retention_seconds
        self._clock = clock

    def seen_in(self, scope: str, fingerprints: Sequence[str], article_id: str) -> dict[str, int]:
        """For each fingerprint the store knows, how many articles other than ``article_id`` carried it."""
        this = _article_hash(article_id)
        now = int(self._clock())
        counts: dict[str, int] = {}
        unique = list(dict.fromkeys(fingerprints))
        for start in range(0, len(unique), _BATCH_GET_LIMIT):
            request: Any = {
                self._table: {
                    "Keys": [_key(scope, line) for line in unique[start : start + _BATCH_GET_LIMIT]],
                    "ProjectionExpression": "line, articles, expires_at",
                }
            }
            for attempt in range(_UNPROCESSED_ROUNDS):
                response = self._call("batch_get_item", RequestItems=request)
                for item in response.get("Responses", {}).get(self._table, []):
                    if int(item.get("expires_at", {}).get("N", "0")) > now:  # TTL deletes lag behind
                        counts[item["line"]["S"]] = len(set(item.get("articles", {}).get("SS", [])) - {this})
                request = response.get("UnprocessedKeys") or None
                if not request:
                    break
                time.sleep(0.05 * 2**attempt)  # throttled: give the table a moment before asking again
        return counts

    def record(self, scope: str, fingerprints: Sequence[str], article_id: str) -> None:
        """Count ``article_id`` among the articles that carried each line, once however often it is recorded."""
        this = _article_hash(article_id)
        expires = {"N": str(int(self._clock()) + self._retention)}
        for line in dict.fromkeys(fingerprints):
            try:
                self._dynamodb.update_item(
                    TableName=self._table,
                    Key=_key(scope, line),
                    UpdateExpression="ADD articles :article SET expires_at = :expires",
                    ConditionExpression=(
                        "attribute_not_exists(articles) OR size(articles) < :cap OR contains(articles, :id)"
                    ),
                    ExpressionAttributeValues={
                        ":article": {"SS": [this]},
                        ":id": {"S": this},
                        ":cap": {"N": str(MAX_ARTICLES)},
                        ":expires": expires,
                    },
                )
            except BotoCoreError as error:  # no answer at all: the endpoint unreachable, a timeout
                raise TransientFailure(f"recurring-line table update_item failed: {error}") from error
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                    raise TransientFailure(f"recurring-line table update_item failed: {error}") from error
                # The set is full: the line stays known for as long as the source keeps printing it.
                self._call(
                    "update_item",
                    TableName=self._table,
                    Key=_key(scope, line),
                    UpdateExpression="SET expires_at = :expires",
                    ExpressionAttributeValues={":expires": expires},
                )

    def _call(self, operation: str, **arguments: Any) -> Any:
        try:
            return getattr(self._dynamodb, operation)(**arguments)
        except (BotoCoreError, ClientError) as error:
            raise TransientFailure(f"recurring-line table {operation} failed: {error}") from error


def _key(scope: str, line: str) -> dict[str, Any]:
    return {"scope": {"S": scope}, "line": {"S": line}}


def _article_hash(article_id: str) -> str:
    """A short stand-in for the article id: the sets stay small, and only equality matters."""
    return hashlib.sha256(article_id.encode()).hexdigest()[:_ARTICLE_HASH_HEX_DIGITS]
