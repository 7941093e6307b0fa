"""AWS calls behind the operator commands of the CLI: finding a stack, subscribing, replaying.

Locally these go to moto's server (the endpoint recorded by ``make up``); with real
credentials and ``--stack`` they go to AWS.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote_plus

import boto3
from botocore.exceptions import ClientError

from takeaways.adapters.subscriber_table import DynamoSubscriberRegistry
from takeaways.adapters.subscriptions import ManagedSubscriptions, StackTopics

if TYPE_CHECKING:
    from takeaways.alerts.subscription import DigestFrequency
    from takeaways.pipeline.digest import DigestReport

if TYPE_CHECKING:
    pass

LOCAL_STACK_FILE = Path(".takeaways") / "local-stack.json"
REPLAY_MARKER = "takeawaysReplay"


class StackNotFound(Exception):
    """Neither a local stack file nor a CloudFormation stack could be found."""


class EndpointMissing(Exception):
    """A subscription's queue or function does not exist: SNS would accept it and then fail every delivery."""


class SubscriptionNotFound(Exception):
    """No subscription has that ARN (it was removed, or never confirmed)."""


def stack_resources(stack_name: str | None, local_file: Path = LOCAL_STACK_FILE) -> dict[str, str]:
    """Physical ids by logical id, from the running local stack or from CloudFormation.

    Using the local stack also points every boto3 client at its moto server.
    """
    if stack_name is None:
        if not local_file.is_file():
            raise StackNotFound(
                f"no local stack ({local_file} is missing): run `make up`, or pass --stack NAME"
            )
        local = json.loads(local_file.read_text())
        os.environ["AWS_ENDPOINT_URL"] = local["endpoint_url"]
        for variable, value in (("AWS_ACCESS_KEY_ID", "local"), ("AWS_SECRET_ACCESS_KEY", "local")):
            os.environ.setdefault(variable, value)
        # The local stack lives in one region of moto's server, whatever the operator's shell says.
        os.environ["AWS_DEFAULT_REGION"] = local.get("region", "us-east-1")
        os.environ.pop("AWS_REGION", None)
        resources: dict[str, str] = local["resources"]
        return resources
    cloudformation = boto3.client("cloudformation")
    try:
        found = cloudformation.describe_stack_resources(StackName=stack_name)["StackResources"]
    except ClientError as error:
        raise StackNotFound(f"stack {stack_name!r}: {error}") from error
    return {item["LogicalResourceId"]: item.get("PhysicalResourceId", "") for item in found}


def stack_parameter(stack_name: str | None, name: str, local_file: Path = LOCAL_STACK_FILE) -> str | None:
    """A template parameter's value on the stack: the one ``make up`` deployed with, or CloudFormation's."""
    if stack_name is None:
        if not local_file.is_file():
            return None
        value = json.loads(local_file.read_text()).get("parameters", {}).get(name)
        return None if value is None else str(value)
    stacks = boto3.client("cloudformation").describe_stacks(StackName=stack_name)["Stacks"]
    for parameter in stacks[0].get("Parameters", []) if stacks else []:
        if parameter.get("ParameterKey") == name:
            return str(parameter.get("ParameterValue", ""))
    return None


def require_endpoint(protocol: str, endpoint: str) -> None:
    """Raise ``EndpointMissing`` for a queue or function that does not exist (SNS would accept it)."""
    if protocol == "sqs":
        _require_queue(endpoint)
    elif protocol == "lambda":
        _require_function(endpoint)


def managed_subscriptions(found: dict[str, str], *, local: bool) -> ManagedSubscriptions:
    """The stack's managed subscriptions (its topic, registry, subscription dead-letter queue and
    chat function); ``local``: the local stack, whose runner plays every alias of a function."""
    from takeaways.adapters.chat_channels import (
        AliasEndpoints,
        ChatChannelSubscriber,
        LocalEndpoints,
        chat_function_arn,
    )

    topics = StackTopics(
        subscriber_topic_arn=found["SubscriberTopic"],
        dead_letter_queue_arn=queue_arn(found["SubscriptionDeadLetterQueue"]),
    )
    chat = None
    if "ChatFunction" in found:
        function_arn = chat_function_arn(found["SubscriberTopic"], found["ChatFunction"])
        chat = ChatChannelSubscriber(function_arn, LocalEndpoints() if local else AliasEndpoints())
    return ManagedSubscriptions(boto3.client("sns"), subscriber_registry(found), topics, chat=chat)


