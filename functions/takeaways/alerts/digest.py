"""The digest: every alert since the previous digest, in as many messages as it takes, rendered per channel.

The size budget counts what SNS is actually sent: the subject, the attributes and the whole
per-protocol message, in which the JSON appears once per machine protocol beside the e-mail
and SMS texts. A window with more alerts than one message holds goes out in several parts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.render import MESSAGE_BYTES_LIMIT, SMS_LIMIT, SUBJECT_LIMIT, per_protocol_message
from takeaways.alerts.text_limits import shorten, to_ascii
from takeaways.records import field_info, to_json, to_jsonable

DIGEST_SCHEMA_ID = "https://schemas.takeaways.dev/digest-v1.schema.json"
# What one publish may carry, less room for SNS's own envelope.
DIGEST_BYTES_BUDGET = MESSAGE_BYTES_LIMIT - 4096
_ITEM_TEXT_LIMIT = 2000


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestItem:
    """One alerted story, cut down to what a digest reader scans."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    article_id: str
    alert_id: str = field(default="", metadata=field_info("The alert's alert_id"))
    headline: str
    summary: str
    takeaways: list[str]
    topics: list[str]
    priority: int
    is_update: bool
    source: str | None
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestPayload:
    """A digest, version 1: the alerts since the previous digest, most urgent first."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "title": "Takeaways daily digest"}

    schema_version: Literal[1] = 1
    type: Literal["takeaways.digest"] = "takeaways.digest"
    day: str = field(metadata=field_info("UTC day the digest's window ends, YYYY-MM-DD"))
    since: str | None = field(
        default=None, metadata=field_info("Start of the window (exclusive), ISO 8601 UTC")
    )
    until: str | None = field(
        default=None, metadata=field_info("End of the window (inclusive), ISO 8601 UTC")
    )
    story_count: int = field(metadata=field_info("Alerts in the whole window, over all parts"))
    part: int = field(default=1, metadata=field_info("This message's place among the window's parts", ge=1))
    parts: int = field(default=1, metadata=field_info("Messages the window's digest takes", ge=1))
    items: list[DigestItem]


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


def render_digest(
    day: str, alerts: list[AlertPayload], *, since: str | None = None, until: str | None = None
) -> list[RenderedDigest]:
    """Most urgent first, then in publication order, split into parts that each fit one publish."""
    ordered = sorted(enumerate(alerts), key=lambda pair: (-pair[1].priority, pair[0]))
    items = [_item(alert) for _, alert in ordered]
    groups: list[list[DigestItem]] = []
    current: list[DigestItem] = []
    used = 0
    base = publish_size(_render(day, since, until, len(items), 1, 1, []))
    for item in items:
        cost = _item_cost(item)
        if current and base + used + cost > DIGEST_BYTES_BUDGET:
            groups.append(current)
            current, used = [], 0
        current.append(item)
        used += cost
    if current:
        groups.append(current)
    parts = [_render(day, since, until, len(items), n, len(groups), g) for n, g in enumerate(groups, 1)]
    # The per-item estimate is close but not exact: split any part that still does not fit.
    if any(publish_size(p) > DIGEST_BYTES_BUDGET for p in parts) and len(items) > len(groups):
        return _split_evenly(day, since, until, items, len(groups) + 1)
    return parts


def _split_evenly(
    day: str, since: str | None, until: str | None, items: list[DigestItem], count: int
) -> list[RenderedDigest]:
    while True:
        size = -(-len(items) // count)
        groups = [items[i : i + size] for i in range(0, len(items), size)]
        parts = [_render(day, since, until, len(items), n, len(groups), g) for n, g in enumerate(groups, 1)]
        if all(publish_size(p) <= DIGEST_BYTES_BUDGET for p in parts) or size == 1:
            return parts
        count += 1


def _item(alert: AlertPayload) -> DigestItem:
    return DigestItem(
        article_id=alert.article_id,
        alert_id=alert.alert_id,
        headline=shorten(alert.headline, _ITEM_TEXT_LIMIT),
        summary=shorten(alert.summary, _ITEM_TEXT_LIMIT),
        takeaways=[shorten(t.text, _ITEM_TEXT_LIMIT) for t in alert.takeaways],
        topics=[topic.name for topic in alert.topics],
        priority=alert.priority,
        is_update=alert.is_update,
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
    day: str, since: str | None, until: str | None, total: int, part: int, parts: int, items: list[DigestItem]
) -> RenderedDigest:
    payload = DigestPayload(
        day=day, since=since, until=until, story_count=total, part=part, parts=parts, items=items
    )
    count = f"{total} {'story' if total == 1 else 'stories'}"
    of = f", part {part} of {parts}" if parts > 1 else ""
    subject = shorten(to_ascii(f"Takeaways digest, {day}: {count}{of}"), SUBJECT_LIMIT)
    top = f" Top: {to_ascii(items[0].headline)}" if items and part == 1 else ""
    sms = shorten(f"Takeaways {day}: {count}{of}.{top}", SMS_LIMIT)
    return RenderedDigest(
        subject=subject,
        email=_email(payload),
        sms=sms,
        payload=payload,
        attributes={
            "kind": {"DataType": "String", "StringValue": "digest"},
            "story_count": {"DataType": "Number", "StringValue": str(total)},
        },
    )


def _email(payload: DigestPayload) -> str:
    of = f" (part {payload.part} of {payload.parts})" if payload.parts > 1 else ""
    lines = [f"Your Takeaways digest for {payload.day}{of}", ""]
    for number, item in enumerate(payload.items, start=1):
        lines += _email_lines(number, item)
    if payload.parts > payload.part:
        lines.append(f"Continued in part {payload.part + 1} of {payload.parts}.")
    return "\n".join(lines) + "\n"


def _email_lines(number: int, item: DigestItem) -> list[str]:
    marker = " (update)" if item.is_update else ""
    lines = [f"{number}. {item.headline}{marker}", f"   {item.summary}"]
    lines += [f"   - {text}" for text in item.takeaways]
    if item.url:
        lines.append(f"   {item.url}")
    return [*lines, ""]
