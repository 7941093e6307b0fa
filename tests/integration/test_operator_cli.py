"""The operator commands against a running local stack, as `make up` leaves it."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest

from infra.event_sources import EventSourceRunner
from infra.local_stack import DeployedStack
from takeaways.cli import main
from takeaways.exit_codes import ExitCode
from tests.integration.conftest import made_subscriptions

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"


def test_subscribe_creates_a_filtered_subscription_that_subscriptions_lists(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    queue_arn = "arn:aws:sqs:us-east-1:123456789012:climate-inbox"
    boto3.client("sqs").create_queue(QueueName="climate-inbox")
    assert (
        main(
            [
                "subscribe",
                "--protocol",
                "sqs",
                "--endpoint",
                queue_arn,
                "--topics",
                "Environment,economy",
                "--min-priority",
                "3",
            ]
        )
        == 0
    )
    assert main(["subscriptions"]) == 0
    output = capsys.readouterr().out
    assert '"topics": ["economy", "environment"]' in output
    assert '"priority": [{"numeric": [">=", 3]}]' in output
    assert made_subscriptions(local_stack_file, "AlertsTopic") == []
    [subscription] = made_subscriptions(local_stack_file, "SubscriberTopic")
    attributes = boto3.client("sns").get_subscription_attributes(
        SubscriptionArn=subscription["SubscriptionArn"]
    )
    # SNS routes by subscriber; the preferences are in the registry, applied where copies are made.
    [subscriber] = json.loads(attributes["Attributes"]["FilterPolicy"])["subscriber"]
    assert subscriber.startswith("sub-") and subscriber in output


def test_upload_then_replay_summarises_again_without_alerting_twice(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    sqs = boto3.client("sqs")
    inbox = sqs.create_queue(QueueName="replay-inbox")["QueueUrl"]
    inbox_arn = sqs.get_queue_attributes(QueueUrl=inbox, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", inbox_arn]) == 0
    article = SAMPLES / "wind-farm-vote.json"
    assert main(["upload", str(article), "--key", "incoming/2026/11/wind.json"]) == 0
    runner = EventSourceRunner(local_stack_file, redelivery_delay_seconds=0)
    runner.run_until_idle(timeout_s=30)
    assert main(["replay", "--prefix", "incoming/2026/"]) == 0
    assert "re-enqueued 1 article(s)" in capsys.readouterr().out
    runner.run_until_idle(timeout_s=30)
    bucket = local_stack_file.physical_id("ArticlesBucket")
    versions = boto3.client("s3").list_object_versions(Bucket=bucket, Prefix="summaries/")["Versions"]
    assert len(versions) == 2  # summarised again: the replay is not mistaken for a duplicate event
    alerts = sqs.receive_message(QueueUrl=inbox, MaxNumberOfMessages=10).get("Messages", [])
    assert len(alerts) == 1  # but subscribers are not told the same story twice


@pytest.mark.parametrize(
    ("arguments", "refusal"),
    [
        (
            ["--protocol", "sqs", "--endpoint", "arn:aws:sqs:us-east-1:123456789012:nobody-made-me"],
            "does not exist",
        ),
        (["--protocol", "sqs", "--endpoint", "nobody-made-me"], "is not a queue ARN"),
        (["--protocol", "email", "--endpoint", "a@example.com", "--topics", "energy"], "unknown topic"),
        (
            [
                "--protocol",
                "email",
                "--endpoint",
                "a@example.com",
                "--frequency",
                "daily",
                "--topics",
                "sport",
                "--languages",
                "en",
                "--min-priority",
                "2",
                "--no-updates",
                "--verified-only",
                "--sources",
                "coastal times",
            ],
            "SNS allows 5 conditions",
        ),
    ],
)
def test_a_subscription_that_could_never_deliver_is_refused(
    local_stack_file: DeployedStack, arguments: list[str], refusal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["subscribe", *arguments])
    assert refusal in f"{stopped.value.code} {capsys.readouterr().err}"
    for topic in ("AlertsTopic", "SubscriberTopic"):
        assert made_subscriptions(local_stack_file, topic) == []


def test_replay_refuses_a_prefix_that_holds_no_articles(local_stack_file: DeployedStack) -> None:
    with pytest.raises(SystemExit, match="must start with incoming/"):
        main(["replay", "--prefix", "summaries/"])


def test_redrive_moves_every_dead_letter_back_to_its_queue(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    sqs = boto3.client("sqs")
    dead_letters = local_stack_file.physical_id("AlertDeadLetterQueue")
    queue = local_stack_file.physical_id("AlertQueue")
    bodies = {f"message {n}" for n in range(13)}  # more than one receive can hold
    for body in bodies:
        sqs.send_message(QueueUrl=dead_letters, MessageBody=body)
    assert main(["redrive", "alerts"]) == 0
    assert "moved 13 message(s)" in capsys.readouterr().out
    moved: set[str] = set()
    while batch := sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", []):
        moved |= {message["Body"] for message in batch}
    assert {body for body in moved if "s3:TestEvent" not in body} == bodies  # S3 tests the queue on set-up
    assert sqs.receive_message(QueueUrl=dead_letters).get("Messages", []) == []


def test_the_local_stack_is_found_whatever_region_the_shell_names(
    local_stack_file: DeployedStack, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    assert main(["subscriptions"]) == 0
    assert "0 subscription(s)" in capsys.readouterr().out


def test_a_local_stack_that_has_stopped_is_named_without_a_traceback(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    stack_file = Path(".takeaways") / "local-stack.json"
    recorded = json.loads(stack_file.read_text())
    stack_file.write_text(json.dumps(recorded | {"endpoint_url": "http://127.0.0.1:9"}))
    assert main(["subscriptions"]) == 1
    assert "is `make up` still running?" in capsys.readouterr().err


def test_subscribe_refuses_a_source_no_alert_can_carry_and_names_the_closest(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    stack_file = Path(".takeaways/local-stack.json")
    content = json.loads(stack_file.read_text())
    content["parameters"] = content.get("parameters", {}) | {
        "TrustedSources": "Coastal Times=coastal-times.example,Northern Ledger"
    }
    stack_file.write_text(json.dumps(content))
    boto3.client("sqs").create_queue(QueueName="source-inbox")
    endpoint = ["--protocol", "sqs", "--endpoint", "arn:aws:sqs:us-east-1:123456789012:source-inbox"]
    assert main(["subscribe", *endpoint, "--sources", "Coastal  Times,coastal-times.example"]) == 0
    assert main(["unsubscribe", endpoint[-1]]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main(["subscribe", *endpoint, "--sources", "coastal tims"])
    assert stopped.value.code == ExitCode.USAGE_OR_REJECTED
    error = capsys.readouterr().err
    assert "'coastal tims' is not a source" in error and "did you mean 'Coastal Times'?" in error
    assert "Known sources: Coastal Times, Northern Ledger" in error
    for topic in ("AlertsTopic", "SubscriberTopic"):
        assert made_subscriptions(local_stack_file, topic) == []  # refused before anything was made


def test_a_trusted_feed_s_name_is_a_source_a_subscription_may_follow(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    boto3.client("sqs").create_queue(QueueName="feed-source-inbox")
    endpoint = ["--protocol", "sqs", "--endpoint", "arn:aws:sqs:us-east-1:123456789012:feed-source-inbox"]
    with pytest.raises(SystemExit):
        main(["subscribe", *endpoint, "--sources", "Example Wire"])
    assert "this stack trusts no source" in capsys.readouterr().err
    feed = ["feeds", "add", "https://wire.example/feed.json", "--source", "Example Wire", "--trusted"]
    assert main(feed) == 0
    assert main(["subscribe", *endpoint, "--sources", "example wire"]) == 0


def test_replay_of_a_prefix_with_nothing_under_it_says_where_articles_are(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["replay", "--prefix", "incoming/1999/01/"]) == 0
    output = capsys.readouterr().out
    assert "re-enqueued 0 article(s)" in output and "uploads land under incoming/YYYY/MM/DD/" in output


def test_inbox_shows_what_a_subscriber_received_as_the_email_reads(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["create-inbox", "look-inbox"]) == 0
    inbox_arn = capsys.readouterr().out.split()[0]
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", inbox_arn, "--envelope"]) == 0
    assert main(["upload", str(SAMPLES / "wind-farm-vote.json"), "--key", "incoming/2026/12/wind.json"]) == 0
    EventSourceRunner(local_stack_file, redelivery_delay_seconds=0).run_until_idle(timeout_s=30)
    capsys.readouterr()
    assert main(["inbox", "look-inbox", "--keep"]) == 0
    kept = capsys.readouterr()
    assert "1 message(s) in look-inbox, kept in the queue" in kept.err
    s3, bucket = boto3.client("s3"), local_stack_file.physical_id("ArticlesBucket")
    [record] = s3.list_objects_v2(Bucket=bucket, Prefix="summaries/")["Contents"]
    headline = json.loads(s3.get_object(Bucket=bucket, Key=record["Key"])["Body"].read())["summary"][
        "headline"
    ]
    assert kept.out.splitlines()[1] == headline and "Key takeaways:" in kept.out  # out of SNS's envelope
    assert main(["inbox", "look-inbox", "--json"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["headline"] == headline
    assert main(["inbox", "look-inbox"]) == 0
    assert "0 message(s)" in capsys.readouterr().err

    with pytest.raises(SystemExit, match="there is no queue nowhere-inbox"):
        main(["inbox", "nowhere-inbox"])