def subscriber_registry(found: dict[str, str]) -> DynamoSubscriberRegistry:
    return DynamoSubscriberRegistry(boto3.client("dynamodb"), found["SubscriberTable"])


def _require_queue(queue_arn: str) -> None:
    parts = queue_arn.split(":")
    _queue_url(
        parts[5],
        f"queue {parts[5]} does not exist: create it first, with a queue policy that lets the topic send to it",
        owner=parts[4],
    )


_NO_SUCH_QUEUE = frozenset({"AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"})


def _queue_url(name: str, missing: str, *, owner: str | None = None) -> str:
    """The queue's URL; ``EndpointMissing(missing)`` when there is no such queue (SQS names it two ways)."""
    arguments = {"QueueName": name} | ({"QueueOwnerAWSAccountId": owner} if owner else {})
    try:
        return str(boto3.client("sqs").get_queue_url(**arguments)["QueueUrl"])
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in _NO_SUCH_QUEUE:
            raise
        raise EndpointMissing(missing) from None


def _require_function(function_arn: str) -> None:
    try:
        boto3.client("lambda").get_function(FunctionName=function_arn)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
            raise
        name = function_arn.split(":")[6]
        raise EndpointMissing(
            f"function {name} does not exist: deploy it first, with a permission that lets the topic invoke it"
        ) from None


def create_inbox(name: str, topic_arns: list[str]) -> str:
    """An encrypted queue that the given topics may send to (its queue policy says so); return its ARN.

    Creating a queue that already exists with the same attributes returns it, so this can be re-run.
    """
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName=name, Attributes={"SqsManagedSseEnabled": "true"})["QueueUrl"]
    arn = queue_arn(url)
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "TakeawaysTopics",
                "Effect": "Allow",
                "Principal": {"Service": "sns.amazonaws.com"},
                "Action": "sqs:SendMessage",
                "Resource": arn,
                "Condition": {"ArnEquals": {"aws:SourceArn": topic_arns}},
            }
        ],
    }
    sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(policy)})
    return arn


# An inbox is read for a person to look at, not drained by a consumer: a screenful at most.
INBOX_READ_LIMIT = 100
# Long enough for the whole read and the printing: a message shown must not come back during it.
_INBOX_HIDE_SECONDS = 300


class InboxUnsettled(Exception):
    """SQS refused to delete (or to show again) some messages that were read; they come back on their own."""


class Inbox:
    """An SQS inbox read by a person: the messages are hidden while shown, then deleted or shown again.

    Nothing is deleted before it has been shown (``settle`` after printing): a reader that fails on a
    message leaves every message to come back once hidden no longer.
    """

    def __init__(self, name: str) -> None:
        self._sqs = boto3.client("sqs")
        self._url = _queue_url(name, f"there is no queue {name}: `takeaways create-inbox {name}` makes one")
        self._handles: dict[str, str] = {}

    def read(self) -> list[str]:
        """The message bodies waiting (at most ``INBOX_READ_LIMIT``), each once, oldest first as SQS gives them."""
        bodies: list[str] = []
        while len(bodies) < INBOX_READ_LIMIT:
            received = self._sqs.receive_message(
                QueueUrl=self._url,
                MaxNumberOfMessages=min(10, INBOX_READ_LIMIT - len(bodies)),
                VisibilityTimeout=_INBOX_HIDE_SECONDS,
                WaitTimeSeconds=1,  # a short poll may answer empty while messages wait on other hosts
            ).get("Messages", [])
            fresh = [message for message in received if message["MessageId"] not in self._handles]
            if not fresh:
                break
            for message in fresh:
                self._handles[message["MessageId"]] = message["ReceiptHandle"]
                bodies.append(message["Body"])
        return bodies

    def settle(self, *, keep: bool) -> None:
        """Delete what was read, or with ``keep`` make it visible again at once; ``InboxUnsettled`` on refusals."""
        handles = list(self._handles.values())
        failed: list[str] = []
        for start in range(0, len(handles), 10):
            batch = list(enumerate(handles[start : start + 10]))
            if keep:
                answer = self._sqs.change_message_visibility_batch(
                    QueueUrl=self._url,
                    Entries=[{"Id": str(n), "ReceiptHandle": h, "VisibilityTimeout": 0} for n, h in batch],
                )
            else:
                answer = self._sqs.delete_message_batch(
                    QueueUrl=self._url, Entries=[{"Id": str(n), "ReceiptHandle": h} for n, h in batch]
                )
            failed += [entry.get("Message") or entry["Code"] for entry in answer.get("Failed", [])]
        self._handles = {}
        if failed:
            raise InboxUnsettled(
                f"{len(failed)} message(s) not {'shown again' if keep else 'deleted'}: {failed[0]}"
            )


