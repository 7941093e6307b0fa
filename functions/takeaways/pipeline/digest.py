"""The digests of one period: each daily (or weekly) subscriber gets one message about their stories.

For each subscriber of the firing's frequency, the window runs from where their previous digest
ended (or their subscription began) to a minute before the firing (an alert being settled right
now goes in the next one), so no alert falls between two digests; ``include_latest`` ends it at
the firing instead, for an operator who has just seen their story settle (``upload --wait``). The
stories are those of the window that their preferences admit, each once, most urgent first (``alerts.digest``). A window
without such stories sends nothing.

Nothing is sent twice and nothing is lost: a subscriber whose digest for the period is finished
is skipped (a retry, a second firing); a run records its window before sending, and each part
just before its publish, so a re-run sends only the parts that cannot have gone out. A part SNS
refused is forgotten and the run stays open: the next run, of this period or a later one, sends it
first (in its own window) and counts it as ``failed`` until then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal, cast

from takeaways.alerts.digest import DigestHeading, period_id, render_digest, select_stories
from takeaways.alerts.subscription import DigestFrequency, DigestRun, SubscriberRecord
from takeaways.errors import TransientFailure
from takeaways.links.alert_links import IssuerFor, subscription_links
from takeaways.pipeline.ports import (
    AlertPublisher,
    DigestLines,
    PublishOutcomeUnknown,
    PublishRefused,
    SubscriberRegistry,
)

# Settling an alert takes well under this; lines younger than it wait for the next digest.
SETTLE_LAG = timedelta(minutes=1)

DigestStatus = Literal["sent", "unconfirmed", "empty", "already_sent", "failed", "gone"]


@dataclass(frozen=True, slots=True)
class SubscriberDigest:
    """What became of one subscriber's digest for one period.

    ``unconfirmed``: a publish's answer was lost, so that part is treated as sent (never resent);
    ``failed``: SNS refused a part or the registry could not be written, and the next run retries it.
    """

    subscriber_id: str
    period: str
    status: DigestStatus
    story_count: int = 0
    parts: int = 0
    parts_sent: int = 0
    since: str = ""
    until: str = ""
    error: str = ""


@dataclass(frozen=True, slots=True)
class DigestReport:
    frequency: DigestFrequency
    period: str
    subscribers: list[SubscriberDigest] = field(default_factory=list)

    def count(self, status: DigestStatus) -> int:
        return sum(1 for digest in self.subscribers if digest.status == status)

    @property
    def parts_sent(self) -> int:
        return sum(digest.parts_sent for digest in self.subscribers)


def publish_digests(
    frequency: DigestFrequency,
    fired_at: datetime,
    *,
    registry: SubscriberRegistry,
    lines: DigestLines,
    publisher: AlertPublisher,
    include_latest: bool = False,
    issuer_for: IssuerFor = lambda subscriber_id: None,
) -> DigestReport:
    """One digest per subscriber of this frequency for the period ``fired_at`` falls in."""
    period = period_id(frequency, fired_at)
    until = fired_at if include_latest else fired_at - SETTLE_LAG
    report = DigestReport(frequency, period)
    for record in registry.digest_subscribers(frequency):
        digests = _Digests(registry, lines, publisher, issuer_for)
        try:
            report.subscribers.extend(digests.for_period(record, period, until))
        except TransientFailure as error:
            report.subscribers.extend(digests.done)
            report.subscribers.append(
                SubscriberDigest(record.subscriber_id, period, "failed", error=str(error))
            )
    return report


class _Digests:
    """One subscriber's runs in one firing: an unfinished earlier one first, then this period's."""

    def __init__(
        self,
        registry: SubscriberRegistry,
        lines: DigestLines,
        publisher: AlertPublisher,
        issuer_for: IssuerFor = lambda subscriber_id: None,
    ) -> None:
        self._registry, self._lines, self._publisher = registry, lines, publisher
        self._issuer_for = issuer_for
        self.done: list[SubscriberDigest] = []

    def for_period(self, record: SubscriberRecord, period: str, until: datetime) -> list[SubscriberDigest]:
        subscriber_id = record.subscriber_id
        earlier = record.open_run
        if earlier is not None and earlier.period != period:
            self.done.append(self._send(record, earlier))
            current = self._registry.subscriber(subscriber_id)
            if self.done[-1].status == "failed" or current is None:
                return self.done
            record = current
        run = self._run_to_send(record, period, until)
        if isinstance(run, DigestRun):
            self.done.append(self._send(record, run))
        else:
            self.done.append(SubscriberDigest(subscriber_id, period, run))
        return self.done

    def _run_to_send(
        self, record: SubscriberRecord, period: str, until: datetime
    ) -> DigestRun | DigestStatus:
        """This period's run: the one already open, or a new one; or why there is none."""
        if record.last_period == period:
            return "already_sent"
        if record.open_run is not None and record.open_run.period == period:
            return record.open_run
        run = DigestRun(period=period, since=record.window_start, until=max(until, record.window_start))
        if self._registry.open_run(record.subscriber_id, run):
            return run
        current = self._registry.subscriber(record.subscriber_id)  # another run got there first
        if current is None:
            return "gone"
        if current.last_period == period or current.open_run is None or current.open_run.period != period:
            return "already_sent"
        return current.open_run

    def _send(self, record: SubscriberRecord, run: DigestRun) -> SubscriberDigest:
        subscriber_id = record.subscriber_id
        since, until = run.since.isoformat(), run.until.isoformat()
        alerts = self._lines.digest_lines(run.since, run.until) if run.until > run.since else []
        stories = select_stories(alerts, record.preferences)
        if not stories:
            self._registry.finish_run(subscriber_id, run)
            return SubscriberDigest(subscriber_id, run.period, "empty", since=since, until=until)
        frequency = cast(DigestFrequency, run.period.partition(":")[0])
        issue = self._issuer_for(subscriber_id)
        heading = DigestHeading(
            subscriber_id=subscriber_id,
            frequency=frequency,
            period=run.period,
            since=run.since,
            until=run.until,
            links=tuple(subscription_links(subscriber=record, issue=issue)) if issue else (),
        )
        parts = render_digest(heading, stories)
        sent, unconfirmed = 0, False
        for number, part in enumerate(parts, start=1):
            if number in run.parts or not self._registry.claim_part(subscriber_id, run.period, number):
                continue  # sent, or may have gone out: never again
            try:
                message_id = self._publisher.publish(part)
            except PublishRefused as error:
                self._registry.forget_part(subscriber_id, run.period, number)
                return SubscriberDigest(
                    subscriber_id,
                    run.period,
                    "failed",
                    len(stories),
                    len(parts),
                    sent,
                    since=since,
                    until=until,
                    error=str(error),
                )
            except PublishOutcomeUnknown:
                unconfirmed = True
                continue
            self._registry.record_part(subscriber_id, run.period, number, message_id)
            sent += 1
        self._registry.finish_run(subscriber_id, run)
        status: DigestStatus = "unconfirmed" if unconfirmed else "sent"
        return SubscriberDigest(
            subscriber_id, run.period, status, len(stories), len(parts), sent, since=since, until=until
        )
