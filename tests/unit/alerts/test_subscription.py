"""Endpoint checks and subscription attributes: what SNS would accept and then never deliver is refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.subscription import (
    PENDING_ARN,
    Frequency,
    InvalidEndpoint,
    SubscriberRecord,
    check_endpoint,
    describe_subscription,
    new_subscriber_id,
    subscription_attributes,
)

DLQ = "arn:aws:sqs:us-east-1:123456789012:takeaways-subscription-dlq"


@pytest.mark.parametrize(
    ("protocol", "endpoint"),
    [
        ("email", "desk@coastal-times.example"),
        ("email-json", "first.last+alerts@news.example.org"),
        ("sms", "+447700900123"),
        ("https", "https://hooks.example.com/takeaways"),
        ("http", "http://127.0.0.1:8080/alerts"),
        ("sqs", "arn:aws:sqs:eu-west-1:123456789012:newsroom-inbox"),
        ("lambda", "arn:aws:lambda:eu-west-1:123456789012:function:route-alerts"),
        ("lambda", "arn:aws:lambda:eu-west-1:123456789012:function:route-alerts:live"),
    ],
)
def test_an_endpoint_of_the_right_form_is_accepted(protocol: str, endpoint: str) -> None:
    assert check_endpoint(protocol, f" {endpoint} ") == endpoint


@pytest.mark.parametrize(
    ("protocol", "endpoint", "said"),
    [
        ("email", "not-an-email", "not an e-mail address"),
        ("email", "desk@localhost", "not an e-mail address"),
        ("sms", "12345", "E.164"),
        ("sms", "07700 900123", "E.164"),
        ("https", "http://hooks.example.com/takeaways", "not an https URL"),
        ("https", "hooks.example.com", "not an https URL"),
        ("sqs", "newsroom-inbox", "not a queue ARN"),
        ("lambda", "route-alerts", "not a function ARN"),
        ("application", "anything", "unknown protocol"),
    ],
)
def test_an_endpoint_that_could_never_receive_is_refused_with_the_form_it_needs(
    protocol: str, endpoint: str, said: str
) -> None:
    with pytest.raises(InvalidEndpoint, match=said):
        check_endpoint(protocol, endpoint)


def test_queues_and_webhooks_get_the_alert_itself_unless_the_envelope_is_asked_for() -> None:
    for protocol in ("sqs", "https"):
        raw = subscription_attributes(protocol, filter_policy=None, dead_letter_queue_arn=DLQ)
        assert raw["RawMessageDelivery"] == "true"
        kept = subscription_attributes(protocol, filter_policy=None, dead_letter_queue_arn=DLQ, envelope=True)
        assert "RawMessageDelivery" not in kept


def test_protocols_sns_cannot_deliver_raw_are_never_asked_to() -> None:
    for protocol in ("lambda", "email", "sms"):
        assert "RawMessageDelivery" not in subscription_attributes(
            protocol, filter_policy=None, dead_letter_queue_arn=DLQ
        )


def test_every_subscription_names_the_dead_letter_queue_and_keeps_its_filter() -> None:
    attributes = subscription_attributes(
        "email", filter_policy={"topics": ["sport"]}, dead_letter_queue_arn=DLQ
    )
    assert json.loads(attributes["RedrivePolicy"]) == {"deadLetterTargetArn": DLQ}
    assert json.loads(attributes["FilterPolicy"]) == {"topics": ["sport"]}


def record(frequency: Frequency = "daily", **preferences: Any) -> SubscriberRecord:
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    return SubscriberRecord(
        subscriber_id="sub-0123456789",
        protocol="email",
        endpoint="desk@news.example",
        frequency=frequency,
        preferences=Preferences(**preferences),
        created_at=at,
        window_start=at,
    )


def test_a_pending_subscription_is_read_from_its_listing_alone() -> None:
    listed = {"SubscriptionArn": PENDING_ARN, "Protocol": "email", "Endpoint": "desk@news.example"}
    state = describe_subscription(listed, None, record(topics=["sport"]))
    assert (state.status, state.frequency, state.delivery) == ("pending", "daily", "text")
    assert (state.subscriber_id, state.preferences_policy) == ("sub-0123456789", {"topics": ["sport"]})


def test_a_confirmed_subscription_reports_its_delivery_filter_and_dead_letter_queue() -> None:
    arn = "arn:aws:sns:us-east-1:123456789012:alerts:5f1c"
    listed = {"SubscriptionArn": arn, "Protocol": "sqs", "Endpoint": "arn:aws:sqs:us-east-1:1:q"}
    attributes = {
        "PendingConfirmation": "false",
        "RawMessageDelivery": "false",
        "FilterPolicy": '{"priority": [{"numeric": [">=", 4]}]}',
        "RedrivePolicy": json.dumps({"deadLetterTargetArn": DLQ}),
    }
    state = describe_subscription(listed, attributes, None)
    assert (state.status, state.frequency, state.delivery) == ("confirmed", "unmanaged", "envelope")
    assert state.filter_policy == {"priority": [{"numeric": [">=", 4]}]}
    assert state.dead_letter_queue == DLQ


def test_every_managed_subscription_filters_on_its_id_alone_whatever_its_preferences() -> None:
    for frequency in ("instant", "daily", "weekly"):
        assert record(frequency, topics=["sport"], min_priority=3).sns_filter_policy() == {
            "subscriber": ["sub-0123456789"]
        }


def test_subscriber_ids_are_short_and_do_not_repeat() -> None:
    ids = {new_subscriber_id() for _ in range(200)}
    assert len(ids) == 200 and all(len(i) == 14 and i.startswith("sub-") for i in ids)
