"""Posting JSON to a webhook with the standard library: no redirects followed, no proxy, an answer for every outcome."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from email.message import Message
from typing import Any

from takeaways.alerts.chat.delivery import WebhookAnswer

USER_AGENT = "TakeawaysBot/1.0 (chat alerts)"
_BODY_BYTES = 4096


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A webhook that redirects is answered as refused: following it could post the alert anywhere."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


# No ProxyHandler from the environment: the webhook URL is a credential, and goes to the platform only.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())


class UrllibWebhookPoster:
    """The chat function's HTTP client."""

    def post(self, url: str, body: dict[str, Any], *, timeout: float) -> WebhookAnswer:
        request = urllib.request.Request(
            url,
            data=json.dumps(body, ensure_ascii=False).encode(),
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT},
        )
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                return _answer(response.status, response.headers, response.read(_BODY_BYTES))
        except urllib.error.HTTPError as error:
            with error:
                return _answer(error.code, error.headers, error.read(_BODY_BYTES))
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return WebhookAnswer(status=None, error=f"{type(error).__name__}: {reason}")


def _answer(status: int, headers: Message, body: bytes) -> WebhookAnswer:
    return WebhookAnswer(
        status=status,
        headers={name.lower(): value for name, value in headers.items()},
        body=body.decode("utf-8", "replace"),
    )
