"""DeliveryFunction's stage: one copy per instant subscriber who wants the alert, each with their own links."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.render import MAX_MESSAGE_ATTRIBUTES, RenderedAlert, message_attributes, render_alert
from takeaways.alerts.subscription import Frequency, SubscriberRecord
from takeaways.links.alert_links import LinkIssuer, link_issuer
from takeaways.links.tokens import read_token
from takeaways.pipeline.delivery import DeliveryIncomplete, DeliveryOutcome, deliver_alert
from takeaways.pipeline.ports import Publishable, PublishOutcomeUnknown, PublishRefused
from tests.unit.alerts.test_render import make_record

KEY = b"k" * 40
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
ALERT = render_alert(make_record(), summary_uri="s3://articles/summaries/ferry.json").payload
ATTRIBUTES = message_attributes(ALERT)


def subscriber(name: str, frequency: Frequency = "instant", **preferences: object) -> SubscriberRecord:
    return SubscriberRecord(
        subscriber_id=f"sub-{name}",
        protocol="sqs",
        endpoint=f"arn:aws:sqs:us-east-1:123456789012:{name}",
        frequency=frequency,
        preferences=Preferences(**preferences),  # type: ignore[arg-type]
        created_at=NOW,
        window_start=NOW,
    )


class Claims:
    def __init__(self) -> None:
        self.claimed: set[tuple[str, str]] = set()

    def claim(self, alert_id: str, subscriber_id: str) -> bool:
        if (alert_id, subscriber_id) in self.claimed:
            return False
        self.claimed.add((alert_id, subscriber_id))
        return True

    def release(self, alert_id: str, subscriber_id: str) -> None:
        self.claimed.discard((alert_id, subscriber_id))


class Topic:
    def __init__(self, refuse: set[str] | None = None, lose: set[str] | None = None) -> None:
        self.sent: list[RenderedAlert] = []
        self.refuse, self.lose = refuse or set(), lose or set()

    def publish(self, alert: Publishable) -> str:
        assert isinstance(alert, RenderedAlert)
        who = alert.attributes["subscriber"]["StringValue"]
        if who in self.refuse:
            raise PublishRefused("throttled")
        if who in self.lose:
            raise PublishOutcomeUnknown("read timeout")
        self.sent.append(alert)
        return f"m-{len(self.sent)}"


def issuer(subscriber_id: str) -> LinkIssuer:
    return link_issuer(KEY, "https://prefs.example/", subscriber_id, NOW)


def deliver(subscribers: list[SubscriberRecord], claims: Claims, topic: Topic) -> DeliveryOutcome:
    return deliver_alert(
        ALERT, ATTRIBUTES, subscribers=subscribers, claims=claims, publisher=topic, issuer_for=issuer
    )


def test_each_instant_subscriber_who_wants_it_gets_one_copy_with_links_naming_them() -> None:
    topic = Topic()
    wanted = [subscriber("all"), subscriber("economy", topics=["economy"])]
    others = [subscriber("sport", topics=["sport"]), subscriber("daily", "daily")]
    outcome = deliver([*wanted, *others], Claims(), topic)
    assert outcome.sent == ["sub-all", "sub-economy"] and outcome.not_wanted == 2
    for copy, record in zip(topic.sent, wanted, strict=True):
        assert copy.attributes["subscriber"]["StringValue"] == record.subscriber_id
        assert len(copy.attributes) <= MAX_MESSAGE_ATTRIBUTES
        links = copy.payload.preference_links
        assert {link.change for link in links} >= {"unsubscribe", "frequency"}
        # Muting economy would leave the economy-only subscriber nothing: only the other is offered it.
        assert any(link.change == "mute_topic" for link in links) == (record.subscriber_id == "sub-all")
        for link in links:
            token = parse_qs(urlsplit(link.url).query)["token"][0]
            claim = read_token(token, [KEY], now=NOW)
            assert (claim.subscriber_id, claim.action) == (record.subscriber_id, link.change)
            assert link.url in copy.email
        machine = json.loads(json.loads(copy.sns_message())["sqs"])
        assert [link["url"] for link in machine["preference_links"]] == [link.url for link in links]


def test_a_muted_topic_anywhere_in_the_alert_keeps_the_copy_back() -> None:
    # The alert carries economy first and politics second: muting the second topic is enough.
    outcome = deliver([subscriber("muted", muted_topics=["politics"])], Claims(), Topic())
    assert outcome.sent == [] and outcome.not_wanted == 1


def test_a_retried_batch_sends_only_what_sns_refused_and_never_a_second_copy() -> None:
    claims, subscribers = Claims(), [subscriber("a"), subscriber("b"), subscriber("c")]
    with pytest.raises(DeliveryIncomplete) as incomplete:
        deliver(subscribers, claims, Topic(refuse={"sub-b"}, lose={"sub-c"}))
    assert (incomplete.value.outcome.sent, incomplete.value.outcome.failed) == (["sub-a"], ["sub-b"])
    assert incomplete.value.outcome.unconfirmed == ["sub-c"]
    retry = Topic()
    outcome = deliver(subscribers, claims, retry)
    assert outcome.sent == ["sub-b"] and sorted(outcome.already_sent) == ["sub-a", "sub-c"]
    assert [copy.attributes["subscriber"]["StringValue"] for copy in retry.sent] == ["sub-b"]


def test_without_a_link_key_copies_go_out_without_links() -> None:
    topic = Topic()
    deliver_alert(
        ALERT,
        ATTRIBUTES,
        subscribers=[subscriber("a")],
        claims=Claims(),
        publisher=topic,
        issuer_for=lambda _: None,
    )
    assert topic.sent[0].payload.preference_links == [] and "Manage your alerts" not in topic.sent[0].email


def test_a_copy_whose_links_cannot_be_made_stays_unclaimed_for_the_retry() -> None:
    claims, topic, calls = Claims(), Topic(), []

    def flaky_issuer(subscriber_id: str) -> LinkIssuer:
        calls.append(subscriber_id)
        if len(calls) == 1:
            raise RuntimeError("secrets throttled")
        return issuer(subscriber_id)

    def attempt() -> DeliveryOutcome:
        return deliver_alert(
            ALERT,
            ATTRIBUTES,
            subscribers=[subscriber("a")],
            claims=claims,
            publisher=topic,
            issuer_for=flaky_issuer,
        )

    with pytest.raises(RuntimeError):
        attempt()
    outcome = attempt()
    assert outcome.sent == ["sub-a"] and outcome.already_sent == []
    assert len(topic.sent) == 1
