"""What the stages need from the outside world, and nothing more."""

from __future__ import annotations

from typing import Protocol

from takeaways.alerts.render import RenderedAlert
from takeaways.summary import ObjectRef, RejectionRecord, SummaryRecord


class ArticleStore(Protocol):
    """The bucket, seen as a place that holds articles, summaries and rejections."""

    def read_article(self, ref: ObjectRef, *, max_bytes: int) -> tuple[bytes, ObjectRef]:
        """Return the object's bytes and its ref with size/etag/version filled in.

        Raises ``ArticleRejected`` (not_found, too_large) or ``ObjectSuperseded``.
        """
        ...

    def write_summary(self, key: str, record: SummaryRecord) -> None: ...

    def write_rejection(self, key: str, record: RejectionRecord) -> None: ...

    def read_summary(self, ref: ObjectRef) -> SummaryRecord: ...


class AlertPublisher(Protocol):
    """The alerts topic."""

    def publish(self, alert: RenderedAlert) -> str:
        """Publish one alert and return the message id."""
        ...


class ObjectSuperseded(Exception):
    """The object changed after the event was sent; the newer version's own event will follow."""
