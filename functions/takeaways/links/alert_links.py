"""Which preference links one subscriber's copy of an alert or digest carries, each with its own token.

An alert offers what its content makes natural — mute its strongest topic, its main actor, its
source; only alerts more urgent than this one — beside unsubscribe and a change of frequency. A
digest offers the subscription-wide changes only. A link is offered only for a change
``alerts.preferences`` would make to this subscription: no mute of the one topic it follows, no
digest for a chat channel (the link handler refuses both, so such a link could only fail).
Plain Python: the caller supplies the key.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlencode

from takeaways.alerts.payload import AlertPayload, PreferenceLink
from takeaways.alerts.preferences import ChangeKind, PreferenceChange, PreferenceRefused, apply_change
from takeaways.alerts.subscription import SubscriberRecord
from takeaways.links.tokens import issue_token
from takeaways.summary import MAX_PRIORITY

# (change, value) -> the link's address
LinkIssuer = Callable[[str, str | None], str]
# subscriber id -> their issuer, or None when links cannot be made (no key or no preferences page)
IssuerFor = Callable[[str], LinkIssuer | None]
_FREQUENCY_LABELS = {
    "instant": "Get alerts as they happen instead",
    "daily": "Switch to one daily digest",
    "weekly": "Switch to one weekly digest",
}


def link_issuer(key: bytes, preferences_url: str, subscriber_id: str, now: datetime) -> LinkIssuer:
    """Mints a fresh token per link: a link spent on one change leaves the others usable."""
    base = preferences_url.rstrip("/") + "/preferences?"

    def issue(change: str, value: str | None) -> str:
        token = issue_token(key, subscriber_id, change, "" if value is None else value, now=now)
        return base + urlencode({"token": token})

    return issue


def alert_links(
    payload: AlertPayload, *, subscriber: SubscriberRecord, issue: LinkIssuer
) -> list[PreferenceLink]:
    offers: list[tuple[str, ChangeKind, str]] = []
    if payload.topics:
        topic = payload.topics[0]
        offers.append((f"Mute the topic {topic.label}", "mute_topic", topic.name))
    if payload.entities:
        entity = payload.entities[0].name
        offers.append((f"Mute alerts about {entity}", "mute_entity", entity))
    if payload.source:
        offers.append((f"Mute {payload.source}", "mute_source", payload.source))
    links = [
        _link(label, kind, value, issue)
        for label, kind, value in offers
        if _possible(subscriber, PreferenceChange(kind, value))
    ]
    floor = payload.priority + 1
    min_priority = subscriber.preferences.min_priority
    if (
        payload.priority < MAX_PRIORITY
        and (min_priority is None or floor > min_priority)
        and _possible(subscriber, PreferenceChange("min_priority", floor))
    ):
        links.append(_link(f"Only alerts of priority {floor} and above", "min_priority", str(floor), issue))
    return links + subscription_links(subscriber=subscriber, issue=issue)


def subscription_links(*, subscriber: SubscriberRecord, issue: LinkIssuer) -> list[PreferenceLink]:
    """Frequency changes and unsubscribe: what a digest carries, and what closes every alert's list."""
    links = [
        _link(label, "frequency", other, issue)
        for other, label in _FREQUENCY_LABELS.items()
        if other != subscriber.frequency and _possible(subscriber, PreferenceChange("frequency", other))
    ]
    return [*links, _link("Unsubscribe", "unsubscribe", None, issue)]


def _possible(subscriber: SubscriberRecord, change: PreferenceChange) -> bool:
    """Whether the link handler would make this change (it refuses with 409 what this rules out)."""
    try:
        apply_change(subscriber, change)
    except PreferenceRefused:
        return False
    return True


def _link(label: str, change: str, value: str | None, issue: LinkIssuer) -> PreferenceLink:
    return PreferenceLink(label=label, change=change, value=value, url=issue(change, value))
