from __future__ import annotations

import pytest

from takeaways.alerts.filter_policy import build_filter_policy


def test_no_choices_means_every_alert() -> None:
    assert build_filter_policy() is None


def test_choices_are_normalised_like_the_alert_attributes() -> None:
    policy = build_filter_policy(
        topics=["Environment", " economy ", "environment"], sources=["Coastal  Times"]
    )
    assert policy == {"topics": ["economy", "environment"], "source": ["coastal times"]}


def test_a_minimum_priority_becomes_a_numeric_condition() -> None:
    assert build_filter_policy(min_priority=4) == {"priority": [{"numeric": [">=", 4]}]}


def test_priority_outside_the_scale_is_refused() -> None:
    with pytest.raises(ValueError, match="priority"):
        build_filter_policy(min_priority=9)


def test_updates_can_be_left_out() -> None:
    assert build_filter_policy(include_updates=False) == {"update": ["false"]}


def test_a_topic_no_alert_can_carry_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown topic\(s\) climate, energy; alerts carry: arts, crime"):
        build_filter_policy(topics=["environment", "climate", "energy"])


def test_a_language_must_be_one_the_detector_reports() -> None:
    assert build_filter_policy(languages=["EN", "fr"]) == {"language": ["en", "fr"]}
    with pytest.raises(ValueError, match=r"unknown language\(s\) english"):
        build_filter_policy(languages=["english"])
    with pytest.raises(ValueError, match=r"unknown language\(s\) gl; alerts carry: ar, bg"):
        build_filter_policy(languages=["gl"])  # Galician: never reported, so never matched


def test_verified_only_asks_for_grounded_alerts() -> None:
    assert build_filter_policy(verified_only=True, include_updates=False) == {
        "update": ["false"],
        "grounded": ["true"],
    }
