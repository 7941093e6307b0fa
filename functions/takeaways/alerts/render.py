"""One summary record rendered for every channel, within every SNS limit, by construction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from takeaways.alerts.payload import AlertPayload, AlertTakeaway, AlertThread, PreferenceLink
from takeaways.alerts.priority import assess_priority
from takeaways.alerts.text_limits import shorten, to_ascii
from takeaways.records import to_json
from takeaways.summary import MAX_TAKEAWAYS, Entity, SummaryRecord, Takeaway, summary_adds
from takeaways.text.entities import surname_of
from takeaways.text.untrusted import clean_text, url_domain, web_url

SUBJECT_LIMIT = 100
SMS_LIMIT = 140
MESSAGE_BYTES_LIMIT = 256 * 1024
# SNS drops a message with more attributes than this for raw SQS subscribers (client-side error).
MAX_MESSAGE_ATTRIBUTES = 10
_ATTRIBUTE_ARRAY_ITEMS = 10
_ATTRIBUTE_ITEM_CHARS = 80
_ENGINE_LABELS = {"extractive": "the built-in extractive engine"}


@dataclass(frozen=True, slots=True)
class RenderedAlert:
    """Everything one SNS publish needs: per-protocol messages plus filterable attributes."""

    subject: str
    email: str
    sms: str
    payload: AlertPayload
    attributes: dict[str, dict[str, str]]

    def sns_message(self) -> str:
        """The ``Message`` for ``MessageStructure=json``: one version per protocol."""
        return per_protocol_message(to_json(self.payload), self.email, self.sms)


def per_protocol_message(machine: str, email: str, sms: str) -> str:
    """One SNS message with a version per protocol; machines get JSON, people get text."""
    return json.dumps(
        {
            "default": machine,
            "email": email,
            "sms": sms,
            "sqs": machine,
            "lambda": machine,
            "http": machine,
            "https": machine,
            "firehose": machine,
        },
        ensure_ascii=False,
    )


def render_alert(
    record: SummaryRecord, *, summary_uri: str, is_update: bool = False, thread: AlertThread | None = None
) -> RenderedAlert:
    """Render the alert for a stored summary; ``thread`` places it in its story."""
    summary = record.summary
    takeaways, new_takeaways = _lines_told(record, list(thread.new_takeaways) if thread and is_update else [])
    payload = AlertPayload(
        article_id=record.article_id,
        alert_id=thread.alert_id if thread else "",
        is_update=is_update,
        thread_id=thread.thread_id if thread else None,
        outlet_count=thread.outlet_count if thread else 1,
        new_takeaways=new_takeaways,
        # Intake strips markup and controls from the article; a model's answer or an older
        # record gets the same treatment here, so no consumer that renders HTML ever runs one.
        headline=clean_text(summary.headline),
        summary=clean_text(summary.summary),
        takeaways=[AlertTakeaway(text=clean_text(t.text), evidence=list(t.evidence)) for t in takeaways],
        topics=summary.topics,
        entities=summary.entities,
        priority=assess_priority(summary),
        language=summary.language,
        source=record.article.source,
        url=web_url(record.article.url),  # intake already checks it; a record from before did not
        published=record.article.published,
        engine=summary.engine,
        fallback_reason=summary.fallback_reason,
        grounded=summary.grounded is True,
        summary_object=summary_uri,
        summarised_at=record.summarised_at,
    )
    alert = RenderedAlert(
        subject=render_subject(payload),
        email=render_email(payload),
        sms=render_sms(payload),
        payload=payload,
        attributes=message_attributes(payload),
    )
    return fit_message_size(alert)


def _lines_told(record: SummaryRecord, new: list[int]) -> tuple[list[Takeaway], list[int]]:
    """The takeaways, and after them the closing lines an update is told by (numbered after the takeaways in
    ``new``), within MAX_TAKEAWAYS: the story so far gives way to what is new."""
    takeaways = list(record.summary.takeaways)
    count = len(takeaways)
    added = [record.closing_lines[i - count] for i in new if count <= i < count + len(record.closing_lines)]
    if not added:
        return takeaways, [i for i in new if i < count]
    kept = takeaways[: MAX_TAKEAWAYS - len(added)]
    return [*kept, *added], [*(i for i in new if i < len(kept)), *range(len(kept), len(kept) + len(added))]


def render_subject(payload: AlertPayload) -> str:
    """SNS subjects must be printable ASCII, one line, at most 100 characters."""
    prefix = "Update: " if payload.is_update else ""
    subject = shorten(prefix + to_ascii(payload.headline), SUBJECT_LIMIT)
    return subject if subject.strip() else f"{prefix}News takeaway {payload.article_id}"[:SUBJECT_LIMIT]


def render_sms(payload: AlertPayload) -> str:
    """Headline plus link in at most 140 ASCII characters (ASCII keeps one SMS segment's full size)."""
    link = payload.url if payload.url and len(payload.url) <= SMS_LIMIT // 2 else ""
    prefix = "Update: " if payload.is_update else ""
    room = SMS_LIMIT - (len(link) + 1 if link else 0)
    text = shorten(prefix + to_ascii(payload.headline), room)
    return f"{text} {link}" if link else text


def takeaways_section(payload: AlertPayload) -> tuple[str, list[str]]:
    """The takeaways block's title and lines, the same in every format.

    An update lists only what the thread had not told; when its news is all in the summary (a
    new lede over the same facts), the takeaways it repeats are titled as the story so far, so
    they do not read as news a second time.
    """
    texts = [takeaway.text for takeaway in payload.takeaways]
    if not payload.is_update:
        return "Key takeaways", texts
    new = [payload.takeaways[i].text for i in payload.new_takeaways if i < len(payload.takeaways)]
    return ("What is new", new) if new else ("The story so far", texts)


def render_email(payload: AlertPayload) -> str:
    """A plain-text e-mail a person reads top to bottom: what happened, then why it matters."""
    lines = [payload.headline, "=" * len(payload.headline), ""]
    if payload.is_update:
        outlets = f" {payload.outlet_count} outlets have reported it." if payload.outlet_count > 1 else ""
        lines += [f"This is an update to a story we alerted you about earlier.{outlets}", ""]
    if summary_adds(payload.summary, payload.headline):
        lines += [payload.summary, ""]  # a short lede is headline and summary at once: shown once
    title, texts = takeaways_section(payload)
    if texts:  # an article of one fact has none: its summary says it
        lines += [f"{title}:", *(f"  * {text}" for text in texts), ""]
    origin = " | ".join(
        part
        for part in (
            f"Source: {payload.source}" if payload.source else "",
            f"Published: {readable_time(payload.published)}" if payload.published else "",
        )
        if part
    )
    if origin:
        lines.append(origin)
    if payload.url:
        # The host in words first: a link's text can lie, its domain cannot.
        lines.append(f"Read the article on {url_domain(payload.url)}: {payload.url}")
    if payload.topics:
        lines.append(f"Topics: {'; '.join(topic.label for topic in payload.topics)}")  # labels hold commas
    written_by = f"Summary written by {engine_label(payload.engine)}."
    if payload.fallback_reason:
        written_by += f" (The language model was not used: {payload.fallback_reason}.)"
    lines += ["", written_by, "Every takeaway is drawn from the article itself."]
    lines += preference_lines(payload.preference_links)
    return "\n".join(lines) + "\n"


def preference_lines(links: Sequence[PreferenceLink]) -> list[str]:
    """The e-mail's "manage your alerts" block: one line per link, the label before the address."""
    if not links:
        return []
    lines = ["", "Manage your alerts (each link asks you to confirm first):"]
    return lines + [f"  {link.label}: {link.url}" for link in links]


def engine_label(engine: str) -> str:
    """The engine as a reader is told about it ('the built-in extractive engine', 'openai:gpt-4o-mini')."""
    return _ENGINE_LABELS.get(engine, engine)


def readable_time(published: str) -> str:
    """'2026-11-24T06:00:00+01:00' -> '24 Nov 2026, 06:00 UTC+01:00'; text that is no ISO time stays as it is."""
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    if len(published) <= len("2026-11-24"):
        return f"{moment.day} {moment:%b %Y}"
    offset = f"{moment:%z}"  # "+0100", "+0000" or "" when the time has no zone
    zone = "" if not offset else " UTC" if offset == "+0000" else f" UTC{offset[:3]}:{offset[3:5]}"
    return f"{moment.day} {moment:%b %Y, %H:%M}{zone}"


def message_attributes(payload: AlertPayload) -> dict[str, dict[str, str]]:
    """Attributes for subscription filter policies; SNS rejects empty values, so they are left out.

    At most ten (``MAX_MESSAGE_ATTRIBUTES``): SNS discards a message with more for raw SQS subscribers.
    """
    attributes: dict[str, dict[str, str]] = {
        "priority": {"DataType": "Number", "StringValue": str(payload.priority)},
        "language": {"DataType": "String", "StringValue": payload.language or "und"},
        "engine": {"DataType": "String", "StringValue": payload.engine},
        "update": {"DataType": "String", "StringValue": "true" if payload.is_update else "false"},
        "grounded": {"DataType": "String", "StringValue": "true" if payload.grounded else "false"},
    }
    if payload.alert_id:
        attributes["alert_id"] = {"DataType": "String", "StringValue": payload.alert_id}
    if payload.source:
        attributes["source"] = {"DataType": "String", "StringValue": payload.source.strip().lower()}
    topics = _attribute_array([topic.name for topic in payload.topics])
    if topics:
        attributes["topics"] = {"DataType": "String.Array", "StringValue": json.dumps(topics)}
        # The strongest topic alone: the one attribute a filter can exclude a topic by (`muted_topics`).
        attributes["topic"] = {"DataType": "String", "StringValue": topics[0]}
    entities = _attribute_array(entity_filter_values(payload.entities))
    if entities:
        attributes["entities"] = {"DataType": "String.Array", "StringValue": json.dumps(entities)}
    return attributes


def entity_filter_values(entities: list[Entity]) -> list[str]:
    """Each entity's name, and a person's surname after it: a filter on ``putin`` matches an alert that
    names Vladimir Putin, as a filter on ``vladimir putin`` does."""
    values = []
    for entity in entities:
        values.append(entity.name)
        if entity.kind == "person" and (surname := surname_of(entity.name)):
            values.append(surname)
    return values


def _attribute_array(values: list[str]) -> list[str]:
    """Lower-cased, de-duplicated, bounded: what a filter policy can match exactly."""
    seen: list[str] = []
    for value in values:
        normal = " ".join(value.lower().split())[:_ATTRIBUTE_ITEM_CHARS]
        if normal and normal not in seen:
            seen.append(normal)
    return seen[:_ATTRIBUTE_ARRAY_ITEMS]


def fit_message_size(alert: RenderedAlert) -> RenderedAlert:
    """Keep the whole SNS message under 256 KB by shortening takeaways, which are the only long part."""
    limit = 600
    while len(alert.sns_message().encode()) > MESSAGE_BYTES_LIMIT - 8192 and limit > 40:
        payload = replace(
            alert.payload,
            takeaways=[
                AlertTakeaway(text=shorten(t.text, limit), evidence=t.evidence[:10])
                for t in alert.payload.takeaways
            ],
            summary=shorten(alert.payload.summary, limit),
            headline=shorten(alert.payload.headline, limit),
        )
        alert = RenderedAlert(
            subject=alert.subject,
            email=render_email(payload),
            sms=alert.sms,
            payload=payload,
            attributes=alert.attributes,
        )
        limit //= 2
    return alert
