"""The digests of a period: one per due subscriber, their stories only, never twice, never lost."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from takeaways.alerts import digest as digest_module
from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.subscription import DigestRun, Frequency, SubscriberRecord
from takeaways.errors import TransientFailure
from takeaways.pipeline.digest import SETTLE_LAG, publish_digests
from takeaways.pipeline.ports import PublishOutcomeUnknown, PublishRefused
from tests.unit.alerts.test_digest import alert
from tests.unit.pipeline.fakes import FaultyPublisher, MemoryRegistry, RecordingPublisher

SUBSCRIBED = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # a Monday
DAILY = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)  # Tuesday's daily firing


class Lines:
    """Alerts as the story ledger's digest lines: each settled at a moment."""

    def __init__(self) -> None:
        self.settled: list[tuple[datetime, AlertPayload]] = []

    def add(self, at: datetime, payload: AlertPayload) -> None:
        self.settled.append((at, payload))

    def digest_lines(self, since: datetime, until: datetime) -> list[AlertPayload]:
        return [payload for at, payload in sorted(self.settled, key=lambda x: x[0]) if since < at <= until]


def subscriber(name: str, frequency: Frequency = "daily", **preferences: Any) -> SubscriberRecord:
    return SubscriberRecord(
        subscriber_id=f"sub-{name}",
        protocol="sqs",
        endpoint=f"arn:aws:sqs:us-east-1:123456789012:{name}",
        frequency=frequency,
        preferences=Preferences(**preferences),
        created_at=SUBSCRIBED,
        window_start=SUBSCRIBED,
    )


def day_of_news() -> Lines:
    lines = Lines()
    lines.add(
        SUBSCRIBED - timedelta(hours=1), alert("Before anyone subscribed", thread="old", topics=["sport"])
    )
    lines.add(
        DAILY - timedelta(hours=8), alert("Cup final goes to extra time", thread="cup", topics=["sport"])
    )
    lines.add(
        DAILY - timedelta(hours=6), alert("Port tariffs rise", thread="port", topics=["economy"], priority=4)
    )
    lines.add(
        DAILY - timedelta(hours=2),
        alert("Cup final settled on penalties", thread="cup", topics=["sport"], priority=4, update=True),
    )
    lines.add(
        DAILY - timedelta(seconds=30), alert("Too fresh for this digest", thread="fresh", topics=["sport"])
    )
    return lines


def headlines(message: Any) -> list[str]:
    return [item.headline for item in message.payload.items]


