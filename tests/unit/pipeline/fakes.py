"""In-memory stand-ins for the stage ports: the stages are tested without AWS."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from takeaways.alerts.subscription import DigestRun, SubscriberRecord
from takeaways.article.model import Article
from takeaways.errors import ArticleRejected, RejectionReason
from takeaways.pipeline.ports import ObjectSuperseded
from takeaways.summary import ObjectRef, RejectionRecord, SummaryRecord, Takeaway, TakeawaySummary
from takeaways.text.topics import topic_named


class MemoryStore:
    def __init__(self, objects: dict[str, bytes] | None = None) -> None:
        self.objects = dict(objects or {})
        self.summaries: dict[str, SummaryRecord] = {}
        self.rejections: dict[str, RejectionRecord] = {}
        self.superseded: set[str] = set()

    def read_article(self, ref: ObjectRef, *, max_bytes: int) -> tuple[bytes, ObjectRef]:
        if ref.key in self.superseded:
            raise ObjectSuperseded(ref.key)
        if ref.key not in self.objects:
            raise ArticleRejected(RejectionReason.NOT_FOUND, ref.key)
        data = self.objects[ref.key]
        if len(data) > max_bytes:
            raise ArticleRejected(RejectionReason.TOO_LARGE, f"{len(data)} bytes")
        return data, replace(ref, size=len(data), etag="etag-1")

    def write_summary(self, key: str, record: SummaryRecord) -> None:
        self.summaries[key] = record

    def write_rejection(self, key: str, record: RejectionRecord) -> None:
        self.rejections[key] = record

    def read_summary(self, ref: ObjectRef) -> SummaryRecord:
        if ref.key not in self.summaries:
            raise ArticleRejected(RejectionReason.NOT_FOUND, ref.key)
        return self.summaries[ref.key]


class FirstSentencesEngine:
    """Takes the first three paragraphs as takeaways: enough to see what the stage does with a summary."""

    name = "first-sentences"

    def __init__(self) -> None:
        self.seen: list[Article] = []

    def summarise(self, article: Article) -> TakeawaySummary:
        self.seen.append(article)
        paragraphs = [p for p in article.body.split("\n\n") if p.strip()][:3]
        return TakeawaySummary(
            headline=article.title or paragraphs[0][:60],
            summary=paragraphs[0],
            takeaways=[Takeaway(text=p, evidence=[i]) for i, p in enumerate(paragraphs)],
            topics=[topic_named("science")],
            engine=self.name,
        )


class RecordingPublisher:
    def __init__(self) -> None:
        self.alerts: list[Any] = []

    def publish(self, alert: Any) -> str:
        self.alerts.append(alert)
        return f"message-{len(self.alerts)}"


class FaultyPublisher(RecordingPublisher):
    """A topic that fails at one chosen moment: before sending (refused), or after sending (answer lost)."""

    def __init__(self, fail: type[Exception], *, after_sending: bool, times: int = 1) -> None:
        super().__init__()
        self.fail, self.after_sending, self.remaining = fail, after_sending, times

    def publish(self, alert: Any) -> str:
        if self.remaining and not self.after_sending:
            self.remaining -= 1
            raise self.fail("injected before sending")
        message_id = super().publish(alert)
        if self.remaining:
            self.remaining -= 1
            raise self.fail("injected after sending")
        return message_id


class MemoryRegistry:
    """The subscriber registry in memory, with the conditional writes of ``adapters.subscriber_table``."""

    def __init__(self, *records: SubscriberRecord) -> None:
        self.records = {record.subscriber_id: record for record in records}

    def digest_subscribers(self, frequency: str) -> list[SubscriberRecord]:
        return sorted(
            (r for r in self.records.values() if r.frequency == frequency), key=lambda r: r.subscriber_id
        )

    def subscriber(self, subscriber_id: str) -> SubscriberRecord | None:
        return self.records.get(subscriber_id)

    def open_run(self, subscriber_id: str, run: DigestRun) -> bool:
        record = self.records.get(subscriber_id)
        if record is None or record.open_run is not None or record.last_period == run.period:
            return False
        self.records[subscriber_id] = replace(record, open_run=run)
        return True

    def claim_part(self, subscriber_id: str, period: str, part: int) -> bool:
        run = self._run(subscriber_id, period)
        if run is None or part in run.parts:
            return False
        self._set_parts(subscriber_id, run, {**run.parts, part: ""})
        return True

    def record_part(self, subscriber_id: str, period: str, part: int, message_id: str) -> None:
        run = self._run(subscriber_id, period)
        if run is not None:
            self._set_parts(subscriber_id, run, {**run.parts, part: message_id})

    def forget_part(self, subscriber_id: str, period: str, part: int) -> None:
        run = self._run(subscriber_id, period)
        if run is not None:
            self._set_parts(subscriber_id, run, {n: m for n, m in run.parts.items() if n != part})

    def finish_run(self, subscriber_id: str, run: DigestRun) -> bool:
        if self._run(subscriber_id, run.period) is None:
            return False
        record = self.records[subscriber_id]
        self.records[subscriber_id] = replace(
            record, window_start=run.until, last_period=run.period, open_run=None
        )
        return True

    def _run(self, subscriber_id: str, period: str) -> DigestRun | None:
        record = self.records.get(subscriber_id)
        run = record.open_run if record else None
        return run if run is not None and run.period == period else None

    def _set_parts(self, subscriber_id: str, run: DigestRun, parts: dict[int, str]) -> None:
        self.records[subscriber_id] = replace(self.records[subscriber_id], open_run=replace(run, parts=parts))


class MemoryRecurringLines:
    """The recurring-line store as sets of article ids per (scope, fingerprint)."""

    def __init__(self) -> None:
        self.carried: dict[tuple[str, str], set[str]] = {}

    def seen_in(self, scope: str, fingerprints: Sequence[str], article_id: str) -> dict[str, int]:
        return {
            line: len(self.carried[(scope, line)] - {article_id})
            for line in fingerprints
            if (scope, line) in self.carried
        }

    def record(self, scope: str, fingerprints: Sequence[str], article_id: str) -> None:
        for line in fingerprints:
            self.carried.setdefault((scope, line), set()).add(article_id)
