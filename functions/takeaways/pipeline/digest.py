"""The digest: every alert settled since the previous digest, each exactly once.

The window runs from where the previous digest ended to a minute before now (an alert being
settled right now goes in the next one), not over a calendar day, so no alert falls between two
digests. A run records its window before sending, and each part just before its publish, so a
re-run after a failure sends only the parts that cannot have gone out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from takeaways.alerts.digest import render_digest
from takeaways.pipeline.ports import AlertPublisher, PublishRefused
from takeaways.stories.ledger import StoryLedger

# Settling an alert takes well under this; lines younger than it wait for the next digest.
SETTLE_LAG = timedelta(minutes=1)
# The first digest ever covers this much.
FIRST_WINDOW = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DigestOutcome:
    status: Literal["published", "empty"]
    day: str
    story_count: int
    since: str = ""
    until: str = ""
    parts: int = 0
    parts_sent: int = 0
    message_ids: tuple[str, ...] = ()


def publish_digest(now: datetime, *, ledger: StoryLedger, publisher: AlertPublisher) -> DigestOutcome:
    """Publish every alert since the previous digest; a window without alerts sends nothing."""
    previous = ledger.last_digest()
    run = previous.astimezone(UTC).isoformat() if previous else "first"
    until = now.astimezone(UTC) - SETTLE_LAG
    if previous is not None and until <= previous:
        # A late or repeated firing: everything up to the previous digest's end was already sent.
        return DigestOutcome("empty", until.date().isoformat(), 0, previous.isoformat(), previous.isoformat())
    since, until = ledger.open_digest_run(run, previous or until - FIRST_WINDOW, until)
    day = until.date().isoformat()
    alerts = ledger.digest_lines(since, until)
    if not alerts:
        ledger.finish_digest(previous, until)
        return DigestOutcome("empty", day, 0, since.isoformat(), until.isoformat())
    parts = render_digest(day, alerts, since=since.isoformat(), until=until.isoformat())
    sent: list[str] = []
    for number, part in enumerate(parts, start=1):
        if ledger.digest_part_sent(run, number):
            continue
        # Marked before the publish, like an alert: a part whose publish may have gone out is not resent.
        ledger.record_digest_part(run, number, "")
        try:
            message_id = publisher.publish(part)
        except PublishRefused:
            ledger.forget_digest_part(run, number)
            raise
        ledger.record_digest_part(run, number, message_id)
        sent.append(message_id)
    ledger.finish_digest(previous, until)
    return DigestOutcome(
        "published",
        day,
        len(alerts),
        since.isoformat(),
        until.isoformat(),
        len(parts),
        len(sent),
        tuple(sent),
    )
