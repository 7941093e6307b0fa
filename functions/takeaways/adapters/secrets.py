"""The model API key, read from Secrets Manager through powertools parameters (cached, never logged)."""

from __future__ import annotations

import json


class ApiKeyUnavailable(Exception):
    """The secret could not be read or holds no key."""


def read_api_key(secret_name: str, max_age: int) -> str:
    """The key as the secret's plain string, or its ``api_key`` field when the secret is JSON.

    Cached by powertools for ``max_age`` seconds, so a warm container does not call
    Secrets Manager per article and a rotated key is picked up within that time. The
    key never appears in an exception or a log line.
    """
    from aws_lambda_powertools.utilities import parameters

    try:
        value = parameters.get_secret(secret_name, max_age=max_age)
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
