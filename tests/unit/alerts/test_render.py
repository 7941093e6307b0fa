from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from takeaways.alerts.filter_policy import policy_matches
from takeaways.alerts.payload import AlertThread
from takeaways.alerts.render import (
    MAX_MESSAGE_ATTRIBUTES,
    MESSAGE_BYTES_LIMIT,
    SMS_LIMIT,
    SUBJECT_LIMIT,
    readable_time,
    render_alert,
)
from takeaways.records import to_jsonable
from takeaways.summary import ArticleMeta, Entity, ObjectRef, SummaryRecord, Takeaway, TakeawaySummary
from takeaways.text.topics import topic_named

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schemas" / "alert-v1.schema.json"


def make_record(
    *,
    headline: str = "Harbour council approves new ferry route",
    takeaways: list[str] | None = None,
    url: str | None = "https://news.example/ferry",
    source: str | None = "Coastal Times",
    topics: list[str] | None = None,
) -> SummaryRecord:
    texts = (
        takeaways
        if takeaways is not None
        else [
            "The council voted 7-2 to approve a ferry route to the islands.",
            "Crossings start in March and take 40 minutes.",
            "Fares will be capped at 6 pounds for residents.",
        ]
    )
    return SummaryRecord(
        article_id="ferry-route-0123456789",
        source_object=ObjectRef(bucket="articles", key="incoming/ferry.txt", etag="abc"),
        article=ArticleMeta(title=headline, url=url, source=source, published="2026-11-20T09:00:00Z"),
        summary=TakeawaySummary(
            headline=headline,
            summary="The harbour council approved a ferry route to the islands.",
            takeaways=[Takeaway(text=text, evidence=[index]) for index, text in enumerate(texts)],
            entities=[
                Entity(name="Harbour Council", kind="organisation"),
                Entity(name="Port Ellis", kind="place"),
            ],
            topics=[topic_named(name) for name in (["economy", "politics"] if topics is None else topics)],
            engine="extractive",
        ),
        summarised_at=datetime(2026, 11, 20, 9, 5, tzinfo=UTC),
    )


def test_subject_of_a_typographic_title_is_printable_ascii_on_one_line() -> None:
    record = make_record(headline="“Mayor’s plan” — approved\nafter 3 hours 🎉 in Zürich, São Paulo & Łódź")
    subject = render_alert(record, summary_uri="s3://b/k").subject
    assert subject == '"Mayor\'s plan" - approved after 3 hours in Zurich, Sao Paulo & Lodz'
    assert all(" " <= char <= "~" for char in subject)


def test_subject_of_a_long_title_is_cut_at_a_word_within_the_limit() -> None:
    record = make_record(headline="Word " * 60)
    subject = render_alert(record, summary_uri="s3://b/k").subject
    assert len(subject) <= SUBJECT_LIMIT
    assert subject.endswith("Word...")


def test_subject_of_a_title_with_no_ascii_reading_still_publishes() -> None:
    record = make_record(headline="東京で大雨")
    subject = render_alert(record, summary_uri="s3://b/k").subject
    assert subject == "News takeaway ferry-route-0123456789"


def test_sms_keeps_the_link_and_fits_one_message() -> None:
    record = make_record(headline="A very long headline about the ferry " * 10)
    sms = render_alert(record, summary_uri="s3://b/k").sms
    assert len(sms) <= SMS_LIMIT
    assert sms.endswith(" https://news.example/ferry")
    assert sms.startswith("A very long headline")


def test_email_reads_as_headline_summary_bullets_and_provenance() -> None:
    email = render_alert(make_record(), summary_uri="s3://b/k").email
    lines = email.splitlines()
    assert lines[0] == "Harbour council approves new ferry route"
    assert lines[1] == "=" * len(lines[0])
    assert "  * Crossings start in March and take 40 minutes." in lines
    assert "Source: Coastal Times | Published: 20 Nov 2026, 09:00 UTC" in lines
    assert "Read the article on news.example: https://news.example/ferry" in lines
    assert "built-in extractive engine" in email
    assert lines.index("The harbour council approved a ferry route to the islands.") < lines.index(
        "Key takeaways:"
    )


