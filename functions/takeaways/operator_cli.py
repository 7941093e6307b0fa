"""The operator commands of ``takeaways``: subscriptions, uploads, the pipeline's state, pausing alerts.

takeaways subscribe --protocol P --endpoint E [filters]   subscribe an endpoint (checked per protocol)
takeaways subscribe --protocol slack|teams|discord ...    a chat channel: its webhook URL in Secrets Manager
takeaways create-inbox NAME                               an SQS queue the alert topics may send to
takeaways unsubscribe ARN|ENDPOINT                        remove a subscription
takeaways subscriptions [--digest]                        ARN, protocol, status, frequency, delivery, filter
takeaways upload FILE [--wait]                            upload an article; --wait prints its alert or rejection
takeaways status                                          queues, alarms, the last hour, the last ten alerts
takeaways pause alerts / resume alerts                    stop and restart the alert stage; nothing is lost

They work on the local stack of ``make up`` or, with ``--stack NAME``, on a deployed stack.
Errors are one line on stderr (exit 1); a rejected upload exits 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from takeaways.alerts.chat.limits import PLATFORMS
from takeaways.alerts.subscription import PROTOCOLS, InvalidEndpoint, check_endpoint
from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.language import SUPPORTED_LANGUAGES

if TYPE_CHECKING:
    from takeaways.adapters.operations import EventSources, QueueState
    from takeaways.alerts.payload import AlertPayload

# The stages an operator can pause, by the name the command takes: the function whose queue
# event sources are switched off. Only the alert stage: pausing summaries would hold nothing back.
PAUSABLE_STAGES = {"alerts": "NotifyFunction"}
# Queues shown by `status`, by logical id in the template, as the runbook names them.
STATUS_QUEUES = {
    "IngestQueue": "ingest queue",
    "IngestDeadLetterQueue": "ingest DLQ",
    "AlertQueue": "alert queue",
    "AlertDeadLetterQueue": "alert DLQ",
    "SubscriptionDeadLetterQueue": "subscription DLQ",
    "ChatDeadLetterQueue": "chat DLQ",
}
# What each chat platform's channel receives, as `subscribe` says it.
CHAT_FORMATS = {
    "slack": "Slack blocks (incoming webhook)",
    "teams": "an Adaptive Card (Teams workflow webhook)",
    "discord": "an embed (Discord webhook)",
}
WAIT_SECONDS = 120
_POLL_SECONDS = 0.5
_QUIET_SECONDS = 3.0  # the alert queue empty this long after the summary: the alert stage is done
SubcommandAdder = Any  # argparse's _SubParsersAction, which it does not export


def register(commands: SubcommandAdder, stack_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the operator commands to the ``takeaways`` parser."""
    subscribe = commands.add_parser("subscribe", help="subscribe an endpoint to alerts, with a filter policy")
    stack_option(subscribe)
    subscribe.add_argument("--protocol", required=True, choices=(*PROTOCOLS, *PLATFORMS))
    subscribe.add_argument(
        "--endpoint",
        required=True,
        help="e-mail address, E.164 phone number (+447700900123), queue or function ARN, URL,"
        " or a Slack, Teams (workflow) or Discord webhook URL",
    )
    subscribe.add_argument(
        "--topics",
        type=_csv,
        default=[],
        help=f"comma-separated IPTC Media Topics, from: {', '.join(TOPIC_SLUGS)}",
    )
    subscribe.add_argument("--entities", type=_csv, default=[], help="comma-separated names")
    subscribe.add_argument("--sources", type=_csv, default=[], help="comma-separated publication names")
    subscribe.add_argument(
        "--languages",
        type=_csv,
        default=[],
        help=f"comma-separated ISO 639-1 codes, from: {', '.join(SUPPORTED_LANGUAGES)}",
    )
    subscribe.add_argument("--min-priority", type=int, choices=range(1, 6), help="1 routine .. 5 urgent")
    subscribe.add_argument(
        "--no-updates", action="store_true", help="skip alerts that update an earlier story"
    )
    subscribe.add_argument(
        "--verified-only",
        action="store_true",
        help="only alerts whose every line the grounding check verified",
    )
    subscribe.add_argument("--digest", action="store_true", help="subscribe to the daily digest instead")
    subscribe.add_argument(
        "--envelope",
        action="store_true",
        help="sqs/http/https: keep SNS's JSON envelope (default: the alert JSON itself)",
    )
    subscribe.set_defaults(run=_subscribe)

    inbox = commands.add_parser("create-inbox", help="create an SQS queue that the alert topics may send to")
    stack_option(inbox)
    inbox.add_argument("name", help="queue name (letters, digits, - and _)")
    inbox.set_defaults(run=_create_inbox)

    unsubscribe = commands.add_parser("unsubscribe", help="remove a subscription (by ARN or endpoint)")
    stack_option(unsubscribe)
    unsubscribe.add_argument("target", help="a subscription ARN, or the endpoint it delivers to")
    unsubscribe.set_defaults(run=_unsubscribe)

    listing = commands.add_parser("subscriptions", help="list subscriptions: status, delivery, filter policy")
    stack_option(listing)
    listing.add_argument("--digest", action="store_true", help="list the digest topic's subscriptions only")
    listing.set_defaults(run=_subscriptions)

    upload = commands.add_parser("upload", help="upload an article under incoming/ of the articles bucket")
    stack_option(upload)
    upload.add_argument("article", type=Path)
    upload.add_argument("--key", help="object key (default: incoming/<today>/<file name>)")
    upload.add_argument("--wait", action="store_true", help="wait for the alert (or rejection) and print it")
    upload.add_argument("--timeout", type=float, default=WAIT_SECONDS, help="seconds --wait waits at most")
    upload.set_defaults(run=_upload)

    status = commands.add_parser(
        "status", help="queues, alarms, the last hour's outcomes and the last alerts"
    )
    stack_option(status)
    status.set_defaults(run=_status)

    for verb, enabled in (("pause", False), ("resume", True)):
        switch = commands.add_parser(
            verb,
            help="stop the alert stage; summaries wait in the alert queue"
            if verb == "pause"
            else "restart the alert stage; waiting summaries are alerted",
        )
        stack_option(switch)
        switch.add_argument("stage", choices=sorted(PAUSABLE_STAGES))
        switch.set_defaults(run=_switch, enabled=enabled)


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def resources(args: argparse.Namespace) -> dict[str, str]:
    """The stack's physical ids by logical id (local or ``--stack``); a missing stack ends the command."""
    from takeaways.adapters.operator import StackNotFound, stack_resources

    try:
        return stack_resources(args.stack)
    except StackNotFound as error:
        raise SystemExit(str(error)) from error