def queue_arn(queue_url: str) -> str:
    attributes = boto3.client("sqs").get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    return str(attributes["Attributes"]["QueueArn"])


def unsubscribe(subscription_arn: str) -> None:
    try:
        boto3.client("sns").unsubscribe(SubscriptionArn=subscription_arn)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") != "NotFound":
            raise
        raise SubscriptionNotFound(f"no subscription {subscription_arn}") from None


def move_messages(
    from_queue_url: str, to_queue_url: str, on_moved: Callable[[int], object] = lambda count: None
) -> int:
    """Move every message from one queue to another, as SQS's own redrive does; return how many moved.

    Written out rather than StartMessageMoveTask so that it also works on moto's server. Each
    message is deleted only after the other queue has accepted it, so none is lost; a crash in
    between can leave one message in both, which the idempotency keys then absorb.
    """
    sqs = boto3.client("sqs")
    moved = 0
    while True:
        received = sqs.receive_message(
            QueueUrl=from_queue_url, MaxNumberOfMessages=10, MessageAttributeNames=["All"], WaitTimeSeconds=0
        ).get("Messages", [])
        if not received:
            return moved
        entries = [
            {"Id": str(index), "MessageBody": message["Body"]}
            | (
                {"MessageAttributes": message["MessageAttributes"]}
                if message.get("MessageAttributes")
                else {}
            )
            for index, message in enumerate(received)
        ]
        sent = sqs.send_message_batch(QueueUrl=to_queue_url, Entries=entries)  # type: ignore[arg-type]
        accepted = [received[int(entry["Id"])] for entry in sent.get("Successful", [])]
        if accepted:
            sqs.delete_message_batch(
                QueueUrl=from_queue_url,
                Entries=[
                    {"Id": str(index), "ReceiptHandle": m["ReceiptHandle"]}
                    for index, m in enumerate(accepted)
                ],
            )
        moved += len(accepted)
        on_moved(len(accepted))
        if len(accepted) < len(received):
            return moved  # the rest become visible again after the visibility timeout: run it again


def invoke_with_messages(
    queue_url: str, function_arn: str, on_sent: Callable[[int], object] = lambda count: None
) -> int:
    """Invoke the function asynchronously with each message's body, deleting the message once Lambda took it.

    What a chat dead-letter message holds is the event the chat function was invoked with, so
    this posts it again (and a post that fails again lands back in the queue). Returns how many.
    """
    sqs, functions = boto3.client("sqs"), boto3.client("lambda")
    sent = 0
    while received := sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0).get(
        "Messages", []
    ):
        for message in received:
            functions.invoke(
                FunctionName=function_arn, InvocationType="Event", Payload=message["Body"].encode()
            )
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
            sent += 1
            on_sent(1)
    return sent


def subscriptions(topic_arn: str) -> list[tuple[dict[str, str], dict[str, str] | None]]:
    """Every subscription to a topic as listed, with its attributes (None while pending: SNS has none to read)."""
    sns = boto3.client("sns")
    found: list[tuple[dict[str, str], dict[str, str] | None]] = []
    for page in sns.get_paginator("list_subscriptions_by_topic").paginate(TopicArn=topic_arn):
        for item in page["Subscriptions"]:
            listed = {key: str(item.get(key, "")) for key in ("SubscriptionArn", "Protocol", "Endpoint")}
            attributes: dict[str, str] | None = None
            if listed["SubscriptionArn"].startswith("arn:"):
                attributes = sns.get_subscription_attributes(SubscriptionArn=listed["SubscriptionArn"])[
                    "Attributes"
                ]
            found.append((listed, attributes))
    return found


def upload_article(path: Path, bucket: str, key: str) -> tuple[datetime, str]:
    """Upload the file; return the object's LastModified, S3's own clock (the one the functions share),
    and its ETag, which with the key makes the pipeline's idempotency key."""
    s3 = boto3.client("s3")
    s3.upload_file(str(path), bucket, key)
    head = s3.head_object(Bucket=bucket, Key=key)
    return head["LastModified"], str(head["ETag"]).strip('"')


