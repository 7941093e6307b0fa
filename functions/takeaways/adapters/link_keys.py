"""The preference-link signing keys: the secret's current version, and its previous one while it exists.

Links go out in alerts and digests that are read days later; reading AWSPREVIOUS as well
means a rotation does not break every link already sent, only those older than two
rotations. powertools' secret cache keys on the name alone, so both stages are read here
with a small cache of their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from takeaways.errors import TransientFailure

if TYPE_CHECKING:
    from mypy_boto3_secretsmanager import SecretsManagerClient

_STAGES = ("AWSCURRENT", "AWSPREVIOUS")
MIN_KEY_BYTES = 32


class LinkKeys:
    """``signing()`` signs new links; ``verifying()`` lists every key a link may have been signed with."""

    def __init__(
        self,
        client: SecretsManagerClient,
        secret_id: str,
        max_age: float,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._secret = secret_id
        self._max_age = max_age
        self._clock = clock
        self._keys: list[bytes] = []
        self._read_at = -float("inf")

    def signing(self) -> bytes:
        return self._current()[0]

    def verifying(self) -> list[bytes]:
        return self._current()

    def _current(self) -> list[bytes]:
        if not self._keys or self._clock() - self._read_at >= self._max_age:
            self._keys = [key for key in map(self._read, _STAGES) if key is not None]
            if not self._keys:
                raise TransientFailure(f"link-signing key {self._secret!r} has no current version")
            self._read_at = self._clock()
        return self._keys

    def _read(self, stage: str) -> bytes | None:
        try:
            value = self._client.get_secret_value(SecretId=self._secret, VersionStage=stage)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if stage != _STAGES[0] and code in {"ResourceNotFoundException", "InvalidRequestException"}:
                return None  # no previous version yet: the secret has never been rotated
            raise TransientFailure(f"link-signing key {self._secret!r} could not be read: {code}") from None
        text = value.get("SecretString") or ""
        key = (text.encode() if text else value.get("SecretBinary", b"")).strip()
        if len(key) < MIN_KEY_BYTES:
            raise TransientFailure(
                f"link-signing key {self._secret!r} ({stage}) is shorter than {MIN_KEY_BYTES} bytes"
            )
        return key
