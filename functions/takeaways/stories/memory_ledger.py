"""The story ledger in memory: for ``takeaways threads`` and for tests, with the table's semantics.

Every conditional write of the DynamoDB ledger is a version check here too, so what the command
decides and what a concurrency test sees is what the deployed table would allow.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Literal

from takeaways.alerts.payload import AlertPayload
from takeaways.stories.ledger import AlertRecord, LedgerConflict, StorySnapshot
from takeaways.stories.threads import StoryDecision, StoryEntry, StoryProbe, ThreadState, probe_entry

# Entries remembered per lookup key: the newest ones, like the table's index items.
INDEX_MEMBERS = 20


class MemoryStoryLedger:
    def __init__(self) -> None:
        self.entries: dict[str, StoryEntry] = {}
        self.index: dict[str, list[str]] = {}
        self.threads: dict[str, ThreadState] = {}
        self.versions: dict[str, int] = {}
        self.alerts: dict[str, AlertRecord] = {}
        self.lines: list[tuple[datetime, str, AlertPayload]] = []

    def alert(self, alert_id: str) -> AlertRecord | None:
        return self.alerts.get(alert_id)

    def snapshot(self, probe: StoryProbe) -> StorySnapshot:
        versions = {key: self.versions.get(key, 0) for key in probe.lookup_keys}
        members = dict.fromkeys(m for key in probe.lookup_keys for m in self.index.get(key, []))
        candidates = [self.entries[m] for m in members if m in self.entries]
        threads = {}
        for entry in candidates:
            if entry.story_id in self.threads:
                threads[entry.story_id] = self.threads[entry.story_id]
            versions[f"thread#{entry.story_id}"] = self.versions.get(f"thread#{entry.story_id}", 0)
        filed = {key: list(self.index.get(key, [])) for key in probe.lookup_keys}
        return StorySnapshot(candidates, threads, versions, filed)

    def record_decision(
        self, probe: StoryProbe, decision: StoryDecision, alert: AlertRecord, snapshot: StorySnapshot
    ) -> None:
        thread_key = f"thread#{decision.story_id}"
        checked = dict(snapshot.versions)
        checked.setdefault(thread_key, 0)
        if any(self.versions.get(key, 0) != seen for key, seen in checked.items()) or (
            alert.alert_id in self.alerts
        ):
            raise LedgerConflict(alert.alert_id)
        if decision.relation != "duplicate":
            self.entries[probe.entry_id] = probe_entry(probe, decision.story_id)
            for key in probe.lookup_keys:
                self.index[key] = [probe.entry_id, *self.index.get(key, [])][:INDEX_MEMBERS]
                self.versions[key] = self.versions.get(key, 0) + 1
        self.threads[decision.story_id] = decision.thread
        self.versions[thread_key] = self.versions.get(thread_key, 0) + 1
        self.alerts[alert.alert_id] = alert

    def reopen(self, alert: AlertRecord, at: datetime) -> AlertRecord:
        current = self.alerts.get(alert.alert_id)
        if current is None or current.state != "failed":
            raise LedgerConflict(alert.alert_id)
        self.alerts[alert.alert_id] = replace(current, state="pending", decided_at=at)
        return self.alerts[alert.alert_id]

    def mark_failed(self, alert_id: str) -> None:
        current = self.alerts.get(alert_id)
        if current is not None and current.state == "pending":
            self.alerts[alert_id] = replace(current, state="failed")

    def settle(
        self,
        alert_id: str,
        state: Literal["sent", "unconfirmed"],
        message_id: str | None,
        line: AlertPayload,
        at: datetime,
    ) -> None:
        current = self.alerts.get(alert_id)
        if current is None or current.state != "pending":
            raise LedgerConflict(alert_id)
        self.alerts[alert_id] = replace(current, state=state, message_id=message_id)
        self.lines.append((at, alert_id, line))

    def digest_lines(self, since: datetime, until: datetime) -> list[AlertPayload]:
        return [line for at, _, line in sorted(self.lines, key=lambda item: item[:2]) if since < at <= until]
