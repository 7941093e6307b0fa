"""Faults injected at each step of an alert's life: every one ends with one alert and one digest line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Literal

import pytest

from takeaways.alerts.payload import AlertPayload
from takeaways.errors import TransientFailure
from takeaways.pipeline.notify import NotifyOutcome, publish_alert
from takeaways.pipeline.ports import PublishOutcomeUnknown, PublishRefused
from takeaways.stories.ledger import AlertRecord, StorySnapshot
from takeaways.stories.memory_ledger import MemoryStoryLedger
from takeaways.stories.threads import StoryProbe
from takeaways.summary import ObjectRef
from tests.unit.pipeline.fakes import FaultyPublisher, MemoryStore, RecordingPublisher
from tests.unit.pipeline.test_stages import ARTICLE, LAYOUT, NOW, summarise

FERRY = (
    b"Ferry crossing suspended as storm nears the coast\n\n"
    b"The Saltmarsh ferry will not sail on Thursday or Friday because of gales forecast for the estuary.\n\n"
    b"The operator said 2,400 passengers with bookings would be offered refunds or later crossings.\n\n"
    b"Coastguard officers asked walkers to keep away from the sea wall at Penhallow until the weekend.\n"
)
ORCHARD = (
    b"Community orchard planted on former car park\n\n"
    b"Volunteers planted 140 apple and pear trees on the old Mill Lane car park on Sunday.\n\n"
    b"The parish council bought the site last year for 85,000 pounds with money raised by residents.\n\n"
    b"The first fruit is expected in three years, and a cider press has been promised by a local brewer.\n"
)


class FunctionKilled(BaseException):
    """What a Lambda timeout is to the code: it stops, and nothing after the current line runs."""


class SettleFails(MemoryStoryLedger):
    """The write after the publish (state and digest line) fails the first time: throttled, or killed."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error: BaseException | None = error

    def settle(
        self,
        alert_id: str,
        state: Literal["sent", "unconfirmed"],
        message_id: str | None,
        line: AlertPayload,
        at: datetime,
    ) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        super().settle(alert_id, state, message_id, line, at)


class RivalFirst(MemoryStoryLedger):
    """Runs a rival notification between this one's read of the ledger and its write: a race, made exact."""

    def __init__(self) -> None:
        super().__init__()
        self.rival: Callable[[], object] | None = None

    def snapshot(self, probe: StoryProbe) -> StorySnapshot:
        seen = super().snapshot(probe)
        if self.rival is not None:
            rival, self.rival = self.rival, None
            rival()
        return seen


def stored(store: MemoryStore, key: str = "incoming/library.txt", body: bytes = ARTICLE) -> str:
    store.objects[key] = body
    return summarise(store, key).record_key or ""


def notify(store: MemoryStore, key: str, ledger: MemoryStoryLedger, publisher: Any) -> NotifyOutcome:
    return publish_alert(
        ObjectRef(bucket="articles", key=key, etag="e1"),
        store=store,
        publisher=publisher,
        layout=LAYOUT,
        ledger=ledger,
        clock=lambda: NOW,
    )


def until_done(attempt: Callable[[], NotifyOutcome], tries: int = 5) -> list[NotifyOutcome | str]:
    """Retry as the queue would: every failure is redelivered, up to the dead-letter queue's count."""
    outcomes: list[NotifyOutcome | str] = []
    for _ in range(tries):
        try:
            outcomes.append(attempt())
            return outcomes
        except (Exception, FunctionKilled) as error:
            outcomes.append(type(error).__name__)
    return outcomes


def digest_lines(ledger: MemoryStoryLedger) -> list[str]:
    return [line.alert_id for line in ledger.digest_lines(NOW - timedelta(days=1), NOW + timedelta(days=1))]


def test_a_lost_publish_answer_is_never_sent_again_and_still_reaches_the_digest() -> None:
    store, ledger = MemoryStore(), MemoryStoryLedger()
    publisher = FaultyPublisher(PublishOutcomeUnknown, after_sending=True)
    key = stored(store)
    outcomes = until_done(lambda: notify(store, key, ledger, publisher))
    assert [o if isinstance(o, str) else o.status for o in outcomes] == ["unconfirmed"]
    assert notify(store, key, ledger, publisher).status == "already_published"
    assert len(publisher.alerts) == 1
    assert digest_lines(ledger) == [publisher.alerts[0].payload.alert_id]


