"""The daily digest: the day's alerts in one message, rendered per channel like an alert."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.render import MESSAGE_BYTES_LIMIT, SMS_LIMIT, SUBJECT_LIMIT, per_protocol_message
from takeaways.alerts.text_limits import shorten, to_ascii

DIGEST_SCHEMA_ID = "https://schemas.takeaways.dev/digest-v1.schema.json"
_EMAIL_ITEMS = 50


class DigestItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article_id: str
    headline: str
    summary: str
    takeaways: list[str]
    topics: list[str]
    priority: int
    is_update: bool
    source: str | None
    url: str | None


class DigestPayload(BaseModel):
    """A daily digest, version 1: the day's alerts, most urgent first."""

    model_config = ConfigDict(extra="forbid", title="Takeaways daily digest")

    schema_version: Literal[1] = 1
    type: Literal["takeaways.digest"] = "takeaways.digest"
    day: str = Field(description="UTC day, YYYY-MM-DD")
    story_count: int = Field(description="Stories alerted that day; items may hold fewer to fit the message")
    items: list[DigestItem]


@dataclass(frozen=True, slots=True)
class RenderedDigest:
    subject: str
    email: str
    sms: str
    payload: DigestPayload
    attributes: dict[str, dict[str, str]]

    def sns_message(self) -> str:
        return per_protocol_message(self.payload.model_dump_json(), self.email, self.sms)


def render_digest(day: str, alerts: list[AlertPayload]) -> RenderedDigest:
    """Most urgent first, then in publication order; updates keep their place beside new stories."""
    ordered = sorted(enumerate(alerts), key=lambda pair: (-pair[1].priority, pair[0]))
    items = [
        DigestItem(
            article_id=alert.article_id,
            headline=alert.headline,
            summary=alert.summary,
            takeaways=[t.text for t in alert.takeaways],
            topics=alert.topics,
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
    while payload.items and len(payload.model_dump_json().encode()) + len(_email(payload).encode()) > budget:
        keep = max(len(payload.items) * 3 // 4, len(payload.items) - 1 if len(payload.items) < 8 else 0)
        payload = payload.model_copy(update={"items": payload.items[:keep]})
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


def digest_json_schema_text() -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": DIGEST_SCHEMA_ID,
        **DigestPayload.model_json_schema(),
    }
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
