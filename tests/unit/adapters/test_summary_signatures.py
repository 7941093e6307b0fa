"""Summary records are signed when written and alerted only when the signature verifies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from takeaways.adapters.s3_store import S3ArticleStore
from takeaways.errors import ArticleRejected, RejectionReason
from takeaways.signing import SIGNATURE_METADATA
from takeaways.summary import ObjectRef
from tests.unit.alerts.test_render import make_record

BUCKET = "articles"
KEY = "summaries/ferry-route.json"
SECRET = b"k" * 48


@pytest.fixture
def s3() -> Iterator[Any]:
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield client


def signed_store(s3: Any, secret: bytes = SECRET) -> S3ArticleStore:
    return S3ArticleStore(s3, signing_key=lambda: secret)


def write_record(s3: Any) -> dict[str, Any]:
    record = make_record()
    signed_store(s3).write_summary(KEY, record)
    return dict(s3.get_object(Bucket=BUCKET, Key=KEY))


def rejection(store: S3ArticleStore, key: str = KEY) -> RejectionReason:
    with pytest.raises(ArticleRejected) as rejected:
        store.read_summary(ObjectRef(bucket=BUCKET, key=key))
    return rejected.value.reason


def test_a_record_written_by_the_summarise_stage_reads_back(s3: Any) -> None:
    write_record(s3)
    assert signed_store(s3).read_summary(ObjectRef(bucket=BUCKET, key=KEY)) == make_record()


def test_a_record_put_by_anyone_else_is_unsigned(s3: Any) -> None:
    body = write_record(s3)["Body"].read()
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=body)  # the same bytes, without the signature
    assert rejection(signed_store(s3)) is RejectionReason.UNSIGNED


def test_a_changed_record_keeps_its_old_signature_and_fails(s3: Any) -> None:
    stored = write_record(s3)
    original = stored["Body"].read()
    body = original.replace(b"approves new ferry route", b"closes every ferry route")
    assert body != original
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=body, Metadata=stored["Metadata"])
    assert rejection(signed_store(s3)) is RejectionReason.INVALID_SIGNATURE


def test_a_record_copied_to_another_key_does_not_verify(s3: Any) -> None:
    stored = write_record(s3)
    s3.put_object(
        Bucket=BUCKET, Key="summaries/copy.json", Body=stored["Body"].read(), Metadata=stored["Metadata"]
    )
    assert rejection(signed_store(s3), "summaries/copy.json") is RejectionReason.INVALID_SIGNATURE


def test_a_record_signed_with_another_key_does_not_verify(s3: Any) -> None:
    write_record(s3)
    assert rejection(signed_store(s3, secret=b"x" * 48)) is RejectionReason.INVALID_SIGNATURE


def test_without_a_signing_key_records_are_neither_signed_nor_checked(s3: Any) -> None:
    S3ArticleStore(s3).write_summary(KEY, make_record())
    assert SIGNATURE_METADATA not in s3.get_object(Bucket=BUCKET, Key=KEY)["Metadata"]
    assert S3ArticleStore(s3).read_summary(ObjectRef(bucket=BUCKET, key=KEY)) == make_record()
