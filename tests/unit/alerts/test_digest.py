"""A subscriber's digest: the stories their filter admits, each once in its latest version, most urgent first."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

from takeaways.alerts.digest import (
    DigestHeading,
    period_id,
    period_label,
    render_digest,
    select_stories,
)
from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.render import render_alert
from tests.unit.alerts.test_render import make_record

HEADING = DigestHeading(
    subscriber_id="sub-0123456789",
    frequency="daily",
    period="daily:2026-12-02",
    since=datetime(2026, 12, 1, 17, 59, tzinfo=UTC),
    until=datetime(2026, 12, 2, 17, 59, tzinfo=UTC),
)


def alert(
    headline: str, *, thread: str, priority: int = 3, topics: list[str] | None = None, update: bool = False
) -> AlertPayload:
    payload = render_alert(make_record(headline=headline, topics=topics), summary_uri="s3://b/k").payload
    return dataclasses.replace(
        payload, alert_id=f"alert-{headline[:8]}", thread_id=thread, priority=priority, is_update=update
    )


def test_a_story_alerted_then_updated_appears_once_in_its_latest_version_marked_updated() -> None:
    first = alert("Harbour council approves ferry route", thread="ferry")
    other = alert("Library reopens after flood", thread="library")
    update = alert("Harbour council ferry route delayed to April", thread="ferry", update=True)
    stories = select_stories([first, other, update], Preferences())
    assert [(s.alert.headline, s.versions, s.updated) for s in stories] == [
        ("Harbour council ferry route delayed to April", 2, True),
        ("Library reopens after flood", 1, False),
    ]


def test_stories_come_most_urgent_first_and_equal_ones_in_the_order_they_broke() -> None:
    alerts = [
        alert("Routine one", thread="a", priority=2),
        alert("Urgent", thread="b", priority=5),
        alert("Routine two", thread="c", priority=2),
        alert("Middle", thread="d", priority=3),
    ]
    assert [s.alert.headline for s in select_stories(alerts, Preferences())] == [
        "Urgent",
        "Middle",
        "Routine one",
        "Routine two",
    ]


def test_the_subscriber_s_filter_is_applied_to_each_alert_and_a_mute_is_exact() -> None:
    sport = alert("Cup final goes to extra time", thread="cup", topics=["sport"])
    economy = alert("Port tariffs rise", thread="port", topics=["economy"])
    both = alert("Stadium sale approved", thread="stadium", topics=["economy", "sport"])
    followed = Preferences(topics=["sport"])
    assert [s.alert.headline for s in select_stories([sport, economy, both], followed)] == [
        "Cup final goes to extra time",
        "Stadium sale approved",
    ]
    muted = Preferences(muted_topics=["sport"])
    assert [s.alert.headline for s in select_stories([sport, economy, both], muted)] == [
        "Port tariffs rise",  # a mute is exact: sport anywhere in an alert's topics keeps it out
    ]


def test_a_story_whose_update_alone_passes_the_filter_is_shown_as_that_update() -> None:
    routine = alert("Dam inspection planned", thread="dam", priority=2)
    urgent = alert("Dam evacuation ordered", thread="dam", priority=5, update=True)
    [story] = select_stories([routine, urgent], Preferences(min_priority=4))
    assert (story.alert.headline, story.versions, story.updated) == ("Dam evacuation ordered", 1, True)


def test_one_message_names_its_subscriber_period_and_every_story_once() -> None:
    stories = select_stories(
        [alert("Ferry route approved", thread="f"), alert("Dam evacuation ordered", thread="d", priority=5)],
        Preferences(),
    )
    [digest] = render_digest(HEADING, stories)
    assert digest.attributes["subscriber"] == {"DataType": "String", "StringValue": "sub-0123456789"}
    assert digest.attributes["kind"]["StringValue"] == "digest"
    assert digest.attributes["frequency"]["StringValue"] == "daily"
    assert digest.subject == "Takeaways daily digest, 2026-12-02: 2 stories"
    payload = digest.payload
    assert (payload.subscriber_id, payload.period, payload.story_count) == (
        "sub-0123456789",
        "daily:2026-12-02",
        2,
    )
    assert [item.headline for item in payload.items] == ["Dam evacuation ordered", "Ferry route approved"]
    assert json.loads(json.loads(digest.sns_message())["sqs"])["items"][0]["priority"] == 5
    assert digest.email.startswith("Your Takeaways daily digest, 2026-12-02\n")


def test_periods_are_the_utc_day_or_the_iso_week() -> None:
    monday = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
    assert period_id("daily", monday) == "daily:2026-11-30"
    assert period_id("weekly", monday) == "weekly:2026-W49"
    assert period_id("weekly", datetime(2027, 1, 1, tzinfo=UTC)) == "weekly:2026-W53"
    assert period_label("weekly:2026-W49") == "week 2026-W49"
