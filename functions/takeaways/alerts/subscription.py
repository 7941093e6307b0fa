"""What a subscription is made of: a checked endpoint, how SNS delivers to it, and where failures go.

Plain rules, no AWS calls: whether a queue or function exists is the adapter's question.
SNS accepts almost any endpoint string and then fails every delivery (or, for e-mail and
SMS, never confirms), so each protocol's endpoint is checked before subscribing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

PROTOCOLS = ("email", "email-json", "sms", "sqs", "lambda", "http", "https")
# The protocols SNS can deliver raw (the message itself, no JSON envelope). Lambda always
# receives SNS's event (Records[].Sns), e-mail and SMS receive text: AWS refuses the attribute.
RAW_PROTOCOLS = frozenset({"sqs", "http", "https"})
# Endpoints that must confirm the subscription (a link or a SubscriptionConfirmation POST).
CONFIRMING_PROTOCOLS = frozenset({"email", "email-json", "http", "https"})
# What SNS lists as the ARN of a subscription that has not been confirmed yet.
PENDING_ARN = "PendingConfirmation"

_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+"
)
_E164 = re.compile(r"\+[1-9][0-9]{6,14}")
_QUEUE_ARN = re.compile(r"arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,80}")
_FUNCTION_ARN = re.compile(
    r"arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9_$-]+)?"
)


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
    alert JSON the schema describes; ``envelope`` keeps SNS's JSON envelope around it. Every
    subscription gets a redrive policy, so a delivery that fails for good lands in the
    subscription dead-letter queue instead of being dropped.
    """
    attributes: dict[str, str] = {}
    if filter_policy:
        attributes["FilterPolicy"] = json.dumps(filter_policy, sort_keys=True)
    if protocol in RAW_PROTOCOLS and not envelope:
        attributes["RawMessageDelivery"] = "true"
    if dead_letter_queue_arn:
        attributes["RedrivePolicy"] = json.dumps({"deadLetterTargetArn": dead_letter_queue_arn})
    return attributes


@dataclass(frozen=True, slots=True)
class SubscriptionState:
    """One subscription as an operator reads it."""

    arn: str
    protocol: str
    endpoint: str
    status: Literal["pending", "confirmed"]
    frequency: Literal["instant", "daily digest"]
    delivery: Literal["raw", "envelope", "text", "sns event", "chat message"]
    filter_policy: dict[str, Any] | None
    dead_letter_queue: str | None
    # A chat channel's: the secret that holds its webhook, and the URL's SHA-256 (the URL itself is never shown).
    channel_secret: str | None = None
    webhook_sha256: str | None = None


def describe_subscription(
    listed: dict[str, str], attributes: dict[str, str] | None, *, digest: bool
) -> SubscriptionState:
    """Read ListSubscriptionsByTopic's entry and (for a confirmed one) its attributes.

    A pending subscription has no ARN yet and no attributes that can be read.
    """
    attributes = attributes or {}
    pending = listed["SubscriptionArn"] == PENDING_ARN or attributes.get("PendingConfirmation") == "true"
    protocol = listed["Protocol"]
    if protocol in RAW_PROTOCOLS:
        raw = str(attributes.get("RawMessageDelivery", "false")).lower() == "true"
        delivery: Literal["raw", "envelope", "text", "sns event"] = "raw" if raw else "envelope"
    elif protocol == "lambda":
        delivery = "sns event"
    elif protocol == "email-json":
        delivery = "envelope"
    else:
        delivery = "text"
    redrive = attributes.get("RedrivePolicy")
    return SubscriptionState(
        arn=listed["SubscriptionArn"],
        protocol=protocol,
        endpoint=listed["Endpoint"],
        status="pending" if pending else "confirmed",
        frequency="daily digest" if digest else "instant",
        delivery=delivery,
        filter_policy=json.loads(attributes["FilterPolicy"]) if attributes.get("FilterPolicy") else None,
        dead_letter_queue=json.loads(redrive).get("deadLetterTargetArn") if redrive else None,
    )
