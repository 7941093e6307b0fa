"""Preferences, the filter policy built from them, and that policy evaluated as SNS's documentation says."""

from __future__ import annotations

import json
from typing import Any

import pytest

from takeaways.alerts.filter_policy import (
    MAX_POLICY_KEYS,
    PolicyRefused,
    Preferences,
    build_filter_policy,
    check_policy,
    closest_choice,
    policy_matches,
)


def string(value: str) -> dict[str, str]:
    return {"DataType": "String", "StringValue": value}


def array(*values: Any) -> dict[str, str]:
    return {"DataType": "String.Array", "StringValue": json.dumps(list(values))}


def number(value: float) -> dict[str, str]:
    return {"DataType": "Number", "StringValue": str(value)}


# (policy, message attributes, does SNS deliver?) — each row one rule of SNS's attribute filtering.
EVALUATION = [
    pytest.param({"t": ["rugby", "tennis"]}, {"t": string("tennis")}, True, id="exact: one of the values"),
    pytest.param({"t": ["rugby"]}, {"t": string("Rugby")}, False, id="exact: case-sensitive"),
    pytest.param({"t": ["rugby"]}, {"t": array("soccer", "rugby")}, True, id="array: any element matches"),
    pytest.param({"t": ["rugby"]}, {"t": array("soccer")}, False, id="array: no element matches"),
    pytest.param({"t": ["rugby"]}, {}, False, id="absent attribute: no match"),
    pytest.param(
        {"t": ["rugby"]}, {"t": {"DataType": "Binary", "StringValue": "x"}}, False, id="binary: ignored"
    ),
    pytest.param({"t": ["3"]}, {"t": number(3)}, False, id="a string never matches a Number"),
    pytest.param({"t": [3]}, {"t": number(3.0)}, True, id="number: equal value"),
    pytest.param({"t": [301.5]}, {"t": number(3.015e2)}, True, id="number: any notation"),
    pytest.param({"t": [3]}, {"t": array("a", 3)}, True, id="number: inside an array"),
    pytest.param({"t": [True]}, {"t": array(True)}, True, id="keyword: true in an array"),
    pytest.param(
        {"t": [{"anything-but": ["rugby", "tennis"]}]},
        {"t": string("baseball")},
        True,
        id="anything-but: other value",
    ),
    pytest.param(
        {"t": [{"anything-but": ["rugby", "tennis"]}]},
        {"t": string("rugby")},
        False,
        id="anything-but: named value",
    ),
    pytest.param(
        {"t": [{"anything-but": ["rugby"]}]},
        {"t": array("rugby", "baseball")},
        True,
        id="anything-but: array with another element",
    ),
    pytest.param(
        {"t": [{"anything-but": ["rugby"]}]},
        {"t": array("rugby")},
        False,
        id="anything-but: array of named only",
    ),
    pytest.param(
        {"t": [{"anything-but": "rugby"}]}, {"t": string("rugby")}, False, id="anything-but: a single string"
    ),
    pytest.param(
        {"t": [{"anything-but": [100, 500]}]}, {"t": number(100.1)}, True, id="anything-but: numbers"
    ),
    pytest.param(
        {"t": [{"anything-but": [100, 500]}]}, {"t": number(100)}, False, id="anything-but: named number"
    ),
    pytest.param(
        {"t": [{"anything-but": {"prefix": "order-"}}]},
        {"t": string("order_number")},
        True,
        id="anything-but prefix: other",
    ),
    pytest.param(
        {"t": [{"anything-but": {"prefix": "order-"}}]},
        {"t": string("order-cancelled")},
        False,
        id="anything-but prefix: named",
    ),
    pytest.param({"t": [{"anything-but": ["rugby"]}]}, {}, False, id="anything-but: absent attribute"),
    pytest.param(
        {"t": [{"exists": False}, {"anything-but": ["rugby"]}]}, {}, True, id="anything-but or absent"
    ),
    pytest.param(
        {"t": [{"anything-but": ["rugby"]}, {"exists": False}]},
        {},
        True,
        id="order of alternatives is irrelevant",
    ),
    pytest.param({"t": [{"prefix": "bas"}]}, {"t": string("basketball")}, True, id="prefix"),
    pytest.param(
        {"t": [{"prefix": "bas"}]},
        {"t": array("rugby", "baseball")},
        True,
        id="prefix: on an array's elements",
    ),
    pytest.param({"t": [{"suffix": "ball"}]}, {"t": string("rugby")}, False, id="suffix"),
    pytest.param(
        {"t": [{"equals-ignore-case": "RUGBY"}]}, {"t": string("Rugby")}, True, id="equals-ignore-case"
    ),
    pytest.param({"p": [{"numeric": [">=", 4]}]}, {"p": number(4)}, True, id="numeric: >= bound"),
    pytest.param({"p": [{"numeric": [">=", 4]}]}, {"p": number(3.99999)}, False, id="numeric: below"),
    pytest.param({"p": [{"numeric": [">", 0, "<=", 150]}]}, {"p": number(150)}, True, id="numeric: range"),
    pytest.param(
        {"p": [{"numeric": [">", 0, "<=", 150]}]}, {"p": number(150.5)}, False, id="numeric: outside range"
    ),
    pytest.param(
        {"p": [{"numeric": ["=", 301.5]}]}, {"p": number(301.500001)}, True, id="numeric: five decimal places"
    ),
    pytest.param({"p": [{"numeric": [">=", 4]}]}, {"p": string("5")}, False, id="numeric: never a String"),
    pytest.param({"s": [{"exists": True}]}, {"s": string("fans")}, True, id="exists: present"),
    pytest.param({"s": [{"exists": True}]}, {}, False, id="exists: absent"),
    pytest.param({"s": [{"exists": False}]}, {}, True, id="exists false: absent"),
    pytest.param({"ip": [{"cidr": "10.0.0.0/24"}]}, {"ip": string("10.0.0.255")}, True, id="cidr: inside"),
    pytest.param({"ip": [{"cidr": "10.0.0.0/24"}]}, {"ip": string("10.1.1.0")}, False, id="cidr: outside"),
    pytest.param({"a": ["x"], "b": ["y"]}, {"a": string("x"), "b": string("y")}, True, id="AND: every key"),
    pytest.param({"a": ["x"], "b": ["y"]}, {"a": string("x")}, False, id="AND: one key missing"),
    pytest.param(
        {"a": ["x"], "$or": [{"b": ["y"]}, {"c": ["z"]}]},
        {"a": string("x"), "c": string("z")},
        True,
        id="$or: one branch",
    ),
    pytest.param(
        {"a": ["x"], "$or": [{"b": ["y"]}, {"c": ["z"]}]}, {"a": string("x")}, False, id="$or: no branch"
    ),
    pytest.param({}, {}, True, id="empty policy: everything"),
]


