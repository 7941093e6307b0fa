"""Once a day: the day's alerts go out again as one digest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from takeaways.alerts.digest import render_digest
from takeaways.pipeline.ports import AlertPublisher
from takeaways.stories.ledger import StoryLedger


@dataclass(frozen=True, slots=True)
class DigestOutcome:
    status: Literal["published", "empty"]
    day: str
    story_count: int
    message_id: str | None = None


def publish_digest(day: str, *, ledger: StoryLedger, publisher: AlertPublisher) -> DigestOutcome:
    """Publish the day's alerts as one digest; a day without alerts sends nothing."""
    alerts = ledger.digest_for(day)
    if not alerts:
        return DigestOutcome(status="empty", day=day, story_count=0)
    digest = render_digest(day, alerts)
    message_id = publisher.publish(digest)
    return DigestOutcome(
        status="published", day=day, story_count=digest.payload.story_count, message_id=message_id
    )
