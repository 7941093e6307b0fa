"""What following and confirming a preference link does, over three ports. Plain Python, no AWS.

Order matters on confirm: the token is spent (a conditional write) before the change is
made, so two presses of the button, or a replayed request, change the subscription once.
If the change then fails, the token is given back so the reader can try again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from takeaways.links.pages import Page, confirm_page, done_page, refused_page
from takeaways.links.tokens import LinkClaim, TokenRefused, read_token

_STATUS_BY_REASON = {
    "expired": 410,
    "used": 409,
    "unknown_subscription": 404,
    "no_key": 503,
    "not_possible": 409,
}


class ChangeNotPossible(Exception):
    """The change cannot be made to this subscription as it is now; the message says why, to its reader."""


class TokenLedger(Protocol):
    def is_spent(self, token_id: str) -> bool: ...

    def spend(self, token_id: str, expires_at: int) -> bool:
        """True when this call spent the token; False when it had been spent already."""
        ...

    def give_back(self, token_id: str) -> None: ...


class SubscriptionChanges(Protocol):
    def describe(self, subscriber_id: str, action: str, value: str) -> tuple[str, str] | None:
        """(the change in words, whose subscription) — or None when there is no such subscription
        or the change is not one a link may make; ``ChangeNotPossible`` when it cannot be made now."""
        ...

    def apply(self, subscriber_id: str, action: str, value: str) -> None: ...


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    """The page to show and, for logs and metrics, what happened."""

    page: Page
    result: str
    subscriber_id: str | None = None
    action: str | None = None


class PreferenceLinks:
    def __init__(
        self, keys: Callable[[], Sequence[bytes]], ledger: TokenLedger, changes: SubscriptionChanges
    ) -> None:
        self._keys = keys
        self._ledger = ledger
        self._changes = changes

    def open(self, token: str, now: datetime) -> LinkOutcome:
        """A GET: show what the link would do, change nothing."""
        checked = self._check(token, now)
        if isinstance(checked, LinkOutcome):
            return checked
        claim, change, endpoint = checked
        return LinkOutcome(confirm_page(change, endpoint, token), "shown", claim.subscriber_id, claim.action)

    def confirm(self, token: str, now: datetime) -> LinkOutcome:
        """A POST: spend the token, then make the change."""
        checked = self._check(token, now)
        if isinstance(checked, LinkOutcome):
            return checked
        claim, change, endpoint = checked
        if not self._ledger.spend(claim.token_id, claim.expires_at):
            return _refused("used", "This link has already been used.", claim)
        try:
            self._changes.apply(claim.subscriber_id, claim.action, claim.value)
        except ChangeNotPossible as refused:
            self._ledger.give_back(claim.token_id)
            return _refused("not_possible", str(refused), claim)
        except Exception:
            self._ledger.give_back(claim.token_id)
            raise
        return LinkOutcome(done_page(change, endpoint), "changed", claim.subscriber_id, claim.action)

    def _check(self, token: str, now: datetime) -> tuple[LinkClaim, str, str] | LinkOutcome:
        try:
            claim = read_token(token, self._keys(), now=now)
        except TokenRefused as refused:
            return LinkOutcome(
                refused_page(_STATUS_BY_REASON.get(refused.reason, 400), str(refused)), refused.reason
            )
        if self._ledger.is_spent(claim.token_id):
            return _refused("used", "This link has already been used.", claim)
        try:
            described = self._changes.describe(claim.subscriber_id, claim.action, claim.value)
        except ChangeNotPossible as refused:
            return _refused("not_possible", str(refused), claim)
        if described is None:
            return _refused("unknown_subscription", "This subscription no longer exists.", claim)
        return claim, *described


def _refused(result: str, message: str, claim: LinkClaim) -> LinkOutcome:
    return LinkOutcome(
        refused_page(_STATUS_BY_REASON[result], message), result, claim.subscriber_id, claim.action
    )
