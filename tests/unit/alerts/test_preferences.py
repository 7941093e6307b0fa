"""What each change a subscriber can make does to their preferences and frequency, or why it is refused."""

from __future__ import annotations

import dataclasses

import pytest

from takeaways.alerts.filter_policy import Preferences, build_filter_policy
from takeaways.alerts.preferences import PreferenceChange, PreferenceRefused, apply_change, apply_changes
from tests.unit.alerts.test_subscription import record


def test_muting_a_topic_adds_it_to_the_muted_topics_once() -> None:
    subscriber = record("instant", topics=["sport", "economy"])
    changed = apply_change(subscriber, PreferenceChange("mute_topic", "Sport"))
    assert changed.preferences.muted_topics == ["sport"] and changed.frequency == "instant"
    assert build_filter_policy(changed.preferences) == {
        "topics": ["economy"],
        "topic": [{"exists": False}, {"anything-but": ["sport"]}],
    }
    again = apply_change(
        dataclasses.replace(subscriber, preferences=changed.preferences),
        PreferenceChange("mute_topic", "sport"),
    )
    assert again.preferences == changed.preferences


def test_muting_an_entity_or_a_source_and_setting_the_floor_and_frequency_compose_in_order() -> None:
    changes = [
        PreferenceChange("mute_entity", " Ines  Okafor "),
        PreferenceChange("mute_source", "Coastal Times"),
        PreferenceChange("min_priority", 4),
        PreferenceChange("frequency", "weekly"),
    ]
    changed = apply_changes(record("instant"), changes)
    assert changed.frequency == "weekly" and not changed.unsubscribe
    assert changed.preferences == Preferences(
        muted_entities=["ines okafor"], muted_sources=["coastal times"], min_priority=4
    )


def test_unsubscribe_ends_the_changes() -> None:
    changed = apply_changes(
        record("daily"), [PreferenceChange("unsubscribe"), PreferenceChange("frequency", "instant")]
    )
    assert changed.unsubscribe and changed.frequency == "daily"


def test_a_change_that_would_leave_nothing_or_that_sns_would_refuse_is_refused_with_why() -> None:
    with pytest.raises(PreferenceRefused, match="mute topic sport: every topic this subscription follows"):
        apply_change(record("daily", topics=["sport"]), PreferenceChange("mute_topic", "sport"))
    with pytest.raises(PreferenceRefused, match="unknown topic"):
        apply_change(record("daily"), PreferenceChange("mute_topic", "football"))
    crowded = record("instant", topics=["sport"], languages=["en"], min_priority=2, verified_only=True)
    with pytest.raises(PreferenceRefused, match="SNS allows 5 conditions"):
        apply_changes(crowded, [PreferenceChange("mute_source", "a"), PreferenceChange("mute_entity", "b")])


def test_a_chat_channel_cannot_be_moved_to_a_digest_but_can_change_everything_else() -> None:
    channel = dataclasses.replace(record("instant"), protocol="slack")
    for period in ("daily", "weekly"):
        with pytest.raises(PreferenceRefused, match="digests are not posted to chat"):
            apply_change(channel, PreferenceChange("frequency", period))
    assert apply_change(channel, PreferenceChange("min_priority", 3)).preferences.min_priority == 3
    # A channel some older release left on a digest can still be moved back.
    assert (
        apply_change(
            dataclasses.replace(channel, frequency="weekly"), PreferenceChange("frequency", "instant")
        ).frequency
        == "instant"
    )


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("frequency", "hourly"),
        ("min_priority", 6),
        ("min_priority", True),
        ("mute_topic", " "),
        ("unsubscribe", 1),
        ("rename", "x"),
    ],
)
def test_a_malformed_change_is_refused_when_made(kind: str, value: object) -> None:
    with pytest.raises(PreferenceRefused):
        PreferenceChange(kind, value)  # type: ignore[arg-type]


def test_each_change_says_what_it_does() -> None:
    assert PreferenceChange("mute_topic", "sport").describe() == "mute topic sport"
    assert PreferenceChange("mute_topic", "science").describe() == "mute topic science and technology"
    assert PreferenceChange("frequency", "weekly").describe() == "a weekly digest instead"
    assert PreferenceChange("min_priority", 4).describe() == "only priority 4 and above"
