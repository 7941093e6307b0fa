"""``make demo``: one article through the real template on moto's server, shown as each subscriber gets it.

    python -m infra.demo [--article PATH]

Deploys template.yaml onto a moto server on 127.0.0.1 and subscribes one managed subscriber of each
kind, as ``takeaways subscribe`` does: an e-mail address, a phone number, a webhook (a loopback HTTP
server), an SQS queue, and a Slack, a Teams and a Discord channel (loopback webhooks,
``infra.chat_servers``). It uploads the article under ``incoming/``, drives the queues as Lambda's
event source mappings would, and prints what each received: the e-mail's subject and body, the SMS
text, the webhook's POST, the queue's message, the event a Lambda subscriber is invoked with, and each
chat message as its channel shows it. Preference tokens are shortened on screen; the whole messages
are written to ``.takeaways/demo-messages.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import http.server
import json
import re
import sys
import textwrap
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

from infra.chat_servers import ChatServers
from infra.demo_views import compact_json, discord_lines, indented, short_tokens, slack_lines, teams_lines
from infra.event_sources import EventSourceRunner
from infra.function_urls import FunctionUrls
from infra.local_stack import DeployedStack, deploy
from infra.moto_server import running_moto_server
from infra.subscribers import subscribe_chat, subscribe_managed, subscribe_managed_queue
from takeaways.alerts.chat.limits import PLATFORMS

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "template.yaml"
DEFAULT_ARTICLE = ROOT / "samples" / "articles" / "harbour-bridge-closure.txt"
DEMO_EMAIL = "reader@example.com"
DEMO_PHONE = "+447700900123"
# The outlets of the sample articles, as an operator would list them (TrustedSources).
DEMO_TRUSTED_SOURCES = "Coastal Times=coastal-times.example,Northern Ledger,Kestrel Daily"
FUNCTION_LOG = ROOT / ".takeaways" / "demo-function-output.jsonl"
MESSAGES_FILE = ROOT / ".takeaways" / "demo-messages.json"
WAIT_SECONDS = 60
RULE = "-" * 78
_CHAT_NAMES = {"slack": "Slack", "teams": "Microsoft Teams", "discord": "Discord"}
_CHAT_READERS = {"slack": slack_lines, "teams": teams_lines, "discord": discord_lines}
_CHAT_FORMS = {"slack": "Block Kit blocks", "teams": "an Adaptive Card", "discord": "an embed"}


@dataclass
class Subscribers:
    """The demo's subscriber of each kind: ids by protocol, and where the queue and webhook receive."""

    ids: dict[str, str] = field(default_factory=dict)
    inbox_url: str = ""
    webhook_url: str = ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--article", type=Path, default=DEFAULT_ARTICLE, help="any .txt .md .html or .json file"
    )
    args = parser.parse_args(argv)
    if not args.article.is_file():
        print(f"no such article: {args.article}", file=sys.stderr)
        return 2
    started = time.monotonic()
    with (
        running_moto_server() as endpoint,
        ChatServers() as chat,
        FunctionUrls(TEMPLATE) as function_urls,
        recording_webhook() as webhook,
    ):
        print(f"moto server listening on {endpoint}; deploying {TEMPLATE.name} ...")
        stack = deploy(
            TEMPLATE,
            function_urls=function_urls.urls,
            # FetchAllowLoopback: the chat channels and the webhook are servers on this machine.
            parameters={"TrustedSources": DEMO_TRUSTED_SOURCES, "FetchAllowLoopback": "true"},
        )
        subscribers = subscribe_one_of_each(stack, chat, webhook.url)
        kinds = ", ".join([*subscribers.ids, "sqs", *PLATFORMS])
        print(f"subscribed one managed subscriber of each kind: {kinds}")
        print("(each preference link's signed token is shortened here to its first characters and '…')")
        bucket = stack.physical_id("ArticlesBucket")
        key = f"incoming/demo/{args.article.name}"
        boto3.client("s3").upload_file(str(args.article), bucket, key)
        print(
            f"uploaded {args.article.relative_to(ROOT) if args.article.is_relative_to(ROOT) else args.article}"
        )
        runner = EventSourceRunner(stack, redelivery_delay_seconds=1)
        function_urls.serve(runner.invoke)
        FUNCTION_LOG.parent.mkdir(exist_ok=True)
        # The functions' JSON logs and EMF metrics go to a file, as they would go to CloudWatch.
        with FUNCTION_LOG.open("w") as log, contextlib.redirect_stdout(log):
            queued = wait_for_alert(runner, subscribers.inbox_url, bucket)
            followed = None
            if queued is not None:
                runner.run_until_idle(timeout_s=WAIT_SECONDS)  # ChatFunction's posts, invoked by SNS
                followed = follow_first_link(json.loads(queued["Body"]))
        print(
            f"the functions' logs and metrics (as CloudWatch would get them): {FUNCTION_LOG.relative_to(ROOT)}"
        )
        if queued is None:
            return report_no_alert(bucket)
        copies = subscriber_copies(stack.physical_id("SubscriberTopic"))
        whole = show_what_each_subscriber_got(subscribers, copies, queued, webhook.received, chat)
        show_a_preference_link(followed)
        section("STORED")
        alert = json.loads(queued["Body"])
        print(f"  summary record: {alert['summary_object']}")
        print(f"  article:        s3://{bucket}/{key}")
        MESSAGES_FILE.write_text(json.dumps(whole, indent=2, ensure_ascii=False))
        print(f"\nthe whole messages, tokens and all: {MESSAGES_FILE.relative_to(ROOT)}")
    print(f"(demo finished in {time.monotonic() - started:.1f} s)")
    return 0