@pytest.mark.parametrize(
    ("published", "readable"),
    [
        ("2026-11-24T06:00:00+01:00", "24 Nov 2026, 06:00 UTC+01:00"),
        ("2026-11-24T06:00:00-05:30", "24 Nov 2026, 06:00 UTC-05:30"),
        ("2026-11-24T06:00:00", "24 Nov 2026, 06:00"),
        ("2026-11-24", "24 Nov 2026"),
        ("Tuesday morning", "Tuesday morning"),
    ],
)
def test_the_publication_time_reads_as_a_date_keeping_its_zone(published: str, readable: str) -> None:
    assert readable_time(published) == readable


def test_attributes_are_normalised_for_filter_policies() -> None:
    attributes = render_alert(make_record(), summary_uri="s3://b/k").attributes
    assert json.loads(attributes["topics"]["StringValue"]) == ["economy", "politics"]
    assert attributes["topics"]["DataType"] == "String.Array"
    assert attributes["topic"] == {"DataType": "String", "StringValue": "economy"}  # the strongest alone
    assert json.loads(attributes["entities"]["StringValue"]) == ["harbour council", "port ellis"]
    assert attributes["source"] == {"DataType": "String", "StringValue": "coastal times"}
    assert attributes["priority"]["DataType"] == "Number"
    assert attributes["engine"]["StringValue"] == "extractive"


def test_a_persons_surname_is_an_entity_value_so_a_filter_on_it_matches() -> None:
    record = make_record()
    people = [
        Entity(name="Ines Okafor", kind="person"),
        Entity(name="Robert Downey Jr.", kind="person"),
        Entity(name="Harbour Council", kind="organisation"),
    ]
    record = dataclasses.replace(record, summary=dataclasses.replace(record.summary, entities=people))
    attributes = render_alert(record, summary_uri="s3://b/k").attributes
    values = json.loads(attributes["entities"]["StringValue"])
    assert values == ["ines okafor", "okafor", "robert downey jr.", "harbour council"]
    assert policy_matches({"entities": ["okafor"]}, attributes)
    assert not policy_matches({"entities": ["council"]}, attributes)  # only people are named by a part


def test_a_surname_with_a_hyphened_particle_is_matched_without_it() -> None:
    record = make_record()
    people = [Entity(name="Karim al-Rashid", kind="person"), Entity(name="Pieter van Hoorn", kind="person")]
    record = dataclasses.replace(record, summary=dataclasses.replace(record.summary, entities=people))
    attributes = render_alert(record, summary_uri="s3://b/k").attributes
    assert json.loads(attributes["entities"]["StringValue"]) == [
        "karim al-rashid",
        "rashid",
        "pieter van hoorn",
        "van hoorn",
    ]
    assert policy_matches({"entities": ["rashid"]}, attributes)


def test_empty_attributes_are_left_out_because_sns_rejects_them() -> None:
    attributes = render_alert(make_record(source=None, topics=[]), summary_uri="s3://b/k").attributes
    assert "source" not in attributes
    assert "topics" not in attributes and "topic" not in attributes


def test_an_alert_carries_no_more_attributes_than_sns_delivers_raw_to_a_queue() -> None:
    record = make_record()
    thread = AlertThread(alert_id="alert-1", thread_id="story-1")
    alert = render_alert(record, summary_uri="s3://b/k", is_update=True, thread=thread)
    assert set(alert.attributes) >= {"topics", "topic", "entities", "source", "alert_id"}  # everything set
    assert len(alert.attributes) <= MAX_MESSAGE_ATTRIBUTES


