"""What each kind of subscriber received, as the demo prints it: short enough to read in a terminal.

The messages are the ones delivered; only two things are shortened on screen, and the demo says
so: each preference link's signed token (a few hundred characters of base64) and, in a chat
message, the URL behind a link's label. The whole messages are written to a file beside.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

_TOKEN = re.compile(r"(token=)[A-Za-z0-9._~%-]{12,}")
_SLACK_LINK = re.compile(r"<(https?://[^|<>\s]+)\|([^<>]*)>")
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*|(?<![\w*])\*(\S[^*\n]*?)\*(?![\w*])")
WIDTH = 100
FLAT_OBJECT_CHARS = 180


def short_tokens(text: str) -> str:
    """Each ``token=...`` of a preference link cut to its first characters and an ellipsis."""
    return _TOKEN.sub(lambda match: match.group(1) + match.group(0)[6:14] + "…", text)


def compact_json(document: Any) -> str:
    """Indented JSON, a flat object (a takeaway, a topic, a link) on one line, preference tokens shortened."""
    shortened = json.loads(short_tokens(json.dumps(document, ensure_ascii=False)))
    return _render(shortened, 0, 0)


def _render(value: Any, indent: int, lead: int) -> str:
    flat = json.dumps(value, ensure_ascii=False)
    fits = indent + lead + len(flat) <= WIDTH or (_is_flat(value) and len(flat) <= FLAT_OBJECT_CHARS)
    if not isinstance(value, (dict, list)) or not value or fits:
        return flat
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        parts = [
            f"{inner}{json.dumps(key)}: {_render(item, indent + 2, len(json.dumps(key)) + 2)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(parts) + "\n" + " " * indent + "}"
    parts = [f"{inner}{_render(item, indent + 2, 0)}" for item in value]
    return "[\n" + ",\n".join(parts) + "\n" + " " * indent + "]"


def _is_flat(value: Any) -> bool:
    """An object of plain values (or lists of them): read best on one line, however long."""
    scalar = (str, int, float, bool, type(None))
    return isinstance(value, dict) and all(
        isinstance(item, scalar) or (isinstance(item, list) and all(isinstance(x, scalar) for x in item))
        for item in value.values()
    )


def as_read(text: str) -> str:
    """Chat markup as a reader sees it: a link as its label, bold as plain words."""
    text = _SLACK_LINK.sub(lambda match: match.group(2), text)
    text = _MARKDOWN_LINK.sub(lambda match: match.group(1), text)
    return _BOLD.sub(lambda match: match.group(1) or match.group(2), text)


def slack_lines(message: dict[str, Any]) -> list[str]:
    """A Slack Block Kit message as the channel shows it: the header, then each block's text."""
    lines: list[str] = []
    for block in message.get("blocks", []):
        if block.get("type") == "header":
            lines.append(block["text"]["text"].upper())
        elif block.get("type") == "section":
            lines += as_read(block.get("text", {}).get("text", "")).splitlines()
            lines += [as_read(field["text"]) for field in block.get("fields", [])]
        elif block.get("type") == "context":
            for element in block.get("elements", []):
                lines += as_read(element.get("text", "")).splitlines()
    return lines


def teams_lines(message: dict[str, Any]) -> list[str]:
    """A Teams Adaptive Card as the channel shows it: text blocks, facts as ``title: value``, buttons."""
    card = message["attachments"][0]["content"]
    lines: list[str] = []

    def walk(elements: list[dict[str, Any]]) -> None:
        for element in elements:
            kind = element.get("type")
            if kind == "TextBlock":
                text = as_read(element.get("text", ""))
                lines.append(text.upper() if element.get("size") == "Large" else text)
            elif kind == "FactSet":
                lines.append(" · ".join(f"{fact['title']}: {fact['value']}" for fact in element["facts"]))
            for nested in ("items", "columns", "body"):
                walk(element.get(nested, []))

    walk(card.get("body", []))
    buttons = [action.get("title", "") for action in card.get("actions", [])]
    if buttons:
        lines.append("buttons: " + " · ".join(buttons))
    return lines


def discord_lines(message: dict[str, Any]) -> list[str]:
    """A Discord embed as the channel shows it: title, description, the fields, the footer."""
    lines: list[str] = []
    for embed in message.get("embeds", []):
        lines.append(embed.get("title", "").upper())
        lines += as_read(embed.get("description", "")).splitlines()
        inline = [
            f"{field['name']}: {field['value']}" for field in embed.get("fields", []) if field.get("inline")
        ]
        if inline:
            lines.append(" · ".join(inline))
        lines += [
            f"{field['name']}: {as_read(field['value'])}"
            for field in embed.get("fields", [])
            if not field.get("inline")
        ]
        if embed.get("footer", {}).get("text"):
            lines.append(embed["footer"]["text"])
    return lines


def indented(lines: list[str], prefix: str = "  ") -> str:
    """Lines wrapped to the terminal's width under one indent; blank lines kept."""
    wrapped = [
        textwrap.fill(line, WIDTH, initial_indent=prefix, subsequent_indent=prefix + "  ") if line else ""
        for line in lines
    ]
    return "\n".join(wrapped)
