"""Slack, Microsoft Teams and Discord webhooks on 127.0.0.1, strict as the platforms, for the local stack and tests.

One HTTP server plays all three, by path: ``/slack/services/...``, ``/teams/workflows/...`` and
``/discord/api/webhooks/ID/TOKEN``. Each checks a message as its platform does, and then some:
required fields, types, every length and count limit (``takeaways.alerts.chat.limits``), and mention
safety (no Slack ``<!everyone>``-style tokens outside links, no Teams mention entities, Discord's
``allowed_mentions`` parsing nothing and no bare ``@everyone``). It answers as the platform answers:

=========  ========================  ==================================  ==============================
platform   accepted                  refused                             rate limited
=========  ========================  ==================================  ==============================
Slack      200 ``ok``                400 ``invalid_blocks``/``no_text``  429 ``rate_limited``, Retry-After
Teams      202, empty                400 JSON error                      429 JSON error, Retry-After
Discord    204, empty                400 JSON ``50035``                  429 JSON ``retry_after``, Retry-After
=========  ========================  ==================================  ==============================

A revoked hook answers 404 as the platform does (Slack ``no_service``, Discord ``10015 Unknown
Webhook``). Switches for tests: ``rate_limit(n)`` answers the next ``n`` posts with 429, ``fail(n,
status)`` with another status, ``revoke(path)`` makes a hook unknown.

    with ChatServers() as servers:
        servers.url("slack")              # http://127.0.0.1:PORT/slack/services/T0LOCAL/B0LOCAL/local
        servers.received("slack")         # every accepted message, in order
"""

from __future__ import annotations

import http.server
import json
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takeaways.alerts.chat import limits
from takeaways.alerts.chat.limits import PLATFORMS, Platform
from takeaways.alerts.chat.render import discord_embed_chars

LOOPBACK = "127.0.0.1"
HOOK_PATHS: dict[Platform, str] = {
    "slack": "/slack/services/T0LOCAL/B0LOCAL/local",
    "teams": "/teams/workflows/local/triggers/manual/paths/invoke",
    "discord": "/discord/api/webhooks/100000000000000001/local",
}
ENV_VARIABLES: dict[Platform, str] = {
    "slack": "SLACK_WEBHOOK_URL",
    "teams": "TEAMS_WEBHOOK_URL",
    "discord": "DISCORD_WEBHOOK_URL",
}
_MAX_BODY_BYTES = 1_000_000
_SLACK_LINK = re.compile(r"<(https?://[^|<>\s]+)(\|[^<>]*)?>")
_DISCORD_BARE_MENTION = re.compile(r"@(everyone|here)\b", re.IGNORECASE)
_TEAMS_ELEMENTS = {"TextBlock", "FactSet", "Container", "ColumnSet", "Image", "ActionSet", "RichTextBlock"}


# ---------------------------------------------------------------- what each platform accepts
def slack_problems(message: Any) -> list[str]:
    """Why Slack would refuse (or a reader be pinged by) an incoming-webhook message; empty when none."""
    if not isinstance(message, dict):
        return ["invalid_payload: not a JSON object"]
    problems: list[str] = []
    text, blocks = message.get("text"), message.get("blocks")
    if text is None and blocks is None:
        return ["no_text: neither text nor blocks"]
    if text is not None:
        if not isinstance(text, str) or not text.strip():
            problems.append("no_text: text must be a non-empty string")
        elif len(text) > limits.SLACK_TEXT_CHARS:
            problems.append(f"invalid_payload: text over {limits.SLACK_TEXT_CHARS} characters")
        else:
            problems += [f"invalid_payload: {p}" for p in _slack_mrkdwn_problems(text, "text")]
    if blocks is not None:
        if not isinstance(blocks, list) or not blocks:
            return [*problems, "invalid_blocks: blocks must be a non-empty list"]
        if len(blocks) > limits.SLACK_BLOCKS:
            problems.append(f"invalid_blocks: more than {limits.SLACK_BLOCKS} blocks")
        for index, block in enumerate(blocks):
            problems += [f"invalid_blocks: blocks[{index}]: {p}" for p in _slack_block_problems(block)]
    return problems


