"""Subscription filter policies built from plain choices, matching the alert's message attributes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.language import SUPPORTED_LANGUAGES


def build_filter_policy(
    *,
    topics: Sequence[str] = (),
    entities: Sequence[str] = (),
    sources: Sequence[str] = (),
    languages: Sequence[str] = (),
    min_priority: int | None = None,
    include_updates: bool = True,
    verified_only: bool = False,
) -> dict[str, Any] | None:
    """A policy that accepts an alert only when every given condition holds; ``None`` accepts all.

    Values are normalised exactly as the alert's attributes are (lower case, single
    spaces), so ``--topics Climate`` matches an alert tagged ``climate``. A topic no alert
    can carry, or a language the detector never reports, is refused: SNS would accept
    it and the subscriber would silently never hear anything.
    """
    unknown = sorted({value.strip().lower() for value in topics if value.strip()} - set(TOPIC_SLUGS))
    if unknown:
        raise ValueError(f"unknown topic(s) {', '.join(unknown)}; alerts carry: {', '.join(TOPIC_SLUGS)}")
    not_codes = sorted(value for value in languages if value.strip().lower() not in SUPPORTED_LANGUAGES)
    if not_codes:
        raise ValueError(
            f"unknown language(s) {', '.join(not_codes)}; alerts carry: {', '.join(SUPPORTED_LANGUAGES)}"
        )
    policy: dict[str, Any] = {}
    for name, values in (
        ("topics", topics),
        ("entities", entities),
        ("source", sources),
        ("language", languages),
    ):
        normal = sorted({" ".join(value.lower().split()) for value in values if value.strip()})
        if normal:
            policy[name] = normal
    if min_priority is not None:
        if not 1 <= min_priority <= 5:
            raise ValueError("priority runs from 1 (routine) to 5 (urgent)")
        policy["priority"] = [{"numeric": [">=", min_priority]}]
    if not include_updates:
        policy["update"] = ["false"]
    if verified_only:
        policy["grounded"] = ["true"]
    return policy or None


def filter_policy_json(policy: dict[str, Any] | None) -> str | None:
    return json.dumps(policy, sort_keys=True) if policy else None
