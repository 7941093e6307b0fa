"""What a subscription is made of: a checked endpoint, how SNS delivers to it, where failures go,
and the registry record that says how often and about what its subscriber hears.

Plain rules, no AWS calls: whether a queue or function exists is the adapter's question.
SNS accepts almost any endpoint string and then fails every delivery (or, for e-mail and
SMS, never confirms), so each protocol's endpoint is checked before subscribing.

Every subscription ``takeaways subscribe`` makes has a record in the subscriber registry
(``SubscriberTable``) and is on the subscriber topic with the policy ``{"subscriber": ["<id>"]}``,
so it receives only the messages made for it: one copy of each alert it wants (instant), or one
digest a period (daily, weekly), each carrying its own preference links. Its preferences are
applied where those messages are made, with the evaluation SNS makes (``filter_policy``). The
alerts topic carries the plain alert, for subscriptions made outside the project.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from takeaways.alerts.chat.limits import PLATFORMS as CHAT_PLATFORMS
from takeaways.alerts.chat.webhooks import channel_secret_name
from takeaways.alerts.filter_policy import Preferences, build_filter_policy

PROTOCOLS = ("email", "email-json", "sms", "sqs", "lambda", "http", "https")
# The protocols SNS can deliver raw (the message itself, no JSON envelope). Lambda always
# receives SNS's event (Records[].Sns), e-mail and SMS receive text: AWS refuses the attribute.
RAW_PROTOCOLS = frozenset({"sqs", "http", "https"})
# Endpoints that must confirm the subscription (a link or a SubscriptionConfirmation POST).
CONFIRMING_PROTOCOLS = frozenset({"email", "email-json", "http", "https"})
# What SNS lists as the ARN of a subscription that has not been confirmed yet.
PENDING_ARN = "PendingConfirmation"

Frequency = Literal["instant", "daily", "weekly"]
DigestFrequency = Literal["daily", "weekly"]
FREQUENCIES: tuple[Frequency, ...] = get_args(Frequency)
DIGEST_FREQUENCIES: tuple[DigestFrequency, ...] = get_args(DigestFrequency)
# The digest message attribute a digest subscription's filter policy names its subscriber by.
SUBSCRIBER_ATTRIBUTE = "subscriber"
_ID_BYTES = 5

_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+"
)
_E164 = re.compile(r"\+[1-9][0-9]{6,14}")
_QUEUE_ARN = re.compile(r"arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,80}")
_FUNCTION_ARN = re.compile(
    r"arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9_$-]+)?"
)


def frequencies_for(protocol: str) -> tuple[Frequency, ...]:
    """How often a subscription over ``protocol`` may hear: a chat channel takes alerts alone.

    ChatFunction renders alerts only, so a digest sent to a channel would be refused and kept in
    the chat DLQ; ``subscribe``, ``preferences``, the preference links and the links offered all ask here.
    """
    return ("instant",) if protocol in CHAT_PLATFORMS else FREQUENCIES


def frequency_refusal(protocol: str, frequency: str) -> str | None:
    """Why a subscription over ``protocol`` cannot be ``frequency``, or None when it can."""
    if frequency in frequencies_for(protocol):
        return None
    if protocol in CHAT_PLATFORMS:
        return f"a {protocol} channel gets each alert as it happens; digests are not posted to chat"
    return f"a {protocol} subscription is one of {', '.join(frequencies_for(protocol))}, not {frequency}"


class InvalidEndpoint(ValueError):
    """An endpoint that SNS could never deliver to over the chosen protocol."""


def check_endpoint(protocol: str, endpoint: str) -> str:
    """The endpoint, stripped, if it has the form its protocol needs; otherwise say what form that is."""
    value = endpoint.strip()
    if protocol in {"email", "email-json"}:
        if not _EMAIL.fullmatch(value):
            raise InvalidEndpoint(f"{endpoint!r} is not an e-mail address (name@example.com)")
    elif protocol == "sms":
        if not _E164.fullmatch(value):
            raise InvalidEndpoint(
                f"{endpoint!r} is not a phone number in E.164 form (+ country code and number, e.g. +447700900123)"
            )
    elif protocol in {"http", "https"}:
        parts = urlsplit(value)
        if parts.scheme != protocol or not parts.hostname or " " in value:
            raise InvalidEndpoint(f"{endpoint!r} is not an {protocol} URL ({protocol}://host/path)")
    elif protocol == "sqs":
        if not _QUEUE_ARN.fullmatch(value):
            raise InvalidEndpoint(f"{endpoint!r} is not a queue ARN (arn:aws:sqs:REGION:ACCOUNT:NAME)")
    elif protocol == "lambda":
        if not _FUNCTION_ARN.fullmatch(value):
            raise InvalidEndpoint(
                f"{endpoint!r} is not a function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)"
            )
    else:
        raise InvalidEndpoint(f"unknown protocol {protocol!r}; one of {', '.join(PROTOCOLS)}")
    return value


def subscription_attributes(
    protocol: str,
    *,
    filter_policy: dict[str, Any] | None,
    dead_letter_queue_arn: str | None,
    envelope: bool = False,
) -> dict[str, str]:
    """The attributes a project-made subscription is created with.

    Raw delivery is the default wherever SNS offers it, so SQS and HTTPS subscribers get the
    alert JSON the schema describes; ``envelope`` keeps SNS's JSON envelope around it. Given the
    stack's subscription dead-letter queue (``dead_letter_queue_arn``, which the CLI always passes),
    the subscription gets a redrive policy, so a delivery that fails for good lands there instead of
    being dropped.
    """
    attributes: dict[str, str] = {}
    if filter_policy:
        attributes["FilterPolicy"] = json.dumps(filter_policy, sort_keys=True)
    if protocol in RAW_PROTOCOLS and not envelope:
        attributes["RawMessageDelivery"] = "true"
    if dead_letter_queue_arn:
        attributes["RedrivePolicy"] = json.dumps({"deadLetterTargetArn": dead_letter_queue_arn})
    return attributes


def new_subscriber_id() -> str:
    """A short random id: it appears in a digest subscription's filter policy and in the operator's commands."""
    return f"sub-{secrets.token_hex(_ID_BYTES)}"


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestRun:
    """One digest being sent to one subscriber: its period, its window, and the parts that went out.

    A part is recorded (with an empty message id) just before its publish, so a part whose
    publish may have gone out is never sent again; a part SNS refused is forgotten, and sent
    by the next run.
    """

    period: str
    since: datetime
    until: datetime
    parts: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriberRecord:
    """One managed subscription, as the registry holds it.

    ``subscription_arn`` is what SNS answered (``PendingConfirmation`` until an e-mail or HTTPS
    endpoint confirms; the adapter resolves it later by protocol and endpoint). The digest
    bookkeeping: the next window starts at ``window_start``; ``last_period`` is the period whose
    digest was finished last, so a second firing of it sends nothing; ``open_run`` is a digest that
    was started and not finished (a refused publish), which the next run completes first.
    """

    subscriber_id: str
    protocol: str
    endpoint: str
    frequency: Frequency
    preferences: Preferences
    subscription_arn: str = ""
    envelope: bool = False
    created_at: datetime
    window_start: datetime
    last_period: str | None = None
    open_run: DigestRun | None = None

    def sns_filter_policy(self) -> dict[str, Any]:
        """The policy on the SNS subscription, whatever the frequency: only messages made for this subscriber.

        Its preferences are applied where those messages are made (DeliveryFunction for instant
        copies, DigestFunction for digests), so a change of preferences or frequency is a change of
        this record alone: the endpoint never has to confirm a new subscription.
        """
        return {SUBSCRIBER_ATTRIBUTE: [self.subscriber_id]}


@dataclass(frozen=True, slots=True)
class SubscriptionState:
    """One subscription as an operator reads it: SNS's view joined with its registry record, if any."""

    arn: str
    protocol: str
    endpoint: str
    status: Literal["pending", "confirmed"]
    frequency: Literal["instant", "daily", "weekly", "unmanaged"]
    delivery: Literal["raw", "envelope", "text", "sns event", "chat message"]
    filter_policy: dict[str, Any] | None
    dead_letter_queue: str | None
    subscriber_id: str | None = None
    preferences_policy: dict[str, Any] | None = None
    # A chat channel's: the secret that holds its webhook URL (the URL itself is never shown).
    channel_secret: str | None = None


