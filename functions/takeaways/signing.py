"""Summary records are signed by the stage that writes them and checked by the stage that alerts.

Whoever can put an object under ``summaries/`` could otherwise make NotifyFunction publish
any alert. The bucket policy lets only SummariseFunction's role write there; the signature
is the second lock, checked where the record is read, so a record from anyone else (a
copy made by hand, a bucket policy changed by mistake) becomes a rejection, not an alert.

The signature is an HMAC-SHA256, with a key only the two functions can read, over the
record's exact bytes and its S3 key: a record moved to another key does not verify either.
It travels as the object's user metadata, so the record's published JSON shape is unchanged.
"""

from __future__ import annotations

import hashlib
import hmac

# S3 user metadata: sent as the x-amz-meta-takeaways-signature header.
SIGNATURE_METADATA = "takeaways-signature"
_SCHEME = "hmac-sha256-v1"


def record_signature(secret: bytes, key: str, body: bytes) -> str:
    """The signature of one record body stored under ``key``."""
    digest = hmac.new(secret, _signed_bytes(key, body), hashlib.sha256).hexdigest()
    return f"{_SCHEME}:{digest}"


def signature_matches(secret: bytes, key: str, body: bytes, signature: str) -> bool:
    """Constant-time check of a signature read back with the record."""
    return hmac.compare_digest(record_signature(secret, key, body), signature.strip())


def _signed_bytes(key: str, body: bytes) -> bytes:
    return b"takeaways summary record\n" + key.encode() + b"\n" + body