def _event_sources(args: argparse.Namespace, found: dict[str, str]) -> EventSources:
    from takeaways.adapters.operations import LambdaEventSources, LocalEventSources
    from takeaways.adapters.operator import LOCAL_STACK_FILE

    if args.stack is None:
        return LocalEventSources(LOCAL_STACK_FILE.parent)
    return LambdaEventSources({function: found[function] for function in PAUSABLE_STAGES.values()})


# ---------------------------------------------------------------- subscriptions
def _subscribe(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import EndpointMissing, queue_arn, subscribe
    from takeaways.alerts.filter_policy import build_filter_policy
    from takeaways.alerts.subscription import CONFIRMING_PROTOCOLS, RAW_PROTOCOLS, subscription_attributes

    content_filters = (
        args.topics,
        args.entities,
        args.sources,
        args.languages,
        args.min_priority,
        args.no_updates,
        args.verified_only,
    )
    if args.digest and any(content_filters):
        raise SystemExit(
            "the daily digest covers every story: it takes no topic, entity, source, language or priority filter"
        )
    if args.envelope and args.protocol not in RAW_PROTOCOLS:
        raise SystemExit(f"--envelope is for sqs, http and https; {args.protocol} has one delivery format")
    if args.digest and args.protocol in PLATFORMS:
        raise SystemExit(
            f"a {args.protocol} channel gets each alert as it happens; the daily digest is not posted to chat"
        )
    try:
        policy = build_filter_policy(
            topics=args.topics,
            entities=args.entities,
            sources=args.sources,
            languages=args.languages,
            min_priority=args.min_priority,
            include_updates=not args.no_updates,
            verified_only=args.verified_only,
        )
        if args.protocol in PLATFORMS:
            return _subscribe_chat(args, policy)
        endpoint = check_endpoint(args.protocol, args.endpoint)
    except (InvalidEndpoint, ValueError) as error:
        raise SystemExit(str(error)) from None
    found = resources(args)
    dead_letters = queue_arn(found["SubscriptionDeadLetterQueue"])
    attributes = subscription_attributes(
        args.protocol, filter_policy=policy, dead_letter_queue_arn=dead_letters, envelope=args.envelope
    )
    try:
        arn = subscribe(
            found["DigestTopic" if args.digest else "AlertsTopic"], args.protocol, endpoint, attributes
        )
    except EndpointMissing as error:
        raise SystemExit(str(error)) from None
    print(f"subscribed {args.protocol}:{endpoint}")
    print(f"  subscription: {arn}")
    print(f"  filter policy: {json.dumps(policy, sort_keys=True) if policy else '(none: every alert)'}")
    if args.protocol in RAW_PROTOCOLS:
        form = "SNS's JSON envelope" if args.envelope else "the alert JSON itself (raw delivery)"
        print(f"  each message: {form}")
    print(f"  undeliverable copies go to: {dead_letters}")
    if args.protocol in CONFIRMING_PROTOCOLS:
        print("  the endpoint must confirm the subscription before it receives alerts")
    return 0


def _subscribe_chat(args: argparse.Namespace, policy: dict[str, Any] | None) -> int:
    """A chat channel: its webhook checked for the platform, kept in a secret, and subscribed with the filter."""
    from takeaways.adapters.chat_channels import AliasEndpoints, LocalEndpoints
    from takeaways.adapters.operator import queue_arn, stack_parameter, subscribe_chat_channel, subscriptions
    from takeaways.alerts.chat.webhooks import check_webhook_url, webhook_fingerprint, webhook_host
    from takeaways.alerts.subscription import subscription_attributes

    # The URL's form first, before any stack is asked; whether the stack may post to loopback after.
    check_webhook_url(args.protocol, args.endpoint, allow_loopback=True)
    found = resources(args)
    function_arn = _chat_function(found)
    if function_arn is None:
        raise SystemExit("this stack has no ChatFunction: deploy the current template to post alerts to chat")
    loopback = (stack_parameter(args.stack, "FetchAllowLoopback") or "false").lower() == "true"
    url = check_webhook_url(args.protocol, args.endpoint, allow_loopback=loopback)
    topic = found["AlertsTopic"]
    fingerprint = webhook_fingerprint(url)
    for item in subscriptions(topic, chat_function_arn=function_arn):
        if item.webhook_sha256 == fingerprint:
            raise SystemExit(
                f"that {item.protocol} webhook is already subscribed ({item.arn}): unsubscribe it to change its filter"
            )
    dead_letters = queue_arn(found["SubscriptionDeadLetterQueue"])
    attributes = subscription_attributes("lambda", filter_policy=policy, dead_letter_queue_arn=dead_letters)
    endpoints = LocalEndpoints() if args.stack is None else AliasEndpoints()
    arn, secret = subscribe_chat_channel(topic, function_arn, (args.protocol, url), attributes, endpoints)
    print(f"subscribed a {args.protocol} channel on {webhook_host(url)}")
    print(f"  subscription: {arn}")
    print(f"  filter policy: {json.dumps(policy, sort_keys=True) if policy else '(none: every alert)'}")
    print(f"  each message: {CHAT_FORMATS[args.protocol]}")
    print(f"  webhook URL kept in the secret {secret}")
    print("  what the platform refuses, or what keeps failing, goes to the chat DLQ")
    return 0


def _chat_function(found: dict[str, str]) -> str | None:
    """ChatFunction's ARN on this stack (None on a stack deployed before chat channels)."""
    from takeaways.adapters.chat_channels import chat_function_arn

    if "ChatFunction" not in found:
        return None
    return chat_function_arn(found["AlertsTopic"], found["ChatFunction"])


def _create_inbox(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import create_inbox

    if not re.fullmatch(r"[A-Za-z0-9_-]{1,80}", args.name):
        raise SystemExit(f"{args.name!r} is not a queue name: up to 80 letters, digits, - and _")
    found = resources(args)
    arn = create_inbox(args.name, [found["AlertsTopic"], found["DigestTopic"]])
    print(arn)
    print(f"  subscribe it: takeaways subscribe --protocol sqs --endpoint {arn}", file=sys.stderr)
    return 0


def _unsubscribe(args: argparse.Namespace) -> int:
    from takeaways.adapters.chat_channels import AliasEndpoints, LocalEndpoints
    from takeaways.adapters.operator import (
        SubscriptionNotFound,
        subscriptions,
        unsubscribe,
        unsubscribe_chat_channel,
    )
    from takeaways.alerts.chat.webhooks import webhook_fingerprint

    found = resources(args)
    chat_function = _chat_function(found)
    fingerprint = webhook_fingerprint(args.target)
    listed = [
        item
        for topic in ("AlertsTopic", "DigestTopic")
        for item in subscriptions(found[topic], chat_function_arn=chat_function)
        # A chat channel by its ARN or its webhook URL, never by its host: that names every channel there.
        if args.target == item.arn
        or (
            item.webhook_sha256 == fingerprint
            if item.delivery == "chat message"
            else args.target == item.endpoint
        )
    ]
    if not listed:
        raise SystemExit(f"no subscription is {args.target}: `takeaways subscriptions` lists them")
    for item in listed:
        if item.status == "pending":
            print(f"{item.protocol}:{item.endpoint} is pending confirmation: SNS removes it after three days")
            continue
        try:
            if item.delivery == "chat message":
                unsubscribe_chat_channel(
                    item.arn, LocalEndpoints() if args.stack is None else AliasEndpoints()
                )
            else:
                unsubscribe(item.arn)
        except SubscriptionNotFound as error:
            raise SystemExit(str(error)) from None
        print(f"unsubscribed {item.protocol}:{item.endpoint} ({item.frequency})\n  was {item.arn}")
        if item.channel_secret:
            print(f"  its webhook URL is deleted with the secret {item.channel_secret}")
    return 0


def _subscriptions(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import subscriptions

    found = resources(args)
    topics = ("DigestTopic",) if args.digest else ("AlertsTopic", "DigestTopic")
    chat_function = _chat_function(found)
    listed = [
        item
        for topic in topics
        for item in subscriptions(
            found[topic], digest=topic == "DigestTopic", chat_function_arn=chat_function
        )
    ]
    print(f"{len(listed)} subscription(s)")
    for item in listed:
        policy = json.dumps(item.filter_policy, sort_keys=True) if item.filter_policy else "every alert"
        print(f"  {item.protocol:<10} {item.endpoint}")
        print(f"             {item.status}, {item.frequency}, {item.delivery} delivery")
        if item.channel_secret:
            print(f"             webhook URL in the secret {item.channel_secret}")
        print(f"             filter: {policy}")
        print(f"             {item.arn}")
        if item.status == "confirmed" and not item.dead_letter_queue:
            print("             no dead-letter queue: an undeliverable copy is dropped")
    return 0


# ---------------------------------------------------------------- upload
def _upload(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import upload_article

    raw = args.article.read_bytes()
    if not raw.strip():
        # The pipeline would record it as rejected (empty); say so now rather than report an upload.
        raise SystemExit(f"{args.article} is empty: there is nothing to summarise, so it was not uploaded")
    found = resources(args)
    bucket = found["ArticlesBucket"]
    key = args.key or f"incoming/{datetime.now(UTC):%Y/%m/%d}/{args.article.name}"
    started = upload_article(args.article, bucket, key)  # records older than this are an earlier upload's
    print(f"uploaded {args.article} to s3://{bucket}/{key}", file=sys.stderr if args.wait else sys.stdout)
    if not args.wait:
        print("  `takeaways status` shows what became of it (or upload with --wait)")
        return 0
    return _wait_for_outcome(args, found, bucket, key, started)


def _wait_for_outcome(
    args: argparse.Namespace, found: dict[str, str], bucket: str, key: str, started: datetime
) -> int:
    """Follow the article through both stages; print the alert (stdout) or the rejection (stderr)."""
    from takeaways.adapters.operations import queue_state
    from takeaways.pipeline.naming import StageLayout, article_id_for, record_key
    from takeaways.records import to_json

    layout = StageLayout()
    article_id = article_id_for(bucket, key, layout.incoming_prefix)
    summary_key = record_key(layout.summaries_prefix, article_id)
    notify_rejection_key = record_key(
        layout.rejected_prefix, article_id_for(bucket, summary_key, layout.summaries_prefix)
    )
    deadline = time.monotonic() + args.timeout
    dead_letters_before = _depth(queue_state(found["AlertDeadLetterQueue"], datetime.now(UTC)))
    progress = _Progress()
    progress.say("waiting for SummariseFunction")
    summary: dict[str, Any] | None = None
    while summary is None:
        rejection = _fresh_record(bucket, record_key(layout.rejected_prefix, article_id), started)
        if rejection is not None:
            return _print_rejection(rejection)
        summary = _fresh_record(bucket, summary_key, started)
        if summary is None:
            _pause_or_give_up(deadline, args.timeout, "no summary or rejection")
    headline = str(summary.get("summary", {}).get("headline", ""))
    progress.say(f"summarised: {headline}")
    progress.say("waiting for NotifyFunction")
    quiet_since: float | None = None
    while True:
        alert = _alert_for(found, article_id, started)
        if alert is not None:
            print(to_json(alert, indent=2))
            return 0
        rejection = _fresh_record(bucket, notify_rejection_key, started)
        if rejection is not None:
            return _print_rejection(rejection)
        if not _event_sources(args, found).enabled(PAUSABLE_STAGES["alerts"]):
            progress.say(
                "the alert stage is paused: the alert waits in the alert queue (`takeaways resume alerts`)"
            )
            return 0
        if _depth(queue_state(found["AlertQueue"], datetime.now(UTC))):
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= _QUIET_SECONDS:
            if _depth(queue_state(found["AlertDeadLetterQueue"], datetime.now(UTC))) > dead_letters_before:
                raise SystemExit(
                    "the alert could not be published and waits in the alert DLQ: see the runbook, then "
                    "`takeaways redrive alerts`"
                )
            progress.say("no alert: the story was already alerted (an unchanged copy of an earlier article)")
            return 0
        _pause_or_give_up(deadline, args.timeout, "the summary was not alerted")


def _depth(queue: QueueState) -> int:
    return queue.visible + queue.in_flight + queue.delayed


def _fresh_record(bucket: str, key: str, since: datetime) -> dict[str, Any] | None:
    from takeaways.adapters.operations import read_json

    record = read_json(bucket, key)
    if record is None:
        return None
    written = str(record.get("summarised_at") or record.get("rejected_at") or "")
    try:
        if written and datetime.fromisoformat(written) < since:
            return None  # a record from an earlier upload of the same key
    except ValueError:
        pass
    return record


def _alert_for(found: dict[str, str], article_id: str, since: datetime) -> AlertPayload | None:
    for alert in _recent_alerts(found, since):
        if alert.article_id == article_id:
            return alert
    return None


def _recent_alerts(found: dict[str, str], since: datetime) -> list[AlertPayload]:
    """Alerts of stories summarised since a time, newest first, from the story table's digest entries."""
    import boto3

    from takeaways.adapters.story_table import DynamoStoryLedger

    ledger = DynamoStoryLedger(boto3.client("dynamodb"), found["StoryTable"], window_seconds=0)
    alerts = [
        alert for alert in ledger.digest_lines(since, datetime.now(UTC)) if alert.summarised_at >= since
    ]
    return sorted(alerts, key=lambda alert: alert.summarised_at, reverse=True)


def _print_rejection(record: dict[str, Any]) -> int:
    print(f"rejected ({record.get('reason')}): {record.get('detail', '')}", file=sys.stderr)
    return 2


def _pause_or_give_up(deadline: float, timeout: float, what: str) -> None:
    if time.monotonic() > deadline:
        raise SystemExit(f"{what} after {timeout:.0f} s: `takeaways status` shows the queues and alarms")
    time.sleep(_POLL_SECONDS)


class _Progress:
    """One line per step on stderr, with the seconds since the command started."""

    def __init__(self) -> None:
        self._started = time.monotonic()

    def say(self, message: str) -> None:
        print(f"[{time.monotonic() - self._started:5.1f} s] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- status
def _status(args: argparse.Namespace) -> int:
    from takeaways.adapters.operations import alarm_states, metric_sum, queue_state, records_since
    from takeaways.pipeline.naming import StageLayout

    found = resources(args)
    now = datetime.now(UTC)
    hour_ago = now - timedelta(hours=1)
    layout = StageLayout()
    bucket = found["ArticlesBucket"]
    paused = not _event_sources(args, found).enabled(PAUSABLE_STAGES["alerts"])
    print(
        f"stack: {args.stack or 'local'}   alert stage: {'PAUSED (takeaways resume alerts)' if paused else 'running'}"
    )
    print(f"\n{'queue':<18} {'waiting':>8} {'in flight':>10} {'oldest':>8}")
    for logical_id, label in STATUS_QUEUES.items():
        if logical_id not in found:
            continue
        queue = queue_state(found[logical_id], now)
        oldest = "-" if queue.oldest_seconds is None else _duration(queue.oldest_seconds)
        print(f"{label:<18} {queue.visible + queue.delayed:>8} {queue.in_flight:>10} {oldest:>8}")
    alarms = alarm_states(
        [name for logical_id, name in sorted(found.items()) if logical_id.endswith("Alarm")]
    )
    states = Counter(alarm.state for alarm in alarms)
    print("\nalarms: " + (", ".join(f"{count} {state}" for state, count in sorted(states.items())) or "none"))
    for alarm in alarms:
        if alarm.state != "OK":
            print(f"  {alarm.state:<17} {alarm.name}: {alarm.reason}")
    summaries, more_summaries = records_since(bucket, layout.summaries_prefix, hour_ago)
    rejections, more_rejections = records_since(bucket, layout.rejected_prefix, hour_ago)
    alerts = _recent_alerts(found, now - timedelta(days=1))
    fallbacks = Counter(
        str(record["summary"]["fallback_reason"])
        for record in summaries
        if isinstance(record.get("summary"), dict) and record["summary"].get("fallback_reason")
    )
    undelivered = sum(
        metric_sum(
            "AWS/SNS",
            "NumberOfNotificationsFailed",
            "TopicName",
            found[topic].rsplit(":", 1)[-1],
            hour_ago,
            now,
        )
        for topic in ("AlertsTopic", "DigestTopic")
    )
    at_least = "at least " if more_summaries or more_rejections else ""
    print(
        f"\nlast hour: {at_least}{len(summaries)} summaries, "
        f"{sum(1 for alert in alerts if alert.summarised_at >= hour_ago)} alerts, "
        f"{len(rejections)} rejections, {sum(fallbacks.values())} engine fallbacks, "
        f"{undelivered} undelivered subscriber copies"
    )
    print("  rejections by reason: " + _counts(Counter(str(record.get("reason")) for record in rejections)))
    print("  fallbacks by reason: " + _counts(fallbacks))
    print("\nlast ten alerts (24 hours):" if alerts else "\nlast ten alerts (24 hours): none")
    for alert in alerts[:10]:
        print(
            f"  {alert.summarised_at:%Y-%m-%d %H:%M} UTC  p{alert.priority}  {alert.headline}  [{alert.article_id}]"
        )
    return 0


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{reason} {count}" for reason, count in counter.most_common()) or "none"


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


# ---------------------------------------------------------------- pause / resume
def _switch(args: argparse.Namespace) -> int:
    from takeaways.adapters.operations import queue_state

    found = resources(args)
    function_id = PAUSABLE_STAGES[args.stage]
    sources = _event_sources(args, found)
    try:
        was = sources.enabled(function_id)
        sources.set_enabled(function_id, args.enabled)
    except LookupError as error:
        raise SystemExit(str(error)) from None
    count = _depth(queue_state(found["AlertQueue"], datetime.now(UTC)))
    if args.enabled:
        print(
            f"{'resumed' if not was else 'already running:'} the alert stage; {count} message(s) waiting in the alert queue"
        )
    else:
        print(
            f"{'paused' if was else 'already paused:'} the alert stage; {count} message(s) waiting in the alert queue. "
            "Summaries wait there for the queue's retention (4 days); `takeaways resume alerts` sends them"
        )
    return 0