def _slack_block_problems(block: Any) -> list[str]:
    if not isinstance(block, dict):
        return ["not an object"]
    kind = block.get("type")
    if kind == "header":
        return _slack_text_problems(block.get("text"), limits.SLACK_HEADER_CHARS, plain_only=True)
    if kind == "section":
        if "text" not in block and "fields" not in block:
            return ["a section needs text or fields"]
        return _slack_text_problems(block["text"], limits.SLACK_SECTION_CHARS) if "text" in block else []
    if kind == "context":
        elements = block.get("elements")
        if not isinstance(elements, list) or not 1 <= len(elements) <= limits.SLACK_CONTEXT_ELEMENTS:
            return [f"context elements must be 1 to {limits.SLACK_CONTEXT_ELEMENTS}"]
        return [
            p for element in elements for p in _slack_text_problems(element, limits.SLACK_CONTEXT_TEXT_CHARS)
        ]
    if kind == "divider":
        return []
    return [f"unknown block type {kind!r}"]


def _slack_text_problems(text: Any, limit: int, *, plain_only: bool = False) -> list[str]:
    if not isinstance(text, dict) or text.get("type") not in (
        {"plain_text"} if plain_only else {"plain_text", "mrkdwn"}
    ):
        return ["a text object of type " + ("plain_text" if plain_only else "plain_text or mrkdwn")]
    value = text.get("text")
    if not isinstance(value, str) or not value:
        return ["text must be a non-empty string"]
    if len(value) > limit:
        return [f"text is {len(value)} characters, over {limit}"]
    return _slack_mrkdwn_problems(value, "text") if text["type"] == "mrkdwn" else []


def _slack_mrkdwn_problems(value: str, where: str) -> list[str]:
    """Every '<' must open a web link: '<!everyone>', '<@U123>' and '<#C123>' would notify people."""
    rest = _SLACK_LINK.sub("", value)
    if "<" in rest or ">" in rest:
        return [f"{where}: an unescaped '<' or '>' (a mention or a broken link): {rest[:80]!r}"]
    return []


def teams_problems(message: Any) -> list[str]:
    """Why a Teams workflow would refuse (or mention people with) a message carrying an Adaptive Card."""
    if not isinstance(message, dict) or message.get("type") != "message":
        return ["the body must be an object with type 'message'"]
    if len(json.dumps(message, ensure_ascii=False).encode()) > limits.TEAMS_MESSAGE_BYTES:
        return [f"the message is over {limits.TEAMS_MESSAGE_BYTES} bytes"]
    attachments = message.get("attachments")
    if not isinstance(attachments, list) or len(attachments) != 1:
        return ["attachments must hold exactly one card"]
    attachment = attachments[0]
    if (
        not isinstance(attachment, dict)
        or attachment.get("contentType") != "application/vnd.microsoft.card.adaptive"
    ):
        return ["the attachment's contentType must be application/vnd.microsoft.card.adaptive"]
    card = attachment.get("content")
    if not isinstance(card, dict) or card.get("type") != "AdaptiveCard":
        return ["the attachment's content must be an AdaptiveCard"]
    problems: list[str] = []
    version = card.get("version")
    if not isinstance(version, str) or not re.fullmatch(r"1\.[0-5]", version):
        problems.append(f"version {version!r} is not an Adaptive Card version Teams renders (1.0 to 1.5)")
    body = card.get("body")
    if not isinstance(body, list) or not body:
        problems.append("the card's body must be a non-empty list")
    else:
        for index, element in enumerate(body):
            problems += [f"body[{index}]: {p}" for p in _teams_element_problems(element)]
    for index, action in enumerate(card.get("actions", [])):
        if not isinstance(action, dict) or action.get("type") != "Action.OpenUrl":
            problems.append(f"actions[{index}]: only Action.OpenUrl is posted")
        elif not isinstance(action.get("url"), str) or not action["url"].startswith(("https://", "http://")):
            problems.append(f"actions[{index}]: url must be a web URL")
        elif not isinstance(action.get("title"), str) or not action["title"]:
            problems.append(f"actions[{index}]: title must be a non-empty string")
    entities = (card.get("msteams") or {}).get("entities") if isinstance(card.get("msteams"), dict) else None
    if entities:
        problems.append("msteams.entities: a card from article text must mention no one")
    return problems


