"""One alert as each chat platform's webhook message: Slack blocks, a Teams Adaptive Card, a Discord embed.

Every message says the same things in the same order: the headline, the summary, the takeaways
(on an update, what is new), a link to the article named by its domain, where and when it was
published, and, when the alert carries them, its preference links under "Manage alerts". The
alert's text is article text, so each platform's markup is escaped: article text can never
format, link, or mention anyone (Discord is also told to parse no mentions at all). Text is cut
to each platform's limits (``limits``) after escaping, since escaping lengthens it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from takeaways.alerts.chat.limits import (
    DISCORD_DESCRIPTION_CHARS,
    DISCORD_EMBED_TOTAL_CHARS,
    DISCORD_FIELD_NAME_CHARS,
    DISCORD_FIELD_VALUE_CHARS,
    DISCORD_FOOTER_CHARS,
    DISCORD_TITLE_CHARS,
    SLACK_CONTEXT_TEXT_CHARS,
    SLACK_HEADER_CHARS,
    SLACK_SECTION_CHARS,
    SLACK_TEXT_CHARS,
    TEAMS_CARD_VERSION,
    TEAMS_MESSAGE_BYTES,
    Platform,
)
from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.render import engine_label, readable_time, takeaways_section
from takeaways.alerts.text_limits import shorten
from takeaways.summary import MAX_PRIORITY, summary_adds
from takeaways.text.untrusted import url_domain, web_url

# A preference link as a chat message shows it: what the reader is offered, and where it goes.
LinkLine = tuple[str, str]
Escape = Callable[[str], str]

MANAGE_ALERTS = "Manage alerts"
_LINK_LABEL_CHARS = 80
_BULLET = "\u2022 "
_SEPARATOR = " \u00b7 "
# Discord's embed colour by priority: grey for routine, amber, red for urgent.
_DISCORD_COLOURS = {1: 0x95A5A6, 2: 0x3498DB, 3: 0xF1C40F, 4: 0xE67E22, 5: 0xE74C3C}


@dataclass(frozen=True, slots=True)
class ChatContent:
    """What every platform's message says, before any platform's markup or limits."""

    headline: str
    summary: str
    takeaways_title: str
    takeaways: list[str]
    url: str | None
    link_text: str | None
    facts: list[tuple[str, str]]
    footer: str
    links: list[LinkLine]


def chat_content(payload: AlertPayload, links: Sequence[LinkLine] = ()) -> ChatContent:
    """The alert's parts in reading order; ``links`` are the alert's preference links, if it has any."""
    takeaways_title, takeaways = takeaways_section(payload)
    domain = url_domain(payload.url)
    facts = [
        ("Source", payload.source or ""),
        ("Published", readable_time(payload.published) if payload.published else ""),
        ("Priority", f"{payload.priority} of {MAX_PRIORITY}"),
        ("Topics", "; ".join(topic.label for topic in payload.topics)),  # IPTC labels hold commas
    ]
    if payload.is_update and payload.outlet_count > 1:
        facts.append(("Outlets", str(payload.outlet_count)))
    return ChatContent(
        headline=("Update: " if payload.is_update else "") + payload.headline,
        summary=payload.summary if summary_adds(payload.summary, payload.headline) else "",
        takeaways_title=takeaways_title,
        takeaways=takeaways,
        url=payload.url,
        # The host in words: a link's text can lie, its domain cannot.
        link_text=f"Read the article on {domain}" if payload.url and domain else None,
        facts=[(name, value) for name, value in facts if value],
        footer=f"Summary written by {engine_label(payload.engine)}; every takeaway is drawn from the article.",
        links=_safe_links(links),
    )


def alert_links(payload: AlertPayload) -> list[LinkLine]:
    """The preference links the alert carries (a channel's own copy has them), as (label, URL).

    Unsubscribe comes last, where ``_joined`` keeps it whatever else has to go.
    """
    ordered = sorted(payload.preference_links, key=lambda link: link.change == "unsubscribe")
    return [(link.label, link.url) for link in ordered]


def render_chat(platform: Platform, payload: AlertPayload, links: Sequence[LinkLine] = ()) -> dict[str, Any]:
    """The JSON body to post to a ``platform`` webhook for this alert."""
    content = chat_content(payload, links)
    if platform == "slack":
        return render_slack(content)
    if platform == "teams":
        return render_teams(content)
    return render_discord(content, payload.priority)


def _safe_links(links: Sequence[LinkLine]) -> list[LinkLine]:
    """Only web links, each with a one-line label: a link that is no http(s) URL is left out."""
    kept = []
    for label, url in links:
        normal = web_url(url)
        text = shorten(" ".join(label.split()), _LINK_LABEL_CHARS)
        if normal and text:
            kept.append((text, normal))
    return kept


def fit(text: str, limit: int, escape: Escape = lambda text: text) -> str:
    """``text`` escaped and cut at a word so that the escaped result is at most ``limit`` characters."""
    room = limit
    escaped = escape(shorten(text, room))
    while len(escaped) > limit and room > 0:
        room = min(room - 1, room * limit // len(escaped))  # escaping lengthens text about evenly
        escaped = escape(shorten(text, max(room, 0)))
    return escaped


def _bullets(items: Sequence[str], limit: int, escape: Escape, heading: str = "") -> str:
    """A heading and one bulleted line per item, every item shortened alike so that all of them fit."""
    lines = [_BULLET + escape(item) for item in items]
    text = "\n".join([heading, *lines] if heading else lines)
    if len(text) <= limit or not items:
        return text
    overhead = len(heading) + 1 if heading else 0
    each = max((limit - overhead) // len(items) - len(_BULLET) - 1, 1)
    lines = [_BULLET + fit(item, each, escape) for item in items]
    return "\n".join([heading, *lines] if heading else lines)[:limit]


def _joined(prefix: str, links: Sequence[str], limit: int) -> str:
    """As many whole links as fit in ``limit`` characters: a link cut short would go nowhere.

    The last link (unsubscribe) is always kept; of the others, those further down the list
    (the broader changes, after the mutes this alert suggests) are dropped first.
    """
    if not links:
        return prefix
    *others, last = links
    kept: list[str] = []
    for link in others:
        if len(prefix + _SEPARATOR.join([*kept, link, last])) > limit:
            break
        kept.append(link)
    return prefix + _SEPARATOR.join([*kept, last])


# ---------------------------------------------------------------- Slack
def slack_escape(text: str) -> str:
    """Slack's three control characters; without '<' no text can link, mention or @channel anyone."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_link(url: str, label: str) -> str:
    # '|' and '>' end Slack's link syntax: percent-encoded they stay part of the URL; '&' is an entity.
    target = url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C").replace("&", "&amp;")
    return f"<{target}|{slack_escape(label)}>"


def render_slack(content: ChatContent) -> dict[str, Any]:
    """An incoming-webhook message: header, summary, takeaways, link and context blocks, and a text fallback."""

    def section(text: str) -> dict[str, Any]:
        return {"type": "section", "text": {"type": "mrkdwn", "text": text}}

    def context(text: str) -> dict[str, Any]:
        return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}

    # Header text is plain_text: Slack shows it as written, so it needs no escaping.
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": fit(content.headline, SLACK_HEADER_CHARS)}},
    ]
    if content.summary:  # a summary adding nothing to the headline is not shown
        blocks.append(section(fit(content.summary, SLACK_SECTION_CHARS, slack_escape)))
    if content.takeaways:  # Slack refuses a section without text
        heading = f"*{content.takeaways_title}*"
        blocks.append(section(_bullets(content.takeaways, SLACK_SECTION_CHARS, slack_escape, heading)))
    if content.url and content.link_text:
        blocks.append(section(_slack_link(content.url, content.link_text)))
    facts = _SEPARATOR.join(f"{name}: {value}" for name, value in content.facts)
    blocks.append(context(fit(f"{facts}\n{content.footer}", SLACK_CONTEXT_TEXT_CHARS, slack_escape)))
    if content.links:
        manage = [_slack_link(url, label) for label, url in content.links]
        blocks.append(context(_joined(f"{MANAGE_ALERTS}: ", manage, SLACK_CONTEXT_TEXT_CHARS)))
    fallback = f"{content.headline}: {content.summary}" if content.summary else content.headline
    return {
        # What notifications and screen readers show; mrkdwn, so escaped too.
        "text": fit(fallback, min(SLACK_TEXT_CHARS, SLACK_SECTION_CHARS), slack_escape),
        "blocks": blocks,
        "unfurl_links": False,
        "unfurl_media": False,
    }


