"""Which webhook URLs a chat channel may post to, and how a channel is kept in Secrets Manager.

One rule for the CLI (before it subscribes) and the chat function (before every post): an
``https`` URL of the platform's own webhook host and path. A webhook URL is a credential
(whoever has it can post), so errors name the host and never the URL. Loopback addresses
are the local stack's test servers and pass only when the stack's ``FetchAllowLoopback``
switch is on, as for the feed poller.

A channel is one SNS subscription of the chat function to the alerts topic. Its webhook is in
the secret named after that subscription (``takeaways/chat/<topic name>/<subscription id>``),
so the function finds it from the record SNS delivers, and the function's policy can be
limited to its own topic's channels.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from dataclasses import dataclass
from typing import Final, cast
from urllib.parse import urlsplit

from takeaways.alerts.chat.limits import PLATFORMS, Platform

CHANNEL_SECRET_PREFIX: Final = "takeaways/chat/"
# What each platform's webhooks look like, for the one-line error that says what was expected.
WEBHOOK_FORMS: Final[dict[Platform, str]] = {
    "slack": "https://hooks.slack.com/services/T.../B.../...",
    "teams": "https://....logic.azure.com/workflows/.../triggers/manual/paths/invoke?... "
    "or https://....environment.api.powerplatform.com/.../workflows/...",
    "discord": "https://discord.com/api/webhooks/ID/TOKEN",
}
_NAMES: Final[dict[Platform, str]] = {
    "slack": "a Slack incoming webhook",
    "teams": "a Microsoft Teams workflow webhook",
    "discord": "a Discord webhook",
}
_SLACK_HOSTS = frozenset({"hooks.slack.com"})
_DISCORD_HOSTS = frozenset({"discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com"})
_DISCORD_PATH = re.compile(r"/api(?:/v\d+)?/webhooks/\d+/[A-Za-z0-9_-]+/?")
# Power Automate's workflow triggers; Office 365 connectors (webhook.office.com) are being retired.
_TEAMS_HOST_SUFFIXES = (".logic.azure.com", ".powerplatform.com")
_TEAMS_CONNECTOR_SUFFIX = ".webhook.office.com"


class InvalidWebhook(ValueError):
    """A URL the chosen platform would never accept a message at, or one the stack may not reach."""


def check_webhook_url(platform: str, url: str, *, allow_loopback: bool = False) -> str:
    """The URL, stripped, if a channel of ``platform`` may post to it; otherwise say what is expected."""
    if platform not in PLATFORMS:
        raise InvalidWebhook(f"unknown chat platform {platform!r}; one of {', '.join(PLATFORMS)}")
    known: Platform = platform
    value = url.strip()
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        raise InvalidWebhook(f"not a URL: expected {_NAMES[known]} ({WEBHOOK_FORMS[known]})") from None
    if any(char.isspace() for char in value) or not host:
        raise InvalidWebhook(f"not a URL: expected {_NAMES[known]} ({WEBHOOK_FORMS[known]})")
    if _is_loopback(host):
        if allow_loopback and parts.scheme in {"http", "https"}:
            return value
        raise InvalidWebhook(
            f"{host} is a loopback address: only a local stack with FetchAllowLoopback=true posts there"
        )
    if parts.scheme != "https" or parts.username or parts.password or port not in {None, 443}:
        raise InvalidWebhook(f"{host}: expected {_NAMES[known]} over https ({WEBHOOK_FORMS[known]})")
    if known == "teams" and host.endswith(_TEAMS_CONNECTOR_SUFFIX):
        raise InvalidWebhook(
            f"{host} is an Office 365 connector, which Microsoft is retiring: create a Teams workflow"
            ' ("When a Teams webhook request is received") and use its URL'
        )
    if not _platform_url(known, host, parts.path):
        raise InvalidWebhook(f"{host}: not {_NAMES[known]} ({WEBHOOK_FORMS[known]})")
    return value


def _platform_url(platform: Platform, host: str, path: str) -> bool:
    if platform == "slack":
        return host in _SLACK_HOSTS and path.startswith("/services/") and len(path) > len("/services/")
    if platform == "discord":
        return host in _DISCORD_HOSTS and _DISCORD_PATH.fullmatch(path) is not None
    return host.endswith(_TEAMS_HOST_SUFFIXES) and "/workflows/" in path


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def webhook_host(url: str) -> str:
    """What a listing may show of a webhook: its host (the path holds the token)."""
    return (urlsplit(url).hostname or "").lower()


def webhook_fingerprint(url: str) -> str:
    """A digest that finds a channel by its URL without reading any secret (the token is long and random)."""
    return hashlib.sha256(url.strip().encode()).hexdigest()


def channel_secret_name(subscription_arn: str) -> str:
    """``takeaways/chat/<topic name>/<subscription id>`` for ``arn:aws:sns:REGION:ACCOUNT:TOPIC:ID``."""
    parts = subscription_arn.split(":")
    if len(parts) != 7 or parts[0] != "arn" or parts[2] != "sns" or not parts[5] or not parts[6]:
        raise ValueError(f"{subscription_arn!r} is not an SNS subscription ARN")
    return f"{CHANNEL_SECRET_PREFIX}{parts[5]}/{parts[6]}"


@dataclass(frozen=True, slots=True)
class ChatChannel:
    """One chat channel: where its alerts are posted, in which platform's format."""

    platform: Platform
    webhook_url: str
    subscription_arn: str

    def secret_string(self) -> str:
        return json.dumps(
            {
                "platform": self.platform,
                "webhook_url": self.webhook_url,
                "subscription_arn": self.subscription_arn,
            }
        )

    @classmethod
    def from_secret_string(cls, text: str) -> ChatChannel:
        """Raises ``ValueError`` for a secret that is not a channel (edited by hand, say)."""
        try:
            document = json.loads(text)
        except json.JSONDecodeError:
            raise ValueError("the channel secret is not JSON") from None
        if not isinstance(document, dict):
            raise ValueError("the channel secret is not a JSON object")
        platform, url, arn = (document.get(key) for key in ("platform", "webhook_url", "subscription_arn"))
        if platform not in PLATFORMS or not isinstance(url, str) or not isinstance(arn, str):
            raise ValueError(
                f"the channel secret needs platform ({', '.join(PLATFORMS)}), webhook_url and subscription_arn"
            )
        return cls(platform=cast(Platform, platform), webhook_url=url, subscription_arn=arn)
