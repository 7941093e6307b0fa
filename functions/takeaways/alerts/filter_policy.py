"""A subscriber's preferences, the SNS filter policy built from them, and that policy evaluated as SNS does.

One structure (``Preferences``) says what a subscriber wants to hear about; ``build_filter_policy``
turns it into the policy an instant subscription carries, and ``policy_matches`` evaluates that same
policy in plain Python for the digest, so an instant and a digest subscriber with the same
preferences are told about the same alerts.

``policy_matches`` follows SNS's attribute filtering (FilterPolicyScope ``MessageAttributes``), as
its developer guide describes it:

- every key of the policy must match (AND); the conditions listed under one key are alternatives (OR);
  ``$or`` takes a list of policies of which one must match;
- a message without the attribute matches only ``{"exists": false}``; Binary attributes are ignored;
- a ``String.Array`` attribute is matched element by element: a condition holds when it holds for
  *any* element. So ``{"anything-but": ["sport"]}`` accepts ``["sport", "economy"]``, because
  ``economy`` is not ``sport``; no condition on an array can say "none of the elements is X";
- strings match String attributes and the strings of an array, case-sensitively; numbers and
  ``numeric`` ranges match Number attributes and the numbers of an array, to five decimal places;
- ``anything-but`` takes a string, a number, a list of either, or ``{"prefix": ...}``; ``prefix``,
  ``suffix``, ``equals-ignore-case`` and ``cidr`` apply to strings.

Where moto (5.2) answers differently, the local stack does too: it compares ``anything-but`` with the
characters of a ``String.Array``'s JSON text (so it always accepts an array), applies ``prefix`` and
``suffix`` to String attributes only, stops at an ``anything-but`` on a missing attribute before a
later ``{"exists": false}`` (so the builder lists ``exists`` first), and matches a string condition
against a Number attribute's text. The policies this project builds avoid the first two on the
attributes they touch, except an entity mute, which moto never applies.
"""

from __future__ import annotations

import difflib
import ipaddress
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from takeaways.summary import MAX_PRIORITY, MIN_PRIORITY
from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.language import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, language_code_for

# What SNS accepts in one filter policy (developer guide, "Filter policy constraints").
MAX_POLICY_KEYS = 5
MAX_POLICY_COMBINATIONS = 150
NUMERIC_LIMIT = 1e9
_NUMERIC_OPERATORS = frozenset({"<", "<=", "=", ">", ">="})
_STRING_OPERATORS = frozenset({"prefix", "suffix", "equals-ignore-case", "cidr"})
_OPERATORS = _STRING_OPERATORS | {"anything-but", "numeric", "exists"}
PRIORITY_RANGE = range(MIN_PRIORITY, MAX_PRIORITY + 1)


class PolicyRefused(ValueError):
    """Preferences or a policy SNS would refuse, or that could never match an alert."""


def normal_value(value: str) -> str:
    """A name as alert attributes carry it: lower case, single spaces."""
    return " ".join(value.lower().split())


def _normal_list(values: Sequence[str]) -> list[str]:
    return sorted({normal_value(value) for value in values if value.strip()})


def closest_choice(value: str, choices: Sequence[str]) -> str | None:
    """The choice a mistyped value most likely meant ('sprot' -> 'sport'), or None when none is close."""
    by_normal = {normal_value(choice): choice for choice in choices}
    found = difflib.get_close_matches(normal_value(value), list(by_normal), n=1, cutoff=0.75)
    return by_normal[found[0]] if found else None


def _with_suggestions(values: Sequence[str], choices: Sequence[str]) -> str:
    """'sprot (did you mean sport?), xyz': each unknown value with the choice it probably meant."""
    return ", ".join(
        f"{value} (did you mean {guess}?)" if (guess := closest_choice(value, choices)) else value
        for value in values
    )


