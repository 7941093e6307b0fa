"""Subscriber delivery and the operator's commands on the local stack, as a user runs them from the README."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import boto3
import pytest

from infra.event_sources import EventSourceRunner
from infra.local_stack import DeployedStack
from infra.subscribers import subscribe_queue
from takeaways.adapters.operations import LocalEventSources
from takeaways.cli import main
from tests.integration.conftest import made_subscriptions
from tests.integration.inboxes import FERRY_STORY, drained, new_inbox

pytestmark = pytest.mark.integration


def _article(tmp_path: Path, text: str = FERRY_STORY, name: str = "ferry.txt") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def _runner(stack: DeployedStack) -> EventSourceRunner:
    """The runner as `make up` starts it: it honours `takeaways pause` through the local switch file."""
    switch = LocalEventSources(Path(".takeaways"))
    return EventSourceRunner(stack, redelivery_delay_seconds=0, enabled=switch.enabled)


def test_queue_subscribers_get_the_alert_itself_with_its_attributes_or_the_envelope_on_request(
    local_stack_file: DeployedStack, tmp_path: Path
) -> None:
    raw_url, raw_arn = new_inbox("raw-inbox")
    envelope_url, envelope_arn = new_inbox("envelope-inbox")
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", raw_arn]) == 0
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", envelope_arn, "--envelope"]) == 0
    assert main(["upload", _article(tmp_path), "--key", "incoming/ferry.txt"]) == 0
    _runner(local_stack_file).run_until_idle(timeout_s=30)
    [raw] = drained(raw_url)
    alert = json.loads(raw["Body"])
    assert alert["type"] == "takeaways.alert" and alert["headline"].startswith("Ferry operator suspends")
    assert raw["MessageAttributes"]["priority"]["DataType"] == "Number"
    assert json.loads(raw["MessageAttributes"]["topics"]["StringValue"]) == [
        topic["name"] for topic in alert["topics"]
    ]
    [envelope] = drained(envelope_url)
    wrapped = json.loads(envelope["Body"])
    enveloped = json.loads(wrapped["Message"])
    assert wrapped["Type"] == "Notification"
    # Each subscriber's copy is the same alert with links of its own.
    links = enveloped.pop("preference_links"), alert.pop("preference_links")
    assert enveloped == alert
    assert (
        links[0]
        and links[1]
        and {link["url"] for link in links[0]}.isdisjoint(link["url"] for link in links[1])
    )


class _Hook(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[dict[str, str], bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(({key.lower(): value for key, value in self.headers.items()}, body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    _Hook.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/takeaways", _Hook.received
    server.shutdown()
    server.server_close()


def test_a_webhook_is_posted_the_alert_json_raw_as_sns_does(
    local_stack_file: DeployedStack, tmp_path: Path, webhook: tuple[str, list[tuple[dict[str, str], bytes]]]
) -> None:
    url, received = webhook
    assert main(["subscribe", "--protocol", "http", "--endpoint", url]) == 0
    assert main(["upload", _article(tmp_path), "--key", "incoming/ferry.txt"]) == 0
    _runner(local_stack_file).run_until_idle(timeout_s=30)
    [(headers, body)] = received
    assert headers["x-amz-sns-rawdelivery"] == "true" and headers["x-amz-sns-message-type"] == "Notification"
    assert json.loads(body)["headline"].startswith("Ferry operator suspends")


def test_a_deleted_subscriber_queue_loses_only_its_own_copy_which_waits_in_the_subscription_dlq(
    local_stack_file: DeployedStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept_url, kept_arn = new_inbox("kept-inbox")
    gone_url, gone_arn = new_inbox("gone-inbox")
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", kept_arn]) == 0
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", gone_arn]) == 0
    # A subscription made outside the project, without a redrive policy: its copy is dropped.
    unprotected = subscribe_queue(local_stack_file.physical_id("AlertsTopic"), "unprotected-inbox")
    sqs = boto3.client("sqs")
    sqs.delete_queue(QueueUrl=gone_url)
    sqs.delete_queue(QueueUrl=unprotected)
    assert main(["upload", _article(tmp_path), "--key", "incoming/ferry.txt"]) == 0
    runner = _runner(local_stack_file)
    runner.run_until_idle(timeout_s=30)
    assert all(result.failed == 0 and result.error is None for result in runner.results)  # the publish held
    assert [json.loads(m["Body"])["headline"][:22] for m in drained(kept_url)] == ["Ferry operator suspend"]
    [dead] = drained(local_stack_file.physical_id("SubscriptionDeadLetterQueue"))
    assert json.loads(dead["Body"])["article_id"].startswith("ferry-")
    assert drained(local_stack_file.physical_id("AlertDeadLetterQueue")) == []
    capsys.readouterr()
    assert main(["status"]) == 0
    assert "2 undelivered subscriber copies" in capsys.readouterr().out


def test_subscriptions_shows_each_ones_frequency_and_state_and_unsubscribe_removes_it(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    _, digest_arn = new_inbox("digest-inbox")
    assert (
        main(["subscribe", "--protocol", "email", "--endpoint", "desk@news.example", "--topics", "sport"])
        == 0
    )
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", digest_arn, "--frequency", "weekly"]) == 0
    printed = capsys.readouterr().out
    instant_id, digest_id = (
        line.split(" as ")[1] for line in printed.splitlines() if line.startswith("subscribed")
    )
    # One made outside the CLI, with no record in the registry.
    subscribe_queue(local_stack_file.physical_id("AlertsTopic"), "unmanaged-inbox")
    assert main(["subscriptions"]) == 0
    listing = capsys.readouterr().out
    assert "3 subscription(s)" in listing
    assert f"{instant_id:<15} email" in listing and "instant, confirmed, text delivery" in listing
    assert '"topics": ["sport"]' in listing
    assert f"{digest_id:<15} sqs" in listing and "weekly, confirmed, raw delivery" in listing
    assert "(unmanaged)" in listing and "unmanaged, confirmed, envelope delivery" in listing
    assert listing.count("arn:aws:sns:us-east-1:") == 3
    assert main(["unsubscribe", "desk@news.example"]) == 0
    assert f"unsubscribed email:desk@news.example (instant, {instant_id})" in capsys.readouterr().out
    assert main(["unsubscribe", digest_id]) == 0
    assert main(["subscriptions", "--frequency", "unmanaged"]) == 0
    assert "1 subscription(s)" in capsys.readouterr().out
    with pytest.raises(SystemExit, match=r"no subscription is desk@news\.example"):
        main(["unsubscribe", "desk@news.example"])
    assert (
        boto3.client("dynamodb").scan(TableName=local_stack_file.physical_id("SubscriberTable"))["Items"]
        == []
    )


def test_the_same_endpoint_is_subscribed_once_and_changes_frequency_in_place(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    _, arn = new_inbox("twice-inbox")
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", arn]) == 0
    instant_id = capsys.readouterr().out.splitlines()[0].rsplit(" as ", 1)[1]
    [before] = made_subscriptions(local_stack_file, "SubscriberTopic")
    for frequency in ("daily", "instant"):
        with pytest.raises(SystemExit, match=r"already subscribed \(instant\) as sub-"):
            main(["subscribe", "--protocol", "sqs", "--endpoint", arn, "--frequency", frequency])
    assert main(["preferences", arn, "--frequency", "weekly", "--min-priority", "3"]) == 0  # by its endpoint
    assert "from now on: a weekly digest instead" in capsys.readouterr().out
    # The same SNS subscription: a frequency is the record's, so nothing has to be confirmed again.
    assert made_subscriptions(local_stack_file, "SubscriberTopic") == [before]
    assert main(["subscriptions", "--frequency", "weekly"]) == 0
    assert instant_id in capsys.readouterr().out


@pytest.mark.parametrize(
    ("protocol", "endpoint", "refusal"),
    [
        ("email", "not-an-email", "not an e-mail address"),
        ("sms", "12345", "E.164"),
        ("https", "http://hooks.example.com/x", "not an https URL"),
        ("lambda", "arn:aws:lambda:us-east-1:123456789012:function:nobody-deployed-me", "does not exist"),
    ],
)
def test_an_endpoint_that_could_never_receive_is_refused_before_sns_sees_it(
    local_stack_file: DeployedStack,
    protocol: str,
    endpoint: str,
    refusal: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["subscribe", "--protocol", protocol, "--endpoint", endpoint])
    assert refusal in f"{refused.value.code} {capsys.readouterr().err}"
    assert made_subscriptions(local_stack_file, "AlertsTopic") == []
    assert made_subscriptions(local_stack_file, "SubscriberTopic") == []


def test_upload_wait_prints_the_alert_or_the_rejection(
    local_stack_file: DeployedStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _runner(local_stack_file).running(interval_s=0.05):
        assert (
            main(["upload", _article(tmp_path), "--key", "incoming/ferry.txt", "--wait", "--timeout", "30"])
            == 0
        )
        printed = capsys.readouterr()
        shown = _printed_alert(printed.out)
        assert shown["headline"].startswith("Ferry operator suspends")
        assert "preference_links" not in shown  # they belong to a subscriber's copy, never the broadcast
        assert "summarised: Ferry operator suspends" in printed.err
        assert "each managed subscriber's copy adds its own preference_links" in printed.err
        stub = _article(tmp_path, "Ferry news soon.\n", "stub.txt")
        assert main(["upload", stub, "--key", "incoming/stub.txt", "--wait", "--timeout", "30"]) == 2
        assert "rejected (too_short)" in capsys.readouterr().err


def test_upload_wait_says_when_a_copy_of_an_alerted_story_gets_no_alert(
    local_stack_file: DeployedStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _runner(local_stack_file).running(interval_s=0.05):
        assert main(["upload", _article(tmp_path), "--key", "incoming/a/ferry.txt", "--wait"]) == 0
        capsys.readouterr()
        assert main(["upload", _article(tmp_path), "--key", "incoming/b/ferry.txt", "--wait"]) == 0
        printed = capsys.readouterr()
        # The same bytes to the same key again: the stage skips the event, and the command says so at once.
        assert (
            main(["upload", _article(tmp_path), "--key", "incoming/b/ferry.txt", "--wait", "--timeout", "20"])
            == 0
        )
        again = capsys.readouterr()
    assert "no alert: the story was already alerted" in printed.err
    assert "{" not in printed.out.splitlines()
    assert "already summarised" in again.err and "duplicate event" in again.err


def test_upload_wait_says_when_the_alert_could_not_be_published(
    local_stack_file: DeployedStack, tmp_path: Path
) -> None:
    boto3.client("sns").delete_topic(
        TopicArn=local_stack_file.physical_id("AlertsTopic")
    )  # every publish fails
    with (
        _runner(local_stack_file).running(interval_s=0.05),
        pytest.raises(SystemExit, match="waits in the alert DLQ"),
    ):
        main(["upload", _article(tmp_path), "--key", "incoming/ferry.txt", "--wait", "--timeout", "60"])


def _printed_alert(out: str) -> dict[str, Any]:
    """The alert JSON the command printed (the functions run in this process and log to stdout too)."""
    lines = out.splitlines()
    start, end = lines.index("{"), lines.index("}")
    alert: dict[str, Any] = json.loads("\n".join(lines[start : end + 1]))
    return alert


def test_an_empty_file_is_refused_instead_of_reported_uploaded(
    local_stack_file: DeployedStack, tmp_path: Path
) -> None:
    with pytest.raises(SystemExit, match="is empty"):
        main(["upload", _article(tmp_path, " \n", "blank.txt")])
    listed = boto3.client("s3").list_objects_v2(Bucket=local_stack_file.physical_id("ArticlesBucket"))
    assert listed.get("KeyCount", 0) == 0


def test_pausing_alerts_holds_summaries_in_the_alert_queue_until_resumed(
    local_stack_file: DeployedStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, inbox_arn = new_inbox("paused-inbox")
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", inbox_arn]) == 0
    runner = _runner(local_stack_file)
    runner.run_until_idle(timeout_s=30)  # S3's test events, so that the alert queue starts empty
    assert main(["pause", "alerts"]) == 0
    assert main(["upload", _article(tmp_path), "--key", "incoming/ferry.txt"]) == 0
    runner.run_until_idle(timeout_s=30)
    assert drained(inbox) == []
    capsys.readouterr()
    assert main(["status"]) == 0
    status = capsys.readouterr().out
    assert "alert stage: PAUSED" in status
    assert [line.split()[2] for line in status.splitlines() if line.startswith("alert queue")] == ["1"]
    assert main(["resume", "alerts"]) == 0
    assert "1 message(s) waiting in the alert queue" in capsys.readouterr().out
    runner.run_until_idle(timeout_s=30)
    assert [json.loads(m["Body"])["headline"][:22] for m in drained(inbox)] == ["Ferry operator suspend"]


def test_status_reports_queues_alarms_the_last_hour_and_the_last_alerts(
    local_stack_file: DeployedStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["upload", _article(tmp_path), "--key", "incoming/ferry.txt"]) == 0
    assert (
        main(["upload", _article(tmp_path, "Ferry news soon.\n", "stub.txt"), "--key", "incoming/stub.txt"])
        == 0
    )
    _runner(local_stack_file).run_until_idle(timeout_s=30)
    capsys.readouterr()
    assert main(["status"]) == 0
    status = capsys.readouterr().out
    assert "alert stage: running" in status
    for queue in ("ingest queue", "ingest DLQ", "alert queue", "alert DLQ", "subscription DLQ"):
        assert f"\n{queue} " in status
    assert "1 summaries, 1 alerts, 1 rejections, 0 engine fallbacks" in status
    assert "rejections by reason: too_short 1" in status
    [latest] = [line for line in status.splitlines() if " p" in line and "UTC" in line]
    assert "Ferry operator suspends" in latest
    alarms = boto3.client("cloudwatch").describe_alarms()["MetricAlarms"]
    assert f"alarms: {len(alarms)} OK" in status


def test_create_inbox_makes_a_queue_the_alert_topics_may_send_to(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["create-inbox", "newsroom"]) == 0
    arn = capsys.readouterr().out.strip()
    assert arn == "arn:aws:sqs:us-east-1:123456789012:newsroom"
    sqs = boto3.client("sqs")
    url = sqs.get_queue_url(QueueName="newsroom")["QueueUrl"]
    policy = json.loads(
        sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])["Attributes"]["Policy"]
    )
    [statement] = policy["Statement"]
    assert statement["Principal"] == {"Service": "sns.amazonaws.com"} and statement["Resource"] == arn
    allowed = statement["Condition"]["ArnEquals"]["aws:SourceArn"]
    assert sorted(allowed) == sorted(
        local_stack_file.physical_id(t) for t in ("AlertsTopic", "SubscriberTopic")
    )
    with pytest.raises(SystemExit, match="not a queue name"):
        main(["create-inbox", "news room"])