def test_a_refused_publish_goes_out_on_the_next_attempt() -> None:
    store, ledger = MemoryStore(), MemoryStoryLedger()
    publisher = FaultyPublisher(PublishRefused, after_sending=False, times=2)
    key = stored(store)
    outcomes = until_done(lambda: notify(store, key, ledger, publisher))
    assert [o if isinstance(o, str) else o.status for o in outcomes] == [
        "PublishRefused",
        "PublishRefused",
        "published",
    ]
    assert len(publisher.alerts) == 1
    assert len(digest_lines(ledger)) == 1


@pytest.mark.parametrize(
    "fault", [TransientFailure("digest line write throttled"), FunctionKilled("timeout after the publish")]
)
def test_a_failure_after_the_publish_does_not_publish_again(fault: BaseException) -> None:
    store, ledger, publisher = MemoryStore(), SettleFails(fault), RecordingPublisher()
    key = stored(store)
    outcomes = until_done(lambda: notify(store, key, ledger, publisher))
    assert [o if isinstance(o, str) else o.status for o in outcomes] == [type(fault).__name__, "unconfirmed"]
    assert len(publisher.alerts) == 1
    assert len(digest_lines(ledger)) == 1


def test_a_repeat_after_completion_failed_finds_the_alert_sent() -> None:
    """The idempotency record's completion failing re-runs the whole stage: it must find the alert sent."""
    store, ledger, publisher = MemoryStore(), MemoryStoryLedger(), RecordingPublisher()
    key = stored(store)
    first = notify(store, key, ledger, publisher)
    repeat = notify(store, key, ledger, publisher)
    assert (first.status, repeat.status) == ("published", "already_published")
    assert repeat.message_id == first.message_id == "message-1"
    assert len(publisher.alerts) == 1 and len(digest_lines(ledger)) == 1


def test_a_timeout_before_the_decision_leaves_nothing_to_undo() -> None:
    store, publisher = MemoryStore(), RecordingPublisher()
    ledger = RivalFirst()
    key = stored(store)

    def killed() -> None:
        raise FunctionKilled("timeout while reading the ledger")

    ledger.rival = killed
    outcomes = until_done(lambda: notify(store, key, ledger, publisher))
    assert [o if isinstance(o, str) else o.status for o in outcomes] == ["FunctionKilled", "published"]
    assert len(publisher.alerts) == 1 and len(digest_lines(ledger)) == 1


def test_two_concurrent_notifications_of_one_story_make_one_new_alert() -> None:
    store, ledger, publisher = MemoryStore(), RivalFirst(), RecordingPublisher()
    first = stored(store, "incoming/library.txt")
    second = stored(store, "incoming/other-outlet/library.txt", ARTICLE.replace(b"on Monday", b"this Monday"))
    rival: list[NotifyOutcome] = []
    ledger.rival = lambda: rival.append(notify(store, second, ledger, publisher))
    mine = notify(store, first, ledger, publisher)
    statuses = sorted([mine.status, rival[0].status])
    assert statuses == ["duplicate_story", "published"]
    assert [a.payload.is_update for a in publisher.alerts] == [False]
    assert len(digest_lines(ledger)) == 1


def test_two_concurrent_attempts_of_one_alert_publish_it_once() -> None:
    store, ledger, publisher = MemoryStore(), RivalFirst(), RecordingPublisher()
    key = stored(store)
    rival: list[NotifyOutcome] = []
    ledger.rival = lambda: rival.append(notify(store, key, ledger, publisher))
    outcomes = until_done(lambda: notify(store, key, ledger, publisher))
    assert rival[0].status == "published"
    assert [o if isinstance(o, str) else o.status for o in outcomes] == [
        "TransientFailure",
        "already_published",
    ]
    assert len(publisher.alerts) == 1 and len(digest_lines(ledger)) == 1


def test_an_alert_carries_its_deterministic_id_in_the_json_and_the_attributes() -> None:
    store, ledger, publisher = MemoryStore(), MemoryStoryLedger(), RecordingPublisher()
    outcome = notify(store, stored(store), ledger, publisher)
    alert = publisher.alerts[0]
    assert alert.payload.alert_id == outcome.alert_id
    assert alert.attributes["alert_id"]["StringValue"] == outcome.alert_id
    assert alert.payload.thread_id == outcome.story_id


def test_alert_records_say_what_was_decided() -> None:
    store, ledger, publisher = MemoryStore(), MemoryStoryLedger(), RecordingPublisher()
    outcome = notify(store, stored(store), ledger, publisher)
    record = ledger.alert(outcome.alert_id)
    assert isinstance(record, AlertRecord)
    assert (record.state, record.relation, record.message_id) == ("sent", "new", "message-1")
