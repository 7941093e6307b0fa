"""The articles bucket as an ``ArticleStore``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from takeaways.errors import ArticleRejected, RejectionReason, TransientFailure
from takeaways.pipeline.ports import ObjectSuperseded
from takeaways.records import RecordInvalid, from_json, to_json
from takeaways.signing import SIGNATURE_METADATA, record_signature, signature_matches
from takeaways.summary import ObjectRef, RejectionRecord, SummaryRecord

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

_DETAIL_CHARS = 500
_MISSING = frozenset({"NoSuchKey", "404", "NotFound", "NoSuchVersion"})
_THROTTLED = frozenset(
    {"SlowDown", "Throttling", "ThrottlingException", "RequestTimeout", "ServiceUnavailable"}
)


class S3ArticleStore:
    """Reads articles and summaries, writes summaries and rejections, in one bucket.

    With a ``signing_key``, summaries are written signed and read only when their signature
    verifies (``takeaways.signing``); without one (local runs without AWS) neither happens.
    """

    def __init__(self, client: S3Client, signing_key: Callable[[], bytes] | None = None) -> None:
        self._s3 = client
        self._signing_key = signing_key

    def read_article(self, ref: ObjectRef, *, max_bytes: int) -> tuple[bytes, ObjectRef]:
        """Check the size before downloading: a 50 MB object is refused without reading it."""
        try:
            head = self._s3.head_object(Bucket=ref.bucket, Key=ref.key)
        except ClientError as error:
            raise _translate(error, ref) from error
        etag = head.get("ETag", "").strip('"') or None
        if ref.etag and etag and ref.etag.strip('"') != etag:
            raise ObjectSuperseded(f"{ref.key} changed since the event was sent")
        size = head.get("ContentLength", 0)
        current = replace(ref, etag=etag, size=size, version_id=head.get("VersionId"))
        if size > max_bytes:
            raise ArticleRejected(
                RejectionReason.TOO_LARGE, f"object is {size} bytes; the limit is {max_bytes} bytes"
            )
        try:
            if etag:
                body = self._s3.get_object(Bucket=ref.bucket, Key=ref.key, IfMatch=f'"{etag}"')["Body"]
            else:
                body = self._s3.get_object(Bucket=ref.bucket, Key=ref.key)["Body"]
            return body.read(max_bytes + 1)[: max_bytes + 1], current
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"PreconditionFailed", "412"}:
                raise ObjectSuperseded(f"{ref.key} changed while it was being read") from error
            raise _translate(error, ref) from error

    def write_summary(self, key: str, record: SummaryRecord) -> None:
        body = to_json(record, indent=2).encode()
        metadata = {}
        if self._signing_key is not None:
            metadata[SIGNATURE_METADATA] = record_signature(self._signing_key(), key, body)
        self._put_json(record.source_object.bucket, key, body, metadata)

    def write_rejection(self, key: str, record: RejectionRecord) -> None:
        self._put_json(record.source_object.bucket, key, to_json(record, indent=2).encode())

    def read_summary(self, ref: ObjectRef) -> SummaryRecord:
        """The record, if it is one and was signed by the summarise stage (``unsigned``/``invalid_signature``)."""
        try:
            response = self._s3.get_object(Bucket=ref.bucket, Key=ref.key)
            body = response["Body"].read()
        except ClientError as error:
            raise _translate(error, ref) from error
        if self._signing_key is not None:
            self._check_signature(ref, body, response.get("Metadata", {}).get(SIGNATURE_METADATA))
        try:
            return from_json(SummaryRecord, body)
        except RecordInvalid as error:
            detail = f"s3://{ref.bucket}/{ref.key} is not a summary record: {error}"
            raise ArticleRejected(RejectionReason.INVALID_RECORD, detail[:_DETAIL_CHARS]) from error

    def _check_signature(self, ref: ObjectRef, body: bytes, signature: str | None) -> None:
        assert self._signing_key is not None
        where = f"s3://{ref.bucket}/{ref.key}"
        if not signature:
            raise ArticleRejected(
                RejectionReason.UNSIGNED, f"{where} carries no signature: not written by the summarise stage"
            )
        if not signature_matches(self._signing_key(), ref.key, body, signature):
            raise ArticleRejected(
                RejectionReason.INVALID_SIGNATURE,
                f"{where}: the signature does not match its content and key",
            )

    def _put_json(self, bucket: str, key: str, body: bytes, metadata: dict[str, str] | None = None) -> None:
        try:
            self._s3.put_object(
                Bucket=bucket,
                Key=key,
                Body=body,
                ContentType="application/json; charset=utf-8",
                Metadata=metadata or {},
            )
        except ClientError as error:
            raise TransientFailure(f"could not write s3://{bucket}/{key}: {error}") from error


def _translate(error: ClientError, ref: ObjectRef) -> Exception:
    """Missing objects are a final outcome; throttling and the rest are worth a retry."""
    code = str(error.response.get("Error", {}).get("Code", ""))
    if code in _MISSING:
        return ArticleRejected(RejectionReason.NOT_FOUND, f"s3://{ref.bucket}/{ref.key} no longer exists")
    if code in _THROTTLED:
        return TransientFailure(f"S3 is throttling: {code}")
    return TransientFailure(f"S3 {code or 'error'} on s3://{ref.bucket}/{ref.key}: {error}")