def test_urgent_stories_get_a_higher_priority_than_routine_ones() -> None:
    routine = render_alert(make_record(topics=["economy"]), summary_uri="s3://b/k").payload.priority
    urgent = render_alert(
        make_record(
            headline="Earthquake kills dozens; emergency declared",
            takeaways=[
                "At least 40 people were killed.",
                "Thousands were evacuated.",
                "Aftershocks continue.",
            ],
            topics=["disaster"],
        ),
        summary_uri="s3://b/k",
    ).payload.priority
    assert routine < urgent


def test_message_stays_under_the_sns_limit_even_for_huge_takeaways() -> None:
    record = make_record(takeaways=["x" * 200_000, "y" * 200_000, "z" * 200_000])
    alert = render_alert(record, summary_uri="s3://b/k")
    assert len(alert.sns_message().encode()) < MESSAGE_BYTES_LIMIT
    assert alert.payload.takeaways[0].text.startswith("xxx")


def test_every_protocol_gets_a_version_and_machines_get_valid_json() -> None:
    alert = render_alert(make_record(), summary_uri="s3://articles/summaries/ferry.json")
    versions = json.loads(alert.sns_message())
    assert {"default", "email", "sms", "sqs", "lambda", "https"} <= versions.keys()
    assert versions["email"] == alert.email
    machine = json.loads(versions["sqs"])
    jsonschema.validate(machine, json.loads(SCHEMA_FILE.read_text()))
    assert machine["summary_object"] == "s3://articles/summaries/ferry.json"


def test_an_alert_of_one_fact_says_it_once_and_still_meets_the_schema() -> None:
    alert = render_alert(make_record(takeaways=[]), summary_uri="s3://articles/summaries/ferry.json")
    assert "The harbour council approved a ferry route to the islands." in alert.email
    assert "Key takeaways" not in alert.email and "  * " not in alert.email
    machine = json.loads(json.loads(alert.sns_message())["https"])
    assert machine["takeaways"] == []
    jsonschema.validate(machine, json.loads(SCHEMA_FILE.read_text()))


def test_the_e_mail_shows_the_summary_only_when_it_tells_more_than_the_headline() -> None:
    from takeaways.summary import summary_adds

    headline = "Harbour council approves new ferry route"
    assert not summary_adds("Harbour council approves new ferry route on Monday.", headline)
    assert not summary_adds("The harbour council approves a new ferry route.", headline)
    # The headline is the summary's sentence shortened: readers count the summary as the headline again.
    assert not summary_adds(
        "Harbour council approves new ferry route to the islands, ending a dispute.", headline
    )
    assert not summary_adds(
        "The harbour council, which met for six hours, approves new ferry route to the islands.", headline
    )
    # A summary in words of its own (a model's, or beside an article's title) is shown.
    assert summary_adds(
        "The council on Monday backed a crossing to the islands, ending a two-year dispute.", headline
    )
    assert summary_adds(
        "The harbour council approved a new ferry route linking the islands, ending a two-year dispute.",
        headline,
    )
    record = make_record()
    same = dataclasses.replace(
        record, summary=dataclasses.replace(record.summary, summary=f"{headline} on Monday.")
    )
    email = render_alert(same, summary_uri="s3://articles/summaries/ferry.json").email
    assert "on Monday" not in email and email.count(headline) == 1


@pytest.mark.parametrize("field", ["headline", "takeaways", "priority"])
def test_schema_rejects_an_alert_missing_a_required_field(field: str) -> None:
    machine = to_jsonable(render_alert(make_record(), summary_uri="s3://b/k").payload)
    del machine[field]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(machine, json.loads(SCHEMA_FILE.read_text()))


def test_markup_and_controls_in_a_stored_summary_never_reach_the_alert() -> None:
    record = make_record(
        headline="Ferry route <script>steal()</script>approved\x1b[2J",
        takeaways=[
            "Crossings start in March.<img src=x onerror=alert(1)>",
            "Fares are capped.",
            "Boats are new.",
        ],
        url="javascript:alert(1)",
    )
    alert = render_alert(record, summary_uri="s3://b/k")
    text = alert.sns_message()
    for hostile in ("<script", "steal()", "onerror", "\\u001b", "javascript"):
        assert hostile not in text
    assert alert.payload.headline == "Ferry route approved[2J"


