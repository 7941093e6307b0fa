"""The model API key, read from Secrets Manager through powertools parameters (cached, never logged)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable


class ApiKeyUnavailable(Exception):
    """The secret could not be read or holds no key."""


def read_api_key(secret_name: str, max_age: int, *, fresh: bool = False) -> str:
    """The key as the secret's plain string, or its ``api_key`` field when the secret is JSON.

    Cached by powertools for ``max_age`` seconds (``fresh`` skips the cache), so a warm
    container does not call Secrets Manager per article. The key never appears in an
    exception or a log line.
    """
    from aws_lambda_powertools.utilities import parameters

    try:
        value = parameters.get_secret(secret_name, max_age=max_age, force_fetch=fresh)
    except Exception as error:  # powertools wraps every SDK failure in its own exception types
        raise ApiKeyUnavailable(f"secret {secret_name!r} could not be read: {type(error).__name__}") from None
    text = value.decode() if isinstance(value, bytes) else str(value)
    if text.lstrip().startswith("{"):
        try:
            fields = json.loads(text)
            text = str(fields.get("api_key") or fields.get("OPENAI_API_KEY") or "")
        except (ValueError, AttributeError):
            text = ""
    if not text.strip():
        raise ApiKeyUnavailable(f"secret {secret_name!r} holds no API key")
    return text.strip()


class ApiKeyProvider:
    """The current key: read again once it is ``max_age`` seconds old, and at once after it was refused.

    A read that fails is not remembered, so one failure (at a cold start, say) costs one
    article its model summary, not the container its model engine.
    """

    def __init__(
        self,
        secret_name: str,
        max_age: int,
        *,
        read: Callable[[str, int, bool], str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._secret = secret_name
        self._max_age = max_age
        self._read = read or (lambda name, age, fresh: read_api_key(name, age, fresh=fresh))
        self._clock = clock
        self._key: str | None = None
        self._read_at = 0.0
        self._refused = False

    def key(self) -> str:
        """Raises ``ApiKeyUnavailable`` when the secret cannot be read now."""
        now = self._clock()
        if self._key is None or self._refused or now - self._read_at >= self._max_age:
            self._key = self._read(self._secret, self._max_age, True)
            self._read_at, self._refused = now, False
        return self._key

    def refused(self) -> None:
        """The provider rejected the key (revoked or rotated): the next ``key()`` reads the secret again."""
        self._refused = True
