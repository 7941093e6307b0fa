"""Preference-link tokens: what verifies, and every way a token is refused."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest

from takeaways.links.tokens import LINK_LIFETIME, TokenRefused, issue_token, read_token

KEY = b"k" * 40
OLD_KEY = b"o" * 40
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def refusal(token: str, keys: list[bytes] = [KEY], now: datetime = NOW) -> str:  # noqa: B006
    with pytest.raises(TokenRefused) as refused:
        read_token(token, keys, now=now)
    return refused.value.reason


def test_a_token_names_one_subscription_and_one_change() -> None:
    claim = read_token(issue_token(KEY, "s-41", "mute_topic", "sport", now=NOW), [KEY], now=NOW)
    assert (claim.subscriber_id, claim.action, claim.value) == ("s-41", "mute_topic", "sport")
    assert claim.expires_at == int((NOW + LINK_LIFETIME).timestamp())


def test_two_links_for_the_same_change_are_two_tokens() -> None:
    first = read_token(issue_token(KEY, "s-41", "unsubscribe", "", now=NOW), [KEY], now=NOW)
    second = read_token(issue_token(KEY, "s-41", "unsubscribe", "", now=NOW), [KEY], now=NOW)
    assert first.token_id != second.token_id


def test_an_expired_token_is_refused() -> None:
    token = issue_token(KEY, "s-41", "unsubscribe", "", now=NOW, lifetime=timedelta(hours=1))
    assert read_token(token, [KEY], now=NOW + timedelta(minutes=59)).subscriber_id == "s-41"
    assert refusal(token, now=NOW + timedelta(hours=1)) == "expired"


def test_a_changed_payload_is_refused_even_when_it_parses() -> None:
    version, payload, signature = issue_token(KEY, "s-41", "mute_topic", "sport", now=NOW).split(".")
    claim = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claim["s"] = "s-99"
    forged = base64.urlsafe_b64encode(json.dumps(claim).encode()).rstrip(b"=").decode()
    assert refusal(f"{version}.{forged}.{signature}") == "tampered"


@pytest.mark.parametrize("position", [-1, -10, -30])
def test_a_changed_signature_is_refused_wherever_it_changes(position: int) -> None:
    for _ in range(20):  # tokens are random: try many, including last characters with unused bits
        token = issue_token(KEY, "s-41", "unsubscribe", "", now=NOW)
        character = token[position]
        other = "A" if character != "A" else "B"
        flipped = token[:position] + other + (token[position + 1 :] if position != -1 else "")
        assert refusal(flipped) == "tampered"


def test_a_token_signed_with_another_key_is_refused() -> None:
    assert refusal(issue_token(b"x" * 40, "s-41", "unsubscribe", "", now=NOW)) == "tampered"


def test_a_link_signed_before_a_rotation_verifies_while_the_previous_key_is_held() -> None:
    token = issue_token(OLD_KEY, "s-41", "unsubscribe", "", now=NOW)
    assert read_token(token, [KEY, OLD_KEY], now=NOW).subscriber_id == "s-41"
    assert refusal(token, [KEY]) == "tampered"


@pytest.mark.parametrize(
    "token", ["", "v1", "v1.abc", "v2.abc.def", "v1.a.b.c", "v1.!!.??", "v1." + "a" * 3000 + ".b"]
)
def test_garbage_is_refused_without_an_exception_of_another_kind(token: str) -> None:
    assert refusal(token) in {"malformed", "tampered"}


def test_no_key_means_no_change() -> None:
    assert refusal(issue_token(KEY, "s-41", "unsubscribe", "", now=NOW), keys=[]) == "no_key"
