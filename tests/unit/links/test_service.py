"""Following and confirming links: GET changes nothing, POST changes once, failures give the token back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from takeaways.links.service import ChangeNotPossible, PreferenceLinks
from takeaways.links.tokens import issue_token

KEY = b"k" * 40
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


class Ledger:
    def __init__(self) -> None:
        self.spent: set[str] = set()

    def is_spent(self, token_id: str) -> bool:
        return token_id in self.spent

    def spend(self, token_id: str, expires_at: int) -> bool:
        if token_id in self.spent:
            return False
        self.spent.add(token_id)
        return True

    def give_back(self, token_id: str) -> None:
        self.spent.discard(token_id)


class Changes:
    def __init__(self, *, fail: bool = False) -> None:
        self.applied: list[tuple[str, str, str]] = []
        self.fail = fail

    def describe(self, subscriber_id: str, action: str, value: str) -> tuple[str, str] | None:
        if subscriber_id != "s-41":
            return None
        return f"Stop alerts about {value}", "reader@example.com"

    def apply(self, subscriber_id: str, action: str, value: str) -> None:
        if self.fail:
            raise RuntimeError("SNS said no")
        self.applied.append((subscriber_id, action, value))


def links(changes: Changes, ledger: Ledger | None = None) -> PreferenceLinks:
    return PreferenceLinks(lambda: [KEY], ledger or Ledger(), changes)


def test_following_a_link_shows_the_change_and_changes_nothing() -> None:
    changes = Changes()
    token = issue_token(KEY, "s-41", "mute_topic", "sport", now=NOW)
    outcome = links(changes).open(token, NOW)
    assert outcome.result == "shown" and outcome.page.status == 200
    assert "Stop alerts about sport" in outcome.page.html and "reader@example.com" in outcome.page.html
    assert 'method="post"' in outcome.page.html and token in outcome.page.html
    assert changes.applied == []


def test_confirming_changes_the_subscription_once() -> None:
    changes, ledger = Changes(), Ledger()
    service = links(changes, ledger)
    token = issue_token(KEY, "s-41", "mute_topic", "sport", now=NOW)
    assert service.confirm(token, NOW).result == "changed"
    again = service.confirm(token, NOW)
    assert (again.result, again.page.status) == ("used", 409)
    assert service.open(token, NOW).result == "used"
    assert changes.applied == [("s-41", "mute_topic", "sport")]


def test_a_failed_change_gives_the_token_back() -> None:
    ledger = Ledger()
    token = issue_token(KEY, "s-41", "mute_topic", "sport", now=NOW)
    with pytest.raises(RuntimeError):
        links(Changes(fail=True), ledger).confirm(token, NOW)
    assert ledger.spent == set()
    assert links(Changes(), ledger).confirm(token, NOW).result == "changed"


def test_tampered_expired_and_orphaned_links_change_nothing() -> None:
    changes = Changes()
    service = links(changes)
    token = issue_token(KEY, "s-41", "unsubscribe", "", now=NOW)
    tampered = service.confirm(token[:-2] + "xx", NOW)
    expired = service.confirm(token, NOW + timedelta(days=31))
    orphan = service.confirm(issue_token(KEY, "s-gone", "unsubscribe", "", now=NOW), NOW)
    assert [(o.result, o.page.status) for o in (tampered, expired, orphan)] == [
        ("tampered", 400),
        ("expired", 410),
        ("unknown_subscription", 404),
    ]
    assert changes.applied == []
    assert all("Nothing was changed" in o.page.html for o in (tampered, expired, orphan))


def test_page_text_from_the_subscription_is_escaped() -> None:
    class Hostile(Changes):
        def describe(self, subscriber_id: str, action: str, value: str) -> tuple[str, str] | None:
            return "Stop alerts about <script>alert(1)</script>", "a@b.example"

    page = links(Hostile()).open(issue_token(KEY, "s-41", "mute_topic", "x", now=NOW), NOW).page
    assert "<script>" not in page.html and "&lt;script&gt;" in page.html


def test_a_change_that_cannot_be_made_is_refused_and_the_token_kept_for_later() -> None:
    class Refusing(Changes):
        def apply(self, subscriber_id: str, action: str, value: str) -> None:
            raise ChangeNotPossible("every topic this subscription follows would be muted")

    ledger = Ledger()
    token = issue_token(KEY, "s-41", "mute_topic", "sport", now=NOW)
    outcome = links(Refusing(), ledger).confirm(token, NOW)
    assert (outcome.result, outcome.page.status) == ("not_possible", 409)
    assert "would be muted" in outcome.page.html and ledger.spent == set()
