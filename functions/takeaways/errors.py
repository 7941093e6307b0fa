"""The errors that cross layers, grouped by what the caller should do about them."""

from __future__ import annotations

from enum import StrEnum


class RejectionReason(StrEnum):
    """Why an input was refused; each value is also a metric dimension and a log field."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    MALFORMED_JSON = "malformed_json"
    NO_BODY = "no_body"
    TOO_SHORT = "too_short"
    UNSUPPORTED_TYPE = "unsupported_type"
    NOT_FOUND = "not_found"
    NOT_AN_S3_EVENT = "not_an_s3_event"
    INVALID_RECORD = "invalid_record"
    UNSIGNED = "unsigned"
    INVALID_SIGNATURE = "invalid_signature"
    UNPROCESSABLE = "unprocessable"
    TOO_SLOW = "too_slow"


class TakeawaysError(Exception):
    """Base of every error this package raises on purpose."""


class ArticleRejected(TakeawaysError):
    """The input can never be summarised: record the reason, never retry."""

    def __init__(self, reason: RejectionReason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


class TransientFailure(TakeawaysError):
    """A dependency failed in a way that may pass: let the queue redeliver."""


class EngineFailure(TakeawaysError):
    """A summary engine could not produce a usable answer: fall back to the extractive engine."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
