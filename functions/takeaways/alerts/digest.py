"""The daily digest: the day's alerts in one message, rendered per channel like an alert."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Literal

from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.render import MESSAGE_BYTES_LIMIT, SMS_LIMIT, SUBJECT_LIMIT, per_protocol_message
from takeaways.alerts.text_limits import shorten, to_ascii
from takeaways.records import field_info, to_json

DIGEST_SCHEMA_ID = "https://schemas.takeaways.dev/digest-v1.schema.json"
_EMAIL_ITEMS = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestItem:
    """One alerted story, cut down to what a digest reader scans."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    article_id: str
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
    """A daily digest, version 1: the day's alerts, most urgent first."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "title": "Takeaways daily digest"}

    schema_version: Literal[1] = 1
    type: Literal["takeaways.digest"] = "takeaways.digest"
    day: str = field(metadata=field_info("UTC day, YYYY-MM-DD"))
    story_count: int = field(
        metadata=field_info("Stories alerted that day; items may hold fewer to fit the message")
    )
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


def render_digest(day: str, alerts: list[AlertPayload]) -> RenderedDigest:
    """Most urgent first, then in publication order; updates keep their place beside new stories."""
    ordered = sorted(enumerate(alerts), key=lambda pair: (-pair[1].priority, pair[0]))
    items = [
        DigestItem(
            article_id=alert.article_id,
            headline=alert.headline,
            summary=alert.summary,
            takeaways=[t.text for t in alert.takeaways],
            topics=[topic.name for topic in alert.topics],
            priority=alert.priority,
            is_update=alert.is_update,
            source=alert.source,
            url=alert.url,
        )
        for _, alert in ordered
    ]
    payload = _fitted(DigestPayload(day=day, story_count=len(items), items=items))
    count = f"{len(items)} {'story' if len(items) == 1 else 'stories'}"
    subject = shorten(to_ascii(f"Takeaways daily digest, {day}: {count}"), SUBJECT_LIMIT)
    top = f" Top: {to_ascii(items[0].headline)}" if items else ""
    sms = shorten(f"Takeaways {day}: {count}.{top}", SMS_LIMIT)
    return RenderedDigest(
        subject=subject,
        email=_email(payload),
        sms=sms,
        payload=payload,
        attributes={
            "kind": {"DataType": "String", "StringValue": "digest"},
            "story_count": {"DataType": "Number", "StringValue": str(len(items))},
        },
    )


def _fitted(payload: DigestPayload) -> DigestPayload:
    """Drop the least urgent items until the JSON and e-mail versions together fit one SNS message."""
    budget = MESSAGE_BYTES_LIMIT - 16_384
    while payload.items and len(to_json(payload).encode()) + len(_email(payload).encode()) > budget:
        keep = max(len(payload.items) * 3 // 4, len(payload.items) - 1 if len(payload.items) < 8 else 0)
        payload = replace(payload, items=payload.items[:keep])
    return payload


def _email(payload: DigestPayload) -> str:
    lines = [f"Your Takeaways digest for {payload.day}", ""]
    for number, item in enumerate(payload.items[:_EMAIL_ITEMS], start=1):
        marker = " (update)" if item.is_update else ""
        lines += [f"{number}. {item.headline}{marker}", f"   {item.summary}"]
        lines += [f"   - {text}" for text in item.takeaways]
        if item.url:
            lines.append(f"   {item.url}")
        lines.append("")
    shown = min(len(payload.items), _EMAIL_ITEMS)
    if payload.story_count > shown:
        lines.append(f"... and {payload.story_count - shown} more stories today.")
    return "\n".join(lines) + "\n"