@pytest.mark.parametrize(("grounded", "attribute"), [(True, "true"), (False, "false"), (None, "false")])
def test_grounded_is_in_the_alert_and_its_attributes(grounded: bool | None, attribute: str) -> None:
    record = make_record()
    record = dataclasses.replace(record, summary=dataclasses.replace(record.summary, grounded=grounded))
    alert = render_alert(record, summary_uri="s3://b/k")
    assert alert.payload.grounded is (grounded is True)
    assert alert.attributes["grounded"] == {"DataType": "String", "StringValue": attribute}
    jsonschema.validate(to_jsonable(alert.payload), json.loads(SCHEMA_FILE.read_text()))


def test_an_update_whose_news_is_all_in_its_summary_titles_the_repeated_takeaways_as_the_story_so_far() -> (
    None
):
    from takeaways.alerts.chat.render import chat_content

    record = make_record()
    no_new = AlertThread(alert_id="alert-2", thread_id="story-1", new_takeaways=[])
    one_new = AlertThread(alert_id="alert-2", thread_id="story-1", new_takeaways=[1])
    told_again = render_alert(record, summary_uri="s3://b/k", is_update=True, thread=no_new)
    assert "The story so far:" in told_again.email and "What is new:" not in told_again.email
    assert chat_content(told_again.payload).takeaways_title == "The story so far"
    news = render_alert(record, summary_uri="s3://b/k", is_update=True, thread=one_new)
    assert "What is new:" in news.email and record.summary.takeaways[0].text not in news.email
    assert chat_content(news.payload).takeaways == [record.summary.takeaways[1].text]
    assert "Key takeaways:" in render_alert(record, summary_uri="s3://b/k").email


def test_a_summary_that_is_the_headline_word_for_word_is_shown_once_in_the_email() -> None:
    record = make_record(headline="The harbour council approved a ferry route to the islands")
    email = render_alert(record, summary_uri="s3://b/k").email
    assert email.count("approved a ferry route to the islands") == 1
    other = render_alert(make_record(), summary_uri="s3://b/k").email
    assert "Harbour council approves new ferry route" in other
    assert "The harbour council approved a ferry route to the islands." in other


def test_an_update_told_by_a_paragraph_at_the_article_s_end_shows_that_paragraph_as_what_is_new() -> None:
    closing = Takeaway(text="A deckhand injured at the pier on Monday has died in hospital.", evidence=[9])
    record = dataclasses.replace(make_record(), closing_lines=[closing])
    thread = AlertThread(alert_id="alert-2", thread_id="story-1", new_takeaways=[3])  # after the 3 takeaways
    alert = render_alert(record, summary_uri="s3://b/k", is_update=True, thread=thread)
    assert [t.text for t in alert.payload.takeaways][-1] == closing.text
    assert alert.payload.new_takeaways == [3]
    assert "What is new:\n  * A deckhand injured at the pier on Monday has died in hospital." in alert.email
    jsonschema.validate(to_jsonable(alert.payload), json.loads(SCHEMA_FILE.read_text()))
    # A new alert never shows the closing lines: they are the story's reserve for an update.
    assert closing.text not in render_alert(record, summary_uri="s3://b/k").email


def test_closing_lines_make_room_within_the_takeaway_limit() -> None:
    five = [f"Fact number {n} about the ferry route and its fares." for n in range(5)]
    closing = Takeaway(text="The ferry operator has withdrawn its bid for the route.", evidence=[9])
    record = dataclasses.replace(make_record(takeaways=five), closing_lines=[closing])
    thread = AlertThread(alert_id="alert-2", thread_id="story-1", new_takeaways=[5])
    alert = render_alert(record, summary_uri="s3://b/k", is_update=True, thread=thread)
    assert len(alert.payload.takeaways) == 5 and alert.payload.takeaways[-1].text == closing.text
    assert alert.payload.new_takeaways == [4]
