"""S3 event notifications as they arrive in an SQS message body."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import unquote_plus

from takeaways.errors import ArticleRejected, RejectionReason
from takeaways.summary import ObjectRef


@dataclass(frozen=True, slots=True)
class ObjectCreated:
    """One created object, with the key decoded (S3 sends keys form-encoded: spaces as '+')."""

    ref: ObjectRef
    event_time: datetime | None
    replay: str | None = None


@dataclass(frozen=True, slots=True)
class S3Notification:
    """The created objects in one message and how many other records it carried (removals, tests)."""

    created: list[ObjectCreated]
    ignored: list[str]


def parse_s3_notification(body: str) -> S3Notification:
    """Read a message body; anything that is not an S3 notification is rejected, never retried."""
    try:
        document = json.loads(body)
    except json.JSONDecodeError as error:
        raise ArticleRejected(
            RejectionReason.NOT_AN_S3_EVENT, f"message body is not JSON: {error}"
        ) from error
    if not isinstance(document, dict):
        raise ArticleRejected(RejectionReason.NOT_AN_S3_EVENT, "message body is not a JSON object")
    if document.get("Event") == "s3:TestEvent":
        return S3Notification(created=[], ignored=["test_event"])
    records = document.get("Records")
    if not isinstance(records, list) or not records:
        raise ArticleRejected(RejectionReason.NOT_AN_S3_EVENT, "message has no S3 'Records'")
    created: list[ObjectCreated] = []
    ignored: list[str] = []
    replay = document.get("takeawaysReplay")
    try:
        for record in records:
            if record["eventSource"] != "aws:s3":
                raise ArticleRejected(
                    RejectionReason.NOT_AN_S3_EVENT, f"record from {record['eventSource']!r}"
                )
            event_name = str(record["eventName"])
            if not event_name.startswith("ObjectCreated"):
                ignored.append(event_name)
                continue
            s3_object = record["s3"]["object"]
            size, version = s3_object.get("size"), s3_object.get("versionId")
            if (size is not None and (type(size) is not int or size < 0)) or not isinstance(
                version, str | None
            ):
                # Checked here, so the message is rejected once rather than retried into the dead-letter queue.
                raise ArticleRejected(
                    RejectionReason.NOT_AN_S3_EVENT,
                    f"malformed S3 record: size {size!r}, versionId {version!r}",
                )
            ref = ObjectRef(
                bucket=str(record["s3"]["bucket"]["name"]),
                key=unquote_plus(str(s3_object["key"])),
                etag=str(s3_object.get("eTag") or "").strip('"') or None,
                version_id=version,
                size=size,
            )
            created.append(
                ObjectCreated(
                    ref=ref,
                    event_time=_event_time(str(record.get("eventTime") or "")),
                    replay=str(replay) if replay else None,
                )
            )
    except (KeyError, TypeError, AttributeError) as error:
        raise ArticleRejected(RejectionReason.NOT_AN_S3_EVENT, f"malformed S3 record: {error!r}") from error
    return S3Notification(created=created, ignored=ignored)


def _event_time(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