def test_a_daily_subscriber_gets_one_digest_of_their_stories_since_they_subscribed() -> None:
    registry, publisher = (
        MemoryRegistry(subscriber("sport", topics=["sport"]), subscriber("all")),
        RecordingPublisher(),
    )
    report = publish_digests("daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher)
    assert [(d.subscriber_id, d.status, d.story_count) for d in report.subscribers] == [
        ("sub-all", "sent", 2),
        ("sub-sport", "sent", 1),
    ]
    everyone, sport = publisher.alerts
    assert headlines(sport) == ["Cup final settled on penalties"]  # the story once, its latest version
    assert sport.payload.items[0].is_update and sport.payload.items[0].versions == 2
    assert headlines(everyone) == [
        "Cup final settled on penalties",
        "Port tariffs rise",
    ]  # tie: first to break
    assert sport.attributes["subscriber"]["StringValue"] == "sub-sport"
    assert registry.records["sub-sport"].window_start == DAILY - SETTLE_LAG
    assert registry.records["sub-sport"].last_period == "daily:2026-12-01"


def test_firing_the_same_period_again_sends_nothing_and_the_next_day_starts_where_it_ended() -> None:
    registry, publisher, lines = (
        MemoryRegistry(subscriber("sport", topics=["sport"])),
        RecordingPublisher(),
        day_of_news(),
    )
    publish_digests("daily", DAILY, registry=registry, lines=lines, publisher=publisher)
    again = publish_digests(
        "daily", DAILY + timedelta(minutes=5), registry=registry, lines=lines, publisher=publisher
    )
    assert [d.status for d in again.subscribers] == ["already_sent"] and len(publisher.alerts) == 1
    tomorrow = publish_digests(
        "daily", DAILY + timedelta(days=1), registry=registry, lines=lines, publisher=publisher
    )
    assert [d.status for d in tomorrow.subscribers] == ["sent"]
    assert headlines(publisher.alerts[-1]) == ["Too fresh for this digest"]  # settled after the last cut


def test_include_latest_ends_the_window_at_the_firing_so_a_story_just_settled_is_in_it() -> None:
    registry, publisher = MemoryRegistry(subscriber("sport", topics=["sport"])), RecordingPublisher()
    publish_digests(
        "daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher, include_latest=True
    )
    assert sorted(headlines(publisher.alerts[0])) == [
        "Cup final settled on penalties",
        "Too fresh for this digest",
    ]
    assert registry.records["sub-sport"].window_start == DAILY  # the next digest starts after it


def test_a_window_without_the_subscriber_s_stories_sends_nothing() -> None:
    registry, publisher = MemoryRegistry(subscriber("weather", topics=["weather"])), RecordingPublisher()
    report = publish_digests("daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher)
    assert [d.status for d in report.subscribers] == ["empty"] and publisher.alerts == []
    assert registry.records["sub-weather"].last_period == "daily:2026-12-01"


def test_a_weekly_subscriber_is_not_due_on_a_daily_firing_and_gets_the_week_on_monday() -> None:
    registry, publisher, lines = (
        MemoryRegistry(subscriber("week", "weekly")),
        RecordingPublisher(),
        day_of_news(),
    )
    daily = publish_digests("daily", DAILY, registry=registry, lines=lines, publisher=publisher)
    assert daily.subscribers == [] and publisher.alerts == []
    monday = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)
    weekly = publish_digests("weekly", monday, registry=registry, lines=lines, publisher=publisher)
    assert [(d.period, d.status, d.story_count) for d in weekly.subscribers] == [
        ("weekly:2026-W50", "sent", 3)
    ]
    assert publisher.alerts[0].subject.startswith("Takeaways weekly digest, week 2026-W50: 3 stories")


def test_a_refused_part_is_sent_by_the_next_run_in_its_own_window_and_no_part_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        digest_module, "DIGEST_BYTES_BUDGET", 9_000
    )  # small parts: three stories, three parts
    lines = Lines()
    for number, name in enumerate(["ferry", "dam", "library"]):
        lines.add(DAILY - timedelta(hours=number + 1), alert(f"Story about the {name}", thread=name))
    registry = MemoryRegistry(subscriber("all"))
    publisher = RecordingPublisher()
    refusing_second = _RefuseNth(publisher, 2)
    first = publish_digests("daily", DAILY, registry=registry, lines=lines, publisher=refusing_second)
    [failed] = first.subscribers
    assert (failed.status, failed.parts, failed.parts_sent) == ("failed", 3, 1)
    assert (
        registry.records["sub-all"].open_run is not None and registry.records["sub-all"].last_period is None
    )
    tomorrow = publish_digests(
        "daily", DAILY + timedelta(days=1), registry=registry, lines=lines, publisher=publisher
    )
    finished, today = tomorrow.subscribers
    assert (finished.period, finished.status, finished.parts_sent) == ("daily:2026-12-01", "sent", 2)
    assert (today.period, today.status) == ("daily:2026-12-02", "empty")
    assert sorted(p.payload.part for p in publisher.alerts) == [1, 2, 3]
    assert {p.payload.until for p in publisher.alerts} == {(DAILY - SETTLE_LAG).isoformat()}