def _teams_element_problems(element: Any) -> list[str]:
    if not isinstance(element, dict) or element.get("type") not in _TEAMS_ELEMENTS:
        return [f"unknown element {element.get('type') if isinstance(element, dict) else element!r}"]
    if element["type"] == "TextBlock" and (not isinstance(element.get("text"), str) or not element["text"]):
        return ["a TextBlock needs a non-empty text"]
    if element["type"] == "FactSet":
        facts = element.get("facts")
        if not isinstance(facts, list) or not facts:
            return ["a FactSet needs facts"]
        if not all(
            isinstance(fact, dict)
            and isinstance(fact.get("title"), str)
            and isinstance(fact.get("value"), str)
            for fact in facts
        ):
            return ["each fact needs a string title and value"]
    return []


def discord_problems(message: Any) -> dict[str, Any]:
    """Discord's ``errors`` object for a refused message (its 50035 shape, flattened); empty when accepted."""
    if not isinstance(message, dict):
        return {"_errors": "not a JSON object"}
    errors: dict[str, Any] = {}
    content, embeds = message.get("content"), message.get("embeds")
    if not content and not embeds:
        errors["content"] = "Cannot send an empty message"
    if content is not None and (not isinstance(content, str) or len(content) > limits.DISCORD_CONTENT_CHARS):
        errors["content"] = f"Must be {limits.DISCORD_CONTENT_CHARS} or fewer in length."
    if message.get("allowed_mentions") != {"parse": []}:
        errors["allowed_mentions"] = "a message made from article text must parse no mentions"
    texts: list[str] = [content] if isinstance(content, str) else []
    if embeds is not None:
        if not isinstance(embeds, list) or len(embeds) > limits.DISCORD_EMBEDS:
            errors["embeds"] = f"Must be {limits.DISCORD_EMBEDS} or fewer in length."
        else:
            for index, embed in enumerate(embeds):
                for name, problem in _discord_embed_problems(embed, texts).items():
                    errors[f"embeds.{index}.{name}"] = problem
    for text in texts:
        if _DISCORD_BARE_MENTION.search(text):
            errors["mentions"] = f"a bare @everyone or @here: {text[:80]!r}"
    return errors


def _discord_embed_problems(embed: Any, texts: list[str]) -> dict[str, str]:
    if not isinstance(embed, dict):
        return {"_errors": "not an object"}
    errors: dict[str, str] = {}
    for name, limit in (
        ("title", limits.DISCORD_TITLE_CHARS),
        ("description", limits.DISCORD_DESCRIPTION_CHARS),
    ):
        value = embed.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            errors[name] = f"Must be {limit} or fewer in length."
        elif isinstance(value, str):
            texts.append(value)
    if "url" in embed and (
        not isinstance(embed["url"], str) or not embed["url"].startswith(("http://", "https://"))
    ):
        errors["url"] = "Not a well formed URL."
    if "color" in embed and (not isinstance(embed["color"], int) or not 0 <= embed["color"] <= 0xFFFFFF):
        errors["color"] = "Must be an integer colour."
    fields = embed.get("fields", [])
    if not isinstance(fields, list) or len(fields) > limits.DISCORD_FIELDS:
        errors["fields"] = f"Must be {limits.DISCORD_FIELDS} or fewer in length."
        fields = []
    for index, item in enumerate(fields):
        if not isinstance(item, dict):
            errors[f"fields.{index}"] = "not an object"
            continue
        for name, limit in (
            ("name", limits.DISCORD_FIELD_NAME_CHARS),
            ("value", limits.DISCORD_FIELD_VALUE_CHARS),
        ):
            value = item.get(name)
            if not isinstance(value, str) or not value.strip():
                errors[f"fields.{index}.{name}"] = "This field is required"
            elif len(value) > limit:
                errors[f"fields.{index}.{name}"] = f"Must be {limit} or fewer in length."
            else:
                texts.append(value)
    footer = embed.get("footer")
    if footer is not None:
        if not isinstance(footer, dict) or not isinstance(footer.get("text"), str):
            errors["footer"] = "footer.text is required"
        elif len(footer["text"]) > limits.DISCORD_FOOTER_CHARS:
            errors["footer.text"] = f"Must be {limits.DISCORD_FOOTER_CHARS} or fewer in length."
        else:
            texts.append(footer["text"])
    if not errors and discord_embed_chars(embed) > limits.DISCORD_EMBED_TOTAL_CHARS:
        errors["_total"] = f"Embed size exceeds maximum size of {limits.DISCORD_EMBED_TOTAL_CHARS}"
    return errors


