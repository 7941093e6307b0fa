"""What the stages need from the outside world, and nothing more."""

from __future__ import annotations

from typing import Protocol

from takeaways.errors import TransientFailure
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


class Publishable(Protocol):
    """A rendered alert or digest: a subject, a version per protocol, and filterable attributes."""

    @property
    def subject(self) -> str: ...

    @property
    def attributes(self) -> dict[str, dict[str, str]]: ...

    def sns_message(self) -> str: ...


class AlertPublisher(Protocol):
    """A topic that subscribers listen to."""

    def publish(self, alert: Publishable) -> str:
        """Publish one message and return its id.

        Raises ``PublishRefused`` when nothing can have gone out, ``PublishOutcomeUnknown`` when
        the message may have gone out but no answer came back.
        """
        ...


class PublishRefused(TransientFailure):
    """The topic answered with an error, or was never reached: nothing was published, so try again."""


class PublishOutcomeUnknown(TransientFailure):
    """The request was sent but its answer was lost: the message may be out, so it is never sent again."""


class ObjectSuperseded(Exception):
    """The object changed after the event was sent; the newer version's own event will follow."""
