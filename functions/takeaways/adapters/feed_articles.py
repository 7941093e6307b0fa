"""The articles bucket as the feed poller's ``ArticleSink``: JSON articles under incoming/, rejections under rejected/."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from takeaways.errors import TransientFailure
from takeaways.feeds.article import FeedRejection
from takeaways.records import to_json

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class S3FeedArticleSink:
    def __init__(self, client: S3Client, bucket: str) -> None:
        self._s3 = client
        self._bucket = bucket

    def write_article(self, key: str, document: dict[str, Any]) -> None:
        self._put(key, json.dumps(document, ensure_ascii=False, indent=2))

    def write_rejection(self, key: str, record: FeedRejection) -> None:
        self._put(key, to_json(record, indent=2))

    def _put(self, key: str, text: str) -> None:
        try:
            self._s3.put_object(
                Bucket=self._bucket,
                Key=key,
                Body=text.encode(),
                ContentType="application/json; charset=utf-8",
            )
        except ClientError as error:
            raise TransientFailure(f"could not write s3://{self._bucket}/{key}: {error}") from error