# ---------------------------------------------------------------- Microsoft Teams
_TEAMS_MARKDOWN = re.compile(r"([\\*_\[\]~`])")


def teams_escape(text: str) -> str:
    """Adaptive Card text is a Markdown subset: escaped, article text cannot bold, strike or make a link."""
    escaped = _TEAMS_MARKDOWN.sub(r"\\\1", text)
    escaped = re.sub(r"(?m)^(\s*)([-+>#])", r"\1\\\2", escaped)
    return re.sub(r"(?m)^(\s*\d+)\.", r"\1\\.", escaped)  # "1." would start a numbered list


def render_teams(content: ChatContent) -> dict[str, Any]:
    """A workflow-webhook message carrying one Adaptive Card, within the size Teams posts."""
    budget = TEAMS_MESSAGE_BYTES // 4
    while True:
        message = _teams_message(content, budget)
        if len(json.dumps(message, ensure_ascii=False).encode()) <= TEAMS_MESSAGE_BYTES or budget < 100:
            return message
        budget //= 2


def _teams_message(content: ChatContent, budget: int) -> dict[str, Any]:
    def text_block(text: str, **style: Any) -> dict[str, Any]:
        return {"type": "TextBlock", "text": text, "wrap": True, **style}

    body: list[dict[str, Any]] = [
        text_block(fit(content.headline, budget, teams_escape), size="Large", weight="Bolder"),
    ]
    if content.summary:
        body.append(text_block(fit(content.summary, budget, teams_escape)))
    if content.takeaways:
        body.append(text_block(teams_escape(content.takeaways_title), weight="Bolder", spacing="Medium"))
    body += [
        text_block(_BULLET + fit(text, budget, teams_escape), spacing="Small") for text in content.takeaways
    ]
    if content.facts:
        facts = [{"title": name, "value": fit(value, budget, teams_escape)} for name, value in content.facts]
        body.append({"type": "FactSet", "facts": facts, "spacing": "Medium"})
    body.append(text_block(teams_escape(content.footer), size="Small", isSubtle=True))
    if content.links:
        manage = [f"[{teams_escape(label)}]({_markdown_url(url)})" for label, url in content.links]
        body.append(text_block(_joined(f"{MANAGE_ALERTS}: ", manage, budget), size="Small", isSubtle=True))
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": TEAMS_CARD_VERSION,
        "msteams": {"width": "Full"},
        "body": body,
    }
    if content.url and content.link_text:
        card["actions"] = [{"type": "Action.OpenUrl", "title": content.link_text, "url": content.url}]
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}
        ],
    }