def describe_subscription(
    listed: dict[str, str], attributes: dict[str, str] | None, record: SubscriberRecord | None
) -> SubscriptionState:
    """Read ListSubscriptionsByTopic's entry, its attributes (a confirmed one's) and its registry record.

    A pending subscription has no ARN yet and no attributes that can be read; a subscription
    without a record was made outside ``takeaways subscribe`` and is ``unmanaged``.
    """
    attributes = attributes or {}
    pending = listed["SubscriptionArn"] == PENDING_ARN or attributes.get("PendingConfirmation") == "true"
    protocol = listed["Protocol"]
    if protocol in RAW_PROTOCOLS:
        raw = str(attributes.get("RawMessageDelivery", "false")).lower() == "true"
        delivery: Literal["raw", "envelope", "text", "sns event", "chat message"] = (
            "raw" if raw else "envelope"
        )
    elif protocol == "lambda":
        delivery = "sns event"
    elif protocol == "email-json":
        delivery = "envelope"
    else:
        delivery = "text"
    redrive = attributes.get("RedrivePolicy")
    endpoint, channel_secret = listed["Endpoint"], None
    if record is not None and record.protocol in CHAT_PLATFORMS:
        # A chat channel: its platform and webhook host (the URL is in its secret, never shown).
        protocol, endpoint, delivery = record.protocol, record.endpoint, "chat message"
        if listed["SubscriptionArn"].startswith("arn:"):
            channel_secret = channel_secret_name(listed["SubscriptionArn"])
    return SubscriptionState(
        arn=listed["SubscriptionArn"],
        protocol=protocol,
        endpoint=endpoint,
        status="pending" if pending else "confirmed",
        frequency=record.frequency if record else "unmanaged",
        delivery=delivery,
        filter_policy=json.loads(attributes["FilterPolicy"]) if attributes.get("FilterPolicy") else None,
        dead_letter_queue=json.loads(redrive).get("deadLetterTargetArn") if redrive else None,
        subscriber_id=record.subscriber_id if record else None,
        preferences_policy=build_filter_policy(record.preferences) if record else None,
        channel_secret=channel_secret,
    )
