"""Which links a copy offers, and how a link's text becomes a change the registry knows."""

from __future__ import annotations

import dataclasses

from takeaways.adapters.link_changes import link_change, masked_endpoint
from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.preferences import PreferenceChange
from takeaways.alerts.render import render_alert
from takeaways.links.alert_links import alert_links, subscription_links
from tests.unit.alerts.test_render import make_record

ALERT = render_alert(make_record(), summary_uri="s3://articles/summaries/ferry.json").payload


def issue(change: str, value: str | None) -> str:
    return f"https://prefs.example/preferences?change={change}&value={value}"


def offered(
    payload: AlertPayload = ALERT, *, frequency: str = "instant", min_priority: int | None = None
) -> list[tuple[str, str | None]]:
    links = alert_links(payload, frequency=frequency, min_priority=min_priority, issue=issue)
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


def test_a_digest_subscriber_is_offered_the_other_frequencies() -> None:
    links = subscription_links(frequency="weekly", issue=issue)
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
