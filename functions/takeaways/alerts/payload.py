"""The JSON alert that SQS, Lambda and HTTPS subscribers receive: a versioned, published shape.

Consumers validate against ``schemas/alert-v1.schema.json``; a test keeps this
dataclass and that file in step. New optional fields may be added; nothing is
removed or renamed within version 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from takeaways.summary import MAX_TAKEAWAYS, Entity, require_items

PRIORITIES = range(1, 6)


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertTakeaway:
    """One takeaway and the indices of the article sentences it rests on."""

    text: str
    evidence: list[int]


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertPayload:
    """A takeaway alert, version 1.

    ``is_update`` is true when this replaces an alert sent for the same story;
    ``priority`` runs from 1 (routine) to 5 (urgent); ``summary_object`` is the
    ``s3://`` URI of the stored summary record.
    """

    schema_version: Literal[1] = 1
    type: Literal["takeaways.alert"] = "takeaways.alert"
    article_id: str
    is_update: bool = False
    headline: str
    summary: str
    takeaways: list[AlertTakeaway]
    topics: list[str]
    entities: list[Entity]
    priority: int
    language: str
    source: str | None
    url: str | None
    published: str | None
    engine: str
    fallback_reason: str | None
    summary_object: str
    summarised_at: datetime

    def __post_init__(self) -> None:
        if not 1 <= len(self.takeaways) <= MAX_TAKEAWAYS:
            raise ValueError(f"an alert has 1 to {MAX_TAKEAWAYS} takeaways, not {len(self.takeaways)}")
        if self.priority not in PRIORITIES:
            raise ValueError(f"priority runs from 1 to 5, not {self.priority}")
        require_items(self.takeaways, AlertTakeaway, "takeaways")
        require_items(self.entities, Entity, "entities")
