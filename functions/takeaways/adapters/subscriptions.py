"""The managed subscriptions: SNS subscriptions and their registry records, changed together.

``ManagedSubscriptions`` makes a subscription (an SNS subscription on the alerts or the digest
topic, then its record), carries out a subscriber's changes (``alerts.preferences``) and removes
one. What each change does on AWS:

- an instant subscription's preferences: ``SetSubscriptionAttributes`` rewrites its filter policy
  from the new preferences (SNS applies it within minutes);
- a digest subscription's preferences, or daily <-> weekly: the registry record only (its SNS
  policy names its subscriber id and never changes);
- instant <-> daily/weekly: a new subscription on the other topic, with the filter it needs, then
  the old one is removed. An e-mail or HTTPS endpoint must confirm the new subscription, as it
  confirmed the first; until it does, it receives nothing;
- unsubscribe: ``Unsubscribe`` and the record is deleted.

Moving to a digest starts the digest window then, so stories already sent as alerts are not sent again.

    managed = ManagedSubscriptions(sns_client(), DynamoSubscriberRegistry(...), topics)
    record = managed.subscribe("email", "desk@example.com", frequency="daily", preferences=Preferences(topics=["sport"]))
    managed.change(record, [PreferenceChange("frequency", "weekly")])
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from takeaways.adapters.subscriber_table import DynamoSubscriberRegistry
from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.preferences import PreferenceChange, apply_changes
from takeaways.alerts.subscription import (
    CONFIRMING_PROTOCOLS,
    PENDING_ARN,
    Frequency,
    SubscriberRecord,
    new_subscriber_id,
    subscription_attributes,
    topic_for,
)

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient


class AlreadySubscribed(Exception):
    """That endpoint already has a managed subscription on that topic (SNS allows one)."""

    def __init__(self, record: SubscriberRecord) -> None:
        super().__init__(
            f"{record.protocol}:{record.endpoint} is already subscribed ({record.frequency}) as "
            f"{record.subscriber_id}: change it with `takeaways preferences {record.subscriber_id}`"
        )
        self.record = record


class SubscriptionPending(Exception):
    """An instant subscription's filter cannot be changed before its endpoint confirms it."""

    def __init__(self, record: SubscriberRecord) -> None:
        super().__init__(
            f"{record.protocol}:{record.endpoint} has not confirmed its subscription yet: its filter can be "
            "changed once it has"
        )


@dataclass(frozen=True, slots=True)
class StackTopics:
    """Where managed subscriptions go: the two topics, and the queue their undeliverable copies go to."""

    alerts_topic_arn: str
    digest_topic_arn: str
    dead_letter_queue_arn: str | None

    def arn(self, frequency: Frequency) -> str:
        return self.alerts_topic_arn if topic_for(frequency) == "alerts" else self.digest_topic_arn


@dataclass(frozen=True, slots=True)
class ChangeOutcome:
    """What carrying out changes did: the record now (None once unsubscribed) and what to tell the operator."""

    record: SubscriberRecord | None
    notes: tuple[str, ...] = ()


