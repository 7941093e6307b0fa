"""The operator commands of ``takeaways``: uploads, the pipeline's state, pausing alerts.

The subscription commands (subscribe, subscriptions, preferences, unsubscribe, digest) are in
``takeaways.cli_subscriptions``.

takeaways upload FILE [--wait]                            upload an article; --wait prints its alert or rejection
takeaways status                                          queues, alarms, the last hour, the last ten alerts
takeaways pause alerts / resume alerts                    stop and restart the alert stage; nothing is lost

They work on the local stack of ``make up`` or, with ``--stack NAME``, on a deployed stack.
Errors are one line on stderr; the exit codes are ``takeaways.exit_codes``'s.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from takeaways.exit_codes import ExitCode

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
    "DeliveryQueue": "delivery queue",
    "DeliveryDeadLetterQueue": "delivery DLQ",
    "SubscriptionDeadLetterQueue": "subscription DLQ",
    "ChatDeadLetterQueue": "chat DLQ",
}
WAIT_SECONDS = 120
_POLL_SECONDS = 0.5
_QUIET_SECONDS = 3.0  # the alert queue empty this long after the summary: the alert stage is done
SubcommandAdder = Any  # argparse's _SubParsersAction, which it does not export


def register(commands: SubcommandAdder, stack_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the operator commands to the ``takeaways`` parser."""
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
    started, etag = upload_article(
        args.article, bucket, key
    )  # records older than started: an earlier upload's
    print(f"uploaded {args.article} to s3://{bucket}/{key}", file=sys.stderr if args.wait else sys.stdout)
    if not args.wait:
        print("  `takeaways status` shows what became of it (or upload with --wait)")
        return 0
    return _wait_for_outcome(args, found, bucket, key, started, etag)


def _wait_for_outcome(
    args: argparse.Namespace, found: dict[str, str], bucket: str, key: str, started: datetime, etag: str
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
        summary, earlier = _summary_records(bucket, summary_key, started)
        if summary is None and _of_these_bytes(earlier, etag):
            # The same bytes at the same key are the same S3 event to the pipeline: skipped, never alerted twice.
            progress.say(
                f"already summarised: s3://{bucket}/{summary_key} is of these same bytes at this key, so the "
                "stage skipped the upload as a duplicate event and nothing is alerted again "
                "(`takeaways replay` reprocesses on purpose)"
            )
            return 0
        if summary is None:
            _pause_or_give_up(deadline, args.timeout, "no summary or rejection")
    headline = str(summary.get("summary", {}).get("headline", ""))
    progress.say(f"summarised: {headline}")
    progress.say("waiting for NotifyFunction")
    quiet_since: float | None = None
    while True:
        alert = _alert_for(found, article_id, started)
        if alert is not None:
            progress.say(
                "alerted: the alert as the alerts topic carries it; each managed subscriber's copy adds"
                " its own preference_links (`takeaways inbox NAME --json` shows one)"
            )
            print(to_json(broadcast_view(alert), indent=2))
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
            progress.say(
                "no alert: the story was already alerted, and this copy tells nothing new (no line of its "
                "summary rests on a sentence the earlier copy lacked; `takeaways threads` shows the decision)"
            )
            return 0
        _pause_or_give_up(deadline, args.timeout, "the summary was not alerted")


def broadcast_view(alert: AlertPayload) -> dict[str, Any]:
    """The alert as the alerts topic carries it, without the subscriber's part.

    Preference links change one subscription, so only a copy made for one subscriber can carry
    them; the broadcast belongs to no one, and an empty ``preference_links`` would read as links
    that failed to appear.
    """
    from takeaways.records import to_jsonable

    document: dict[str, Any] = to_jsonable(alert)
    if not document.get("preference_links"):
        document.pop("preference_links", None)
    return document


def _summary_records(
    bucket: str, summary_key: str, since: datetime
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The summary at the key read once, as (this upload's, an earlier upload's): two reads could see the
    record written between them and call this upload's summary an earlier one."""
    from takeaways.adapters.operations import read_json

    record = read_json(bucket, summary_key)
    if record is None:
        return None, None
    return (record, None) if _written_since(record, since) else (None, record)


def _of_these_bytes(record: dict[str, Any] | None, etag: str) -> bool:
    source = record.get("source_object") if isinstance(record, dict) else None
    return isinstance(source, dict) and str(source.get("etag") or "").strip('"') == etag


def _depth(queue: QueueState) -> int:
    return queue.visible + queue.in_flight + queue.delayed


def _fresh_record(bucket: str, key: str, since: datetime) -> dict[str, Any] | None:
    from takeaways.adapters.operations import read_json

    record = read_json(bucket, key)
    return record if record is not None and _written_since(record, since) else None


def _written_since(record: dict[str, Any], since: datetime) -> bool:
    """False for a record from an earlier upload of the same key."""
    written = str(record.get("summarised_at") or record.get("rejected_at") or "")
    try:
        return not (written and datetime.fromisoformat(written) < since)
    except ValueError:
        return True


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
    return ExitCode.USAGE_OR_REJECTED


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
    kept_chat_posts = 0
    for logical_id, label in STATUS_QUEUES.items():
        if logical_id not in found:
            continue
        queue = queue_state(found[logical_id], now)
        if logical_id == "ChatDeadLetterQueue":
            # SNS delivered these to ChatFunction, so its failure count never includes them.
            kept_chat_posts = _depth(queue)
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
        for topic in ("AlertsTopic", "SubscriberTopic")
    )
    at_least = "at least " if more_summaries or more_rejections else ""
    print(
        f"\nlast hour: {at_least}{len(summaries)} summaries, "
        f"{sum(1 for alert in alerts if alert.summarised_at >= hour_ago)} alerts, "
        f"{len(rejections)} rejections, {sum(fallbacks.values())} engine fallbacks, "
        f"{undelivered} undelivered subscriber copies"
        + (f"; {kept_chat_posts} chat post(s) undelivered, kept in the chat DLQ" if kept_chat_posts else "")
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
