"""What the stages need from the outside world, and nothing more."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.subscription import DigestFrequency, DigestRun, SubscriberRecord
from takeaways.errors import TransientFailure
from takeaways.summary import ObjectRef, RejectionRecord, SummaryRecord

if TYPE_CHECKING:
    from takeaways.alerts.chat.delivery import WebhookAnswer
    from takeaways.alerts.chat.webhooks import ChatChannel


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


class RecurringLineStore(Protocol):
    """Which earlier articles of a source carried each short line (by fingerprint)."""

    def seen_in(self, scope: str, fingerprints: Sequence[str], article_id: str) -> dict[str, int]:
        """How many distinct articles other than ``article_id`` carried each fingerprint (absent: none).

        Raises ``TransientFailure`` when the store cannot be read.
        """
        ...

    def record(self, scope: str, fingerprints: Sequence[str], article_id: str) -> None:
        """Count the article once for each fingerprint, however often it is recorded."""
        ...


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


class DigestLines(Protocol):
    """The alerts that went out, as the story ledger keeps them for the digests."""

    def digest_lines(self, since: datetime, until: datetime) -> list[AlertPayload]:
        """The alerts settled in ``(since, until]``, oldest first."""
        ...


class SubscriberRegistry(Protocol):
    """The registry of managed subscriptions, as DigestFunction uses it.

    Every write is conditional on what it expects the record to hold, so two runs of one period
    (a retry, a second firing) cannot both send a digest or a part of one: the loser is told so.
    """

    def digest_subscribers(self, frequency: DigestFrequency) -> list[SubscriberRecord]:
        """Every subscriber of that frequency."""
        ...

    def subscriber(self, subscriber_id: str) -> SubscriberRecord | None:
        """The record as it is now (a consistent read), or None once the subscriber is gone."""
        ...

    def open_run(self, subscriber_id: str, run: DigestRun) -> bool:
        """Record the run, unless a run is open or its period was finished; False when not recorded."""
        ...

    def claim_part(self, subscriber_id: str, period: str, part: int) -> bool:
        """Mark a part as going out; False when it was already marked (sent, or may have been)."""
        ...

    def record_part(self, subscriber_id: str, period: str, part: int, message_id: str) -> None:
        """The part went out, with SNS's message id."""
        ...

    def forget_part(self, subscriber_id: str, period: str, part: int) -> None:
        """SNS refused the part: nothing went out, so the next run sends it."""
        ...

    def finish_run(self, subscriber_id: str, run: DigestRun) -> bool:
        """Close the run: the next window starts at its end; False when another run closed it first."""
        ...


class ChatChannels(Protocol):
    """Where each chat channel's webhook is kept, found by the channel's subscription."""

    def channel(self, subscription_arn: str) -> ChatChannel:
        """Raises ``ChannelUnavailable`` when its secret cannot be read (not written yet, or gone)."""
        ...


class WebhookPoster(Protocol):
    """An HTTP client for webhooks: posts JSON and reports what came back, never raising for a status."""

    def post(self, url: str, body: dict[str, Any], *, timeout: float) -> WebhookAnswer: ...


class ChatDeadLetters(Protocol):
    """Where a chat message that can never be delivered is kept, with the event that carried it."""

    def keep(self, event: Mapping[str, Any], *, error_code: str, error_message: str) -> None: ...


class ChannelUnavailable(TransientFailure):
    """A chat channel's secret could not be read: just subscribed, just removed, or Secrets Manager failing."""


class DeliveryClaims(Protocol):
    """One copy of one alert for one subscriber or channel, claimed before it is sent so it goes out once."""

    def claim(self, alert_id: str, subscriber_id: str) -> bool:
        """True when this call claimed the copy; False when an earlier attempt did."""
        ...

    def release(self, alert_id: str, subscriber_id: str) -> None: ...
