"""Articles through the real template on moto's server, the queues driven as Lambda would drive them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.event_sources import EventSourceRunner
from infra.local_stack import DeployedStack
from takeaways.adapters.s3_store import S3ArticleStore
from takeaways.errors import TransientFailure
from takeaways.summary import ObjectRef
from tests.coastal_times import EARLIER_STORIES, FEED_PREFIX, LIFEBOAT, feed_article

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
ARTICLES = sorted(SAMPLES.iterdir())


def subscribe_inbox(stack: DeployedStack) -> str:
    """An SQS queue receiving every alert, as a machine subscriber would."""
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName="integration-inbox")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    boto3.client("sns").subscribe(
        TopicArn=stack.physical_id("AlertsTopic"),
        Protocol="sqs",
        Endpoint=arn,
        Attributes={"RawMessageDelivery": "true"},
    )
    return str(url)


def drain(url: str) -> list[dict[str, Any]]:
    sqs = boto3.client("sqs")
    bodies: list[dict[str, Any]] = []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for message in messages:
            bodies.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return bodies


def stored_records(bucket: str, prefix: str) -> dict[str, dict[str, Any]]:
    s3 = boto3.client("s3")
    listing = s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    return {
        item["Key"]: json.loads(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())
        for item in listing
    }


def upload(stack: DeployedStack, path: Path, key: str | None = None) -> str:
    key = key or f"incoming/integration/{path.name}"
    boto3.client("s3").upload_file(str(path), stack.physical_id("ArticlesBucket"), key)
    return key


def take_notification(stack: DeployedStack) -> dict[str, Any]:
    """Receive the next real S3 notification from the ingest queue (the test event is skipped)."""
    sqs = boto3.client("sqs")
    url = stack.physical_id("IngestQueue")
    while True:
        [message] = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1)["Messages"]
        sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        body: dict[str, Any] = json.loads(message["Body"])
        if body.get("Event") != "s3:TestEvent":
            return body


def dead_letters(stack: DeployedStack, logical_id: str) -> list[str]:
    messages = (
        boto3.client("sqs")
        .receive_message(QueueUrl=stack.physical_id(logical_id), MaxNumberOfMessages=10)
        .get("Messages", [])
    )
    return [message["Body"] for message in messages]


def test_each_article_yields_one_summary_and_one_alert(deployed_stack: DeployedStack) -> None:
    inbox = subscribe_inbox(deployed_stack)
    keys = [upload(deployed_stack, path) for path in ARTICLES]
    EventSourceRunner(deployed_stack, redelivery_delay_seconds=0).run_until_idle(timeout_s=20)

    bucket = deployed_stack.physical_id("ArticlesBucket")
    summaries = stored_records(bucket, "summaries/")
    sources = Counter(record["source_object"]["key"] for record in summaries.values())
    assert sources == Counter(keys), "exactly one summary per article"
    alerts = drain(inbox)
    summary_uris = {f"s3://{bucket}/{key}" for key in summaries}
    assert Counter(alert["summary_object"] for alert in alerts) == Counter(summary_uris)
    assert dead_letters(deployed_stack, "IngestDeadLetterQueue") == []
    assert dead_letters(deployed_stack, "AlertDeadLetterQueue") == []


def test_the_same_s3_event_delivered_twice_gives_one_alert(deployed_stack: DeployedStack) -> None:
    inbox = subscribe_inbox(deployed_stack)
    upload(deployed_stack, ARTICLES[0])
    notification = json.dumps(take_notification(deployed_stack))
    sqs = boto3.client("sqs")
    for _ in range(2):
        sqs.send_message(QueueUrl=deployed_stack.physical_id("IngestQueue"), MessageBody=notification)
    EventSourceRunner(deployed_stack, redelivery_delay_seconds=0).run_until_idle(timeout_s=20)

    bucket = deployed_stack.physical_id("ArticlesBucket")
    versions = boto3.client("s3").list_object_versions(Bucket=bucket, Prefix="summaries/").get("Versions", [])
    assert len(versions) == 1, "the summary was written once"
    assert len(drain(inbox)) == 1


def test_a_poison_record_ends_in_the_dead_letter_queue_while_its_batch_is_delivered(
    deployed_stack: DeployedStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = subscribe_inbox(deployed_stack)
    upload(deployed_stack, ARTICLES[0], "incoming/integration/decoy.txt")
    # A genuine notification whose object S3 refuses to read, every time (the handler runs in-process).
    poison_event = take_notification(deployed_stack)
    poison = json.dumps(poison_event)
    original = S3ArticleStore.read_article

    def read_article(self: S3ArticleStore, ref: ObjectRef, *, max_bytes: int) -> tuple[bytes, ObjectRef]:
        if ref.key == "incoming/integration/decoy.txt":
            raise TransientFailure("S3 SlowDown, injected")
        return original(self, ref, max_bytes=max_bytes)

    monkeypatch.setattr(S3ArticleStore, "read_article", read_article)
    boto3.client("sqs").send_message(QueueUrl=deployed_stack.physical_id("IngestQueue"), MessageBody=poison)
    good_key = upload(deployed_stack, ARTICLES[1])

    runner = EventSourceRunner(deployed_stack, redelivery_delay_seconds=0)
    runner.run_until_idle(timeout_s=20)

    first_batch = next(result for result in runner.results if result.function_id == "SummariseFunction")
    assert first_batch.received >= 2 and first_batch.failed == 1, "the poison shared a batch with the article"
    assert dead_letters(deployed_stack, "IngestDeadLetterQueue") == [poison]
    bucket = deployed_stack.physical_id("ArticlesBucket")
    summaries = stored_records(bucket, "summaries/")
    assert [record["source_object"]["key"] for record in summaries.values()] == [good_key]
    assert len(drain(inbox)) == 1


def test_an_unreadable_article_is_recorded_as_rejected_and_not_retried(deployed_stack: DeployedStack) -> None:
    inbox = subscribe_inbox(deployed_stack)
    bucket = deployed_stack.physical_id("ArticlesBucket")
    boto3.client("s3").put_object(Bucket=bucket, Key="incoming/integration/empty.txt", Body=b"")
    runner = EventSourceRunner(deployed_stack, redelivery_delay_seconds=0)
    runner.run_until_idle(timeout_s=20)

    [rejection] = stored_records(bucket, "rejected/").values()
    assert rejection["reason"] == "empty"
    assert rejection["source_object"]["key"] == "incoming/integration/empty.txt"
    assert stored_records(bucket, "summaries/") == {}
    assert drain(inbox) == []
    assert all(result.failed == 0 for result in runner.results)


def put_feed_article(stack: DeployedStack, name: str, story: str) -> None:
    """An article as the feed poller writes it for an untrusted feed: JSON under incoming/feeds/<source>/."""
    boto3.client("s3").put_object(
        Bucket=stack.physical_id("ArticlesBucket"), Key=f"{FEED_PREFIX}{name}.json", Body=feed_article(story)
    )


def test_a_feeds_recurring_footer_and_pitch_never_reach_its_fourth_alert(
    deployed_stack: DeployedStack,
) -> None:
    inbox = subscribe_inbox(deployed_stack)
    for name, story in EARLIER_STORIES.items():
        put_feed_article(deployed_stack, name, story)
    EventSourceRunner(deployed_stack, redelivery_delay_seconds=0).run_until_idle(timeout_s=20)
    drain(inbox)
    put_feed_article(deployed_stack, "lifeboat", LIFEBOAT)
    EventSourceRunner(deployed_stack, redelivery_delay_seconds=0).run_until_idle(timeout_s=20)

    summaries = stored_records(deployed_stack.physical_id("ArticlesBucket"), "summaries/")
    [lifeboat] = [record for record in summaries.values() if "lifeboat" in record["source_object"]["key"]]
    assert lifeboat["article"]["notes"] == ["2 lines that recur across the source's articles removed"]
    [alert] = drain(inbox)
    shown = json.dumps(alert)
    assert "lifeboat" in shown.lower()
    assert "Tideline" not in shown and "readers like you" not in shown
