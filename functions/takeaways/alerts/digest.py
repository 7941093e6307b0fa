"""One subscriber's digest: the stories of a window their preferences admit, each once, most urgent first.

``select_stories`` keeps the alerts the subscriber's filter policy admits (evaluated exactly as SNS
evaluates it for an instant subscriber, on the alert's own message attributes), then one item per
story: its latest admitted version, marked as updated when the story changed in the window.
``render_digest`` renders them per channel, in as many messages as it takes.

The size budget counts what SNS is actually sent: the subject, the attributes and the whole
per-protocol message, in which the JSON appears once per machine protocol beside the e-mail
and SMS texts. A window with more stories than one message holds goes out in several parts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Literal

from takeaways.alerts.filter_policy import Preferences, preferences_admit
from takeaways.alerts.payload import AlertPayload, PreferenceLink
from takeaways.alerts.render import (
    MESSAGE_BYTES_LIMIT,
    SMS_LIMIT,
    SUBJECT_LIMIT,
    message_attributes,
    per_protocol_message,
    preference_lines,
)
from takeaways.alerts.subscription import SUBSCRIBER_ATTRIBUTE, DigestFrequency
from takeaways.alerts.text_limits import shorten, to_ascii
from takeaways.records import field_info, to_json, to_jsonable

DIGEST_SCHEMA_ID = "https://schemas.takeaways.dev/digest-v1.schema.json"
# What one publish may carry, less room for SNS's own envelope.
DIGEST_BYTES_BUDGET = MESSAGE_BYTES_LIMIT - 4096
_ITEM_TEXT_LIMIT = 2000


def period_id(frequency: DigestFrequency, at: datetime) -> str:
    """The period a firing belongs to: ``daily:2026-12-02`` (UTC day), ``weekly:2026-W49`` (ISO week)."""
    if frequency == "daily":
        return f"daily:{at.date().isoformat()}"
    year, week, _ = at.isocalendar()
    return f"weekly:{year}-W{week:02d}"


def period_label(period: str) -> str:
    """``2026-12-02`` or ``week 2026-W49``: how the subject and e-mail name the period."""
    frequency, _, name = period.partition(":")
    return f"week {name}" if frequency == "weekly" else name


@dataclass(frozen=True, slots=True)
class DigestStory:
    """One story of a window: its latest admitted alert and how many of its alerts the window holds."""

    alert: AlertPayload
    versions: int = 1

    @property
    def updated(self) -> bool:
        return self.alert.is_update or self.versions > 1


def select_stories(alerts: Sequence[AlertPayload], preferences: Preferences) -> list[DigestStory]:
    """The alerts (oldest first) the preferences admit, one per story, most urgent first.

    Each alert is judged on its own, as it is for an instant subscriber; a story is its
    thread (or, without one, its alert), shown in its latest admitted version. Stories of equal
    priority keep the order in which they were first alerted.
    """
    stories: dict[str, list[AlertPayload]] = {}
    for alert in alerts:
        if preferences_admit(preferences, message_attributes(alert)):
            stories.setdefault(alert.thread_id or alert.alert_id or alert.article_id, []).append(alert)
    ranked = sorted(enumerate(stories.values()), key=lambda pair: (-pair[1][-1].priority, pair[0]))
    return [DigestStory(versions[-1], len(versions)) for _, versions in ranked]


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestItem:
    """One story, cut down to what a digest reader scans."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    article_id: str
    alert_id: str = field(default="", metadata=field_info("The alert's alert_id (its latest version's)"))
    thread_id: str | None = field(
        default=None, metadata=field_info("The story thread, as in the alert: one item per thread")
    )
    headline: str
    summary: str
    takeaways: list[str]
    topics: list[str]
    priority: int
    is_update: bool = field(
        metadata=field_info("True when the story was updated: the item shows its latest version")
    )
    versions: int = field(
        default=1, metadata=field_info("Alerts of this story in the window; the item is the latest", ge=1)
    )
    source: str | None
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestPayload:
    """A digest, version 1: one subscriber's stories of one period, most urgent first."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "title": "Takeaways digest"}

    schema_version: Literal[1] = 1
    type: Literal["takeaways.digest"] = "takeaways.digest"
    subscriber_id: str | None = field(
        default=None, metadata=field_info("The subscriber this digest was made for (their filter applied)")
    )
    frequency: DigestFrequency = field(default="daily", metadata=field_info("daily or weekly"))
    period: str | None = field(
        default=None, metadata=field_info("The period: daily:YYYY-MM-DD or weekly:YYYY-Www (ISO week)")
    )
    day: str = field(metadata=field_info("UTC day the digest's window ends, YYYY-MM-DD"))
    since: str | None = field(
        default=None, metadata=field_info("Start of the window (exclusive), ISO 8601 UTC")
    )
    until: str | None = field(
        default=None, metadata=field_info("End of the window (inclusive), ISO 8601 UTC")
    )
    story_count: int = field(metadata=field_info("Stories in the whole window, over all parts"))
    part: int = field(default=1, metadata=field_info("This message's place among the window's parts", ge=1))
    parts: int = field(default=1, metadata=field_info("Messages the window's digest takes", ge=1))
    items: list[DigestItem]
    preference_links: list[PreferenceLink] = field(
        default_factory=list,
        metadata=field_info("Links that change this subscriber's own subscription (frequency, unsubscribe)"),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestHeading:
    """Whose digest it is and which window it covers."""

    subscriber_id: str
    frequency: DigestFrequency
    period: str
    since: datetime
    until: datetime
    links: tuple[PreferenceLink, ...] = ()  # in every part: each message can change or end the subscription


@dataclass(frozen=True, slots=True)
class RenderedDigest:
    subject: str
    email: str
    sms: str
    payload: DigestPayload
    attributes: dict[str, dict[str, str]]

    def sns_message(self) -> str:
        return per_protocol_message(to_json(self.payload), self.email, self.sms)


def publish_size(message: RenderedDigest) -> int:
    """Bytes SNS counts against its limit: message, subject and attributes."""
    attributes = sum(
        len(name.encode()) + len(value["DataType"].encode()) + len(value["StringValue"].encode())
        for name, value in message.attributes.items()
    )
    return len(message.sns_message().encode()) + len(message.subject.encode()) + attributes


def render_digest(heading: DigestHeading, stories: Sequence[DigestStory]) -> list[RenderedDigest]:
    """The stories in their order, split into parts that each fit one publish."""
    items = [_item(story) for story in stories]
    groups: list[list[DigestItem]] = []
    current: list[DigestItem] = []
    used = 0
    base = publish_size(_render(heading, len(items), 1, 1, []))
    for item in items:
        cost = _item_cost(item)
        if current and base + used + cost > DIGEST_BYTES_BUDGET:
            groups.append(current)
            current, used = [], 0
        current.append(item)
        used += cost
    if current:
        groups.append(current)
    parts = [_render(heading, len(items), n, len(groups), g) for n, g in enumerate(groups, 1)]
    # The per-item estimate is close but not exact: split any part that still does not fit.
    if any(publish_size(p) > DIGEST_BYTES_BUDGET for p in parts) and len(items) > len(groups):
        return _split_evenly(heading, items, len(groups) + 1)
    return parts


def _split_evenly(heading: DigestHeading, items: list[DigestItem], count: int) -> list[RenderedDigest]:
    while True:
        size = -(-len(items) // count)
        groups = [items[i : i + size] for i in range(0, len(items), size)]
        parts = [_render(heading, len(items), n, len(groups), g) for n, g in enumerate(groups, 1)]
        if all(publish_size(p) <= DIGEST_BYTES_BUDGET for p in parts) or size == 1:
            return parts
        count += 1


def _item(story: DigestStory) -> DigestItem:
    alert = story.alert
    return DigestItem(
        article_id=alert.article_id,
        alert_id=alert.alert_id,
        thread_id=alert.thread_id,
        headline=shorten(alert.headline, _ITEM_TEXT_LIMIT),
        summary=shorten(alert.summary, _ITEM_TEXT_LIMIT),
        takeaways=[shorten(t.text, _ITEM_TEXT_LIMIT) for t in alert.takeaways],
        topics=[topic.name for topic in alert.topics],
        priority=alert.priority,
        is_update=story.updated,
        versions=story.versions,
        source=alert.source,
        url=alert.url,
    )


def _item_cost(item: DigestItem) -> int:
    """An item's bytes in the message: its JSON once per machine protocol (escaped again) plus its e-mail lines."""
    machine = json.dumps(json.dumps(to_jsonable(item), ensure_ascii=False), ensure_ascii=False)
    email = json.dumps("\n".join(_email_lines(0, item)), ensure_ascii=False)
    copies = len(json.loads(per_protocol_message("", "", ""))) - 2
    return (len(machine.encode()) + 2) * copies + len(email.encode()) + 2