@pytest.mark.parametrize(("policy", "attributes", "delivered"), EVALUATION)
def test_a_policy_is_evaluated_as_sns_documents(
    policy: dict[str, Any], attributes: dict[str, dict[str, str]], delivered: bool
) -> None:
    assert policy_matches(policy, attributes) is delivered


def test_no_policy_accepts_everything() -> None:
    assert policy_matches(None, {"topics": array("sport")})


def test_an_operator_sns_does_not_have_is_refused_rather_than_guessed() -> None:
    with pytest.raises(PolicyRefused, match="wildcard"):
        policy_matches({"t": [{"wildcard": "*sport*"}]}, {"t": string("sport")})


# ---------------------------------------------------------------- building


def test_no_preferences_means_every_alert() -> None:
    assert build_filter_policy(Preferences()) is None


def test_choices_are_normalised_like_the_alert_attributes() -> None:
    preferences = Preferences(topics=["Environment", " economy ", "environment"], sources=["Coastal  Times"])
    assert build_filter_policy(preferences) == {
        "topics": ["economy", "environment"],
        "source": ["coastal times"],
    }


def test_a_minimum_priority_becomes_a_numeric_condition() -> None:
    assert build_filter_policy(Preferences(min_priority=4)) == {"priority": [{"numeric": [">=", 4]}]}


def test_priority_outside_the_scale_is_refused() -> None:
    with pytest.raises(ValueError, match="priority"):
        Preferences(min_priority=9)


def test_updates_can_be_left_out() -> None:
    assert build_filter_policy(Preferences(include_updates=False)) == {"update": ["false"]}


def test_a_topic_no_alert_can_carry_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown topic\(s\) climate, energy; alerts carry: arts, crime"):
        Preferences(topics=["environment", "climate", "energy"])
    with pytest.raises(ValueError, match=r"unknown topic\(s\) football"):
        Preferences(muted_topics=["football"])


def test_a_mistyped_topic_is_answered_with_the_one_it_probably_meant() -> None:
    with pytest.raises(ValueError, match=r"unknown topic\(s\) sprot \(did you mean sport\?\), zzz;"):
        Preferences(topics=["sprot", "zzz"])


