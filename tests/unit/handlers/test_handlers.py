"""The two handlers on the real template's resources, in-process: what each kind of message becomes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.local_stack import DeployedStack
from takeaways.errors import TransientFailure
from takeaways.handlers import notify, summarise
from takeaways.handlers.dependencies import summarise_dependencies
from tests.coastal_times import EARLIER_STORIES, FEED_PREFIX, LIFEBOAT, feed_article
from tests.conftest import FakeLambdaContext
from tests.unit.handlers.conftest import s3_notification, sqs_event

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "articles"


def upload(stack: DeployedStack, key: str, body: bytes) -> str:
    bucket = stack.physical_id("ArticlesBucket")
    boto3.client("s3").put_object(Bucket=bucket, Key=key, Body=body)
    return bucket


def keys(bucket: str, prefix: str) -> list[str]:
    listing = boto3.client("s3").list_objects_v2(Bucket=bucket, Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", [])]


def summarise_event(event: dict[str, Any]) -> dict[str, Any]:
    return dict(summarise.handler(event, FakeLambdaContext(function_name="SummariseFunction")))


def subscribe_queue(stack: DeployedStack) -> str:
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName="unit-inbox")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    boto3.client("sns").subscribe(TopicArn=stack.physical_id("AlertsTopic"), Protocol="sqs", Endpoint=arn)
    return str(url)


def inbox(url: str) -> list[dict[str, Any]]:
    messages = boto3.client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
    return [json.loads(message["Body"]) for message in messages]


def test_an_article_event_writes_one_summary_record(stack: DeployedStack) -> None:
    key = "incoming/2026/11/harbour bridge+closure ü.txt"
    bucket = upload(stack, key, (SAMPLES / "harbour-bridge-closure.txt").read_bytes())
    response = summarise_event(sqs_event(s3_notification(bucket, key)))
    assert response == {"batchItemFailures": []}
    [summary_key] = keys(bucket, "summaries/")
    record = json.loads(boto3.client("s3").get_object(Bucket=bucket, Key=summary_key)["Body"].read())
    assert record["source_object"]["key"] == key
    assert record["summary"]["engine"] == "extractive"
    assert 3 <= len(record["summary"]["takeaways"]) <= 5


def test_the_same_event_twice_writes_the_summary_once(stack: DeployedStack) -> None:
    key = "incoming/bridge.txt"
    bucket = upload(stack, key, (SAMPLES / "harbour-bridge-closure.txt").read_bytes())
    body = s3_notification(bucket, key)
    summarise_event(sqs_event(body))
    summarise_event(sqs_event(body))
    versions = boto3.client("s3").list_object_versions(Bucket=bucket, Prefix="summaries/").get("Versions", [])
    assert len(versions) == 1


def test_an_empty_object_is_recorded_as_rejected(stack: DeployedStack) -> None:
    bucket = upload(stack, "incoming/empty.txt", b"")
    assert summarise_event(sqs_event(s3_notification(bucket, "incoming/empty.txt"))) == {
        "batchItemFailures": []
    }
    assert keys(bucket, "summaries/") == []
    [rejected] = keys(bucket, "rejected/")
    record = json.loads(boto3.client("s3").get_object(Bucket=bucket, Key=rejected)["Body"].read())
    assert record["reason"] == "empty"


def test_a_message_that_is_not_an_s3_event_is_recorded_and_not_retried(stack: DeployedStack) -> None:
    bucket = stack.physical_id("ArticlesBucket")
    event = sqs_event('{"hello": "world"}')
    assert summarise_event(event) == {"batchItemFailures": []}
    message_id = event["Records"][0]["messageId"]
    assert keys(bucket, "rejected/") == [f"rejected/message-{message_id}.json"]


def test_the_s3_test_event_is_ignored(stack: DeployedStack) -> None:
    bucket = stack.physical_id("ArticlesBucket")
    body = json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": bucket})
    assert summarise_event(sqs_event(body)) == {"batchItemFailures": []}
    assert keys(bucket, "") == []


def test_a_failing_record_is_reported_while_the_rest_of_the_batch_succeeds(
    stack: DeployedStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    bucket = upload(stack, "incoming/bridge.txt", (SAMPLES / "harbour-bridge-closure.txt").read_bytes())
    upload(stack, "incoming/flaky.txt", (SAMPLES / "harbour-bridge-closure.txt").read_bytes())
    event = sqs_event(
        s3_notification(bucket, "incoming/bridge.txt"), s3_notification(bucket, "incoming/flaky.txt")
    )
    store_class = type(summarise_dependencies().store)
    original = store_class.read_article

    def read_article(self: Any, ref: Any, *, max_bytes: int) -> Any:
        if ref.key == "incoming/flaky.txt":
            raise TransientFailure("S3 is throttling: SlowDown")
        return original(self, ref, max_bytes=max_bytes)

    monkeypatch.setattr(store_class, "read_article", read_article)
    response = summarise_event(event)
    assert response == {"batchItemFailures": [{"itemIdentifier": event["Records"][1]["messageId"]}]}
    assert len(keys(bucket, "summaries/")) == 1


@pytest.mark.parametrize(
    ("bucket_of", "key", "reason"),
    [
        (lambda own: "someone-elses-bucket", "incoming/x.txt", "other_bucket"),
        (str, "incoming/2026/11/", "folder_marker"),
    ],
)
def test_a_folder_marker_or_another_buckets_object_is_ignored_and_counted(
    stack: DeployedStack, capsys: pytest.CaptureFixture[str], bucket_of: Any, key: str, reason: str
) -> None:
    own = stack.physical_id("ArticlesBucket")
    upload(stack, key, b"")
    assert summarise_event(sqs_event(s3_notification(bucket_of(own), key, etag="abc"))) == {
        "batchItemFailures": []
    }
    assert keys(own, "summaries/") == keys(own, "rejected/") == []
    assert ignored_reasons(capsys.readouterr().out) == [reason]


def test_a_summary_event_publishes_one_alert_with_filterable_attributes(
    stack: DeployedStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTED_SOURCES", "Northern Ledger, coastaltimes.example")
    inbox_url = subscribe_queue(stack)
    bucket = upload(stack, "incoming/wind.json", (SAMPLES / "wind-farm-vote.json").read_bytes())
    summarise_event(sqs_event(s3_notification(bucket, "incoming/wind.json")))
    [summary_key] = keys(bucket, "summaries/")
    body = s3_notification(bucket, summary_key)
    context = FakeLambdaContext(function_name="NotifyFunction")
    assert dict(notify.handler(sqs_event(body), context)) == {"batchItemFailures": []}
    assert dict(notify.handler(sqs_event(body), context)) == {"batchItemFailures": []}
    [envelope] = inbox(inbox_url)
    alert = json.loads(envelope["Message"])
    assert alert["headline"].startswith("Valley council backs offshore wind")
    assert alert["url"] == "https://northern-ledger.example/news/wind-cable-vote"
    assert envelope["MessageAttributes"]["source"]["Value"] == "northern ledger"


def ignored_reasons(printed: str) -> list[str]:
    """The ``reason`` of every ``EventsIgnored`` EMF blob the handler printed."""
    blobs = [json.loads(line) for line in printed.splitlines() if line.startswith("{") and '"_aws"' in line]
    return [blob["reason"] for blob in blobs if "EventsIgnored" in blob and "reason" in blob]


@pytest.mark.parametrize("event_name", ["ObjectRemoved:Delete", "ObjectRemoved:DeleteMarkerCreated"])
def test_removal_events_are_counted_as_ignored_and_touch_nothing(
    stack: DeployedStack, event_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bucket = upload(stack, "incoming/gone.txt", (SAMPLES / "harbour-bridge-closure.txt").read_bytes())
    capsys.readouterr()
    body = s3_notification(bucket, "incoming/gone.txt", event_name=event_name)
    assert summarise_event(sqs_event(body)) == {"batchItemFailures": []}
    assert ignored_reasons(capsys.readouterr().out) == [event_name]
    assert keys(bucket, "") == ["incoming/gone.txt"]


def test_lines_recurring_across_a_feeds_articles_are_removed_counted_and_logged(
    stack: DeployedStack, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    records = {}
    for name, story in {**EARLIER_STORIES, "lifeboat": LIFEBOAT}.items():
        key = f"{FEED_PREFIX}{name}.json"
        bucket = upload(stack, key, feed_article(story))
        capsys.readouterr()
        assert summarise_event(sqs_event(s3_notification(bucket, key))) == {"batchItemFailures": []}
        printed = capsys.readouterr().out
        [summary_key] = [k for k in keys(bucket, "summaries/") if name in k]
        records[name] = json.loads(
            boto3.client("s3").get_object(Bucket=bucket, Key=summary_key)["Body"].read()
        )
    assert records["ferry"]["article"]["notes"] == []
    assert records["lifeboat"]["article"]["notes"] == [
        "2 lines that recur across the source's articles removed"
    ]
    blobs = [json.loads(line) for line in printed.splitlines() if line.startswith("{") and '"_aws"' in line]
    assert [blob["RecurringLinesDropped"] for blob in blobs if "RecurringLinesDropped" in blob] == [[2.0]]
    [removed] = [record for record in caplog.records if record.getMessage() == "recurring lines removed"]
    assert removed.lines == 2  # type: ignore[attr-defined]
    shown = json.dumps(records["lifeboat"]["summary"])
    assert "Tideline" not in shown and "readers like you" not in shown
    table = stack.physical_id("RecurringLineTable")
    items = boto3.client("dynamodb").scan(TableName=table)["Items"]
    assert {item["scope"]["S"] for item in items} == {"feed:coastal-times"}


def test_an_article_with_no_trusted_source_or_feed_is_not_checked_and_says_why(
    stack: DeployedStack, caplog: pytest.LogCaptureFixture
) -> None:
    bucket = upload(stack, "incoming/bridge.txt", (SAMPLES / "harbour-bridge-closure.txt").read_bytes())
    summarise_event(sqs_event(s3_notification(bucket, "incoming/bridge.txt")))
    [unchecked] = [r for r in caplog.records if r.getMessage() == "recurring lines not checked"]
    assert unchecked.reason == "no_source"  # type: ignore[attr-defined]
    assert boto3.client("dynamodb").scan(TableName=stack.physical_id("RecurringLineTable"))["Items"] == []