def _render(
    heading: DigestHeading, total: int, part: int, parts: int, items: list[DigestItem]
) -> RenderedDigest:
    payload = DigestPayload(
        subscriber_id=heading.subscriber_id,
        frequency=heading.frequency,
        period=heading.period,
        day=heading.until.date().isoformat(),
        since=heading.since.isoformat(),
        until=heading.until.isoformat(),
        story_count=total,
        part=part,
        parts=parts,
        items=items,
        preference_links=list(heading.links),
    )
    label = period_label(heading.period)
    count = f"{total} {'story' if total == 1 else 'stories'}"
    of = f", part {part} of {parts}" if parts > 1 else ""
    subject = shorten(to_ascii(f"Takeaways {heading.frequency} digest, {label}: {count}{of}"), SUBJECT_LIMIT)
    top = f" Top: {to_ascii(items[0].headline)}" if items and part == 1 else ""
    sms = shorten(f"Takeaways {label}: {count}{of}.{top}", SMS_LIMIT)
    return RenderedDigest(
        subject=subject,
        email=digest_email(payload),
        sms=sms,
        payload=payload,
        attributes={
            "kind": {"DataType": "String", "StringValue": "digest"},
            SUBSCRIBER_ATTRIBUTE: {"DataType": "String", "StringValue": heading.subscriber_id},
            "frequency": {"DataType": "String", "StringValue": heading.frequency},
            "story_count": {"DataType": "Number", "StringValue": str(total)},
        },
    )


def digest_email(payload: DigestPayload) -> str:
    """The e-mail text of one digest part: what an e-mail subscriber reads, and ``takeaways inbox`` shows."""
    label = period_label(payload.period) if payload.period else payload.day
    of = f" (part {payload.part} of {payload.parts})" if payload.parts > 1 else ""
    lines = [f"Your Takeaways {payload.frequency} digest, {label}{of}", ""]
    for number, item in enumerate(payload.items, start=1):
        lines += _email_lines(number, item)
    if payload.parts > payload.part:
        lines.append(f"Continued in part {payload.part + 1} of {payload.parts}.")
    lines += preference_lines(payload.preference_links)
    return "\n".join(lines) + "\n"


def _email_lines(number: int, item: DigestItem) -> list[str]:
    marker = " (updated)" if item.is_update else ""
    lines = [f"{number}. {item.headline}{marker}", f"   {item.summary}"]
    lines += [f"   - {text}" for text in item.takeaways]
    if item.url:
        lines.append(f"   {item.url}")
    return [*lines, ""]
