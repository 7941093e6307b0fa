"""The JSON alert that SQS, Lambda and HTTPS subscribers receive: a versioned, published shape.

``schemas/alert-v1.schema.json`` is generated from ``AlertPayload``; consumers validate
against that file, and a test keeps the two identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Literal

from takeaways.records import check_bounds, check_items, field_info
from takeaways.summary import MAX_PRIORITY, MAX_TAKEAWAYS, MAX_TOPICS, MIN_PRIORITY, Entity, Topic

ALERT_SCHEMA_ID = "https://schemas.takeaways.dev/alert-v1.schema.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertTakeaway:
    """One takeaway and where in the article it comes from."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    text: str
    evidence: list[int] = field(metadata=field_info("Indices of the article sentences it rests on"))


@dataclass(frozen=True, slots=True, kw_only=True)
class PreferenceLink:
    """One change the reader can make to their own subscription by following ``url``."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    label: str = field(metadata=field_info("What the link does, in words"))
    change: str = field(
        metadata=field_info("unsubscribe, mute_topic, mute_entity, mute_source, frequency or min_priority")
    )
    value: str | None = field(
        default=None, metadata=field_info("The topic, entity, source, frequency or floor")
    )
    url: str = field(
        metadata=field_info(
            "Opens a confirmation page; nothing changes until it is confirmed. Signed, single-use, expiring"
        )
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertPayload:
    """A takeaway alert, version 1. New optional fields may be added; nothing is removed or renamed.

    Delivery: SQS and HTTPS subscriptions made by the project are raw, so the message body is
    this object itself (SQS also carries the alert's message attributes; raw HTTPS does not).
    A subscription made with --envelope gets SNS's JSON envelope, with this object as a string
    in its Message field. Lambda subscribers always get SNS's event: this object is the string
    in Records[0].Sns.Message and the attributes are in Records[0].Sns.MessageAttributes.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "title": "Takeaways alert"}

    schema_version: Literal[1] = 1
    type: Literal["takeaways.alert"] = "takeaways.alert"
    article_id: str
    alert_id: str = field(
        default="",
        metadata=field_info(
            "Deterministic id of this alert, one per summary version: every copy a subscriber receives"
            " of the same alert carries the same alert_id, so consumers de-duplicate on it"
        ),
    )
    is_update: bool = field(
        default=False, metadata=field_info("True when this replaces an alert sent for the same story")
    )
    thread_id: str | None = field(
        default=None, metadata=field_info("The story thread: every alert about one story carries its id")
    )
    outlet_count: int = field(
        default=1, metadata=field_info("How many outlets have reported the story so far", ge=1)
    )
    new_takeaways: list[int] = field(
        default_factory=list,
        metadata=field_info("Indices into takeaways of what earlier alerts of the thread did not carry"),
    )
    headline: str
    summary: str
    takeaways: list[AlertTakeaway] = field(
        metadata=field_info(
            "Empty when the article tells one fact: the summary carries it, and no line repeats it",
            max_length=MAX_TAKEAWAYS,
        )
    )
    topics: list[Topic] = field(
        metadata=field_info(
            "IPTC Media Topics, strongest first (objects since the IPTC vocabulary; names were plain strings before)",
            max_length=MAX_TOPICS,
        )
    )
    entities: list[Entity]
    priority: int = field(
        metadata=field_info(
            f"{MIN_PRIORITY} routine .. {MAX_PRIORITY} urgent", ge=MIN_PRIORITY, le=MAX_PRIORITY
        )
    )
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
    preference_links: list[PreferenceLink] = field(
        default_factory=list,
        metadata=field_info(
            "Links that change this subscriber's own subscription; only in a copy made for one subscriber"
        ),
    )

    def __post_init__(self) -> None:
        check_bounds(self)
        check_items(self.takeaways, AlertTakeaway, "takeaways")
        check_items(self.preference_links, PreferenceLink, "preference_links")
        check_items(self.entities, Entity, "entities")
        check_items(self.topics, Topic, "topics")


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertThread:
    """Where an alert sits in its story: the thread, its outlets, and what this alert adds."""

    alert_id: str
    thread_id: str
    outlet_count: int = 1
    new_takeaways: list[int] = field(default_factory=list)
