"""``make demo FEED=...``: a feed polled on the local stack, and the alerts its new entries produce.

    python -m infra.feed_demo [--feed DIR | --feed URL]

DIR (default ``samples/feeds/coastal-times``) is a folder with a feed (feed.xml, atom.xml or
feed.json) and its pages, served here on 127.0.0.1 as a publisher would serve them; a URL
is a feed already served on loopback. The template is deployed on moto's server with
loopback fetching allowed (its one exception to the address checks), the feed is added as
``takeaways feeds add`` does, the feed poller's schedule is fired once, the queues are
driven, and every alert is printed as its e-mail subscriber reads it. A second firing
shows the conditional request: the unchanged feed costs one 304 and writes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import boto3

from infra.demo import DEMO_EMAIL, ROOT, TEMPLATE, published_versions, section
from infra.event_sources import EventSourceRunner
from infra.feed_site import LoopbackSite
from infra.local_stack import DeployedStack, deploy
from infra.moto_server import running_moto_server
from infra.schedules import ScheduleRunner
from infra.subscribers import subscribe_queue

DEFAULT_FEED = ROOT / "samples" / "feeds" / "coastal-times"
FEED_FILES = ("feed.xml", "atom.xml", "feed.json")
FUNCTION_LOG = ROOT / ".takeaways" / "feed-demo-function-output.jsonl"
WAIT_SECONDS = 90


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--feed", default=str(DEFAULT_FEED), help="a folder with a feed and its pages, or a feed URL"
    )
    parser.add_argument("--source", help="publication name (default: the folder's name)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with contextlib.ExitStack() as stack_of_things:
        feed_url, source = _feed(args.feed, args.source, stack_of_things)
        if feed_url is None:
            return 2
        endpoint = stack_of_things.enter_context(running_moto_server())
        print(f"moto server on {endpoint}; deploying {TEMPLATE.name} (FetchAllowLoopback=true) ...")
        stack = deploy(TEMPLATE, parameters={"AlertEmail": DEMO_EMAIL, "FetchAllowLoopback": "true"})
        inbox_url = subscribe_queue(stack.physical_id("AlertsTopic"), "feed-demo-inbox")
        _add_feed(stack, feed_url, source)
        print(f"takeaways feeds add {feed_url} --source {source!r}\n")
        runner = EventSourceRunner(stack, redelivery_delay_seconds=1)
        scheduler = ScheduleRunner(runner)
        FUNCTION_LOG.parent.mkdir(exist_ok=True)
        with FUNCTION_LOG.open("w") as log, contextlib.redirect_stdout(log):
            first = scheduler.fire("FeedPollerFunction")
            alerts = wait_for_alerts(runner, inbox_url, expected=first["articles"])
            _make_due(stack)
            second = scheduler.fire("FeedPollerFunction")
        print(f"the functions' logs and metrics: {FUNCTION_LOG.relative_to(ROOT)}")
        report_poll("first poll", first)
        show_rejections(stack)
        for envelope in alerts:
            show_alert(stack, envelope)
        if not alerts:
            print("\nNo alert arrived: see the rejections above and the functions' log.")
        report_poll("second poll, once the feed's interval has passed (a conditional request: 304)", second)
    print(f"\n(feed demo finished in {time.monotonic() - started:.1f} s)")
    return 0 if alerts else 1


def _feed(feed: str, source: str | None, resources: contextlib.ExitStack) -> tuple[str | None, str]:
    if feed.startswith(("http://", "https://")):
        return feed, source or "Demo Feed"
    directory = Path(feed)
    found = next((directory / name for name in FEED_FILES if (directory / name).is_file()), None)
    if found is None:
        print(f"no feed in {directory}: expected one of {', '.join(FEED_FILES)}", file=sys.stderr)
        return None, ""
    site = resources.enter_context(LoopbackSite())
    site.add_directory(directory)
    print(f"serving {directory} on {site.base}")
    return site.url(f"/{found.name}"), source or directory.name.replace("-", " ").title()


def _add_feed(stack: DeployedStack, url: str, source: str) -> None:
    from takeaways.adapters.feed_table import DynamoFeedTable
    from takeaways.feeds.model import Feed

    # The operator's own sample feed, so trusted: its name is each alert's source.
    DynamoFeedTable(boto3.client("dynamodb"), stack.physical_id("FeedTable")).put_feed(
        Feed(url=url, source=source, trusted=True)
    )


def _make_due(stack: DeployedStack) -> None:
    """Time compressed: the feed's interval is over at once."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from takeaways.adapters.feed_table import DynamoFeedTable

    table = DynamoFeedTable(boto3.client("dynamodb"), stack.physical_id("FeedTable"))
    for record in table.feeds():
        table.save_state(record.feed.feed_id, replace(record.state, next_poll_at=datetime.now(UTC)))


def wait_for_alerts(runner: EventSourceRunner, inbox_url: str, *, expected: int) -> list[dict[str, Any]]:
    """Drive the queues until ``expected`` alerts reached the inbox (or the wait is over)."""
    sqs = boto3.client("sqs")
    alerts: list[dict[str, Any]] = []
    deadline = time.monotonic() + WAIT_SECONDS
    while len(alerts) < expected and time.monotonic() < deadline:
        runner.poll_once()
        for message in sqs.receive_message(QueueUrl=inbox_url, MaxNumberOfMessages=10).get("Messages", []):
            alerts.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=inbox_url, ReceiptHandle=message["ReceiptHandle"])
        time.sleep(0.1)
    return alerts


def report_poll(title: str, outcome: dict[str, Any]) -> None:
    section(title.upper())
    print(
        f"  feeds polled {outcome['feeds_due']}, not modified {outcome['feeds_not_modified']}, "
        f"failed {outcome['feeds_failed']}; new entries {outcome['entries_new']}, "
        f"articles written {outcome['articles']}, duplicates {outcome['duplicates']}, "
        f"rejected {outcome['rejected'] or 0}"
    )


def show_rejections(stack: DeployedStack) -> None:
    s3 = boto3.client("s3")
    bucket = stack.physical_id("ArticlesBucket")
    for item in s3.list_objects_v2(Bucket=bucket, Prefix="rejected/").get("Contents", []):
        record = json.loads(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())
        print(f"  rejected: {record['reason']} - {record['detail']}  ({item['Key']})")


def show_alert(stack: DeployedStack, envelope: dict[str, Any]) -> None:
    alert = json.loads(envelope["Message"])
    versions = published_versions(stack.physical_id("AlertsTopic"), envelope["MessageId"])
    section(f"E-MAIL to {DEMO_EMAIL}: {envelope.get('Subject', '')}")
    print(textwrap.indent(versions.get("email", "(no e-mail version)"), "  "))
    print(f"\n  SMS: {versions.get('sms', '')}")
    print(f"  stored: {alert.get('summary_object', '')}")


if __name__ == "__main__":
    raise SystemExit(main())