class ManagedSubscriptions:
    def __init__(
        self,
        sns: SNSClient,
        registry: DynamoSubscriberRegistry,
        topics: StackTopics,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._sns, self._registry, self._topics, self._clock = sns, registry, topics, clock

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
        """A new managed subscription (the endpoint already checked); raises ``AlreadySubscribed``."""
        self._refuse_a_second(protocol, endpoint, frequency)
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
        record = replace(record, subscription_arn=self._subscribe(record))
        try:
            self._registry.add(record)
        except Exception:
            self._unsubscribe(record.subscription_arn)  # no subscription without its record
            raise
        return record

    def change(self, record: SubscriberRecord, changes: Sequence[PreferenceChange]) -> ChangeOutcome:
        """Carry out the changes (``PreferenceRefused`` when one cannot be made: nothing is changed then)."""
        changed = apply_changes(record, changes)
        if changed.unsubscribe:
            return ChangeOutcome(None, (self.remove(record),))
        if changed.frequency == record.frequency and changed.preferences == record.preferences:
            return ChangeOutcome(record, ("nothing to change",))
        moved = topic_for(changed.frequency) != record.topic
        if moved:
            self._refuse_a_second(record.protocol, record.endpoint, changed.frequency)
        old_arn = self.current_arn(record)  # before the record names the new subscription
        updated = replace(record, frequency=changed.frequency, preferences=changed.preferences)
        notes: list[str] = []
        if moved:
            if updated.topic == "digest":
                updated = replace(updated, window_start=self._clock())
            updated = replace(updated, subscription_arn=self._subscribe(updated))
            notes.append(f"moved to the {updated.topic} topic: {updated.subscription_arn}")
            if record.protocol in CONFIRMING_PROTOCOLS:
                notes.append(
                    f"{record.endpoint} must confirm the new subscription (SNS sends a link); until then it "
                    "receives nothing"
                )
        elif updated.topic == "alerts":
            self._set_filter_policy(old_arn, updated)
            updated = replace(updated, subscription_arn=old_arn)
            notes.append("filter policy rewritten (SNS applies it within a few minutes)")
        try:
            self._registry.change(
                record.subscriber_id,
                frequency=updated.frequency,
                preferences=updated.preferences,
                subscription_arn=updated.subscription_arn,
                window_start=updated.window_start,
            )
        except Exception:
            if moved:
                self._unsubscribe(updated.subscription_arn)
            raise
        if moved:
            self._unsubscribe(old_arn)
            if not old_arn.startswith("arn:"):
                notes.append("the old subscription was never confirmed: SNS drops it after three days")
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
        self._unsubscribe(arn)
        return (
            f"unsubscribed {record.protocol}:{record.endpoint} ({record.frequency}, {record.subscriber_id})"
        )

    def current_arn(self, record: SubscriberRecord) -> str:
        """The subscription's ARN, found by protocol and endpoint once a pending one has been confirmed."""
        if record.subscription_arn.startswith("arn:") and record.subscription_arn != PENDING_ARN:
            return record.subscription_arn
        pages = self._sns.get_paginator("list_subscriptions_by_topic").paginate(
            TopicArn=self._topics.arn(record.frequency)
        )
        for page in pages:
            for listed in page["Subscriptions"]:
                arn = str(listed.get("SubscriptionArn", ""))
                same = (listed.get("Protocol"), listed.get("Endpoint")) == (record.protocol, record.endpoint)
                if same and arn.startswith("arn:"):
                    self._registry.set_subscription_arn(record.subscriber_id, arn)
                    return arn
        return record.subscription_arn or PENDING_ARN

    def _refuse_a_second(self, protocol: str, endpoint: str, frequency: Frequency) -> None:
        """SNS keeps one subscription per endpoint and topic: a second would be refused or merged."""
        for existing in self._registry.everyone():
            if (existing.protocol, existing.endpoint, existing.topic) == (
                protocol,
                endpoint,
                topic_for(frequency),
            ):
                raise AlreadySubscribed(existing)

    # -- SNS ---------------------------------------------------------------------------------------

    def _subscribe(self, record: SubscriberRecord) -> str:
        attributes = subscription_attributes(
            record.protocol,
            filter_policy=record.sns_filter_policy(),
            dead_letter_queue_arn=self._topics.dead_letter_queue_arn,
            envelope=record.envelope,
        )
        response = self._sns.subscribe(
            TopicArn=self._topics.arn(record.frequency),
            Protocol=record.protocol,
            Endpoint=record.endpoint,
            Attributes=attributes,
            ReturnSubscriptionArn=True,
        )
        return str(response["SubscriptionArn"])

    def _set_filter_policy(self, arn: str, record: SubscriberRecord) -> None:
        policy: dict[str, Any] | None = record.sns_filter_policy()
        if not arn.startswith("arn:"):
            raise SubscriptionPending(record)
        # An empty value removes the policy (every alert), as SNS documents.
        value = json.dumps(policy, sort_keys=True) if policy else ""
        self._sns.set_subscription_attributes(
            SubscriptionArn=arn, AttributeName="FilterPolicy", AttributeValue=value
        )

    def _unsubscribe(self, arn: str) -> None:
        if not arn.startswith("arn:"):
            return
        try:
            self._sns.unsubscribe(SubscriptionArn=arn)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "NotFound":
                raise