# ---------------------------------------------------------------- the server
@dataclass(frozen=True, slots=True)
class Received:
    """One message a server accepted."""

    platform: Platform
    path: str
    body: dict[str, Any]
    headers: dict[str, str]


@dataclass
class _Switches:
    rate_limited: int = 0
    retry_after: float = 1.0
    failing: int = 0
    failing_status: int = 500
    revoked: set[str] = field(default_factory=set)
    answered: list[tuple[Platform, int]] = field(default_factory=list)


class ChatServers:
    """The three loopback webhooks, on one port; a context manager that starts and stops them."""

    def __init__(self, port: int = 0, *, on_accept: Callable[[Received], None] | None = None) -> None:
        self._on_accept = on_accept
        self._lock = threading.Lock()
        self._received: list[Received] = []
        self._switches = _Switches()
        servers = self

        class Handler(_WebhookHandler):
            owner = servers

        self._server = http.server.ThreadingHTTPServer((LOOPBACK, port), Handler)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, platform: Platform, path: str | None = None) -> str:
        return f"http://{LOOPBACK}:{self.port}{path or HOOK_PATHS[platform]}"

    def start(self) -> ChatServers:
        self._thread = threading.Thread(target=self._server.serve_forever, name="chat-servers", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> ChatServers:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------ switches and records
    def rate_limit(self, next_posts: int, retry_after: float = 1.0) -> None:
        """Answer the next ``next_posts`` posts (to any platform) with 429 and this Retry-After."""
        with self._lock:
            self._switches.rate_limited, self._switches.retry_after = next_posts, retry_after

    def fail(self, next_posts: int, status: int = 500) -> None:
        """Answer the next ``next_posts`` valid posts with ``status`` in the platform's own words."""
        with self._lock:
            self._switches.failing, self._switches.failing_status = next_posts, status

    def revoke(self, path: str) -> None:
        """The hook at ``path`` no longer exists (deleted in the platform's settings)."""
        with self._lock:
            self._switches.revoked.add(path)

    def received(self, platform: Platform | None = None) -> list[Received]:
        with self._lock:
            return [item for item in self._received if platform is None or item.platform == platform]

    def answered(self, platform: Platform | None = None) -> list[int]:
        """Every status answered, in order (accepted or not)."""
        with self._lock:
            return [
                status for name, status in self._switches.answered if platform is None or name == platform
            ]

    def reset(self) -> None:
        with self._lock:
            self._received.clear()
            self._switches = _Switches()

    def write_env_file(self, path: Path) -> None:
        """``export SLACK_WEBHOOK_URL=...`` lines, so a shell can ``source`` the three webhooks."""
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"export {ENV_VARIABLES[platform]}={self.url(platform)}" for platform in PLATFORMS]
        path.write_text(
            "# The local stack's loopback chat webhooks (infra/chat_servers.py)\n" + "\n".join(lines) + "\n"
        )

    def _answer(
        self, platform: Platform, path: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            switches = self._switches
            accepted: Received | None = None
            if path in switches.revoked:
                answer = _not_found(platform)
            elif switches.rate_limited > 0:
                switches.rate_limited -= 1
                answer = _rate_limited(platform, switches.retry_after)
            else:
                answer, accepted = self._judge(platform, path, body, headers)
            switches.answered.append((platform, answer[0]))
            if accepted is not None:
                self._received.append(accepted)
        if accepted is not None and self._on_accept is not None:
            self._on_accept(accepted)
        return answer

    def _judge(
        self, platform: Platform, path: str, body: bytes, headers: dict[str, str]
    ) -> tuple[tuple[int, dict[str, str], bytes], Received | None]:
        try:
            message = json.loads(body)
        except ValueError:
            return _refused(platform, "invalid_payload", {"_errors": "not JSON"}), None
        if platform == "slack":
            problems: Any = slack_problems(message)
            code = problems[0].split(":", 1)[0] if problems else ""
        elif platform == "teams":
            problems = teams_problems(message)
            code = "InvalidRequestContent"
        else:
            problems = discord_problems(message)
            code = "50035"
        if problems:
            return _refused(platform, code, problems), None
        switches = self._switches
        if switches.failing > 0:
            switches.failing -= 1
            return _status(platform, switches.failing_status), None
        return _accepted(platform), Received(platform, path, message, headers)


class _WebhookHandler(http.server.BaseHTTPRequestHandler):
    owner: ChatServers
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        platform = next((name for name in PLATFORMS if self.path.startswith(f"/{name}/")), None)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, _MAX_BODY_BYTES))
        if platform is None:
            self._send(404, {"Content-Type": "text/plain"}, b"no such webhook")
            return
        status, headers, content = self.owner._answer(
            platform, self.path, body, {name.lower(): value for name, value in self.headers.items()}
        )
        self._send(status, headers, content)

    def _send(self, status: int, headers: dict[str, str], content: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if content:
            self.wfile.write(content)

    def log_message(self, format: str, *args: Any) -> None:  # the tests' output stays readable
        return


def _json(document: Any) -> bytes:
    return json.dumps(document).encode()


def _accepted(platform: Platform) -> tuple[int, dict[str, str], bytes]:
    status = limits.ACCEPTED_STATUS[platform]
    if platform == "slack":
        return status, {"Content-Type": "text/html"}, b"ok"
    return status, {}, b""


def _refused(platform: Platform, code: str, problems: Any) -> tuple[int, dict[str, str], bytes]:
    if platform == "slack":
        return 400, {"Content-Type": "text/html"}, (code or "invalid_payload").encode()
    if platform == "teams":
        detail = "; ".join(problems) if isinstance(problems, list) else str(problems)
        return 400, {"Content-Type": "application/json"}, _json({"error": {"code": code, "message": detail}})
    return (
        400,
        {"Content-Type": "application/json"},
        _json({"code": 50035, "message": "Invalid Form Body", "errors": problems}),
    )


def _rate_limited(platform: Platform, retry_after: float) -> tuple[int, dict[str, str], bytes]:
    header = {"Retry-After": str(max(math.ceil(retry_after), 0))}
    if platform == "slack":
        return 429, {**header, "Content-Type": "text/html"}, b"rate_limited"
    if platform == "teams":
        return (
            429,
            {**header, "Content-Type": "application/json"},
            _json({"error": {"code": "WorkflowTriggerIsThrottled", "message": "Rate limit is exceeded."}}),
        )
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
    return 429, {**header, "Content-Type": "application/json", "X-RateLimit-Scope": "user"}, _json(body)


def _not_found(platform: Platform) -> tuple[int, dict[str, str], bytes]:
    if platform == "slack":
        return 404, {"Content-Type": "text/html"}, b"no_service"
    if platform == "teams":
        return (
            404,
            {"Content-Type": "application/json"},
            _json({"error": {"code": "WorkflowNotFound", "message": "The workflow could not be found."}}),
        )
    return 404, {"Content-Type": "application/json"}, _json({"message": "Unknown Webhook", "code": 10015})


def _status(platform: Platform, status: int) -> tuple[int, dict[str, str], bytes]:
    if status == 400:
        return _refused(
            platform, "invalid_blocks" if platform == "slack" else "50035", ["refused on request"]
        )
    if status == 404:
        return _not_found(platform)
    if platform == "slack":
        return status, {"Content-Type": "text/html"}, b"internal_error"
    return (
        status,
        {"Content-Type": "application/json"},
        _json({"message": "Internal Server Error", "code": 0}),
    )


def chat_headline(received: Received) -> str:
    """The first line a reader sees of an accepted message: its header, its card's title, its embed's title."""
    body = received.body
    try:
        if received.platform == "slack":
            return str(body["blocks"][0]["text"]["text"])
        if received.platform == "teams":
            return str(body["attachments"][0]["content"]["body"][0]["text"])
        return str(body["embeds"][0]["title"])
    except (KeyError, IndexError, TypeError):
        return "(no headline)"
