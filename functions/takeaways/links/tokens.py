"""A preference link's token: who it is for, what it changes, until when — and a signature over all of it.

The token is ``v1.<payload>.<signature>``, both parts unpadded base64url. The payload is
compact JSON; the signature is an HMAC-SHA256 over the version and the payload with the
link-signing key. Verification tries every key it is given, so links sent before a key
rotation keep working while the previous key is still held (Secrets Manager's AWSPREVIOUS).

A token says nothing about whether it has been used: single use is the store's job (the
token's ``token_id`` is written once, conditionally, when the change is carried out).
Plain Python, no AWS.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

VERSION = "v1"
# How long a link in an alert stays good: long enough for a weekly digest reader.
LINK_LIFETIME = timedelta(days=30)
_MAX_TOKEN_CHARS = 2048
_SIGNED_PREFIX = b"takeaways preference link\n"


class TokenRefused(ValueError):
    """A token that must not change anything; ``reason`` is one word for logs and metrics."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class LinkClaim:
    """What one link may do: ``action`` (with its ``value``) to subscription ``subscriber_id``."""

    subscriber_id: str
    action: str
    value: str
    expires_at: int
    token_id: str

    def expired(self, now: datetime) -> bool:
        return now.timestamp() >= self.expires_at


def issue_token(
    key: bytes,
    subscriber_id: str,
    action: str,
    value: str,
    *,
    now: datetime,
    lifetime: timedelta = LINK_LIFETIME,
) -> str:
    """A new token; each carries a random id, so two links for the same change are two tokens."""
    claim = {
        "s": subscriber_id,
        "a": action,
        "v": value,
        "e": int((now + lifetime).timestamp()),
        "j": secrets.token_urlsafe(12),
    }
    payload = _encode(json.dumps(claim, separators=(",", ":"), sort_keys=True).encode())
    return f"{VERSION}.{payload}.{_encode(_mac(key, payload))}"


def read_token(token: str, keys: Sequence[bytes], *, now: datetime) -> LinkClaim:
    """The claim of a token signed with one of ``keys`` and not expired; otherwise ``TokenRefused``.

    The signature is checked before the payload is parsed, so a tampered token is refused
    without its content being trusted for anything.
    """
    if not keys:
        raise TokenRefused("no_key", "no link-signing key is available")
    if len(token) > _MAX_TOKEN_CHARS or token.count(".") != 2:
        raise TokenRefused("malformed", "this is not a Takeaways preference link")
    version, payload, signature = token.split(".")
    if version != VERSION:
        raise TokenRefused("malformed", "this link was made by a version that no longer exists")
    try:
        given = _decode(signature)
    except ValueError:
        raise TokenRefused("tampered", "this link has been altered") from None
    if not any(hmac.compare_digest(_mac(key, payload), given) for key in keys):
        raise TokenRefused("tampered", "this link has been altered or its key has been retired")
    try:
        fields = json.loads(_decode(payload))
        claim = LinkClaim(
            subscriber_id=str(fields["s"]),
            action=str(fields["a"]),
            value=str(fields["v"]),
            expires_at=int(fields["e"]),
            token_id=str(fields["j"]),
        )
    except (ValueError, KeyError, TypeError):
        raise TokenRefused("malformed", "this link's content cannot be read") from None
    if claim.expired(now):
        raise TokenRefused("expired", "this link has expired; newer alerts carry fresh links")
    return claim


def _mac(key: bytes, payload: str) -> bytes:
    return hmac.new(key, _SIGNED_PREFIX + VERSION.encode() + b"." + payload.encode(), hashlib.sha256).digest()


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _decode(text: str) -> bytes:
    if not text or any(c not in _URLSAFE for c in text):
        raise ValueError("not base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as error:
        raise ValueError("not base64url") from error
    # One spelling per token: the last character's unused bits could otherwise vary.
    if _encode(data) != text:
        raise ValueError("not canonical base64url")
    return data


_URLSAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
