"""The subscription commands of ``takeaways``: who hears what, how often.

takeaways subscribe --protocol P --endpoint E [--frequency instant|daily|weekly] [filters]
takeaways subscribe --protocol slack|teams|discord --endpoint WEBHOOK_URL [filters]   a chat channel
takeaways create-inbox NAME                      an SQS queue the alert topics may send to
takeaways inbox NAME [--keep] [--json]           what that queue received, as the e-mail reads
takeaways subscriptions [--frequency F]          every subscription: id, ARN, status, frequency, filter
takeaways preferences ID|ENDPOINT [--mute-topic T ...] [--frequency F] [--min-priority N] [--unsubscribe]
takeaways unsubscribe ID|ARN|ENDPOINT            remove a subscription and its record
takeaways digest --period daily|weekly [--include-latest]   fire one digest run now

Every subscription ``subscribe`` makes has a record in the subscriber registry; ``subscriptions``
also lists the ones made some other way, as ``unmanaged``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from takeaways.adapters.subscriptions import chat_endpoint
from takeaways.alerts.chat.limits import PLATFORMS
from takeaways.alerts.subscription import DIGEST_FREQUENCIES, FREQUENCIES, PROTOCOLS
from takeaways.exit_codes import usage_error
from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.language import SUPPORTED_LANGUAGES

if TYPE_CHECKING:
    from takeaways.adapters.subscriptions import ManagedSubscriptions
    from takeaways.alerts.subscription import SubscriberRecord, SubscriptionState

SubcommandAdder = Any  # argparse's _SubParsersAction, which it does not export
# Managed subscriptions are on the subscriber topic; the alerts topic has only unmanaged ones.
_TOPICS = ("AlertsTopic", "SubscriberTopic")
# What each chat platform's channel receives, as `subscribe` says it.
CHAT_FORMATS = {
    "slack": "Slack blocks (incoming webhook)",
    "teams": "an Adaptive Card (Teams workflow webhook)",
    "discord": "an embed (Discord webhook)",
}


def register(commands: SubcommandAdder, stack_option: Callable[[argparse.ArgumentParser], None]) -> None:
    subscribe = commands.add_parser(
        "subscribe", help="subscribe an endpoint to alerts or a digest, with filters"
    )
    stack_option(subscribe)
    subscribe.add_argument("--protocol", required=True, choices=(*PROTOCOLS, *PLATFORMS))
    subscribe.add_argument(
        "--endpoint",
        required=True,
        help="e-mail address, E.164 phone number (+447700900123), queue or function ARN, or URL",
    )
    subscribe.add_argument(
        "--frequency",
        choices=FREQUENCIES,
        default="instant",
        help="instant: each alert as it happens; daily (18:00 UTC) or weekly (Mondays 07:00 UTC): one digest",
    )
    subscribe.add_argument(
        "--topics",
        type=_csv,
        default=[],
        help=f"comma-separated IPTC Media Topics, from: {', '.join(TOPIC_SLUGS)}",
    )
    subscribe.add_argument(
        "--entities",
        type=_csv,
        default=[],
        help="comma-separated names, matched in lower case against each alert's entities: a person's full name "
        "or surname alone ('putin' matches alerts naming Vladimir Putin); 'united states', 'united nations', "
        "'united kingdom' and 'european union' whether the article writes U.S., US or the name in full",
    )
    subscribe.add_argument(
        "--sources",
        type=_csv,
        default=[],
        help="comma-separated publication names the stack trusts (its TrustedSources, or a trusted feed's name)",
    )
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

    reading = commands.add_parser(
        "inbox",
        help="show what an SQS inbox received, as an e-mail subscriber reads it (taken from the queue)",
    )
    stack_option(reading)
    reading.add_argument("name", help="the queue's name, as given to create-inbox")
    reading.add_argument("--keep", action="store_true", help="leave the messages in the queue")
    reading.add_argument("--json", action="store_true", help="print each message's JSON on one line")
    reading.set_defaults(run=_inbox)

    listing = commands.add_parser(
        "subscriptions", help="list subscriptions: frequency, status, delivery, filter"
    )
    stack_option(listing)
    listing.add_argument("--frequency", choices=[*FREQUENCIES, "unmanaged"], help="only these")
    listing.set_defaults(run=_subscriptions)

    preferences = commands.add_parser(
        "preferences", help="change a subscription: mute, frequency, priority floor, or unsubscribe"
    )
    stack_option(preferences)
    preferences.add_argument(
        "target", help="the subscriber id `subscribe` printed (`subscriptions` lists them), or the endpoint"
    )
    for kind in ("topic", "entity", "source"):
        preferences.add_argument(
            f"--mute-{kind}",
            action="append",
            default=[],
            metavar=kind.upper(),
            help=f"stop alerts about this {kind}",
        )
    preferences.add_argument("--frequency", choices=FREQUENCIES, help="instant, or a daily or weekly digest")
    preferences.add_argument(
        "--min-priority", type=int, choices=range(1, 6), help="only this priority and above"
    )
    preferences.add_argument("--unsubscribe", action="store_true", help="end the subscription")
    preferences.set_defaults(run=_preferences)

    unsubscribe = commands.add_parser("unsubscribe", help="remove a subscription (by id, ARN or endpoint)")
    stack_option(unsubscribe)
    unsubscribe.add_argument(
        "target", help="a subscriber id, a subscription ARN, or the endpoint it delivers to"
    )
    unsubscribe.set_defaults(run=_unsubscribe)

    digest = commands.add_parser("digest", help="send the daily or weekly digests now, as the schedule does")
    stack_option(digest)
    digest.add_argument("--period", required=True, choices=DIGEST_FREQUENCIES)
    digest.add_argument(
        "--include-latest",
        action="store_true",
        help="also the stories of the last minute, which a scheduled run leaves to the next digest "
        "in case one is still being settled (after `upload --wait` yours is settled)",
    )
    digest.set_defaults(run=_digest)


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _resources(args: argparse.Namespace) -> dict[str, str]:
    from takeaways.operator_cli import resources

    return resources(args)


# ---------------------------------------------------------------- subscribe
def _subscribe(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import (
        EndpointMissing,
        managed_subscriptions,
        queue_arn,
        require_endpoint,
    )
    from takeaways.adapters.subscriptions import AlreadySubscribed, ChatUnavailable
    from takeaways.alerts.chat.webhooks import InvalidWebhook
    from takeaways.alerts.filter_policy import Preferences, build_filter_policy
    from takeaways.alerts.subscription import (
        CONFIRMING_PROTOCOLS,
        RAW_PROTOCOLS,
        InvalidEndpoint,
        frequency_refusal,
    )

    if args.envelope and args.protocol not in RAW_PROTOCOLS:
        usage_error(
            "subscribe", f"--envelope is for sqs, http and https; {args.protocol} has one delivery format"
        )
    refusal = frequency_refusal(args.protocol, args.frequency)
    if refusal:
        usage_error("subscribe", refusal)
    try:
        endpoint = _checked_endpoint(args)
        preferences = Preferences(
            topics=args.topics,
            entities=args.entities,
            sources=args.sources,
            languages=args.languages,
            min_priority=args.min_priority,
            include_updates=not args.no_updates,
            verified_only=args.verified_only,
        )
        policy = build_filter_policy(preferences)
    except (InvalidEndpoint, InvalidWebhook, ValueError) as error:
        usage_error("subscribe", str(error))
    found = _resources(args)
    _refuse_unknown_sources(args, found)
    if args.protocol in PLATFORMS:
        endpoint = _chat_webhook(args, found)
    try:
        require_endpoint(args.protocol, endpoint)
        managed = managed_subscriptions(found, local=args.stack is None)
        record = managed.subscribe(
            args.protocol, endpoint, frequency=args.frequency, preferences=preferences, envelope=args.envelope
        )
    except (EndpointMissing, AlreadySubscribed, ChatUnavailable) as error:
        raise SystemExit(str(error)) from None
    if args.protocol in PLATFORMS:
        host = record.endpoint.split("#", 1)[0]
        print(f"subscribed a {args.protocol} channel on {host} as {record.subscriber_id}")
    else:
        print(f"subscribed {args.protocol}:{record.endpoint} as {record.subscriber_id}")
    print(f"  frequency: {frequency_text(record.frequency)}")
    print(f"  subscription: {record.subscription_arn} (on the subscriber topic)")
    print(f"  preferences: {json.dumps(policy, sort_keys=True) if policy else '(none: every alert)'}")
    print(f"  SNS filter policy: {json.dumps(record.sns_filter_policy())} (the messages made for it only)")
    if args.protocol in RAW_PROTOCOLS:
        form = "SNS's JSON envelope" if args.envelope else "the JSON itself (raw delivery)"
        print(f"  each message: {form}")
    if args.protocol in PLATFORMS:
        from takeaways.alerts.chat.webhooks import channel_secret_name

        print(f"  each message: {CHAT_FORMATS[args.protocol]}")
        print(f"  webhook URL kept in the secret {channel_secret_name(record.subscription_arn)}")
        print("  what the platform refuses, or what keeps failing, goes to the chat DLQ")
    print(f"  undeliverable copies go to: {queue_arn(found['SubscriptionDeadLetterQueue'])}")
    if args.protocol in CONFIRMING_PROTOCOLS:
        local = " (on AWS; the local stack's moto confirms at once)" if args.stack is None else ""
        print(f"  the endpoint must confirm the subscription before it receives anything{local}")
    return 0


def _refuse_unknown_sources(args: argparse.Namespace, found: dict[str, str]) -> None:
    """Refuse a ``--sources`` value no alert of this stack can carry, naming the ones it can.

    An alert's ``source`` is an outlet the stack's ``TrustedSources`` lists or a trusted feed's
    name: a typo ('Coastal Tims') would make a subscription that never hears anything. Refused
    before anything is made, so the fix is to run the command again, or to trust the outlet first.
    """
    from takeaways.adapters.operator import stack_parameter
    from takeaways.alerts.filter_policy import closest_choice
    from takeaways.config import trusted_set

    if not args.sources:
        return
    listed = (stack_parameter(args.stack, "TrustedSources") or "").split(",")
    known = sorted(
        {" ".join(entry.partition("=")[0].split()) for entry in listed if entry.strip()}
        | set(_trusted_feed_sources(found)),
        key=str.casefold,
    )
    accepted = trusted_set([*listed, *known])
    unknown = [source for source in args.sources if not trusted_set([source]) <= accepted]
    if not unknown:
        return
    if not known:
        reason = "this stack trusts no source, so no alert carries one"
    else:
        guesses = [(source, closest_choice(source, known)) for source in unknown]
        reason = "; ".join(
            f"{source!r} is not a source its alerts carry" + (f" (did you mean {guess!r}?)" if guess else "")
            for source, guess in guesses
        )
        reason += f". Known sources: {', '.join(known)}"
    usage_error(
        "subscribe",
        f"--sources: {reason} (the TrustedSources parameter and trusted feeds; docs/operations.md,"
        " What the intake trusts)",
    )


def _trusted_feed_sources(found: dict[str, str]) -> list[str]:
    """The names trusted feeds give their articles: sources as good as a listed outlet."""
    if "FeedTable" not in found:
        return []
    from takeaways.adapters.clients import dynamodb_client
    from takeaways.adapters.feed_table import DynamoFeedTable

    feeds = DynamoFeedTable(dynamodb_client(), found["FeedTable"]).feeds()
    return [record.feed.source for record in feeds if record.feed.trusted]


def _checked_endpoint(args: argparse.Namespace) -> str:
    """The endpoint in its protocol's form; a webhook's form first, before any stack is asked."""
    from takeaways.alerts.chat.webhooks import check_webhook_url
    from takeaways.alerts.subscription import check_endpoint

    if args.protocol in PLATFORMS:
        return check_webhook_url(args.protocol, args.endpoint, allow_loopback=True)
    return check_endpoint(args.protocol, args.endpoint)


def _chat_webhook(args: argparse.Namespace, found: dict[str, str]) -> str:
    """The webhook again, against the stack: loopback only where the stack allows it."""
    from takeaways.adapters.operator import stack_parameter
    from takeaways.alerts.chat.webhooks import InvalidWebhook, check_webhook_url

    if "ChatFunction" not in found:
        raise SystemExit("this stack has no ChatFunction: deploy the current template to post alerts to chat")
    loopback = (stack_parameter(args.stack, "FetchAllowLoopback") or "false").lower() == "true"
    try:
        return check_webhook_url(args.protocol, args.endpoint, allow_loopback=loopback)
    except InvalidWebhook as error:
        raise SystemExit(str(error)) from None


def frequency_text(frequency: str) -> str:
    """How often, in words; the times are the template's schedules (a unit test keeps them equal)."""
    return {
        "instant": "instant (each alert as it happens)",
        "daily": "daily digest (18:00 UTC)",
        "weekly": "weekly digest (Mondays 07:00 UTC)",
    }[frequency]


