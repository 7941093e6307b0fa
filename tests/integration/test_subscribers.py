"""What subscribers receive, on the real template on moto's server: filters, channels, stories (digests: test_digests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.demo import published_versions
from infra.event_sources import EventSourceRunner
from infra.local_stack import DeployedStack
from infra.subscribers import subscribe_queue
from takeaways.alerts.filter_policy import Preferences, build_filter_policy
from tests.integration.inboxes import drained_bodies

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
STORY = (
    "Lowmoor dam: engineers order evacuation of 2,000 homes\n\n"
    "Engineers ordered the evacuation of about 2,000 homes below the Lowmoor dam on Tuesday after cracks "
    "appeared in its spillway following a week of heavy rain, the county emergency service said.\n\n"
    "Residents were told to evacuate by 6 p.m. and go to relief centres at two schools in Harnby. Police closed "
    "the valley road, and the army sent pumps to lower the reservoir.\n\n"
    "The dam, built in 1931, was last inspected in March. The water company said it was releasing water as "
    "fast as the spillway allowed and that the structure was being watched around the clock.\n"
)


def queue_subscriber(
    stack: DeployedStack, name: str, policy: dict[str, Any] | None, topic: str = "AlertsTopic"
) -> str:
    return subscribe_queue(stack.physical_id(topic), name, filter_policy=policy)


def put(stack: DeployedStack, key: str, body: bytes) -> None:
    boto3.client("s3").put_object(Bucket=stack.physical_id("ArticlesBucket"), Key=key, Body=body)


def run(stack: DeployedStack) -> None:
    EventSourceRunner(stack, redelivery_delay_seconds=0).run_until_idle(timeout_s=30)


def headlines(envelopes: list[dict[str, Any]]) -> list[str]:
    return sorted(json.loads(envelope["Message"])["headline"] for envelope in envelopes)


def test_each_subscription_receives_exactly_what_its_filter_policy_asks_for(
    deployed_stack: DeployedStack,
) -> None:
    everything = queue_subscriber(deployed_stack, "everything", None)
    economy = queue_subscriber(
        deployed_stack, "economy", build_filter_policy(Preferences(topics=["Economy"]))
    )
    urgent = queue_subscriber(deployed_stack, "urgent", build_filter_policy(Preferences(min_priority=4)))
    ledger = queue_subscriber(
        deployed_stack, "ledger", build_filter_policy(Preferences(sources=["Northern Ledger"]))
    )
    # A source routes only when the operator trusts it (TrustedSources); the library page's is not listed.
    deployed_stack.functions["SummariseFunction"].environment["TRUSTED_SOURCES"] = "Northern Ledger"
    put(deployed_stack, "incoming/wind.json", (SAMPLES / "wind-farm-vote.json").read_bytes())
    put(deployed_stack, "incoming/library.html", (SAMPLES / "library-robot.html").read_bytes())
    put(deployed_stack, "incoming/dam.txt", STORY.encode())
    run(deployed_stack)
    wind = "Valley council backs offshore wind cable landing despite fishing concerns"
    dam = "Lowmoor dam: engineers order evacuation of 2,000 homes"
    library = "Robot librarian sorts 9,000 returns a day at Kestrel City library"
    received = drained_bodies(everything)
    assert headlines(received) == sorted([wind, dam, library])
    # The topics are the classifier's; what is tested here is that SNS delivers exactly the alerts
    # whose `topics` attribute holds the subscriber's topic, and that the filter tells them apart.
    carrying = [
        envelope
        for envelope in received
        if "economy" in json.loads(envelope["MessageAttributes"]["topics"]["Value"])
    ]
    assert 0 < len(carrying) < len(received)
    assert headlines(drained_bodies(economy)) == headlines(carrying)
    assert headlines(drained_bodies(urgent)) == [dam]
    assert headlines(drained_bodies(ledger)) == [wind]


def test_people_get_an_email_and_an_sms_version_within_sns_limits(deployed_stack: DeployedStack) -> None:
    inbox = queue_subscriber(deployed_stack, "inbox", None)
    title = "“Lowmoor” dam — 2,000 homes evacuated 🚨 as cracks spread; engineers say the spillway may fail tonight"
    put(
        deployed_stack,
        "incoming/dam.json",
        json.dumps({"title": title, "body": STORY, "url": "https://c.example/d"}).encode(),
    )
    run(deployed_stack)
    [envelope] = drained_bodies(inbox)
    subject = envelope["Subject"]
    assert len(subject) <= 100 and subject.isascii() and "\n" not in subject
    assert subject.startswith('"Lowmoor" dam - 2,000 homes evacuated')
    versions = published_versions(deployed_stack.physical_id("AlertsTopic"), envelope["MessageId"])
    assert versions["email"].startswith(title)
    assert (
        "Key takeaways:" in versions["email"]
        and "Read the article on c.example: https://c.example/d" in versions["email"]
    )
    assert len(versions["sms"]) <= 140 and versions["sms"].endswith("https://c.example/d")
    assert json.loads(versions["sqs"]) == json.loads(envelope["Message"])


def test_the_same_story_from_another_outlet_is_not_alerted_again_but_an_update_is(
    deployed_stack: DeployedStack,
) -> None:
    inbox = queue_subscriber(deployed_stack, "inbox", None)
    no_updates = queue_subscriber(
        deployed_stack, "no-updates", build_filter_policy(Preferences(include_updates=False))
    )
    put(deployed_stack, "incoming/outlet-a/dam.txt", STORY.encode())
    run(deployed_stack)
    copy = STORY.replace("on Tuesday", "this Tuesday").replace("Police closed", "Officers closed")
    put(deployed_stack, "incoming/outlet-b/dam.txt", copy.encode())
    run(deployed_stack)
    update = STORY.split("\n\n")[0] + (
        "\n\nResidents below the Lowmoor dam were allowed home on Thursday after engineers said the spillway "
        "repairs had held and the reservoir had fallen by four metres.\n\nThe county emergency service closed "
        "the relief centres in Harnby, and the valley road reopened at noon.\n"
    )
    put(deployed_stack, "incoming/outlet-a/dam.txt", update.encode())
    run(deployed_stack)
    alerts = [json.loads(envelope["Message"]) for envelope in drained_bodies(inbox)]
    assert [alert["is_update"] for alert in alerts] == [False, True]
    assert [json.loads(e["Message"])["is_update"] for e in drained_bodies(no_updates)] == [False]
    summaries = boto3.client("s3").list_objects_v2(
        Bucket=deployed_stack.physical_id("ArticlesBucket"), Prefix="summaries/"
    )
    assert len(summaries["Contents"]) == 2  # both outlets' copies were summarised; only one was alerted


def test_a_copy_updated_with_a_new_first_paragraph_is_alerted_as_an_update_of_its_story(
    deployed_stack: DeployedStack,
) -> None:
    inbox = queue_subscriber(deployed_stack, "copy-inbox", None)
    put(deployed_stack, "incoming/wire/dam.txt", STORY.encode())
    run(deployed_stack)
    title, body = STORY.split("\n\n", 1)
    news = "The spillway held overnight and 400 residents returned on Wednesday."
    put(deployed_stack, "incoming/outlet-c/dam.txt", f"{title}\n\n{news}\n\n{body}".encode())
    run(deployed_stack)
    put(deployed_stack, "incoming/outlet-d/dam.txt", f"{title}\n\n{news}\n\n{body}".encode())
    run(deployed_stack)
    alerts = [json.loads(envelope["Message"]) for envelope in drained_bodies(inbox)]
    assert [alert["is_update"] for alert in alerts] == [False, True]  # the second copy of it adds nothing
    assert alerts[1]["thread_id"] == alerts[0]["thread_id"] and "400 residents" in alerts[1]["summary"]


def test_a_copy_given_a_paragraph_at_its_end_is_alerted_as_an_update_told_by_that_paragraph(
    deployed_stack: DeployedStack,
) -> None:
    inbox = queue_subscriber(deployed_stack, "end-inbox", None)
    put(deployed_stack, "incoming/wire/dam.txt", STORY.encode())
    run(deployed_stack)
    news = "A volunteer who was swept into the river on Tuesday has been found alive downstream."
    put(deployed_stack, "incoming/outlet-e/dam.txt", f"{STORY.rstrip()}\n\n{news}\n".encode())
    run(deployed_stack)
    alerts = [json.loads(envelope["Message"]) for envelope in drained_bodies(inbox)]
    assert [alert["is_update"] for alert in alerts] == [False, True]
    update = alerts[1]
    assert [update["takeaways"][i]["text"] for i in update["new_takeaways"]] == [news]


def test_a_verified_only_subscriber_receives_just_the_alerts_whose_every_line_was_verified(
    deployed_stack: DeployedStack,
) -> None:
    everything = queue_subscriber(deployed_stack, "all-lines", None)
    verified = queue_subscriber(
        deployed_stack, "verified", build_filter_policy(Preferences(verified_only=True))
    )
    put(deployed_stack, "incoming/wind.json", (SAMPLES / "wind-farm-vote.json").read_bytes())
    put(deployed_stack, "incoming/dam.txt", STORY.encode())
    run(deployed_stack)
    envelopes = drained_bodies(everything)
    flags = {json.loads(e["Message"])["headline"]: json.loads(e["Message"])["grounded"] for e in envelopes}
    assert len(flags) == 2
    for envelope in envelopes:
        grounded = json.loads(envelope["Message"])["grounded"]
        assert envelope["MessageAttributes"]["grounded"]["Value"] == ("true" if grounded else "false")
    assert headlines(drained_bodies(verified)) == sorted(headline for headline, ok in flags.items() if ok)
