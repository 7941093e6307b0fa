"""Stage three: each alert becomes one copy per instant subscriber who wants it, with their own links.

A broadcast alert cannot say "unsubscribe *me*": preference links name one subscription. So
DeliveryFunction takes every alert from the alerts topic (through its queue) and publishes, for
each managed instant subscriber whose preferences admit it, a copy carrying that subscriber's
preference links and the ``subscriber`` attribute their subscription filters on. The alerts
topic itself still carries the plain alert for subscriptions made outside the project.

Each (alert, subscriber) copy is claimed before its publish and the claim is given back only
when SNS refused it, so a retried batch sends what is missing and never a second copy; a publish
whose outcome is unknown keeps its claim (it may have gone out) and is counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from takeaways.alerts.filter_policy import preferences_admit
from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.personal import personal_alert
from takeaways.alerts.subscription import SubscriberRecord
from takeaways.errors import TransientFailure
from takeaways.links.alert_links import IssuerFor, alert_links
from takeaways.pipeline.ports import AlertPublisher, DeliveryClaims, PublishOutcomeUnknown, PublishRefused

Attributes = Mapping[str, Mapping[str, str]]


@dataclass(slots=True)
class DeliveryOutcome:
    alert_id: str
    sent: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    not_wanted: int = 0


def deliver_alert(
    payload: AlertPayload,
    attributes: Attributes,
    *,
    subscribers: Sequence[SubscriberRecord],
    claims: DeliveryClaims,
    publisher: AlertPublisher,
    issuer_for: IssuerFor,
) -> DeliveryOutcome:
    """Send the missing copies; raise ``TransientFailure`` after the others when SNS refused any."""
    alert_id = payload.alert_id or payload.article_id
    outcome = DeliveryOutcome(alert_id)
    for subscriber in subscribers:
        if subscriber.frequency != "instant" or not wants(subscriber, attributes):
            outcome.not_wanted += 1
            continue
        if not claims.claim(alert_id, subscriber.subscriber_id):
            outcome.already_sent.append(subscriber.subscriber_id)
            continue
        try:
            # Inside the claim's guard: a signing key that cannot be read (Secrets Manager throttled) must
            # leave the copy unclaimed for the retry, not counted as sent when nothing went out.
            issue = issuer_for(subscriber.subscriber_id)
            links = alert_links(payload, subscriber=subscriber, issue=issue) if issue else []
            message = personal_alert(payload, subscriber.subscriber_id, links)
        except Exception:
            claims.release(alert_id, subscriber.subscriber_id)
            raise
        try:
            publisher.publish(message)
        except PublishRefused:
            claims.release(alert_id, subscriber.subscriber_id)
            outcome.failed.append(subscriber.subscriber_id)
            continue
        except PublishOutcomeUnknown:
            outcome.unconfirmed.append(subscriber.subscriber_id)
            continue
        outcome.sent.append(subscriber.subscriber_id)
    if outcome.failed:
        raise DeliveryIncomplete(outcome)
    return outcome


def wants(subscriber: SubscriberRecord, attributes: Attributes) -> bool:
    return preferences_admit(subscriber.preferences, attributes)


class DeliveryIncomplete(TransientFailure):
    """Some copies were refused: the record is retried, and only they are sent again."""

    def __init__(self, outcome: DeliveryOutcome) -> None:
        super().__init__(f"{len(outcome.failed)} of the copies of {outcome.alert_id} were refused by SNS")
        self.outcome = outcome