def test_a_language_must_be_one_the_detector_reports() -> None:
    assert build_filter_policy(Preferences(languages=["EN", "fr"])) == {"language": ["en", "fr"]}
    with pytest.raises(ValueError, match=r"unknown language\(s\) gl: use ISO 639-1 .*alerts carry: ar, bg"):
        Preferences(languages=["gl"])  # Galician: never reported, so never matched


@pytest.mark.parametrize(("name", "code"), [("english", "en"), ("German", "de"), ("  french ", "fr")])
def test_a_language_s_name_is_answered_with_its_code(name: str, code: str) -> None:
    with pytest.raises(ValueError, match=rf"use language codes, e\.g\. {code} for "):
        Preferences(languages=[name])


def test_a_mistyped_code_is_answered_with_the_closest_code() -> None:
    with pytest.raises(ValueError, match=r"eng \(did you mean en\?\)"):
        Preferences(languages=["eng"])


def test_closest_choice_offers_nothing_when_nothing_is_close() -> None:
    assert closest_choice("Coastal Tims", ["Northern Ledger", "Coastal Times"]) == "Coastal Times"
    assert closest_choice("weather report", ["sport", "arts"]) is None


def test_verified_only_asks_for_grounded_alerts() -> None:
    assert build_filter_policy(Preferences(verified_only=True, include_updates=False)) == {
        "update": ["false"],
        "grounded": ["true"],
    }


def alert_attributes(
    topics: list[str], source: str | None = None, entities: list[str] | None = None
) -> dict[str, Any]:
    """The attributes NotifyFunction publishes for these (render.message_attributes' shape)."""
    attributes: dict[str, Any] = {"priority": number(3), "language": string("en")}
    if topics:
        attributes |= {"topics": array(*topics), "topic": string(topics[0])}
    if source:
        attributes["source"] = string(source)
    if entities:
        attributes["entities"] = array(*entities)
    return attributes


def test_a_muted_topic_stops_every_alert_whose_strongest_topic_it_is() -> None:
    policy = build_filter_policy(Preferences(muted_topics=["Sport"]))
    assert not policy_matches(policy, alert_attributes(["sport"]))
    assert not policy_matches(policy, alert_attributes(["sport", "economy"]))
    assert policy_matches(policy, alert_attributes(["economy", "sport"]))  # SNS cannot say "no element is"
    assert policy_matches(policy, alert_attributes([]))  # an alert without topics still arrives


def test_muting_a_followed_topic_narrows_the_list_and_muting_the_last_one_is_refused() -> None:
    preferences = Preferences(topics=["sport", "economy"], muted_topics=["sport"])
    policy = build_filter_policy(preferences)
    assert policy is not None and policy["topics"] == ["economy"]
    assert not policy_matches(policy, alert_attributes(["sport", "economy"]))
    with pytest.raises(PolicyRefused, match="unsubscribe instead"):
        Preferences(topics=["sport"], muted_topics=["sport"])


def test_a_muted_source_stops_its_alerts_and_no_other() -> None:
    policy = build_filter_policy(Preferences(muted_sources=["Coastal Times"]))
    assert not policy_matches(policy, alert_attributes(["economy"], source="coastal times"))
    assert policy_matches(policy, alert_attributes(["economy"], source="northern ledger"))
    assert policy_matches(policy, alert_attributes(["economy"]))  # an untrusted outlet carries no source


def test_a_muted_entity_stops_the_alerts_that_name_no_one_else() -> None:
    policy = build_filter_policy(Preferences(muted_entities=["Ines Okafor"]))
    assert not policy_matches(policy, alert_attributes(["politics"], entities=["ines okafor"]))
    assert policy_matches(policy, alert_attributes(["politics"], entities=["ines okafor", "harbour council"]))
    assert policy_matches(policy, alert_attributes(["politics"]))


def test_a_policy_sns_would_refuse_is_refused_before_any_subscription() -> None:
    crowded = Preferences(
        topics=["sport"],
        languages=["en"],
        min_priority=2,
        include_updates=False,
        verified_only=True,
        muted_sources=["coastal times"],
    )
    with pytest.raises(PolicyRefused, match=f"SNS allows {MAX_POLICY_KEYS} conditions"):
        build_filter_policy(crowded)
    wide = Preferences(
        topics=["sport", "economy", "politics"],
        entities=[f"person {n}" for n in range(10)],
        languages=["en", "fr", "de", "es", "it", "nl"],
    )
    with pytest.raises(PolicyRefused, match="180"):
        build_filter_policy(wide)
    with pytest.raises(PolicyRefused, match="numeric"):
        check_policy({"p": [{"numeric": ["~", 4]}]})
