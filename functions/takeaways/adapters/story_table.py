"""The story table (DynamoDB) as a ``StoryLedger``: alert lives, story threads and digest lines.

Items, all expiring through the table's TTL attribute:

- ``alert#<alert-id>``: one alert's state (pending, sent, unconfirmed, failed, duplicate) and story decision;
- ``entry#<alert-id>``: an alerted summary's terms, names and fingerprint;
- ``idx#<hash>``: the newest entries filed under one term, name, URL or object key, with a version;
- ``thread#<story-id>``: a story's outlets and what its alerts have told, with a version;
- ``digest#<day>`` / ``<settled-at>#<alert-id>``: one line per settled alert, for the digests.

Where each subscriber's digest ended, and which parts went out, is in the subscriber registry
(``adapters.subscriber_table``); the ``digest#state``, ``digest-run#`` and ``digest-part#`` items
of the single digest before it expire through the TTL.

Lookup reads a handful of items by key (never a scan), so its cost does not grow with the ledger.
A story decision is one transaction whose conditions are the versions it read.
"""

from __future__ import annotations

import hashlib
import json
import struct
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from botocore.exceptions import BotoCoreError, ClientError

from takeaways.alerts.payload import AlertPayload
from takeaways.errors import TransientFailure
from takeaways.records import from_json, to_json
from takeaways.stories.fingerprint import SENTENCE_SKETCH_SIZE, Sketch, with_figures
from takeaways.stories.ledger import AlertRecord, LedgerConflict, StorySnapshot
from takeaways.stories.threads import StoryDecision, StoryEntry, StoryProbe, ThreadState

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_ITEM = "item"
_BATCH_GET_LIMIT = 100
_UNPROCESSED_ROUNDS = 5  # batch reads DynamoDB left unprocessed (throttling) are asked again this often
_UNPROCESSED_BACKOFF_SECONDS = 0.05
INDEX_MEMBERS = 20
# Entries read per lookup at most: the newest under each key are enough to find a story.
_MAX_CANDIDATES = 100
DIGEST_RETENTION_SECONDS = 8 * 24 * 3600
# Longer than the alert dead-letter queue keeps a message (14 days), so a redrive finds the record.
ALERT_RETENTION_SECONDS = 15 * 24 * 3600
_CONFLICTS = {"ConditionalCheckFailed", "TransactionConflict"}
_MARK_FAILED_ATTEMPTS = 3


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

    # -- alert lives ---------------------------------------------------------------------------

    def alert(self, alert_id: str) -> AlertRecord | None:
        item = self._call(
            "get_item", TableName=self._table, Key=_key(f"alert#{alert_id}"), ConsistentRead=True
        ).get("Item")
        return _alert_from_item(item) if item else None

    def reopen(self, alert: AlertRecord, at: datetime) -> AlertRecord:
        self._conditional(
            "update_item",
            TableName=self._table,
            Key=_key(f"alert#{alert.alert_id}"),
            UpdateExpression="SET #state = :pending, decided_at = :at",
            ConditionExpression="#state = :failed",
            ExpressionAttributeNames={"#state": "state"},
            ExpressionAttributeValues={
                ":pending": {"S": "pending"},
                ":failed": {"S": "failed"},
                ":at": {"S": at.isoformat()},
            },
        )
        return AlertRecord(**{**_alert_fields(alert), "state": "pending", "decided_at": at})

    def mark_failed(self, alert_id: str) -> None:
        # Tried a few times: if this write is lost too, the next attempt finds the alert pending and,
        # unable to tell a refused publish from a sent one, never sends it (at most once).
        for attempt in range(_MARK_FAILED_ATTEMPTS):
            try:
                self._conditional(
                    "update_item",
                    TableName=self._table,
                    Key=_key(f"alert#{alert_id}"),
                    UpdateExpression="SET #state = :failed",
                    ConditionExpression="#state = :pending",
                    ExpressionAttributeNames={"#state": "state"},
                    ExpressionAttributeValues={":pending": {"S": "pending"}, ":failed": {"S": "failed"}},
                )
                return
            except LedgerConflict:
                return  # already settled or failed by another attempt: nothing to undo
            except TransientFailure:
                if attempt == _MARK_FAILED_ATTEMPTS - 1:
                    raise
                time.sleep(0.1 * 2**attempt)

    def settle(
        self,
        alert_id: str,
        state: Literal["sent", "unconfirmed"],
        message_id: str | None,
        line: AlertPayload,
        at: datetime,
    ) -> None:
        moment = at.astimezone(UTC)
        self._transaction(
            [
                {
                    "Update": {
                        "TableName": self._table,
                        "Key": _key(f"alert#{alert_id}"),
                        "UpdateExpression": "SET #state = :state, message_id = :message, settled_at = :at",
                        "ConditionExpression": "#state = :pending",
                        "ExpressionAttributeNames": {"#state": "state"},
                        "ExpressionAttributeValues": {
                            ":state": {"S": state},
                            ":message": {"S": message_id or ""},
                            ":at": {"S": _stamp(moment)},
                            ":pending": {"S": "pending"},
                        },
                    }
                },
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": {
                            "pk": {"S": f"digest#{moment.date().isoformat()}"},
                            "sk": {"S": f"{_stamp(moment)}#{alert_id}"},
                            "alert": {"S": to_json(line)},
                            "expires_at": {"N": str(self._expiry(DIGEST_RETENTION_SECONDS))},
                        },
                    }
                },
            ]
        )

    # -- story threads -------------------------------------------------------------------------

    def snapshot(self, probe: StoryProbe) -> StorySnapshot:
        now = int(self._clock().timestamp())
        keys = probe.lookup_keys
        items = {item["pk"]["S"]: item for item in self._batch_get([_index_pk(k) for k in keys])}
        versions: dict[str, int] = {}
        members: dict[str, list[str]] = {}
        for key in keys:
            item = items.get(_index_pk(key))
            versions[key] = int(item["version"]["N"]) if item else 0
            live = item is not None and int(item.get("expires_at", {}).get("N", "0")) > now
            members[key] = json.loads(item["members"]["S"]) if item and live else []
        wanted = list(dict.fromkeys(m for key in keys for m in members[key]))[:_MAX_CANDIDATES]
        entries = [
            _entry_from_item(item)
            for item in self._batch_get([f"entry#{m}" for m in wanted])
            if int(item.get("expires_at", {}).get("N", "0")) > now
        ]
        story_ids = list(dict.fromkeys(entry.story_id for entry in entries))
        threads = {}
        for item in self._batch_get([f"thread#{s}" for s in story_ids]):
            thread = _thread_from_item(item)
            versions[f"thread#{thread.story_id}"] = int(item["version"]["N"])
            threads[thread.story_id] = thread
        for story_id in story_ids:
            versions.setdefault(f"thread#{story_id}", 0)
        return StorySnapshot(entries, threads, versions, members)

    def record_decision(
        self, probe: StoryProbe, decision: StoryDecision, alert: AlertRecord, snapshot: StorySnapshot
    ) -> None:
        story_expiry = self._expiry(self._window + 24 * 3600)
        writes: list[Any] = [
            {
                "Put": {
                    "TableName": self._table,
                    "Item": _alert_item(alert)
                    | {"expires_at": {"N": str(self._expiry(ALERT_RETENTION_SECONDS))}},
                    "ConditionExpression": "attribute_not_exists(pk)",
                }
            }
        ]
        thread_key = f"thread#{decision.story_id}"
        writes.append(
            _versioned_put(
                self._table,
                thread_key,
                snapshot.versions.get(thread_key, 0),
                {
                    "outlets": {"S": json.dumps(sorted(decision.thread.outlets))},
                    "told": {"S": json.dumps(sorted(decision.thread.told))},
                    "alerts": {"N": str(decision.thread.alerts)},
                    "expires_at": {"N": str(story_expiry)},
                },
            )
        )
        if decision.relation != "duplicate":
            writes.append(
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": _entry_item(probe, decision.story_id)
                        | {"expires_at": {"N": str(story_expiry)}},
                    }
                }
            )
            for key in probe.lookup_keys:
                filed = [probe.entry_id, *snapshot.members.get(key, [])][:INDEX_MEMBERS]
                writes.append(
                    _versioned_put(
                        self._table,
                        _index_pk(key),
                        snapshot.versions.get(key, 0),
                        {"members": {"S": json.dumps(filed)}, "expires_at": {"N": str(story_expiry)}},
                    )
                )
        self._transaction(writes)

    # -- digests ---------------------------------------------------------------------------------

    def digest_lines(self, since: datetime, until: datetime) -> list[AlertPayload]:
        start, end = since.astimezone(UTC), until.astimezone(UTC)
        lines: list[tuple[str, AlertPayload]] = []
        day = start.date()
        while day <= end.date():
            arguments: dict[str, Any] = {
                "TableName": self._table,
                "KeyConditionExpression": "pk = :day AND sk BETWEEN :since AND :until",
                "ExpressionAttributeValues": {
                    ":day": {"S": f"digest#{day.isoformat()}"},
                    ":since": {"S": _stamp(start)},
                    ":until": {"S": _stamp(end) + "~"},
                },
            }
            while True:
                page = self._call("query", **arguments)
                for item in page.get("Items", []):
                    settled = item["sk"]["S"].split("#", 1)[0]
                    if _stamp(start) < settled <= _stamp(end):
                        lines.append((item["sk"]["S"], from_json(AlertPayload, item["alert"]["S"])))
                if "LastEvaluatedKey" not in page:
                    break
                arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]
            day += timedelta(days=1)
        return [payload for _, payload in sorted(lines, key=lambda pair: pair[0])]

    # -- plumbing --------------------------------------------------------------------------------

    def _batch_get(self, pks: list[str]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        unique = list(dict.fromkeys(pks))
        for start in range(0, len(unique), _BATCH_GET_LIMIT):
            request: Any = {
                self._table: {
                    "Keys": [_key(pk) for pk in unique[start : start + _BATCH_GET_LIMIT]],
                    "ConsistentRead": True,
                }
            }
            for attempt in range(_UNPROCESSED_ROUNDS):
                response = self._call("batch_get_item", RequestItems=request)
                found += response.get("Responses", {}).get(self._table, [])
                request = response.get("UnprocessedKeys") or None
                if not request:
                    break
                time.sleep(_UNPROCESSED_BACKOFF_SECONDS * 2**attempt)  # throttled: give the table a moment
            if request:
                raise TransientFailure(
                    f"story table batch_get_item left keys unread after {_UNPROCESSED_ROUNDS} rounds"
                )
        return found

    def _expiry(self, seconds: int) -> int:
        return int(self._clock().timestamp()) + seconds

    def _transaction(self, writes: list[Any]) -> None:
        try:
            self._dynamodb.transact_write_items(TransactItems=writes)
        except ClientError as error:
            reasons = {r.get("Code") for r in error.response.get("CancellationReasons", []) if r}
            if error.response.get("Error", {}).get("Code") == "TransactionCanceledException" and (
                reasons & _CONFLICTS
            ):
                raise LedgerConflict(str(error)) from error
            raise TransientFailure(f"story table transaction failed: {error}") from error

    def _conditional(self, operation: str, **arguments: Any) -> Any:
        try:
            return getattr(self._dynamodb, operation)(**arguments)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise LedgerConflict(str(error)) from error
            raise TransientFailure(f"story table {operation} failed: {error}") from error
        except BotoCoreError as error:  # no answer at all: the endpoint unreachable, a timeout
            raise TransientFailure(f"story table {operation} got no answer: {error}") from error

    def _call(self, operation: str, **arguments: Any) -> Any:
        try:
            return getattr(self._dynamodb, operation)(**arguments)
        except ClientError as error:
            raise TransientFailure(f"story table {operation} failed: {error}") from error
        except BotoCoreError as error:  # no answer at all: the endpoint unreachable, a timeout
            raise TransientFailure(f"story table {operation} got no answer: {error}") from error


def _stamp(moment: datetime) -> str:
    """A UTC time that sorts as text: fixed width, always with microseconds."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _key(pk: str) -> dict[str, Any]:
    return {"pk": {"S": pk}, "sk": {"S": _ITEM}}


def _index_pk(key: str) -> str:
    return "idx#" + hashlib.sha256(key.encode()).hexdigest()[:32]


def _versioned_put(table: str, pk: str, seen: int, attributes: dict[str, Any]) -> dict[str, Any]:
    """A put that succeeds only if nobody wrote the item since it was read at version ``seen``."""
    condition: dict[str, Any] = (
        {"ConditionExpression": "attribute_not_exists(pk)"}
        if seen == 0
        else {
            "ConditionExpression": "version = :seen",
            "ExpressionAttributeValues": {":seen": {"N": str(seen)}},
        }
    )
    return {
        "Put": {
            "TableName": table,
            "Item": _key(pk) | attributes | {"version": {"N": str(seen + 1)}},
            **condition,
        }
    }


def _alert_fields(alert: AlertRecord) -> dict[str, Any]:
    return {
        "alert_id": alert.alert_id,
        "state": alert.state,
        "article_id": alert.article_id,
        "story_id": alert.story_id,
        "relation": alert.relation,
        "similar_to": alert.similar_to,
        "new_takeaways": alert.new_takeaways,
        "outlet_count": alert.outlet_count,
        "decided_at": alert.decided_at,
        "message_id": alert.message_id,
    }


def _alert_item(alert: AlertRecord) -> dict[str, Any]:
    return _key(f"alert#{alert.alert_id}") | {
        "state": {"S": alert.state},
        "article_id": {"S": alert.article_id},
        "story_id": {"S": alert.story_id},
        "relation": {"S": alert.relation},
        "similar_to": {"S": alert.similar_to or ""},
        "new_takeaways": {"S": json.dumps(alert.new_takeaways)},
        "outlet_count": {"N": str(alert.outlet_count)},
        "decided_at": {"S": alert.decided_at.isoformat()},
        "message_id": {"S": alert.message_id or ""},
    }


def _alert_from_item(item: dict[str, Any]) -> AlertRecord:
    return AlertRecord(
        alert_id=item["pk"]["S"].removeprefix("alert#"),
        state=item["state"]["S"],
        article_id=item["article_id"]["S"],
        story_id=item["story_id"]["S"],
        relation=item["relation"]["S"],
        similar_to=item["similar_to"]["S"] or None,
        new_takeaways=json.loads(item["new_takeaways"]["S"]),
        outlet_count=int(item["outlet_count"]["N"]),
        decided_at=datetime.fromisoformat(item["decided_at"]["S"]),
        message_id=item.get("message_id", {}).get("S") or None,
    )


def _entry_item(probe: StoryProbe, story_id: str) -> dict[str, Any]:
    return (
        _key(f"entry#{probe.entry_id}")
        | {
            "article_id": {"S": probe.article_id},
            "story_id": {"S": story_id},
            "at": {"S": probe.at.isoformat()},
            "signature": {"S": json.dumps(probe.signature)},
            "vector": {"S": json.dumps(probe.vector)},
            "url": {"S": probe.url or ""},
            "source_key": {"S": probe.source_key},
            "headline": {"S": probe.headline},
        }
        | ({"sentences": {"B": pack_sketches(probe.sentences)}} if probe.sentences else {})
        | ({"figures": {"B": pack_figures(probe.sentences)}} if _all_with_figures(probe.sentences) else {})
    )


def _entry_from_item(item: dict[str, Any]) -> StoryEntry:
    return StoryEntry(
        entry_id=item["pk"]["S"].removeprefix("entry#"),
        article_id=item["article_id"]["S"],
        story_id=item["story_id"]["S"],
        at=datetime.fromisoformat(item["at"]["S"]),
        signature=json.loads(item["signature"]["S"]),
        vector=json.loads(item["vector"]["S"]),
        url=item["url"]["S"] or None,
        source_key=item["source_key"]["S"],
        headline=item["headline"]["S"],
        sentences=unpack_sketches(
            item.get("sentences", {}).get("B", b""), item.get("figures", {}).get("B", b"")
        ),
    )


def _thread_from_item(item: dict[str, Any]) -> ThreadState:
    return ThreadState(
        story_id=item["pk"]["S"].removeprefix("thread#"),
        outlets=frozenset(json.loads(item["outlets"]["S"])),
        told=frozenset(json.loads(item["told"]["S"])),
        alerts=int(item["alerts"]["N"]),
    )


def pack_sketches(sketches: tuple[Sketch, ...]) -> bytes:
    """Sentence sketches as big-endian 32-bit words, 32 bytes a sentence: a JSON list takes three times that.
    The figures keys after them go apart (``pack_figures``), so entries written before them still read."""
    return b"".join(
        struct.pack(f">{SENTENCE_SKETCH_SIZE}I", *sketch[:SENTENCE_SKETCH_SIZE])
        for sketch in sketches
        if len(sketch) >= SENTENCE_SKETCH_SIZE
    )


def _all_with_figures(sketches: tuple[Sketch, ...]) -> bool:
    return bool(sketches) and all(len(sketch) == SENTENCE_SKETCH_SIZE + 1 for sketch in sketches)


def pack_figures(sketches: tuple[Sketch, ...]) -> bytes:
    """Each sentence's figures key, 4 bytes a sentence."""
    return b"".join(struct.pack(">I", sketch[SENTENCE_SKETCH_SIZE]) for sketch in sketches)


def unpack_sketches(data: bytes, figures: bytes = b"") -> tuple[Sketch, ...]:
    size = 4 * SENTENCE_SKETCH_SIZE
    sketches = [
        struct.unpack(f">{SENTENCE_SKETCH_SIZE}I", data[i : i + size])
        for i in range(0, len(data) - size + 1, size)
    ]
    keys = [struct.unpack(">I", figures[i : i + 4])[0] for i in range(0, len(figures) - 3, 4)]
    if len(keys) != len(sketches):
        return tuple(sketches)  # an entry written before the figures keys: compared by sketch alone
    return tuple(with_figures(sketch, key) for sketch, key in zip(sketches, keys, strict=True))