def test_a_part_whose_publish_may_have_gone_out_is_never_sent_again() -> None:
    registry = MemoryRegistry(subscriber("all"))
    publisher = FaultyPublisher(PublishOutcomeUnknown, after_sending=True)
    report = publish_digests("daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher)
    assert [d.status for d in report.subscribers] == ["unconfirmed"]
    assert (
        publish_digests("daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher)
        .subscribers[0]
        .status
        == "already_sent"
    )
    assert len(publisher.alerts) == 1


def test_a_run_stopped_after_claiming_a_part_does_not_send_it_when_run_again() -> None:
    registry = MemoryRegistry(subscriber("all"))
    run = DigestRun(period="daily:2026-12-01", since=SUBSCRIBED, until=DAILY - SETTLE_LAG, parts={1: ""})
    registry.records["sub-all"] = dataclasses.replace(registry.records["sub-all"], open_run=run)
    publisher = RecordingPublisher()
    [resumed] = publish_digests(
        "daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher
    ).subscribers
    assert (resumed.status, resumed.parts, resumed.parts_sent) == ("sent", 1, 0) and publisher.alerts == []


def test_one_subscriber_s_failure_costs_no_other_subscriber_their_digest() -> None:
    class FlakyRegistry(MemoryRegistry):
        def open_run(self, subscriber_id: str, run: DigestRun) -> bool:
            if subscriber_id == "sub-a":
                raise TransientFailure("throttled")
            return super().open_run(subscriber_id, run)

    registry, publisher = FlakyRegistry(subscriber("a"), subscriber("b")), RecordingPublisher()
    report = publish_digests("daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher)
    assert [(d.subscriber_id, d.status) for d in report.subscribers] == [
        ("sub-a", "failed"),
        ("sub-b", "sent"),
    ]
    assert report.count("failed") == 1 and len(publisher.alerts) == 1


def test_a_run_that_loses_the_race_to_open_the_period_sends_nothing() -> None:
    class RacedRegistry(MemoryRegistry):
        def open_run(self, subscriber_id: str, run: DigestRun) -> bool:
            super().open_run(subscriber_id, run)  # the other invocation opened it ...
            self.finish_run(subscriber_id, run)  # ... and finished it
            return False

    registry, publisher = RacedRegistry(subscriber("a")), RecordingPublisher()
    report = publish_digests("daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher)
    assert [d.status for d in report.subscribers] == ["already_sent"] and publisher.alerts == []


class _RefuseNth:
    """Publishes through ``inner`` but refuses the n-th publish of this run."""

    def __init__(self, inner: RecordingPublisher, n: int) -> None:
        self.inner, self.n, self.calls = inner, n, 0

    def publish(self, message: Any) -> str:
        self.calls += 1
        if self.calls == self.n:
            raise PublishRefused("throttled")
        return self.inner.publish(message)


def test_each_digest_carries_its_subscriber_s_own_frequency_and_unsubscribe_links() -> None:
    from urllib.parse import parse_qs, urlsplit

    from takeaways.links.alert_links import link_issuer
    from takeaways.links.tokens import read_token

    key = b"k" * 40
    registry, publisher = MemoryRegistry(subscriber("all")), RecordingPublisher()
    publish_digests(
        "daily",
        DAILY,
        registry=registry,
        lines=day_of_news(),
        publisher=publisher,
        issuer_for=lambda subscriber_id: link_issuer(key, "https://prefs.example/", subscriber_id, DAILY),
    )
    [digest] = publisher.alerts
    links = digest.payload.preference_links
    assert [link.change for link in links] == ["frequency", "frequency", "unsubscribe"]
    assert {link.value for link in links if link.change == "frequency"} == {"instant", "weekly"}
    for link in links:
        claim = read_token(parse_qs(urlsplit(link.url).query)["token"][0], [key], now=DAILY)
        assert (claim.subscriber_id, claim.action) == ("sub-all", link.change)
        assert link.url in digest.email
    # Without a key the digest still goes out, without links.
    registry, publisher = MemoryRegistry(subscriber("all")), RecordingPublisher()
    publish_digests("daily", DAILY, registry=registry, lines=day_of_news(), publisher=publisher)
    assert (
        publisher.alerts[0].payload.preference_links == []
        and "Manage your alerts" not in publisher.alerts[0].email
    )