def _markdown_url(url: str) -> str:
    """A URL that cannot close a Markdown link early: parentheses and spaces percent-encoded."""
    return quote(url, safe=":/?#@!$&'*+,;=%-._~[]")


# ---------------------------------------------------------------- Discord
_DISCORD_MARKDOWN = re.compile(r"([\\*_~`|\[\]<>])")
_DISCORD_MENTION = re.compile(r"@(everyone|here)\b", re.IGNORECASE)


def discord_escape(text: str) -> str:
    """Discord Markdown escaped, and @everyone/@here broken by a zero-width space so they read as text."""
    escaped = _DISCORD_MARKDOWN.sub(r"\\\1", text)
    escaped = re.sub(r"(?m)^(\s*)([-#])", r"\1\\\2", escaped)
    return _DISCORD_MENTION.sub("@\u200b\\1", escaped)


def render_discord(content: ChatContent, priority: int) -> dict[str, Any]:
    """A webhook message with one embed; it may mention no one, whatever the text says."""
    room = DISCORD_DESCRIPTION_CHARS
    while True:
        message = _discord_message(content, priority, room)
        if discord_embed_chars(message["embeds"][0]) <= DISCORD_EMBED_TOTAL_CHARS or room < 100:
            return message
        room -= discord_embed_chars(message["embeds"][0]) - DISCORD_EMBED_TOTAL_CHARS


def discord_embed_chars(embed: dict[str, Any]) -> int:
    """What Discord counts against an embed's 6,000 characters."""
    fields = embed.get("fields", [])
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + sum(len(field["name"]) + len(field["value"]) for field in fields)
        + len(embed.get("footer", {}).get("text", ""))
        + len(embed.get("author", {}).get("name", ""))
    )


def _discord_message(content: ChatContent, priority: int, room: int) -> dict[str, Any]:
    summary = fit(content.summary, room // 2, discord_escape)
    takeaways = _bullets(
        content.takeaways,
        room - len(summary) - 2,
        discord_escape,
        f"**{discord_escape(content.takeaways_title)}**",
    )
    description = "\n\n".join(part for part in (summary, takeaways if content.takeaways else "") if part)
    embed: dict[str, Any] = {
        "title": fit(content.headline, DISCORD_TITLE_CHARS, discord_escape),
        "description": description[:room],
        "color": _DISCORD_COLOURS.get(priority, _DISCORD_COLOURS[3]),
        "fields": [
            {
                "name": fit(name, DISCORD_FIELD_NAME_CHARS, discord_escape),
                "value": fit(value, DISCORD_FIELD_VALUE_CHARS, discord_escape),
                "inline": True,
            }
            for name, value in content.facts
        ],
        "footer": {"text": fit(content.footer, DISCORD_FOOTER_CHARS, discord_escape)},
    }
    if content.url:
        embed["url"] = content.url
    if content.url and content.link_text:
        embed["fields"].append(
            {
                "name": "Article",
                "value": f"[{discord_escape(content.link_text)}]({_markdown_url(content.url)})",
            }
        )
    if content.links:
        manage = [f"[{discord_escape(label)}]({_markdown_url(url)})" for label, url in content.links]
        embed["fields"].append(
            {"name": MANAGE_ALERTS, "value": _joined("", manage, DISCORD_FIELD_VALUE_CHARS)}
        )
    return {"username": "Takeaways", "allowed_mentions": {"parse": []}, "embeds": [embed]}
