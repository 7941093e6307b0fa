"""SNS delivery on the local stack made to behave as AWS's, where moto's differs in ways that matter here.

moto (5.2) delivers each copy of a published message inside the Publish call, and:

- a subscribed queue that no longer exists raises, so the *publish* fails and the
  publisher retries an alert every other subscriber already got. On AWS the publish
  succeeds; that one copy fails, is counted (``NumberOfNotificationsFailed``) and, when the
  subscription has a redrive policy, goes to its dead-letter queue
  (``NumberOfNotificationsRedrivenToDlq``);
- an HTTP(S) subscription always gets the envelope (``RawMessageDelivery`` is honoured for
  SQS only), and its answer is not checked. On AWS raw HTTP delivery posts the message
  itself with ``x-amz-sns-rawdelivery: true`` (and no message attributes), and a non-2xx
  answer is a failed delivery;
- ``RawMessageDelivery`` is accepted for any protocol. AWS offers it for SQS, HTTP(S) and
  Firehose only and refuses it for Lambda, e-mail and SMS with ``InvalidParameter``;
- a Lambda subscription runs the function in Docker, inside the Publish call. On AWS SNS invokes
  it asynchronously with an ``aws:sns`` event; here the event is queued for the runner that
  drives the function's stack (``infra.async_invocations``), which invokes it as Lambda would.

``install()`` wraps ``Subscription.publish`` and ``SNSBackend.set_subscription_attributes``
of ``moto.sns.models`` in this process (moto's threaded server runs in-process), leaving
moto's files untouched. Delivery is attempted once: SNS's own retries are time it would
spend, not a different outcome.
"""

from __future__ import annotations

import copy
import json
import logging
from datetime import UTC, datetime
from typing import Any

import requests
from moto.cloudwatch.models import cloudwatch_backends
from moto.sns import models as sns_models
from moto.sns.exceptions import SNSInvalidParameter
from moto.sqs.models import sqs_backends

from infra import async_invocations

log = logging.getLogger(__name__)

HTTP_TIMEOUT_SECONDS = 5
RAW_PROTOCOLS = frozenset({"sqs", "http", "https", "firehose"})  # what AWS can deliver raw
_MARK = "_takeaways_aws_delivery"


def install() -> None:
    """Replace moto's per-subscription delivery with AWS's semantics (idempotent)."""
    current = sns_models.Subscription.publish
    if getattr(current, _MARK, False):
        return
    original = current

    def publish(
        self: sns_models.Subscription,
        message: str,
        message_id: str,
        subject: str | None = None,
        message_attributes: dict[str, Any] | None = None,
        group_id: str | None = None,
        deduplication_id: str | None = None,
        message_structure: str | None = None,
    ) -> None:
        matcher = self._filter_policy_matcher
        if matcher is not None and not matcher.matches(message_attributes, message):
            return
        if message_structure == "json":
            message = self._parse_message_structure(message, self.protocol)
        raw = is_raw(self.attributes)
        try:
            if self.protocol in {"http", "https"}:
                _post(self, message, message_id, subject, message_attributes, raw=raw)
            elif self.protocol == "lambda" and (enqueue := async_invocations.target(self.endpoint)):
                enqueue(lambda_event(self, message, message_id, subject, message_attributes))
            else:
                # moto's own delivery (its SQS raw delivery is AWS's), the policy already applied.
                view = copy.copy(self)
                view.attributes = {**self.attributes, "RawMessageDelivery": raw}
                view._filter_policy_matcher = None  # already matched above
                original(
                    view,
                    message,
                    message_id,
                    subject=subject,
                    message_attributes=message_attributes,
                    group_id=group_id,
                    deduplication_id=deduplication_id,
                )
        except Exception as error:  # any failed copy is that subscriber's, never the publisher's
            _undeliverable(self, message, message_id, subject, message_attributes, raw=raw, error=error)

    setattr(publish, _MARK, True)
    sns_models.Subscription.publish = publish  # type: ignore[method-assign]

    set_attribute = sns_models.SNSBackend.set_subscription_attributes

    def set_subscription_attributes(self: sns_models.SNSBackend, arn: str, name: str, value: Any) -> None:
        subscription = self.subscriptions.get(arn)
        raw_asked = name == "RawMessageDelivery" and str(value).lower() == "true"
        if raw_asked and subscription is not None and subscription.protocol not in RAW_PROTOCOLS:
            raise SNSInvalidParameter(
                f"Invalid parameter: Attributes Reason: Delivery protocol [{subscription.protocol}] "
                "does not support raw message delivery."
            )
        set_attribute(self, arn, name, value)

    sns_models.SNSBackend.set_subscription_attributes = set_subscription_attributes  # type: ignore[method-assign]


