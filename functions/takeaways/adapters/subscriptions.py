"""The managed subscriptions: SNS subscriptions and their registry records, changed together.

``ManagedSubscriptions`` makes a subscription (an SNS subscription on the subscriber topic, then
its record), carries out a subscriber's changes (``alerts.preferences``) and removes one. Every
managed subscription has the same SNS filter policy, ``{"subscriber": ["<id>"]}``: what it hears
about and how often are in its record, read where its messages are made. So:

- a change of preferences or frequency rewrites the record alone, and applies to the next
  message made for the subscriber; the endpoint never has to confirm again;
- moving to a digest starts the digest window then, so stories already sent as alerts are not
  sent again;
- unsubscribe: ``Unsubscribe`` and the record is deleted.

A chat channel (Slack, Teams, Discord) is a managed subscription too: ChatFunction (an alias of its
own, per channel) subscribed with the same policy, its webhook URL in a secret named after the
subscription, and in the record only the webhook's host and a fingerprint of its URL
(``chat_endpoint``), never the URL itself.

    managed = ManagedSubscriptions(sns_client(), DynamoSubscriberRegistry(...), topics)
    record = managed.subscribe("email", "desk@example.com", frequency="daily", preferences=Preferences(topics=["sport"]))
    managed.change(record, [PreferenceChange("frequency", "weekly")])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, cast

from botocore.exceptions import ClientError

from takeaways.adapters.subscriber_table import DynamoSubscriberRegistry
from takeaways.alerts.chat.limits import PLATFORMS, Platform
from takeaways.alerts.chat.webhooks import webhook_fingerprint, webhook_host
from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.preferences import PreferenceChange, apply_changes
from takeaways.alerts.subscription import (
    PENDING_ARN,
    Frequency,
    SubscriberRecord,
    new_subscriber_id,
    subscription_attributes,
)

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient


class ChatUnavailable(Exception):
    """A chat channel was asked of a stack without ChatFunction."""


class AlreadySubscribed(Exception):
    """That endpoint already has a managed subscription on that topic (SNS allows one)."""

    def __init__(self, record: SubscriberRecord) -> None:
        super().__init__(
            f"{record.protocol}:{record.endpoint} is already subscribed ({record.frequency}) as "
            f"{record.subscriber_id}: change it with `takeaways preferences {record.subscriber_id}`"
        )
        self.record = record


@dataclass(frozen=True, slots=True)
class StackTopics:
    """Where managed subscriptions go: the subscriber topic, and the queue their undeliverable copies go to."""

    subscriber_topic_arn: str
    dead_letter_queue_arn: str | None


@dataclass(frozen=True, slots=True)
class ChangeOutcome:
    """What carrying out changes did: the record now (None once unsubscribed) and what to tell the operator."""

    record: SubscriberRecord | None
    notes: tuple[str, ...] = ()


class ChatSubscriber(Protocol):
    """Makes and removes a chat channel's subscription: its endpoint, the SNS subscription, its secret."""

    def open(self, topic_arn: str, platform: Platform, url: str, attributes: dict[str, str]) -> str:
        """The new subscription's ARN."""
        ...

    def close(self, subscription_arn: str) -> None: ...


def chat_endpoint(url: str) -> str:
    """What the registry keeps of a webhook: its host and a fingerprint (finds the same URL again)."""
    return f"{webhook_host(url)}#{webhook_fingerprint(url)[:16]}"


