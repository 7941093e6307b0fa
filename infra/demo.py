"""``make demo``: one article through the real template on moto's server, shown as subscribers see it.

    python -m infra.demo [--article PATH]

Deploys template.yaml onto a moto server on 127.0.0.1, subscribes an SQS inbox
(plus the template's e-mail subscription) and a Slack, a Teams and a Discord channel
(loopback webhooks, ``infra.chat_servers``), uploads the article under ``incoming/``,
drives the queues as Lambda's event source mappings would, and prints the e-mail, the
SMS, the JSON a machine subscriber receives and what each chat channel was posted.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import re
import sys
import textwrap
import time
import urllib.request
from pathlib import Path
from typing import Any

import boto3

from infra.chat_servers import ChatServers
from infra.event_sources import EventSourceRunner
from infra.function_urls import FunctionUrls
from infra.local_stack import DeployedStack, deploy
from infra.moto_server import running_moto_server
from infra.subscribers import subscribe_chat, subscribe_managed_queue
from takeaways.alerts.chat.limits import PLATFORMS

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "template.yaml"
DEFAULT_ARTICLE = ROOT / "samples" / "articles" / "harbour-bridge-closure.txt"
DEMO_EMAIL = "reader@example.com"
# The outlets of the sample articles, as an operator would list them (TrustedSources).
DEMO_TRUSTED_SOURCES = "Coastal Times=coastal-times.example,Northern Ledger,Kestrel Daily"
FUNCTION_LOG = ROOT / ".takeaways" / "demo-function-output.jsonl"
CHAT_MESSAGES = ROOT / ".takeaways" / "demo-chat-messages.json"
WAIT_SECONDS = 60
RULE = "-" * 78


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
    with running_moto_server() as endpoint, ChatServers() as chat, FunctionUrls(TEMPLATE) as function_urls:
        print(f"moto server listening on {endpoint}; deploying {TEMPLATE.name} ...")
        stack = deploy(
            TEMPLATE,
            function_urls=function_urls.urls,
            # FetchAllowLoopback: the chat channels post to webhooks on this machine.
            parameters={
                "AlertEmail": DEMO_EMAIL,
                "TrustedSources": DEMO_TRUSTED_SOURCES,
                "FetchAllowLoopback": "true",
            },
        )
        # A managed subscriber (as `takeaways subscribe` makes one): its copy carries its preference links.
        inbox_url = subscribe_managed_queue(stack, "demo-subscriber-inbox")
        for platform in PLATFORMS:
            subscribe_chat(stack, platform, chat.url(platform))
        bucket = stack.physical_id("ArticlesBucket")
        key = f"incoming/demo/{args.article.name}"
        boto3.client("s3").upload_file(str(args.article), bucket, key)
        print(f"uploaded {args.article} to s3://{bucket}/{key}\n")
        runner = EventSourceRunner(stack, redelivery_delay_seconds=1)
        function_urls.serve(runner.invoke)
        FUNCTION_LOG.parent.mkdir(exist_ok=True)
        # The functions' JSON logs and EMF metrics go to a file, as they would go to CloudWatch.
        with FUNCTION_LOG.open("w") as log, contextlib.redirect_stdout(log):
            delivered = wait_for_alert(runner, inbox_url, bucket)
            followed = None
            if delivered is not None:
                runner.run_until_idle(timeout_s=WAIT_SECONDS)  # ChatFunction's posts, invoked by SNS
                followed = follow_first_link(json.loads(delivered["Message"]))
        print(
            f"the functions' logs and metrics (as CloudWatch would get them): {FUNCTION_LOG.relative_to(ROOT)}"
        )
        if delivered is None:
            return report_no_alert(stack, bucket)
        show_subscriber_views(stack, delivered, bucket, key)
        show_chat_messages(chat)
        show_a_preference_link(followed)
    print(f"\n(demo finished in {time.monotonic() - started:.1f} s)")
    return 0


def wait_for_alert(runner: EventSourceRunner, inbox_url: str, bucket: str) -> dict[str, Any] | None:
    """The subscriber's alert, or None at once when the article was rejected (no alert will come)."""
    sqs, s3 = boto3.client("sqs"), boto3.client("s3")
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        runner.poll_once()
        if s3.list_objects_v2(Bucket=bucket, Prefix="rejected/", MaxKeys=1).get("KeyCount", 0):
            return None
        messages = sqs.receive_message(QueueUrl=inbox_url, MaxNumberOfMessages=1, WaitTimeSeconds=0).get(
            "Messages", []
        )
        if messages:
            envelope: dict[str, Any] = json.loads(messages[0]["Body"])
            return envelope
        time.sleep(0.2)
    return None


