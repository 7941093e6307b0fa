"""Frequencies on the local stack: daily and weekly digests per subscriber, instant alerts beside them,
preferences that change what arrives next, and the filter evaluator checked against moto's SNS."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.event_sources import EventSourceRunner
from infra.local_stack import DeployedStack
from takeaways.alerts.filter_policy import Preferences, build_filter_policy, policy_matches
from takeaways.alerts.render import render_alert
from takeaways.cli import main
from tests.integration.inboxes import drained_bodies, new_inbox
from tests.unit.alerts.test_render import make_record

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
CUP = (
    "Kestrel Rovers reach the county cup final after a penalty shoot-out\n\n"
    "Kestrel Rovers beat Harnby Athletic 5-4 on penalties on Saturday to reach the county cup final for the "
    "first time since 1998, after the match ended 2-2 after extra time.\n\n"
    "Striker Dana Morrow scored both of Rovers' goals in the second half, and goalkeeper Tom Ashdown saved "
    "two penalties in the shoot-out.\n\n"
)
CUP_FIRST = CUP + (
    "The final against Saltmarsh Town will be played at the Mill Lane stadium on May 3. Rovers' coach said the "
    "squad would rest two players with hamstring injuries before the league match on Wednesday.\n"
)
CUP_UPDATE = CUP + (
    "Rovers said on Sunday that 6,000 tickets for the final at the Mill Lane stadium on May 3 had sold out "
    "within four hours, and that a big screen would show the match in Kestrel market square.\n"
)
RECORD = (
    "Harnby runner sets a national indoor record over 800 metres\n\n"
    "Elsie Varga of Harnby Harriers ran 800 metres in 1 minute 58.4 seconds at the indoor championships on "
    "Sunday, a national record for her age group.\n\n"
    "Varga, 17, beat the previous record by nearly a second and won the final by four metres after leading "
    "from the first lap.\n\n"
    "Her coach said she would race the 1,500 metres at the European youth championships in July, where the "
    "team will be chosen next month.\n"
)
CUP_HEADLINE = "Kestrel Rovers reach the county cup final after a penalty shoot-out"
RECORD_HEADLINE = "Harnby runner sets a national indoor record over 800 metres"
WIND_HEADLINE = "Valley council backs offshore wind cable landing despite fishing concerns"


def subscribe(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    """Subscribe with the CLI; the subscriber id it printed."""
    capsys.readouterr()
    assert main(["subscribe", *arguments]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    return first.rsplit(" as ", 1)[1]


def upload(stack: DeployedStack, key: str, text: str) -> None:
    boto3.client("s3").put_object(Bucket=stack.physical_id("ArticlesBucket"), Key=key, Body=text.encode())


def fire(runner: EventSourceRunner, period: str, at: datetime) -> dict[str, Any]:
    """One firing of the digest schedule at a moment (the rule's input, and the time of a late invocation)."""
    event = {"period": period, "time": at.isoformat().replace("+00:00", "Z")}
    outcome: dict[str, Any] = runner.invoke("DigestFunction", event)
    return {digest["subscriber_id"]: digest["status"] for digest in outcome["subscribers"]}


def test_each_frequency_gets_its_own_stories_once_per_period(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    stack = local_stack_file
    daily_url, daily_arn = new_inbox("sport-daily")
    weekly_url, weekly_arn = new_inbox("all-weekly")
    instant_url, instant_arn = new_inbox("sport-instant")
    daily = subscribe(
        capsys, "--protocol", "sqs", "--endpoint", daily_arn, "--frequency", "daily", "--topics", "sport"
    )
    weekly = subscribe(capsys, "--protocol", "sqs", "--endpoint", weekly_arn, "--frequency", "weekly")
    subscribe(capsys, "--protocol", "sqs", "--endpoint", instant_arn, "--topics", "sport")
    runner = EventSourceRunner(stack, redelivery_delay_seconds=0)
    upload(stack, "incoming/cup.txt", CUP_FIRST)
    upload(stack, "incoming/record.txt", RECORD)
    boto3.client("s3").put_object(
        Bucket=stack.physical_id("ArticlesBucket"),
        Key="incoming/wind.json",
        Body=(SAMPLES / "wind-farm-vote.json").read_bytes(),
    )
    runner.run_until_idle(timeout_s=60)
    upload(stack, "incoming/cup.txt", CUP_UPDATE)  # the same story, told again with something new
    runner.run_until_idle(timeout_s=60)

    instant = drained_bodies(instant_url)  # the instant subscriber is told as it happens, each alert
    assert sorted((a["headline"], a["is_update"]) for a in instant) == sorted(
        [(CUP_HEADLINE, False), (CUP_HEADLINE, True), (RECORD_HEADLINE, False)]
    )

    later = datetime.now(UTC) + timedelta(minutes=2)  # the alerts settled more than a minute before
    assert fire(runner, "daily", later) == {daily: "sent"}  # the weekly subscriber is not due
    [digest] = drained_bodies(daily_url)
    assert (digest["type"], digest["subscriber_id"], digest["frequency"]) == (
        "takeaways.digest",
        daily,
        "daily",
    )
    assert all(item["topics"] == ["sport"] for item in digest["items"])
    cup = [item for item in digest["items"] if item["headline"] == CUP_HEADLINE]
    assert len(cup) == 1 and cup[0]["is_update"] and cup[0]["versions"] == 2  # once, its latest version
    assert cup[0]["alert_id"] == next(a["alert_id"] for a in instant if a["is_update"])
    assert digest["story_count"] == len(digest["items"]) == 2
    assert drained_bodies(weekly_url) == []

    assert fire(runner, "daily", later + timedelta(minutes=5)) == {daily: "already_sent"}
    assert drained_bodies(daily_url) == []

    assert fire(runner, "weekly", later) == {weekly: "sent"}
    [week] = drained_bodies(weekly_url)
    assert week["frequency"] == "weekly" and week["period"].startswith("weekly:")
    assert {item["headline"] for item in week["items"]} == {
        CUP_HEADLINE,
        RECORD_HEADLINE,
        WIND_HEADLINE,
    }
    assert [item["priority"] for item in week["items"]] == sorted(
        (i["priority"] for i in week["items"]), reverse=True
    )


def test_a_preference_change_changes_what_arrives_next(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    stack = local_stack_file
    instant_url, instant_arn = new_inbox("everything-instant")
    daily_url, daily_arn = new_inbox("everything-daily")
    instant = subscribe(capsys, "--protocol", "sqs", "--endpoint", instant_arn)
    daily = subscribe(capsys, "--protocol", "sqs", "--endpoint", daily_arn, "--frequency", "daily")
    assert main(["preferences", instant, "--mute-topic", "sport"]) == 0
    assert "mute topic sport" in capsys.readouterr().out
    assert main(["preferences", daily, "--frequency", "weekly"]) == 0
    runner = EventSourceRunner(stack, redelivery_delay_seconds=0)
    upload(stack, "incoming/cup.txt", CUP_FIRST)
    boto3.client("s3").put_object(
        Bucket=stack.physical_id("ArticlesBucket"),
        Key="incoming/wind.json",
        Body=(SAMPLES / "wind-farm-vote.json").read_bytes(),
    )
    runner.run_until_idle(timeout_s=60)
    assert [alert["headline"] for alert in drained_bodies(instant_url)] == [
        WIND_HEADLINE
    ]  # no sport any more
    later = datetime.now(UTC) + timedelta(minutes=2)
    assert fire(runner, "daily", later) == {}  # it moved to the weekly digest
    assert fire(runner, "weekly", later) == {daily: "sent"}
    assert len(drained_bodies(daily_url)) == 1

    # Back to instant: the same subscription, its record changed; nothing to confirm again.
    sns = boto3.client("sns")
    before = sns.list_subscriptions_by_topic(TopicArn=stack.physical_id("SubscriberTopic"))["Subscriptions"]
    assert main(["preferences", daily, "--frequency", "instant", "--mute-topic", "politics"]) == 0
    after = sns.list_subscriptions_by_topic(TopicArn=stack.physical_id("SubscriberTopic"))["Subscriptions"]
    assert after == before and len(after) == 2
    capsys.readouterr()
    assert main(["subscriptions", "--frequency", "instant"]) == 0
    listing = capsys.readouterr().out
    assert (
        "2 subscription(s)" in listing
        and '"topic": [{"exists": false}, {"anything-but": ["politics"]}]' in listing
    )
    assert main(["preferences", instant, "--unsubscribe"]) == 0
    assert f"unsubscribed sqs:{instant_arn}" in capsys.readouterr().out


def test_the_digest_command_fires_a_run_and_a_second_run_of_the_period_sends_nothing(
    local_stack_file: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    _, arn = new_inbox("quiet-daily")
    subscriber = subscribe(capsys, "--protocol", "sqs", "--endpoint", arn, "--frequency", "daily")
    assert main(["digest", "--period", "daily"]) == 0
    first = capsys.readouterr().out
    assert "1 subscriber(s) due" in first and f"{subscriber:<15} nothing: no story of theirs" in first
    assert main(["digest", "--period", "daily"]) == 0
    assert "nothing: this period's digest was already sent" in capsys.readouterr().out
    assert main(["digest", "--period", "weekly"]) == 0
    assert "0 subscriber(s) due" in capsys.readouterr().out


# ---------------------------------------------------------------- the evaluator against moto's SNS
PREFERENCES = [
    Preferences(),
    Preferences(topics=["economy"]),
    Preferences(topics=["politics", "sport"]),
    Preferences(min_priority=3),
    Preferences(sources=["coastal times"], languages=["en"]),
    Preferences(muted_topics=["economy"]),
    Preferences(topics=["economy", "politics"], muted_topics=["politics"]),
    Preferences(muted_sources=["coastal times"]),
    Preferences(include_updates=False, verified_only=True),
    Preferences(entities=["port ellis"]),
    Preferences(topics=["sport"], muted_sources=["northern ledger"], min_priority=2),
]


def alert_attributes() -> list[dict[str, dict[str, str]]]:
    """What NotifyFunction publishes for alerts of several shapes: topics strongest first, with and without a source."""
    records = [
        make_record(topics=["economy", "politics"]),
        make_record(topics=["politics", "economy"]),
        make_record(topics=["sport"], source="Northern Ledger"),
        make_record(topics=[], source=None),
        make_record(topics=["economy"], source=None),
    ]
    return [render_alert(record, summary_uri="s3://b/k").attributes for record in records]


def test_moto_s_sns_delivers_exactly_what_the_evaluator_admits(moto_server: str) -> None:
    """The instant path's answer (SNS, here moto's) and the digest path's (policy_matches) agree.

    Entity mutes are left out: moto compares anything-but with a String.Array's characters
    (filter_policy's module doc), so it would accept what SNS refuses.
    """
    sns, sqs = boto3.client("sns"), boto3.client("sqs")
    topic = sns.create_topic(Name="evaluator")["TopicArn"]
    queues = {}
    for number, preferences in enumerate(PREFERENCES):
        url = sqs.create_queue(QueueName=f"policy-{number}")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        policy = build_filter_policy(preferences)
        subscription = {"RawMessageDelivery": "true"} | (
            {"FilterPolicy": json.dumps(policy)} if policy else {}
        )
        sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn, Attributes=subscription)
        queues[number] = (url, policy)
    shapes = alert_attributes()
    variants = count()
    published: dict[str, dict[str, dict[str, str]]] = {}
    for shape in shapes:
        for priority in ("1", "4"):
            for update in ("true", "false"):
                variant: dict[str, dict[str, str]] = shape | {
                    "priority": {"DataType": "Number", "StringValue": priority},
                    "update": {"DataType": "String", "StringValue": update},
                }
                name = f"alert-{next(variants)}"
                sns.publish(TopicArn=topic, Message=name, MessageAttributes=variant)  # type: ignore[arg-type]
                published[name] = variant
    admitted_counts = []
    for number, (url, policy) in queues.items():
        expected = {name for name, variant in published.items() if policy_matches(policy, variant)}
        assert set(_bodies(url)) == expected, (number, policy)
        admitted_counts.append(len(expected))
    assert len(set(admitted_counts)) > 3  # the policies tell the alerts apart, not all or nothing


def _bodies(url: str) -> list[str]:
    sqs = boto3.client("sqs")
    found = []
    while messages := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for message in messages:
            found.append(message["Body"])
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found