class ManagedSubscriptions:
    def __init__(
        self,
        sns: SNSClient,
        registry: DynamoSubscriberRegistry,
        topics: StackTopics,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        *,
        chat: ChatSubscriber | None = None,
    ) -> None:
        self._sns, self._registry, self._topics, self._clock = sns, registry, topics, clock
        self._chat = chat

    def find(self, subscriber_id: str) -> SubscriberRecord | None:
        return self._registry.subscriber(subscriber_id)

    def everyone(self) -> list[SubscriberRecord]:
        return self._registry.everyone()

    def subscribe(
        self,
        protocol: str,
        endpoint: str,
        *,
        frequency: Frequency,
        preferences: Preferences,
        envelope: bool = False,
    ) -> SubscriberRecord:
        """A new managed subscription (the endpoint already checked; a chat channel's is its webhook
        URL); raises ``AlreadySubscribed``."""
        webhook = endpoint if protocol in PLATFORMS else None
        if webhook is not None:
            endpoint = chat_endpoint(webhook)
        self._refuse_a_second(protocol, endpoint)
        now = self._clock()
        record = SubscriberRecord(
            subscriber_id=new_subscriber_id(),
            protocol=protocol,
            endpoint=endpoint,
            frequency=frequency,
            preferences=preferences,
            envelope=envelope,
            created_at=now,
            window_start=now,
        )
        record = replace(record, subscription_arn=self._subscribe(record, webhook))
        try:
            self._registry.add(record)
        except Exception:
            self._end(record, record.subscription_arn)  # no subscription without its record
            raise
        return record

    def change(self, record: SubscriberRecord, changes: Sequence[PreferenceChange]) -> ChangeOutcome:
        """Carry out the changes (``PreferenceRefused`` when one cannot be made: nothing is changed then)."""
        changed = apply_changes(record, changes)
        if changed.unsubscribe:
            return ChangeOutcome(None, (self.remove(record),))
        if changed.frequency == record.frequency and changed.preferences == record.preferences:
            return ChangeOutcome(record, ("nothing to change",))
        updated = replace(record, frequency=changed.frequency, preferences=changed.preferences)
        notes: list[str] = []
        if changed.frequency != record.frequency:
            if record.frequency == "instant":
                updated = replace(updated, window_start=self._clock())
            notes.append(f"from now on: {PreferenceChange('frequency', updated.frequency).describe()}")
        if changed.preferences != record.preferences:
            notes.append("preferences changed: the next message follows them")
        self._registry.change(
            record.subscriber_id,
            frequency=updated.frequency,
            preferences=updated.preferences,
            subscription_arn=record.subscription_arn,
            window_start=updated.window_start,
        )
        return ChangeOutcome(updated, tuple(notes))

    def remove(self, record: SubscriberRecord) -> str:
        """Unsubscribe and delete the record; say what happened."""
        arn = self.current_arn(record)
        self._registry.remove(record.subscriber_id)
        if not arn.startswith("arn:"):
            return (
                f"{record.protocol}:{record.endpoint} was pending confirmation: its record is removed, and "
                "SNS drops the subscription after three days unless it is confirmed"
            )
        self._end(record, arn)
        return (
            f"unsubscribed {record.protocol}:{record.endpoint} ({record.frequency}, {record.subscriber_id})"
        )

    def current_arn(self, record: SubscriberRecord) -> str:
        """The subscription's ARN, found by protocol and endpoint once a pending one has been confirmed."""
        if record.subscription_arn.startswith("arn:") and record.subscription_arn != PENDING_ARN:
            return record.subscription_arn
        pages = self._sns.get_paginator("list_subscriptions_by_topic").paginate(
            TopicArn=self._topics.subscriber_topic_arn
        )
        for page in pages:
            for listed in page["Subscriptions"]:
                arn = str(listed.get("SubscriptionArn", ""))
                same = (listed.get("Protocol"), listed.get("Endpoint")) == (record.protocol, record.endpoint)
                if same and arn.startswith("arn:"):
                    self._registry.set_subscription_arn(record.subscriber_id, arn)
                    return arn
        return record.subscription_arn or PENDING_ARN

    def _refuse_a_second(self, protocol: str, endpoint: str) -> None:
        """SNS keeps one subscription per endpoint and topic: a second would be refused or merged."""
        for existing in self._registry.everyone():
            if (existing.protocol, existing.endpoint) == (protocol, endpoint):
                raise AlreadySubscribed(existing)

    # -- SNS ---------------------------------------------------------------------------------------

    def _subscribe(self, record: SubscriberRecord, webhook: str | None = None) -> str:
        attributes = subscription_attributes(
            "lambda" if webhook is not None else record.protocol,
            filter_policy=record.sns_filter_policy(),
            dead_letter_queue_arn=self._topics.dead_letter_queue_arn,
            envelope=record.envelope,
        )
        if webhook is not None:
            if self._chat is None:
                raise ChatUnavailable(
                    "this stack has no ChatFunction: deploy the current template to post to chat"
                )
            platform = cast(Platform, record.protocol)
            return self._chat.open(self._topics.subscriber_topic_arn, platform, webhook, attributes)
        response = self._sns.subscribe(
            TopicArn=self._topics.subscriber_topic_arn,
            Protocol=record.protocol,
            Endpoint=record.endpoint,
            Attributes=attributes,
            ReturnSubscriptionArn=True,
        )
        return str(response["SubscriptionArn"])

    def _end(self, record: SubscriberRecord, arn: str) -> None:
        if record.protocol in PLATFORMS and self._chat is not None:
            self._chat.close(arn)
        else:
            self._unsubscribe(arn)

    def _unsubscribe(self, arn: str) -> None:
        if not arn.startswith("arn:"):
            return
        try:
            self._sns.unsubscribe(SubscriptionArn=arn)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "NotFound":
                raise
