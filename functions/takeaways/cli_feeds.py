"""``takeaways feeds add|remove|list`` and ``takeaways fetch``: the feed commands, registered by ``cli.py``.

takeaways feeds add URL --source NAME [--trusted] [--language en] [--topics a,b] [--every MIN]
takeaways feeds remove URL
takeaways feeds list
takeaways fetch URL [--dry-run]        one page, extracted as the poller does, into incoming/fetched/
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from takeaways.exit_codes import ExitCode
from takeaways.text.iptc import TOPIC_SLUGS

if TYPE_CHECKING:
    from takeaways.adapters.feed_table import DynamoFeedTable

FETCHED_GROUP = "fetched"
REFUSED = 2


def register_feed_commands(commands: Any, stack_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``feeds`` and ``fetch`` to the CLI's subcommands."""
    from takeaways.feeds.limits import DEFAULT_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES

    feeds = commands.add_parser("feeds", help="add, remove or list the feeds the poller follows")
    actions = feeds.add_subparsers(required=True, metavar="ACTION")

    add = actions.add_parser("add", help="follow a feed (RSS, Atom or JSON Feed); re-adding updates it")
    stack_option(add)
    add.add_argument("url", help="the feed's URL")
    add.add_argument(
        "--source", required=True, help="publication name, as alerts and filter policies show it"
    )
    add.add_argument(
        "--trusted",
        action="store_true",
        help="its entries may link to other sites (default: its own site only)",
    )
    add.add_argument("--language", help="ISO 639-1 code of its articles, when pages do not say")
    add.add_argument(
        "--topics", default="", help=f"comma-separated default topics, from: {', '.join(TOPIC_SLUGS)}"
    )
    add.add_argument(
        "--every",
        type=int,
        default=DEFAULT_INTERVAL_MINUTES,
        metavar="MINUTES",
        help=f"polling interval, {MIN_INTERVAL_MINUTES}..{MAX_INTERVAL_MINUTES} (default {DEFAULT_INTERVAL_MINUTES})",
    )
    add.set_defaults(run=_add)

    remove = actions.add_parser("remove", help="stop following a feed")
    stack_option(remove)
    remove.add_argument("url")
    remove.set_defaults(run=_remove)

    listing = actions.add_parser("list", help="the feeds, their settings and how their last polls went")
    stack_option(listing)
    listing.add_argument("--json", action="store_true", help="one JSON object per feed")
    listing.set_defaults(run=_list)

    fetch = commands.add_parser("fetch", help="extract one article page and put it under incoming/")
    stack_option(fetch)
    fetch.add_argument("url")
    fetch.add_argument("--source", help="publication name (default: the page's site name)")
    fetch.add_argument(
        "--dry-run", action="store_true", help="print the extracted article's summary; upload nothing"
    )
    fetch.add_argument(
        "--allow-loopback",
        action="store_true",
        help="allow 127.0.0.1 (test servers); private ranges stay refused",
    )
    fetch.set_defaults(run=_fetch)


def _table(args: argparse.Namespace) -> DynamoFeedTable:
    from takeaways.adapters.clients import dynamodb_client
    from takeaways.adapters.feed_table import DynamoFeedTable
    from takeaways.adapters.operator import StackNotFound, stack_resources

    try:
        resources = stack_resources(args.stack)
    except StackNotFound as error:
        raise SystemExit(str(error)) from error
    if "FeedTable" not in resources:
        raise SystemExit("this stack has no FeedTable: deploy a template with the feed poller first")
    return DynamoFeedTable(dynamodb_client(), resources["FeedTable"])


def _add(args: argparse.Namespace) -> int:
    from takeaways.feeds.model import Feed, FeedConfigInvalid

    topics = tuple(part.strip() for part in args.topics.split(",") if part.strip())
    try:
        feed = Feed(
            url=args.url.strip(),
            source=args.source.strip(),
            trusted=args.trusted,
            language=args.language,
            topics=topics,
            interval_minutes=args.every,
        )
    except FeedConfigInvalid as error:
        raise SystemExit(f"takeaways feeds add: {error}") from None
    _table(args).put_feed(feed)
    print(f"following {feed.url} as {feed.source!r} (feed {feed.feed_id}), every {feed.interval_minutes} min")
    print(f"  trusted: {'yes' if feed.trusted else 'no (links must stay on its own site)'}")
    print(
        f"  language: {feed.language or 'from each page'}; topics: {', '.join(feed.topics) or 'from each article'}"
    )
    poller = (
        "the local stack's poller runs every 30 s"
        if args.stack is None
        else "the poller runs every 5 minutes"
    )
    print(
        f"  its new entries arrive at the first poll after each {feed.interval_minutes} min ({poller}), then as alerts"
    )
    return 0