def subscribe_one_of_each(stack: DeployedStack, chat: ChatServers, webhook_url: str) -> Subscribers:
    """E-mail, SMS, webhook, SQS and the three chat platforms, each a managed instant subscriber."""
    subscribers = Subscribers(webhook_url=webhook_url)
    subscribers.ids["email"] = subscribe_managed(stack, "email", DEMO_EMAIL)
    subscribers.ids["sms"] = subscribe_managed(stack, "sms", DEMO_PHONE)
    subscribers.ids["webhook"] = subscribe_managed(stack, "http", webhook_url)
    subscribers.inbox_url = subscribe_managed_queue(stack, "demo-subscriber-inbox", envelope=False)
    for platform in PLATFORMS:
        subscribe_chat(stack, platform, chat.url(platform))
    return subscribers


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A webhook that answers 200 and keeps each POST's headers and body."""

    received: list[tuple[dict[str, str], bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.received.append(({name.lower(): value for name, value in self.headers.items()}, body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class _Webhook:
    url: str
    received: list[tuple[dict[str, str], bytes]]


@contextlib.contextmanager
def recording_webhook() -> Iterator[_Webhook]:
    """A subscriber's webhook on loopback (HTTP: on AWS it would be an https:// URL of theirs)."""
    received: list[tuple[dict[str, str], bytes]] = []
    handler = type("Handler", (_Recorder,), {"received": received})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="demo-webhook", daemon=True)
    thread.start()
    try:
        yield _Webhook(f"http://127.0.0.1:{server.server_address[1]}/takeaways", received)
    finally:
        server.shutdown()
        server.server_close()


def wait_for_alert(runner: EventSourceRunner, inbox_url: str, bucket: str) -> dict[str, Any] | None:
    """The queue subscriber's message, or None at once when the article was rejected (no alert will come)."""
    sqs, s3 = boto3.client("sqs"), boto3.client("s3")
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        runner.poll_once()
        if s3.list_objects_v2(Bucket=bucket, Prefix="rejected/", MaxKeys=1).get("KeyCount", 0):
            return None
        messages = sqs.receive_message(
            QueueUrl=inbox_url,
            MaxNumberOfMessages=1,
            WaitTimeSeconds=0,
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if messages:
            return dict(messages[0])
        time.sleep(0.2)
    return None


@dataclass(frozen=True)
class Copy:
    """One message DeliveryFunction published for one subscriber: its text per protocol and attributes."""

    message_id: str
    subject: str
    versions: dict[str, str]
    attributes: dict[str, str]


def subscriber_copies(topic_arn: str) -> dict[str, Copy]:
    """Each subscriber's copy, by subscriber id, from moto's record of what the topic published.

    Real SNS would e-mail and text the subscribers; moto keeps what was published instead.
    """
    from moto.sns.models import sns_backends

    region, account = topic_arn.split(":")[3:5]
    topic = sns_backends[account][region].topics[topic_arn]
    copies: dict[str, Copy] = {}
    for message_id, message, subject, attributes, _ in topic.sent_notifications:
        values = {
            name: str(value.get("Value", value.get("StringValue", "")))
            for name, value in (attributes or {}).items()
        }
        try:
            versions = json.loads(message)
        except ValueError:
            versions = {"default": message}
        if "subscriber" in values and isinstance(versions, dict):
            copies[values["subscriber"]] = Copy(message_id, subject or "", versions, values)
    return copies


def published_versions(topic_arn: str, message_id: str) -> dict[str, str]:
    """The per-protocol versions of one published message, from moto's record of notifications."""
    from moto.sns.models import sns_backends

    region, account = topic_arn.split(":")[3:5]
    topic = sns_backends[account][region].topics[topic_arn]
    for sent_id, message, *_ in topic.sent_notifications:
        if sent_id == message_id:
            versions: dict[str, str] = json.loads(message)
            return versions
    return {}


def show_what_each_subscriber_got(
    subscribers: Subscribers,
    copies: dict[str, Copy],
    queued: dict[str, Any],
    posts: list[tuple[dict[str, str], bytes]],
    chat: ChatServers,
) -> dict[str, Any]:
    """Print each subscriber's message, readable; return the whole messages for the file."""
    whole: dict[str, Any] = {}
    email = copies.get(subscribers.ids["email"])
    section(f"E-MAIL to {DEMO_EMAIL}")
    if email is None:
        print("  (no copy was made for the e-mail subscriber)")
    else:
        print(f"  Subject: {email.subject}\n")
        print(indented(short_tokens(email.versions.get("email", "")).rstrip().splitlines()))
        whole["email"] = {"subject": email.subject, "body": email.versions.get("email", "")}
    sms = copies.get(subscribers.ids["sms"])
    section(f"SMS to {DEMO_PHONE}")
    text = sms.versions.get("sms", "") if sms else ""
    print(f"  {text}  ({len(text)} characters)" if sms else "  (no copy was made for the SMS subscriber)")
    whole["sms"] = text
    section(
        "WEBHOOK: the POST an HTTPS subscriber gets (loopback HTTP here), the alert JSON: schemas/alert-v1.schema.json"
    )
    if posts:
        headers, body = posts[0]
        for name in ("content-type", "x-amz-sns-message-type", "x-amz-sns-rawdelivery"):
            print(f"  {name}: {headers.get(name, '')}")
        print()
        document = json.loads(body)
        print(textwrap.indent(compact_json(document), "  "))
        whole["webhook"] = {"headers": headers, "body": document}
    else:
        print("  (the webhook was posted nothing)")
    section("SQS: a queue subscriber's message (the same JSON, with attributes for filter policies)")
    body = json.loads(queued["Body"])
    unlinked: dict[str, Any] = {"preference_links": []}
    if posts and json.loads(posts[0][1]) | unlinked == body | unlinked:
        print("  body: the JSON above, with this subscriber's own preference links")
    else:
        print(textwrap.indent(compact_json(body), "  "))
    print("  message attributes:")
    for name, attribute in sorted(queued.get("MessageAttributes", {}).items()):
        print(f"    {name:<10} {attribute['DataType']:<13} {attribute.get('StringValue', '')}")
    whole["sqs"] = {"body": body, "attributes": queued.get("MessageAttributes", {})}
    section(
        "LAMBDA: the event SNS invokes a subscribed function with (its shape; no function of yours runs here)"
    )
    print('  {"Records": [{"EventSource": "aws:sns", "Sns": {"Type": "Notification", "MessageId": "...",')
    print('    "Subject": "...", "Message": "<the alert JSON above, as a string>",')
    print('    "MessageAttributes": {"priority": {"Type": "Number", "Value": "2"}, ...}}}]}')
    received = {item.platform: item.body for item in chat.received()}
    first: list[str] | None = None
    for platform in PLATFORMS:
        section(f"{_CHAT_NAMES[platform].upper()}: the channel is posted {_CHAT_FORMS[platform]}; it reads")
        message = received.get(platform)
        if message is None:
            print(f"  nothing was posted (the webhook's answers: {chat.answered(platform)})")
            continue
        whole[platform] = message
        lines = [line for line in _CHAT_READERS[platform](message) if line.strip()]
        if first is None:
            first, named = lines, _CHAT_NAMES[platform]
            print(indented(lines))
            continue
        # The platforms say the same things: after the first, only what reads differently is shown.
        different = [line for line in lines if line not in first]
        print(f"  as the {named} message above" + (", except:" if different else ", line for line"))
        if different:
            print(indented(different, "    "))
    return whole


def follow_first_link(alert: dict[str, Any]) -> tuple[dict[str, Any], int, str] | None:
    """Follow the alert's first preference link as a reader would: (the link, HTTP status, page)."""
    links = alert.get("preference_links") or []
    if not links:
        return None
    with urllib.request.urlopen(links[0]["url"]) as answer:
        return links[0], answer.status, answer.read().decode()


def show_a_preference_link(followed: tuple[dict[str, Any], int, str] | None) -> None:
    section("PREFERENCE LINK: what following one shows (nothing changes until it is confirmed)")
    if followed is None:
        print("  (the alert carries no preference links)")
        return
    link, status, page = followed
    heading = re.search(r"<h1>(.*?)</h1>", page)
    print(f"  {link['label']}: {short_tokens(link['url'])}")
    print(f"  -> HTTP {status}: {html.unescape(heading.group(1)) if heading else page[:80]} [Confirm]")


def report_no_alert(bucket: str) -> int:
    """Say where the article went instead: a rejection record, or a dead-letter queue."""
    s3 = boto3.client("s3")
    rejected = s3.list_objects_v2(Bucket=bucket, Prefix="rejected/").get("Contents", [])
    print("No alert: the article was rejected." if rejected else f"No alert arrived within {WAIT_SECONDS} s.")
    for item in rejected:
        record = json.loads(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())
        print(f"  rejected: {record['reason']} - {record['detail']}  (s3://{bucket}/{item['Key']})")
    return 1


def section(title: str) -> None:
    print(f"\n{RULE}\n{title}\n{RULE}")


if __name__ == "__main__":
    raise SystemExit(main())