def _create_inbox(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import create_inbox

    if not re.fullmatch(r"[A-Za-z0-9_-]{1,80}", args.name):
        raise SystemExit(f"{args.name!r} is not a queue name: up to 80 letters, digits, - and _")
    found = _resources(args)
    arn = create_inbox(args.name, [found["AlertsTopic"], found["SubscriberTopic"]])
    print(arn)
    print(f"  subscribe it: takeaways subscribe --protocol sqs --endpoint {arn}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- listing
def _listed(found: dict[str, str]) -> list[SubscriptionState]:
    """Every subscription on both topics, joined with its registry record (by ARN, or protocol and endpoint)."""
    from takeaways.adapters.operator import queue_arn, subscriber_registry, subscriptions
    from takeaways.alerts.subscription import PENDING_ARN, describe_subscription

    registry = subscriber_registry(found)
    records = registry.everyone()
    states = []
    seen: set[str] = set()
    own = queue_arn(found["DeliveryQueue"]) if "DeliveryQueue" in found else None
    for logical_id in _TOPICS:
        for listed, attributes in subscriptions(found[logical_id]):
            if listed["Endpoint"] == own:
                continue  # the stack's own: DeliveryFunction's queue, which makes the managed copies
            record = next(
                (
                    r
                    for r in records
                    if r.subscriber_id not in seen
                    and logical_id == "SubscriberTopic"
                    and (
                        r.subscription_arn == listed["SubscriptionArn"]
                        or (r.protocol, r.endpoint) == (listed["Protocol"], listed["Endpoint"])
                    )
                ),
                None,
            )
            if record is not None:
                seen.add(record.subscriber_id)
                arn = listed["SubscriptionArn"]
                if arn.startswith("arn:") and record.subscription_arn != arn:
                    registry.set_subscription_arn(record.subscriber_id, arn)  # confirmed since it was made
            states.append(describe_subscription(listed, attributes, record))
    for record in records:  # a record whose subscription SNS no longer lists (removed outside the CLI)
        if record.subscriber_id not in seen:
            listed = {"SubscriptionArn": record.subscription_arn or PENDING_ARN, "Protocol": record.protocol}
            states.append(describe_subscription(listed | {"Endpoint": record.endpoint}, None, record))
    return states


def _subscriptions(args: argparse.Namespace) -> int:
    found = _resources(args)
    listed = [item for item in _listed(found) if args.frequency in (None, item.frequency)]
    print(f"{len(listed)} subscription(s)")
    for item in listed:
        print(f"  {item.subscriber_id or '(unmanaged)':<15} {item.protocol:<10} {item.endpoint}")
        print(f"                  {item.frequency}, {item.status}, {item.delivery} delivery")
        if item.subscriber_id:
            preferences = item.preferences_policy
            print(
                f"                  preferences: {json.dumps(preferences, sort_keys=True) if preferences else 'everything'}"
            )
        else:
            policy = item.filter_policy
            print(
                f"                  filter: {json.dumps(policy, sort_keys=True) if policy else 'every alert'}"
            )
        print(f"                  {item.arn}")
        if item.protocol in PLATFORMS and item.arn.startswith("arn:"):
            from takeaways.alerts.chat.webhooks import channel_secret_name

            print(f"                  webhook URL in the secret {channel_secret_name(item.arn)}")
        if (
            item.frequency == "unmanaged"
            and item.arn.startswith(found["SubscriberTopic"])
            and not item.filter_policy
        ):
            print("                  no subscriber filter: it receives every subscriber's copies and digests")
        if item.status == "confirmed" and not item.dead_letter_queue:
            print("                  no dead-letter queue: an undeliverable copy is dropped")
    return 0


def _inbox(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import EndpointMissing, Inbox, InboxUnsettled

    _resources(args)  # points the clients at the stack's endpoint (the local stack's moto server)
    try:
        inbox = Inbox(args.name)
    except EndpointMissing as error:
        raise SystemExit(str(error)) from None
    bodies = inbox.read()
    kept = ", kept in the queue" if args.keep else ""
    print(f"{len(bodies)} message(s) in {args.name}{kept}", file=sys.stderr)
    for body in bodies:
        message = inbox_message(body)
        print(json.dumps(message, ensure_ascii=False) if args.json else readable_message(message))
    try:
        inbox.settle(keep=args.keep)  # only once shown: a message that broke the printing comes back
    except InboxUnsettled as error:
        raise SystemExit(f"{args.name}: {error}; they reappear within five minutes") from None
    return 0


def inbox_message(body: str) -> Any:
    """A message's JSON, out of SNS's envelope when the subscription kept it; text that is no JSON as is."""
    try:
        message = json.loads(body)
    except ValueError:
        return body
    if isinstance(message, dict) and message.get("Type") == "Notification" and "Message" in message:
        return inbox_message(str(message["Message"]))
    return message


def readable_message(message: Any) -> str:
    """An alert or a digest as its e-mail reads; anything else as it came."""
    from takeaways.alerts.digest import DigestPayload, digest_email
    from takeaways.alerts.payload import AlertPayload
    from takeaways.alerts.render import render_email
    from takeaways.records import RecordInvalid, from_json

    if not isinstance(message, dict):
        return str(message)
    text = json.dumps(message)
    try:
        if "items" in message and "period" in message:
            return "-" * 72 + "\n" + digest_email(from_json(DigestPayload, text))
        return "-" * 72 + "\n" + render_email(from_json(AlertPayload, text))
    except RecordInvalid:
        return text


# ---------------------------------------------------------------- changes
def _preferences(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import managed_subscriptions
    from takeaways.adapters.subscriptions import AlreadySubscribed
    from takeaways.alerts.preferences import PreferenceChange, PreferenceRefused

    try:
        changes = [
            *(PreferenceChange("mute_topic", value) for value in args.mute_topic),
            *(PreferenceChange("mute_entity", value) for value in args.mute_entity),
            *(PreferenceChange("mute_source", value) for value in args.mute_source),
            *([PreferenceChange("min_priority", args.min_priority)] if args.min_priority else []),
            *([PreferenceChange("frequency", args.frequency)] if args.frequency else []),
            *([PreferenceChange("unsubscribe")] if args.unsubscribe else []),
        ]
    except PreferenceRefused as error:
        usage_error("preferences", str(error))
    if not changes:
        usage_error(
            "preferences",
            "no change given: --mute-topic, --mute-entity, --mute-source, --frequency, --min-priority or --unsubscribe",
        )
    managed = managed_subscriptions(_resources(args), local=args.stack is None)
    record = _target(managed, args.target)
    try:
        outcome = managed.change(record, changes)
    except (PreferenceRefused, AlreadySubscribed) as error:
        raise SystemExit(str(error)) from None
    for change in changes:
        print(f"  {change.describe()}")
    for note in outcome.notes:
        print(note)
    if outcome.record is not None:
        from takeaways.alerts.filter_policy import build_filter_policy

        policy = build_filter_policy(outcome.record.preferences)
        print(f"{outcome.record.subscriber_id}: {frequency_text(outcome.record.frequency)}")
        print(f"  filter: {json.dumps(policy, sort_keys=True) if policy else '(none: every alert)'}")
    return 0


def _target(managed: ManagedSubscriptions, target: str) -> SubscriberRecord:
    """The one managed subscription an id or an endpoint names."""
    record = managed.find(target)
    if record is not None:
        return record
    named = [r for r in managed.everyone() if r.endpoint in {target, chat_endpoint(target)}]
    if len(named) > 1:
        ids = ", ".join(f"{r.subscriber_id} ({r.frequency})" for r in named)
        raise SystemExit(f"{target} has {len(named)} subscriptions: name one by its id: {ids}")
    if not named:
        raise SystemExit(f"no subscriber {target}: `takeaways subscriptions` lists them")
    return named[0]


def _record(managed: ManagedSubscriptions, subscriber_id: str) -> SubscriberRecord:
    record = managed.find(subscriber_id)
    if record is None:
        raise SystemExit(f"no subscriber {subscriber_id}: `takeaways subscriptions` lists them")
    return record


def _unsubscribe(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import SubscriptionNotFound, managed_subscriptions, unsubscribe

    found = _resources(args)
    managed = managed_subscriptions(found, local=args.stack is None)
    # A chat channel by its id, ARN or webhook URL, never by its host: that names every channel there.
    listed = [
        item
        for item in _listed(found)
        if args.target in {item.subscriber_id, item.arn, item.endpoint}
        or item.endpoint == chat_endpoint(args.target)
    ]
    if not listed:
        raise SystemExit(f"no subscription is {args.target}: `takeaways subscriptions` lists them")
    for item in listed:
        if item.subscriber_id is not None:
            print(managed.remove(_record(managed, item.subscriber_id)))
            continue
        if item.status == "pending":
            print(f"{item.protocol}:{item.endpoint} is pending confirmation: SNS removes it after three days")
            continue
        try:
            unsubscribe(item.arn)
        except SubscriptionNotFound as error:
            raise SystemExit(str(error)) from None
        print(f"unsubscribed {item.protocol}:{item.endpoint} (unmanaged)\n  was {item.arn}")
    return 0


# ---------------------------------------------------------------- digests
def _digest(args: argparse.Namespace) -> int:
    from takeaways.adapters.operator import DigestFailed, invoke_digest, run_digest_here

    found = _resources(args)
    if args.stack is not None:
        try:
            answer = invoke_digest(found["DigestFunction"], args.period, include_latest=args.include_latest)
        except DigestFailed as error:
            raise SystemExit(f"DigestFunction failed: {error}") from None
        subscribers = answer.get("subscribers", [])
        period = answer.get("period", args.period)
    else:
        from dataclasses import asdict

        report = run_digest_here(found, args.period, datetime.now(UTC), include_latest=args.include_latest)
        subscribers = [asdict(digest) for digest in report.subscribers]
        period = report.period
    print(f"{args.period} digests for {period}: {len(subscribers)} subscriber(s) due")
    for digest in subscribers:
        print(f"  {digest['subscriber_id']:<15} {_digest_outcome(digest)}")
    failed = [digest for digest in subscribers if digest["status"] == "failed"]
    if failed:
        raise SystemExit(f"{len(failed)} digest(s) not sent: the next run sends them (see the runbook)")
    return 0


def _digest_outcome(digest: dict[str, Any]) -> str:
    status = digest["status"]
    stories = f"{digest['story_count']} {'story' if digest['story_count'] == 1 else 'stories'}"
    if status in ("sent", "unconfirmed"):
        lost = ", one publish unanswered (treated as sent)" if status == "unconfirmed" else ""
        return f"sent: {stories} in {digest['parts_sent']} of {digest['parts']} message(s){lost}"
    return {
        "empty": "nothing: no story of theirs in the window",
        "already_sent": "nothing: this period's digest was already sent",
        "gone": "nothing: unsubscribed meanwhile",
    }.get(status, f"failed: {digest.get('error', '')}")