def articles_under(bucket: str, prefix: str) -> Iterator[dict[str, Any]]:
    """Every object under a prefix, as S3 lists them (key, size, ETag)."""
    for page in boto3.client("s3").get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            yield dict(item)


def replay_batch(queue_url: str, bucket: str, objects: list[dict[str, Any]], replay_id: str) -> int:
    """Send S3-notification messages for up to ten objects; return how many the queue accepted.

    The replay marker joins the idempotency key, so a replay reprocesses objects that
    were already processed, while story de-duplication still keeps unchanged stories
    from being alerted twice.
    """
    region = boto3.session.Session().region_name or "us-east-1"
    entries = [
        {"Id": str(index), "MessageBody": json.dumps(_notification(bucket, item, region, replay_id))}
        for index, item in enumerate(objects)
    ]
    response = boto3.client("sqs").send_message_batch(QueueUrl=queue_url, Entries=entries)  # type: ignore[arg-type]
    return len(response.get("Successful", []))


def _notification(bucket: str, item: dict[str, Any], region: str, replay_id: str) -> dict[str, Any]:
    return {
        "Records": [
            {
                "eventVersion": "2.1",
                "eventSource": "aws:s3",
                "awsRegion": region,
                "eventTime": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
                "eventName": "ObjectCreated:Replay",
                "s3": {
                    "s3SchemaVersion": "1.0",
                    "configurationId": "takeaways-replay",
                    "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
                    "object": {
                        "key": quote_plus(item["Key"], safe="/"),
                        "size": item.get("Size", 0),
                        "eTag": str(item.get("ETag", "")).strip('"'),
                        "sequencer": "0",
                    },
                },
            }
        ],
        REPLAY_MARKER: replay_id,
    }


def run_digest_here(
    found: dict[str, str], period: DigestFrequency, fired_at: datetime, *, include_latest: bool = False
) -> DigestReport:
    """One firing of a digest schedule run in this process, as DigestFunction runs it (the local stack)."""
    from takeaways.adapters.link_keys import LinkKeys
    from takeaways.adapters.sns_publisher import SnsTopicPublisher
    from takeaways.adapters.story_table import DynamoStoryLedger
    from takeaways.config import default_of
    from takeaways.links.alert_links import LinkIssuer, link_issuer
    from takeaways.pipeline.digest import publish_digests

    # The links DigestFunction would put in: the stack's key, and its preferences page when it is served.
    keys = (
        LinkKeys(
            boto3.client("secretsmanager"), found["PreferenceLinkKey"], default_of("secret_cache_seconds")
        )
        if "PreferenceLinkKey" in found
        else None
    )
    page = found.get("PreferencesFunctionUrl", "")

    def issuer_for(subscriber_id: str) -> LinkIssuer | None:
        if keys is None or not page.startswith("http://127.0.0.1"):
            return None  # a page that is not served here would be a dead link
        return link_issuer(keys.signing(), page, subscriber_id, datetime.now(UTC))

    return publish_digests(
        period,
        fired_at,
        registry=subscriber_registry(found),
        # Only the digest lines are read: the story window plays no part.
        lines=DynamoStoryLedger(boto3.client("dynamodb"), found["StoryTable"], window_seconds=0),
        publisher=SnsTopicPublisher(boto3.client("sns"), found["SubscriberTopic"]),
        include_latest=include_latest,
        issuer_for=issuer_for,
    )


def invoke_digest(
    function_name: str, period: DigestFrequency, *, include_latest: bool = False
) -> dict[str, Any]:
    """Invoke the deployed DigestFunction with its schedule's input; its answer, or ``DigestFailed``."""
    event: dict[str, Any] = {"period": period} | ({"include_latest": True} if include_latest else {})
    response = boto3.client("lambda").invoke(FunctionName=function_name, Payload=json.dumps(event).encode())
    answer: dict[str, Any] = json.loads(response["Payload"].read() or b"{}")
    if response.get("FunctionError"):
        raise DigestFailed(str(answer.get("errorMessage") or answer))
    return answer


class DigestFailed(Exception):
    """The deployed DigestFunction failed (its message says which digests were not sent)."""
