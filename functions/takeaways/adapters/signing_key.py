"""The summary-record signing key, read from the Secrets Manager secret the template creates."""

from __future__ import annotations

from collections.abc import Callable

from takeaways.errors import TransientFailure

SigningKey = Callable[[], bytes]


def signing_key_from_secret(secret_id: str, max_age: int) -> SigningKey:
    """A reader of the key, cached by powertools for ``max_age`` seconds; the key is never logged.

    A failed read is worth a retry (the queue redelivers); a record is never written or
    believed without the key.
    """

    def read() -> bytes:
        from aws_lambda_powertools.utilities import parameters

        try:
            value = parameters.get_secret(secret_id, max_age=max_age)
        except Exception as error:  # powertools wraps every SDK failure in its own exception types
            raise TransientFailure(
                f"signing key {secret_id!r} could not be read: {type(error).__name__}"
            ) from None
        secret = value if isinstance(value, bytes) else str(value).encode()
        if len(secret.strip()) < 32:
            raise TransientFailure(f"signing key {secret_id!r} is shorter than 32 bytes")
        return secret.strip()

    return read