def language_refusal(values: Sequence[str]) -> str:
    """Why ``--languages`` values are refused: a language's name is answered with its code."""
    named = {value: code for value in values if (code := language_code_for(value))}
    if named:
        code = next(iter(named.values()))
        return (
            f"unknown language(s) {', '.join(values)}: use language codes, e.g. {code} for {LANGUAGE_NAMES[code]}"
            f" (alerts carry: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    return (
        f"unknown language(s) {_with_suggestions(values, SUPPORTED_LANGUAGES)}: use ISO 639-1 language"
        f" codes; alerts carry: {', '.join(SUPPORTED_LANGUAGES)}"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Preferences:
    """What one subscriber wants to hear about: every instant filter and every digest is built from this.

    Followed topics, entities and sources are alternatives (one of them must match); muting wins
    over following. ``muted_topics`` stops the alerts whose strongest topic (the ``topic``
    attribute) is muted, ``muted_sources`` the alerts from a muted source, and ``muted_entities``,
    when no entity is followed, the alerts that name no one but muted entities: SNS cannot exclude
    an alert in which a muted topic or entity stands beside one that is not (see the module doc).
    Values are normalised as the alert's attributes are, so ``Climate`` and ``climate`` are one.
    """

    topics: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    min_priority: int | None = None
    include_updates: bool = True
    verified_only: bool = False
    muted_topics: list[str] = field(default_factory=list)
    muted_entities: list[str] = field(default_factory=list)
    muted_sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in ("topics", "entities", "sources", "languages", "muted_topics", "muted_entities"):
            object.__setattr__(self, name, _normal_list(getattr(self, name)))
        object.__setattr__(self, "muted_sources", _normal_list(self.muted_sources))
        unknown = sorted(set(self.topics + self.muted_topics) - set(TOPIC_SLUGS))
        if unknown:
            raise PolicyRefused(
                f"unknown topic(s) {_with_suggestions(unknown, TOPIC_SLUGS)}; alerts carry: {', '.join(TOPIC_SLUGS)}"
            )
        not_codes = sorted(set(self.languages) - set(SUPPORTED_LANGUAGES))
        if not_codes:
            raise PolicyRefused(language_refusal(not_codes))
        if self.min_priority is not None and self.min_priority not in PRIORITY_RANGE:
            raise PolicyRefused(f"priority runs from {MIN_PRIORITY} (routine) to {MAX_PRIORITY} (urgent)")
        for kind, followed, muted in (
            ("topic", self.topics, self.muted_topics),
            ("entity", self.entities, self.muted_entities),
            ("source", self.sources, self.muted_sources),
        ):
            if followed and not set(followed) - set(muted):
                raise PolicyRefused(
                    f"every {kind} this subscription follows would be muted, so it would hear nothing: "
                    "unsubscribe instead"
                )


def build_filter_policy(preferences: Preferences) -> dict[str, Any] | None:
    """The SNS filter policy for these preferences; ``None`` accepts every alert.

    Raises ``PolicyRefused`` for one SNS would refuse (more than five keys, more than 150
    combinations), so a subscription is never half made.
    """
    policy: dict[str, Any] = {}
    for key, followed, muted in (
        ("topics", preferences.topics, preferences.muted_topics),
        ("entities", preferences.entities, preferences.muted_entities),
        ("source", preferences.sources, preferences.muted_sources),
    ):
        kept = [value for value in followed if value not in muted]
        if kept:
            policy[key] = kept
        elif muted and key != "topics":
            # `exists` first: moto stops at an anything-but on a missing attribute (AWS tries the next).
            policy[key] = [{"exists": False}, {"anything-but": muted}]
    if preferences.languages:
        policy["language"] = preferences.languages
    if preferences.min_priority is not None:
        policy["priority"] = [{"numeric": [">=", preferences.min_priority]}]
    if not preferences.include_updates:
        policy["update"] = ["false"]
    if preferences.verified_only:
        policy["grounded"] = ["true"]
    if preferences.muted_topics:
        policy["topic"] = [{"exists": False}, {"anything-but": preferences.muted_topics}]
    check_policy(policy)
    return policy or None


def check_policy(policy: Mapping[str, Any]) -> None:
    """Raise ``PolicyRefused`` with the first reason SNS would refuse the policy."""
    keys = _keys(policy)
    if len(keys) > MAX_POLICY_KEYS:
        raise PolicyRefused(
            f"SNS allows {MAX_POLICY_KEYS} conditions in one filter policy and these preferences need "
            f"{len(keys)} ({', '.join(sorted(keys))}): drop one"
        )
    combinations = _combinations(policy)
    if combinations > MAX_POLICY_COMBINATIONS:
        raise PolicyRefused(
            f"SNS allows {MAX_POLICY_COMBINATIONS} combinations of values in one filter policy and these "
            f"preferences make {combinations}: follow fewer topics, entities, sources or languages"
        )
    for conditions in _all_conditions(policy):
        for condition in conditions:
            _check_condition(condition)


def policy_matches(policy: Mapping[str, Any] | None, attributes: Mapping[str, Mapping[str, str]]) -> bool:
    """Whether SNS would deliver a message with these attributes (as published) under this policy."""
    if not policy:
        return True
    return _every_key_matches(policy, attributes)


def preferences_admit(preferences: Preferences, attributes: Mapping[str, Mapping[str, str]]) -> bool:
    """Whether a managed subscriber wants an alert with these attributes.

    Their filter policy as SNS would evaluate it, and then their mutes exactly, which no SNS
    policy can express: no muted topic and no muted entity anywhere in the alert's arrays.
    Every managed subscriber's messages are made by the project (DeliveryFunction, DigestFunction),
    so this, not SNS, is what decides what they hear about.
    """
    if not policy_matches(build_filter_policy(preferences), attributes):
        return False
    for muted, name in ((preferences.muted_topics, "topics"), (preferences.muted_entities, "entities")):
        carried = _values(attributes.get(name)) or []
        if set(muted) & {normal_value(str(value)) for value in carried}:
            return False
    return True


def _every_key_matches(policy: Mapping[str, Any], attributes: Mapping[str, Mapping[str, str]]) -> bool:
    for key, conditions in policy.items():
        if key == "$or":
            if not any(_every_key_matches(branch, attributes) for branch in conditions):
                return False
        elif not any(_condition_matches(c, _values(attributes.get(key))) for c in conditions):
            return False
    return True


def _values(attribute: Mapping[str, str] | None) -> list[Any] | None:
    """The attribute as the values a condition is tried on; ``None`` when SNS sees no attribute."""
    if attribute is None:
        return None
    kind, text = attribute["DataType"], attribute["StringValue"]
    if kind.startswith("String.Array"):
        values = json.loads(text)
        return values if isinstance(values, list) else [values]
    if kind.startswith("String"):
        return [text]
    if kind.startswith("Number"):
        return [float(text)]
    return None  # Binary: SNS ignores it


def _condition_matches(condition: Any, values: list[Any] | None) -> bool:
    if isinstance(condition, dict):
        ((operator, operand),) = condition.items()
        if operator == "exists":
            return (values is not None) is bool(operand)
        if values is None:
            return False
        if operator == "anything-but":
            return any(not _excluded(operand, value) for value in values)
        if operator == "numeric":
            return any(_is_number(value) and _in_range(operand, float(value)) for value in values)
        strings = [value for value in values if isinstance(value, str)]
        if operator == "prefix":
            return any(value.startswith(operand) for value in strings)
        if operator == "suffix":
            return any(value.endswith(operand) for value in strings)
        if operator == "equals-ignore-case":
            return any(value.casefold() == str(operand).casefold() for value in strings)
        if operator == "cidr":
            return any(_in_network(value, operand) for value in strings)
        raise PolicyRefused(f"SNS has no {operator!r} condition")
    if values is None:
        return False
    return any(_equal(condition, value) for value in values)


def _equal(condition: Any, value: Any) -> bool:
    if isinstance(condition, bool) or condition is None:
        return value is condition
    if isinstance(condition, str):
        return isinstance(value, str) and value == condition
    return _is_number(value) and _same_number(float(condition), float(value))


def _excluded(operand: Any, value: Any) -> bool:
    """Whether ``anything-but``'s operand names this value."""
    if isinstance(operand, dict):
        prefix = operand.get("prefix")
        if prefix is None:
            raise PolicyRefused(f"anything-but takes a prefix, not {sorted(operand)}")
        return isinstance(value, str) and value.startswith(prefix)
    named = operand if isinstance(operand, list) else [operand]
    return any(_equal(item, value) for item in named)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same_number(a: float, b: float) -> bool:
    return math.isclose(round(a, 5), round(b, 5), abs_tol=1e-9)


def _in_range(operand: list[Any], value: float) -> bool:
    return all(
        _compare(value, operator, float(bound))
        for operator, bound in zip(operand[0::2], operand[1::2], strict=True)
    )


def _compare(value: float, operator: str, bound: float) -> bool:
    if operator == "=":
        return _same_number(value, bound)
    if operator == "<":
        return value < bound
    if operator == "<=":
        return value <= bound
    if operator == ">":
        return value > bound
    return value >= bound


def _in_network(value: str, network: str) -> bool:
    try:
        return ipaddress.ip_address(value) in ipaddress.ip_network(network, strict=False)
    except ValueError:
        return False


def _keys(policy: Mapping[str, Any]) -> set[str]:
    keys = {key for key in policy if key != "$or"}
    for branch in policy.get("$or", []):
        keys |= _keys(branch)
    return keys


def _combinations(policy: Mapping[str, Any]) -> int:
    total = 1
    for key, conditions in policy.items():
        total *= sum(_combinations(branch) for branch in conditions) if key == "$or" else len(conditions)
    return total


def _all_conditions(policy: Mapping[str, Any]) -> list[list[Any]]:
    found: list[list[Any]] = []
    for key, conditions in policy.items():
        if not isinstance(conditions, list) or not conditions:
            raise PolicyRefused(f"{key!r} must list at least one condition")
        if key == "$or":
            for branch in conditions:
                found += _all_conditions(branch)
        else:
            found.append(conditions)
    return found


def _check_condition(condition: Any) -> None:
    if not isinstance(condition, dict):
        if _is_number(condition) and abs(condition) > NUMERIC_LIMIT:
            raise PolicyRefused(f"SNS compares numbers from -1e9 to 1e9, not {condition}")
        return
    if len(condition) != 1:
        raise PolicyRefused(f"one operator per condition, not {sorted(condition)}")
    ((operator, operand),) = condition.items()
    if operator not in _OPERATORS:
        raise PolicyRefused(f"SNS has no {operator!r} condition")
    if operator == "numeric":
        if not isinstance(operand, list) or len(operand) not in (2, 4):
            raise PolicyRefused(f"numeric takes one or two [operator, number] pairs, not {operand!r}")
        for operator_name, bound in zip(operand[0::2], operand[1::2], strict=True):
            if operator_name not in _NUMERIC_OPERATORS or not _is_number(bound) or abs(bound) > NUMERIC_LIMIT:
                raise PolicyRefused(f"numeric: {operator_name!r} {bound!r} is not a comparison SNS makes")
    elif operator == "exists" and not isinstance(operand, bool):
        raise PolicyRefused("exists takes true or false")
    elif operator in _STRING_OPERATORS and not isinstance(operand, str):
        raise PolicyRefused(f"{operator} takes a string")
