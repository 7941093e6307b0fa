"""Which links a copy offers, and how a link's text becomes a change the registry knows."""

from __future__ import annotations

import dataclasses
from typing import Any

from takeaways.adapters.link_changes import link_change, masked_endpoint
from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.preferences import PreferenceChange
from takeaways.alerts.render import render_alert
from takeaways.links.alert_links import alert_links, subscription_links
from tests.unit.alerts.test_render import make_record
from tests.unit.alerts.test_subscription import record

ALERT = render_alert(make_record(), summary_uri="s3://articles/summaries/ferry.json").payload


def issue(change: str, value: str | None) -> str:
    return f"https://prefs.example/preferences?change={change}&value={value}"


def offered(
    payload: AlertPayload = ALERT, *, protocol: str = "email", **preferences: Any
) -> list[tuple[str, str | None]]:
    subscriber = dataclasses.replace(record("instant", **preferences), protocol=protocol)
    links = alert_links(payload, subscriber=subscriber, issue=issue)
    return [(link.change, link.value) for link in links]


def test_an_alert_offers_its_strongest_topic_main_actor_source_a_higher_floor_and_the_subscription_changes() -> (
    None
):
    assert offered() == [
        ("mute_topic", "economy"),
        ("mute_entity", "Harbour Council"),
        ("mute_source", "Coastal Times"),
        ("min_priority", str(ALERT.priority + 1)),
        ("frequency", "daily"),
        ("frequency", "weekly"),
        ("unsubscribe", None),
    ]


def test_no_floor_link_when_it_would_not_raise_the_floor_or_the_alert_is_already_urgent() -> None:
    urgent = dataclasses.replace(ALERT, priority=5)
    assert all(change != "min_priority" for change, _ in offered(urgent))
    assert all(change != "min_priority" for change, _ in offered(min_priority=ALERT.priority + 1))


def test_a_chat_channel_is_offered_no_digest_for_it_could_not_receive_one() -> None:
    for platform in ("slack", "teams", "discord"):
        changes = offered(protocol=platform)
        assert all(change != "frequency" for change, _ in changes)
        assert changes[-1] == ("unsubscribe", None)


def test_no_mute_link_for_the_only_topic_entity_or_source_the_subscriber_follows() -> None:
    only = offered(topics=["economy"], entities=["harbour council"], sources=["coastal times"])
    assert not {"mute_topic", "mute_entity", "mute_source"} & {change for change, _ in only}
    # One of two followed topics can be muted: the other is still heard.
    assert ("mute_topic", "economy") in offered(topics=["economy", "sport"])


def test_a_digest_subscriber_is_offered_the_other_frequencies() -> None:
    links = subscription_links(subscriber=record("weekly"), issue=issue)
    assert [(link.change, link.value) for link in links] == [
        ("frequency", "instant"),
        ("frequency", "daily"),
        ("unsubscribe", None),
    ]


def test_a_link_s_text_becomes_a_known_change_or_nothing() -> None:
    assert link_change("min_priority", "4") == PreferenceChange("min_priority", 4)
    assert link_change("mute_topic", "Sport") == PreferenceChange("mute_topic", "sport")
    assert link_change("unsubscribe", "") == PreferenceChange("unsubscribe")
    for action, value in [
        ("min_priority", "nine"),
        ("min_priority", "9"),
        ("delete_everything", "x"),
        ("frequency", "hourly"),
    ]:
        assert link_change(action, value) is None


def test_a_confirmation_page_shows_enough_of_the_endpoint_to_recognise_and_no_more() -> None:
    assert masked_endpoint("email", "reader@example.com") == "r•••@example.com"
    assert masked_endpoint("sms", "+447700900123") == "+447••••123"
    assert masked_endpoint("sqs", "arn:aws:sqs:us-east-1:123456789012:desk") == "sqs: desk"
    assert masked_endpoint("https", "https://hooks.example/x?secret=1") == "https://hooks.example/x"