def _remove(args: argparse.Namespace) -> int:
    from takeaways.feeds.model import feed_id_for

    if not _table(args).remove_feed(feed_id_for(args.url)):
        print(f"takeaways feeds remove: no feed {args.url}", file=sys.stderr)
        return ExitCode.FAILED
    print(f"no longer following {args.url}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from takeaways.feeds.limits import FAILING_AFTER

    records = sorted(_table(args).feeds(), key=lambda record: record.feed.source.lower())
    if args.json:
        for record in records:
            print(json.dumps(_as_json(record)))
        return 0
    print(f"{len(records)} feed(s)")
    for record in records:
        feed, state = record.feed, record.state
        health = "suspended" if state.suspended else "failing" if state.failures >= FAILING_AFTER else "ok"
        if state.failures and not state.suspended and health == "ok":
            health = f"{state.failures} failure(s)"
        print(f"  {feed.source} <{feed.url}>")
        print(
            f"      every {feed.interval_minutes} min, {'trusted' if feed.trusted else 'untrusted'}, "
            f"language {feed.language or '-'}, topics {', '.join(feed.topics) or '-'}"
        )
        polled = f"{state.last_polled_at:%Y-%m-%d %H:%M} UTC" if state.last_polled_at else "never"
        due = f"{state.next_poll_at:%Y-%m-%d %H:%M} UTC" if state.next_poll_at else "now"
        print(f"      {health}; last polled {polled}; next {due}")
        if state.last_error:
            print(f"      last error: {state.last_error}")
    return 0


def _as_json(record: Any) -> dict[str, Any]:
    from takeaways.records import to_jsonable

    return {"feed_id": record.feed.feed_id, **to_jsonable(record.feed), "state": to_jsonable(record.state)}


def _fetch(args: argparse.Namespace) -> int:
    from takeaways.feeds.article import article_document, article_key
    from takeaways.feeds.fetch import Fetcher
    from takeaways.feeds.model import FetchRefused
    from takeaways.feeds.pages import read_page
    from takeaways.feeds.urls import AddressPolicy
    from takeaways.text.slugs import slug

    fetcher = Fetcher(AddressPolicy(allow_loopback=args.allow_loopback))
    try:
        fetched = read_page(fetcher, args.url)
    except FetchRefused as refused:
        print(f"refused ({refused.problem.value}): {refused.detail}", file=sys.stderr)
        return REFUSED
    now = datetime.now(UTC)
    document = article_document(fetched.page, url=fetched.final_url, fetched_at=now)
    if args.source:
        document["source"] = args.source
    if args.dry_run:
        return _print_summary(document)
    from urllib.parse import urlsplit

    from takeaways.adapters.operator import StackNotFound, stack_resources

    try:
        bucket = stack_resources(args.stack)["ArticlesBucket"]
    except StackNotFound as error:
        raise SystemExit(str(error)) from error
    host = slug(urlsplit(fetched.final_url).hostname or "site") or "site"
    key = article_key("incoming/", document, group=f"{FETCHED_GROUP}/{host}", at=now)
    from takeaways.adapters.clients import s3_client

    s3_client().put_object(
        Bucket=bucket,
        Key=key,
        Body=json.dumps(document, ensure_ascii=False, indent=2).encode(),
        ContentType="application/json; charset=utf-8",
    )
    print(f"fetched {fetched.final_url}: {document.get('title', '(no title)')}")
    print(f"uploaded to s3://{bucket}/{key}")
    return 0


def _print_summary(document: dict[str, Any]) -> int:
    from takeaways.article import parse_article
    from takeaways.cli import render_summary_text
    from takeaways.engines.extractive import ExtractiveEngine
    from takeaways.errors import ArticleRejected

    try:
        article = parse_article(json.dumps(document).encode(), "fetched.json")
    except ArticleRejected as rejected:
        print(f"rejected ({rejected.reason.value}): {rejected.detail}", file=sys.stderr)
        return REFUSED
    for name in ("url", "source", "author", "published", "language"):
        if document.get(name):
            print(f"{name + ':':<11}{document[name]}")
    print(f"{'words:':<11}{len(article.body.split())}\n")
    print(render_summary_text(ExtractiveEngine().summarise(article)))
    return 0
