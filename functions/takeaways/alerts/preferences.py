"""Changes a subscriber can make to their own subscription, and what each does to their preferences.

One ``PreferenceChange`` names one change (the thing a preference link will carry, signed): unsubscribe,
mute a topic, an entity or a source, switch between instant, daily and weekly, or set the priority
floor. ``apply_change`` is pure: it returns the new preferences and frequency, or refuses a change
that would leave a subscription that SNS would not accept or that could never hear anything.
Carrying the result out (filter policy, topic, registry) is ``adapters.subscriptions``' job.

    changed = apply_change(record, PreferenceChange("mute_topic", "sport"))
    changed.preferences.muted_topics      # ["sport"]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, get_args

from takeaways.alerts.filter_policy import PRIORITY_RANGE, Preferences, build_filter_policy, normal_value
from takeaways.alerts.subscription import FREQUENCIES, Frequency, SubscriberRecord, frequency_refusal
from takeaways.summary import MAX_PRIORITY, MIN_PRIORITY
from takeaways.text.iptc import BY_SLUG

ChangeKind = Literal["unsubscribe", "mute_topic", "mute_entity", "mute_source", "frequency", "min_priority"]
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)
_MUTES = ("mute_topic", "mute_entity", "mute_source")


class PreferenceRefused(ValueError):
    """A change that cannot be made to this subscription; the message says why."""


@dataclass(frozen=True, slots=True)
class PreferenceChange:
    """One change to one subscription: ``value`` is the topic, entity or source, the frequency, or the floor."""

    kind: ChangeKind
    value: str | int | None = None

    def __post_init__(self) -> None:
        if self.kind not in CHANGE_KINDS:
            raise PreferenceRefused(f"unknown change {self.kind!r}; one of {', '.join(CHANGE_KINDS)}")
        if self.kind == "unsubscribe":
            if self.value is not None:
                raise PreferenceRefused("unsubscribe takes no value")
        elif self.kind in _MUTES:
            if not isinstance(self.value, str) or not self.value.strip():
                raise PreferenceRefused(f"{self.kind} names a {self.kind.removeprefix('mute_')}")
            object.__setattr__(self, "value", normal_value(self.value))
        elif self.kind == "frequency":
            if self.value not in FREQUENCIES:
                raise PreferenceRefused(f"frequency is one of {', '.join(FREQUENCIES)}, not {self.value!r}")
        elif (
            not isinstance(self.value, int)
            or isinstance(self.value, bool)
            or self.value not in PRIORITY_RANGE
        ):
            raise PreferenceRefused(
                f"the priority floor runs from {MIN_PRIORITY} (routine) to {MAX_PRIORITY} (urgent)"
            )

    def describe(self) -> str:
        """What the change does, in the words a confirmation page or the CLI shows."""
        if self.kind == "unsubscribe":
            return "unsubscribe: no more alerts or digests"
        if self.kind in _MUTES:
            if self.kind == "mute_topic" and str(self.value) in BY_SLUG:
                return f"mute topic {BY_SLUG[str(self.value)].label}"  # IPTC's words, as the alert shows them
            return f"mute {self.kind.removeprefix('mute_')} {self.value}"
        if self.kind == "frequency":
            return "alerts as they happen" if self.value == "instant" else f"a {self.value} digest instead"
        return f"only priority {self.value} and above"


@dataclass(frozen=True, slots=True)
class ChangedPreferences:
    """A subscription after its changes: what it hears about, how often, or that it ends."""

    preferences: Preferences
    frequency: Frequency
    unsubscribe: bool = False


def apply_change(record: SubscriberRecord, change: PreferenceChange) -> ChangedPreferences:
    return apply_changes(record, [change])


def apply_changes(record: SubscriberRecord, changes: Sequence[PreferenceChange]) -> ChangedPreferences:
    """The record's preferences and frequency after the changes, in order; an unsubscribe ends the list.

    Raises ``PreferenceRefused`` (naming the change) when the result would mute everything the
    subscription follows, need a filter policy SNS refuses, or be a frequency its protocol cannot take.
    """
    preferences, frequency = record.preferences, record.frequency
    for change in changes:
        if change.kind == "unsubscribe":
            return ChangedPreferences(preferences, frequency, unsubscribe=True)
        refusal = (
            frequency_refusal(record.protocol, str(change.value)) if change.kind == "frequency" else None
        )
        if refusal:
            raise PreferenceRefused(f"{change.describe()}: {refusal}")
        try:
            preferences = _changed(preferences, change)
            build_filter_policy(preferences)  # the policy an instant subscription would carry must be valid
        except ValueError as error:
            raise PreferenceRefused(f"{change.describe()}: {error}") from None
        if change.kind == "frequency":
            frequency = change.value  # type: ignore[assignment]  # checked in __post_init__
    return ChangedPreferences(preferences, frequency)


def _changed(preferences: Preferences, change: PreferenceChange) -> Preferences:
    value = change.value
    if change.kind == "mute_topic" and isinstance(value, str):
        return replace(preferences, muted_topics=_added(preferences.muted_topics, value))
    if change.kind == "mute_entity" and isinstance(value, str):
        return replace(preferences, muted_entities=_added(preferences.muted_entities, value))
    if change.kind == "mute_source" and isinstance(value, str):
        return replace(preferences, muted_sources=_added(preferences.muted_sources, value))
    if change.kind == "min_priority" and isinstance(value, int):
        return replace(preferences, min_priority=value)
    return preferences


def _added(values: list[str], value: str) -> list[str]:
    return values if value in values else [*values, value]
