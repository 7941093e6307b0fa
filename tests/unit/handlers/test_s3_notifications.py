"""S3 event messages read without AWS: a malformed record is rejected at once, never retried."""

from __future__ import annotations

import json
from typing import Any

import pytest

from takeaways.errors import ArticleRejected
from takeaways.handlers.s3_notifications import parse_s3_notification


def _body(**object_fields: Any) -> str:
    record = {
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Put",
        "eventTime": "2026-12-02T09:00:00.000Z",
        "s3": {
            "bucket": {"name": "articles"},
            "object": {"key": "incoming/ferry.txt", "eTag": "abc"} | object_fields,
        },
    }
    return json.dumps({"Records": [record]})


def test_a_well_formed_record_gives_its_object() -> None:
    [created] = parse_s3_notification(_body(size=12, versionId="v1")).created
    assert (created.ref.key, created.ref.size, created.ref.version_id) == ("incoming/ferry.txt", 12, "v1")


@pytest.mark.parametrize("fields", [{"size": "12"}, {"size": -1}, {"size": True}, {"versionId": 7}])
def test_a_size_or_version_of_the_wrong_type_is_rejected_when_read(fields: dict[str, Any]) -> None:
    with pytest.raises(ArticleRejected, match="malformed S3 record"):
        parse_s3_notification(_body(**fields))
