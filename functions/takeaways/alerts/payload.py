"""The JSON alert that SQS, Lambda and HTTPS subscribers receive: a versioned, published shape.

``schemas/alert-v1.schema.json`` is generated from ``AlertPayload``; consumers validate
against that file, and a test keeps the two identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Literal

from takeaways.records import check_bounds, check_items, field_info
from takeaways.summary import MAX_TAKEAWAYS, Entity

ALERT_SCHEMA_ID = "https://schemas.takeaways.dev/alert-v1.schema.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertTakeaway:
    """One takeaway and where in the article it comes from."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    text: str
    evidence: list[int] = field(metadata=field_info("Indices of the article sentences it rests on"))


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertPayload:
    """A takeaway alert, version 1. New optional fields may be added; nothing is removed or renamed."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "title": "Takeaways alert"}

    schema_version: Literal[1] = 1
    type: Literal["takeaways.alert"] = "takeaways.alert"
    article_id: str
    is_update: bool = field(
        default=False, metadata=field_info("True when this replaces an alert sent for the same story")
    )
    headline: str
    summary: str
    takeaways: list[AlertTakeaway] = field(metadata=field_info(min_length=1, max_length=MAX_TAKEAWAYS))
    topics: list[str]
    entities: list[Entity]
    priority: int = field(metadata=field_info("1 routine .. 5 urgent", ge=1, le=5))
    language: str
    source: str | None
    url: str | None
    published: str | None
    engine: str = field(metadata=field_info("'extractive' or 'openai:<model>'"))
    fallback_reason: str | None
    grounded: bool = field(
        default=False,
        metadata=field_info(
            "True when the grounding check verified every line (headline, summary, each takeaway)"
            " against the article sentences it rests on"
        ),
    )
    summary_object: str = field(metadata=field_info("s3:// URI of the stored summary record"))
    summarised_at: datetime

    def __post_init__(self) -> None:
        check_bounds(self)
        check_items(self.takeaways, AlertTakeaway, "takeaways")
        check_items(self.entities, Entity, "entities")
