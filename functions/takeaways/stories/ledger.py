"""The port through which the notify stage keeps each alert's life and each story's thread.

An alert (one summary version, ``alert_id``) goes ``pending`` -> ``sent`` (or ``unconfirmed``
when the publish's answer was lost, or ``failed`` when the topic refused it, after which the
next attempt makes it ``pending`` again); an alert that repeats a story is ``duplicate`` and
never published. Every transition is conditional on the state it leaves, so a retry, a
redrive or a concurrent copy can never publish a second time. The story decision is recorded
conditionally on the versions of the items it read, so two concurrent notifications of one
story cannot both start a thread: the loser gets ``LedgerConflict`` and decides again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from takeaways.alerts.payload import AlertPayload
from takeaways.stories.threads import Relation, StoryDecision, StoryEntry, StoryProbe, ThreadState

AlertState = Literal["pending", "sent", "unconfirmed", "failed", "duplicate"]


class LedgerConflict(Exception):
    """What the decision read has changed (a concurrent notification, or a retried state): decide again."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertRecord:
    """The recorded life of one alert: its story decision and how far its publish got."""

    alert_id: str
    state: AlertState
    article_id: str
    story_id: str
    relation: Relation
    similar_to: str | None = None
    new_takeaways: list[int] = field(default_factory=list)
    outlet_count: int = 1
    decided_at: datetime
    message_id: str | None = None

    @classmethod
    def deciding(cls, alert_id: str, article_id: str, decision: StoryDecision, at: datetime) -> AlertRecord:
        return cls(
            alert_id=alert_id,
            state="duplicate" if decision.relation == "duplicate" else "pending",
            article_id=article_id,
            story_id=decision.story_id,
            relation=decision.relation,
            similar_to=decision.similar_to,
            new_takeaways=decision.new_takeaways,
            outlet_count=decision.outlet_count,
            decided_at=at,
        )


@dataclass(frozen=True, slots=True)
class StorySnapshot:
    """What the ledger held under a probe's keys, and the versions read (0: absent)."""

    candidates: list[StoryEntry]
    threads: dict[str, ThreadState]
    versions: dict[str, int]
    members: dict[str, list[str]] = field(default_factory=dict)


class StoryLedger(Protocol):
    def alert(self, alert_id: str) -> AlertRecord | None:
        """The alert's recorded life, or None when no attempt has decided it yet."""
        ...

    def snapshot(self, probe: StoryProbe) -> StorySnapshot:
        """The entries filed under the probe's keys and the threads they belong to."""
        ...

    def record_decision(
        self, probe: StoryProbe, decision: StoryDecision, alert: AlertRecord, snapshot: StorySnapshot
    ) -> None:
        """File the probe (unless a duplicate), update its thread and create the alert record, at once.

        Raises ``LedgerConflict`` when any item read by ``snapshot`` has changed since.
        """
        ...

    def reopen(self, alert: AlertRecord, at: datetime) -> AlertRecord:
        """``failed`` -> ``pending`` before publishing again; ``LedgerConflict`` if it is no longer failed."""
        ...

    def mark_failed(self, alert_id: str) -> None:
        """``pending`` -> ``failed``: the topic refused the publish, so nothing went out."""
        ...

    def settle(
        self,
        alert_id: str,
        state: Literal["sent", "unconfirmed"],
        message_id: str | None,
        line: AlertPayload,
        at: datetime,
    ) -> None:
        """``pending`` -> ``state`` and the alert's digest line, in one write; ``LedgerConflict`` if not pending."""
        ...

    def digest_lines(self, since: datetime, until: datetime) -> list[AlertPayload]:
        """The alerts settled in ``(since, until]``, oldest first."""
        ...