def lambda_event(
    subscription: sns_models.Subscription,
    message: str,
    message_id: str,
    subject: str | None,
    message_attributes: dict[str, Any] | None,
) -> dict[str, Any]:
    """The event SNS invokes a subscribed function with: one ``aws:sns`` record."""
    topic_arn = subscription.topic.arn
    region = topic_arn.split(":")[3]
    return {
        "Records": [
            {
                "EventSource": "aws:sns",
                "EventVersion": "1.0",
                "EventSubscriptionArn": subscription.arn,
                "Sns": {
                    "Type": "Notification",
                    "MessageId": message_id,
                    "TopicArn": topic_arn,
                    "Subject": subject,
                    "Message": message,
                    "Timestamp": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                    "SignatureVersion": "1",
                    "Signature": "local",
                    "SigningCertUrl": f"https://sns.{region}.amazonaws.com/SimpleNotificationService-local.pem",
                    "UnsubscribeUrl": (
                        f"https://sns.{region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={subscription.arn}"
                    ),
                    "MessageAttributes": {
                        name: {"Type": value["Type"], "Value": str(value["Value"])}
                        for name, value in (message_attributes or {}).items()
                    },
                },
            }
        ]
    }


def is_raw(attributes: dict[str, Any]) -> bool:
    """``RawMessageDelivery`` as stored by moto (a boolean) or sent by a client (``"true"``)."""
    return str(attributes.get("RawMessageDelivery", "false")).lower() == "true"


def _post(
    subscription: sns_models.Subscription,
    message: str,
    message_id: str,
    subject: str | None,
    message_attributes: dict[str, Any] | None,
    *,
    raw: bool,
) -> None:
    headers = {
        "Content-Type": "text/plain; charset=UTF-8",
        "x-amz-sns-message-type": "Notification",
        "x-amz-sns-message-id": message_id,
        "x-amz-sns-topic-arn": subscription.topic.arn,
        "x-amz-sns-subscription-arn": subscription.arn,
    }
    if raw:
        headers["x-amz-sns-rawdelivery"] = "true"
        body = message
    else:
        body = json.dumps(subscription.get_post_data(message, message_id, subject, message_attributes))
    response = requests.post(
        subscription.endpoint, data=body.encode(), headers=headers, timeout=HTTP_TIMEOUT_SECONDS
    )
    if not 200 <= response.status_code < 300:
        raise ConnectionError(f"{subscription.endpoint} answered {response.status_code}")


def _undeliverable(
    subscription: sns_models.Subscription,
    message: str,
    message_id: str,
    subject: str | None,
    message_attributes: dict[str, Any] | None,
    *,
    raw: bool,
    error: Exception,
) -> None:
    """Count the failed copy and move it to the subscription's dead-letter queue, if it has one."""
    topic = subscription.topic
    region = topic.arn.split(":")[3]
    _count(subscription.account_id, region, topic.name, "NumberOfNotificationsFailed")
    policy = subscription.attributes.get("RedrivePolicy")
    target = json.loads(policy).get("deadLetterTargetArn") if policy else None
    log.warning(
        "SNS could not deliver message %s to %s (%s); %s",
        message_id,
        subscription.endpoint,
        error,
        f"moved to {target}" if target else "dropped (the subscription has no dead-letter queue)",
    )
    if not target:
        return
    _, _, _, dlq_region, dlq_account, dlq_name = target.split(":", 5)
    if raw:
        body = message
        attributes = {
            name: {"DataType": value["Type"], "StringValue": str(value["Value"])}
            for name, value in (message_attributes or {}).items()
            if not value["Type"].startswith("Binary")
        }
    else:
        body = json.dumps(subscription.get_post_data(message, message_id, subject, message_attributes))
        attributes = {}
    try:
        sqs_backends[dlq_account][dlq_region].send_message(dlq_name, body, message_attributes=attributes)
    except Exception as dlq_error:
        log.warning("subscription dead-letter queue %s refused the message: %s", target, dlq_error)
        return
    _count(subscription.account_id, region, topic.name, "NumberOfNotificationsRedrivenToDlq")


def _count(account_id: str, region: str, topic_name: str, metric: str) -> None:
    # No timestamp: moto then stamps the datum with its own (naive UTC) clock, as it compares them.
    cloudwatch_backends[account_id][region].put_metric_data(
        "AWS/SNS",
        [
            {
                "MetricName": metric,
                "Value": 1.0,
                "Unit": "Count",
                "Dimensions": [{"Name": "TopicName", "Value": topic_name}],
            }
        ],
    )