def show_subscriber_views(stack: DeployedStack, envelope: dict[str, Any], bucket: str, key: str) -> None:
    alert = json.loads(envelope["Message"])
    versions = published_versions(stack.physical_id("SubscriberTopic"), envelope["MessageId"])
    section("E-MAIL")
    print(f"To:      {DEMO_EMAIL}")
    print(f"Subject: {envelope.get('Subject', '')}\n")
    print(textwrap.indent(versions.get("email", "(no e-mail version)"), "  "))
    section("SMS")
    sms = versions.get("sms", "")
    print(f"  {sms}\n  ({len(sms)} characters)")
    section("JSON for SQS, Lambda and HTTPS subscribers (schemas/alert-v1.schema.json)")
    print(textwrap.indent(compact_json(alert), "  "))
    print("\n  message attributes for filter policies:")
    for name, attribute in sorted(envelope.get("MessageAttributes", {}).items()):
        print(f"    {name:<9} {attribute['Type']:<13} {attribute['Value']}")
    section("STORED")
    print(f"  summary record: {alert['summary_object']}")
    print(f"  article:        s3://{bucket}/{key}")


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
    print(f"  {link['label']}: {link['url'][:72]}...")
    print(f"  -> HTTP {status}: {html.unescape(heading.group(1)) if heading else page[:80]} [Confirm]")


def show_chat_messages(chat: ChatServers) -> None:
    """What each channel was posted, in a line or two; the whole messages go to a file."""
    section("CHAT: what a Slack, a Microsoft Teams and a Discord channel were posted")
    messages = {item.platform: item.body for item in chat.received()}
    for platform in PLATFORMS:
        body = messages.get(platform)
        if body is None:
            print(f"  {platform}: nothing posted (answers: {chat.answered(platform)})")
        elif platform == "slack":
            kinds = ", ".join(block["type"] for block in body["blocks"])
            print(
                f"  Slack, {len(body['blocks'])} blocks ({kinds}):\n    {body['blocks'][0]['text']['text']}"
            )
        elif platform == "teams":
            card = body["attachments"][0]["content"]
            actions = [action["title"] for action in card.get("actions", [])]
            button = f", button: {actions[0]}" if actions else ""
            print(f"  Teams, an Adaptive Card {card['version']} of {len(card['body'])} elements{button}")
            print(f"    {card['body'][0]['text']}")
        else:
            embed = body["embeds"][0]
            fields = ", ".join(field["name"] for field in embed["fields"])
            print(f"  Discord, an embed with fields {fields}:\n    {embed['title']}")
    CHAT_MESSAGES.write_text(json.dumps(messages, indent=2, ensure_ascii=False))
    print(f"\n  the whole messages: {CHAT_MESSAGES.relative_to(ROOT)}")


def compact_json(document: dict[str, Any]) -> str:
    """Indented JSON with short lists of numbers and names kept on one line, for a terminal."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return re.sub(
        r"\[\s*((?:\d+|\"[^\"\n]{0,40}\")(?:,\s*(?:\d+|\"[^\"\n]{0,40}\"))*)\s*\]",
        lambda match: "[" + ", ".join(part.strip() for part in match.group(1).split(",")) + "]",
        text,
    )


def published_versions(topic_arn: str, message_id: str) -> dict[str, str]:
    """The per-protocol versions of one published message, from moto's record of notifications.

    Real SNS would e-mail and text subscribers; moto keeps what was published instead.
    """
    from moto.sns.models import sns_backends

    region = topic_arn.split(":")[3]
    account = topic_arn.split(":")[4]
    topic = sns_backends[account][region].topics[topic_arn]
    for sent_id, message, *_ in topic.sent_notifications:
        if sent_id == message_id:
            versions: dict[str, str] = json.loads(message)
            return versions
    return {}


def report_no_alert(stack: DeployedStack, bucket: str) -> int:
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
