from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from moto import mock_aws

from takeaways.adapters.story_table import DynamoStoryLedger
from takeaways.alerts.payload import AlertPayload, AlertTakeaway
from takeaways.stories.fingerprint import story_fingerprint
from takeaways.stories.ledger import AlertRecord, LedgerConflict
from takeaways.stories.terms import term_vector
from takeaways.stories.threads import StoryProbe, decide_story
from tests.unit.state_table import create_state_table

TABLE = "stories"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
WINDOW = timedelta(hours=1)
TEXT = "The harbour authority will dredge the main channel at Port Kessel next spring to let larger cargo ships dock."
OTHER = "Completely different words about a village fete, its cake stall and a tombola at Ashby Parva."


@pytest.fixture
def dynamodb() -> Iterator[object]:
    with mock_aws():
        client = boto3.client("dynamodb")
        create_state_table(client, TABLE)
        yield client


def ledger(client: object, now: datetime = NOW) -> DynamoStoryLedger:
    return DynamoStoryLedger(client, TABLE, window_seconds=3600, clock=lambda: now)  # type: ignore[arg-type]


def probe(text: str, number: int, url: str | None = None, key: str | None = None) -> StoryProbe:
    return StoryProbe(
        entry_id=f"alert-{number}",
        article_id=f"article-{number}",
        at=NOW,
        signature=story_fingerprint(text),
        vector=term_vector([text]),
        url=url,
        source_key=key or f"incoming/{number}.txt",
        outlet=f"outlet {number}",
        headline=text[:40],
        summary=text,
        takeaways=[text],
    )


def record(store: DynamoStoryLedger, told: StoryProbe) -> AlertRecord:
    snapshot = store.snapshot(told)
    decision = decide_story(told, snapshot.candidates, snapshot.threads, window=WINDOW)
    alert = AlertRecord.deciding(told.entry_id, told.article_id, decision, NOW)
    store.record_decision(told, decision, alert, snapshot)
    return alert


def line(alert_id: str) -> AlertPayload:
    return AlertPayload(
        article_id=alert_id.replace("alert", "article"),
        alert_id=alert_id,
        headline=f"Headline {alert_id}",
        summary="s",
        takeaways=[AlertTakeaway(text="t", evidence=[0])],
        topics=[],
        entities=[],
        priority=2,
        language="en",
        source=None,
        url=None,
        published=None,
        engine="extractive",
        fallback_reason=None,
        summary_object="s3://b/k",
        summarised_at=NOW,
    )


def test_a_recorded_story_is_found_by_its_terms_and_a_copy_is_its_duplicate(dynamodb: object) -> None:
    store = ledger(dynamodb)
    first = record(store, probe(TEXT, 1))
    assert [e.entry_id for e in store.snapshot(probe(TEXT, 2)).candidates] == ["alert-1"]
    second = record(store, probe(TEXT, 2))
    assert (first.relation, second.relation, second.story_id) == ("new", "duplicate", first.story_id)
    assert (second.state, second.outlet_count) == ("duplicate", 2)
    assert store.alert("alert-2") == second


def _forget(dynamodb: object, attribute: str) -> None:
    dynamodb.update_item(  # type: ignore[attr-defined]
        TableName=TABLE,
        Key={"pk": {"S": "entry#alert-1"}, "sk": {"S": "item"}},
        UpdateExpression=f"REMOVE {attribute}",
    )


def test_an_entry_keeps_its_sentence_sketches_and_one_stored_without_them_reads_as_none(
    dynamodb: object,
) -> None:
    store = ledger(dynamodb)
    sketches = ((7,) * 8, (3_000_000_000, 1, 2, 3, 4, 5, 6, 4_294_967_295))
    record(store, replace(probe(TEXT, 1), sentences=sketches))
    [entry] = store.snapshot(probe(TEXT, 2)).candidates
    assert entry.sentences == sketches
    _forget(dynamodb, "sentences")  # as an entry stored before sketches were kept
    assert store.snapshot(probe(TEXT, 2)).candidates[0].sentences == ()


def test_an_entry_keeps_each_sentence_s_figures_key_and_one_stored_before_the_keys_reads_without_them(
    dynamodb: object,
) -> None:
    store = ledger(dynamodb)
    sketches = ((7,) * 8 + (0,), (1, 2, 3, 4, 5, 6, 7, 8, 4_294_967_295))
    record(store, replace(probe(TEXT, 1), sentences=sketches))
    [entry] = store.snapshot(probe(TEXT, 2)).candidates
    assert entry.sentences == sketches
    _forget(dynamodb, "figures")  # as an entry stored before figures were kept
    assert store.snapshot(probe(TEXT, 2)).candidates[0].sentences == tuple(sketch[:8] for sketch in sketches)


def test_a_story_is_found_by_url_and_by_key_even_with_new_text(dynamodb: object) -> None:
    store = ledger(dynamodb)
    record(store, probe(TEXT, 1, url="https://port.example/dredging"))
    by_url = probe(OTHER, 2, url="https://port.example/dredging")
    by_key = probe(OTHER, 3, key="incoming/1.txt")
    assert [e.entry_id for e in store.snapshot(by_url).candidates] == ["alert-1"]
    assert [e.entry_id for e in store.snapshot(by_key).candidates] == ["alert-1"]
    assert store.snapshot(probe(OTHER, 4)).candidates == []


def test_a_decision_made_on_what_a_rival_has_since_changed_is_refused(dynamodb: object) -> None:
    store = ledger(dynamodb)
    mine, rival = probe(TEXT, 1), probe(TEXT, 2)
    seen = store.snapshot(mine)
    record(store, rival)
    decision = decide_story(mine, seen.candidates, seen.threads, window=WINDOW)
    assert decision.relation == "new"  # what it would wrongly be, on what it read
    with pytest.raises(LedgerConflict):
        store.record_decision(
            mine, decision, AlertRecord.deciding("alert-1", "article-1", decision, NOW), seen
        )
    assert record(store, mine).relation == "duplicate"


def test_stories_are_forgotten_after_the_window(dynamodb: object) -> None:
    record(ledger(dynamodb), probe(TEXT, 1))
    later = ledger(dynamodb, NOW + timedelta(hours=26))
    assert later.snapshot(probe(TEXT, 2)).candidates == []


def test_an_alert_settles_once_with_its_digest_line(dynamodb: object) -> None:
    store = ledger(dynamodb)
    record(store, probe(TEXT, 1))
    store.settle("alert-1", "sent", "m-1", line("alert-1"), NOW)
    with pytest.raises(LedgerConflict):
        store.settle("alert-1", "sent", "m-2", line("alert-1"), NOW + timedelta(seconds=1))
    assert (store.alert("alert-1") or record(store, probe(TEXT, 9))).message_id == "m-1"
    lines = store.digest_lines(NOW - timedelta(hours=1), NOW + timedelta(hours=1))
    assert [p.alert_id for p in lines] == ["alert-1"]


def test_a_refused_alert_is_failed_then_pending_again(dynamodb: object) -> None:
    store = ledger(dynamodb)
    alert = record(store, probe(TEXT, 1))
    store.mark_failed("alert-1")
    assert (store.alert("alert-1") or alert).state == "failed"
    assert store.reopen(alert, NOW).state == "pending"
    with pytest.raises(LedgerConflict):
        store.reopen(alert, NOW)


def test_digest_lines_are_those_of_the_window_oldest_first_across_days(dynamodb: object) -> None:
    store = ledger(dynamodb)
    third = (
        "Night buses on route 9 to Wexcombe will run every twenty minutes from January, the operator said."
    )
    for number, (text, moment) in enumerate(
        [(TEXT, NOW), (OTHER, NOW + timedelta(hours=13)), (third, NOW - timedelta(hours=2))], start=1
    ):
        record(store, probe(text, number))
        store.settle(f"alert-{number}", "sent", "m", line(f"alert-{number}"), moment)
    window = store.digest_lines(NOW - timedelta(hours=1), NOW + timedelta(hours=14))
    assert [p.alert_id for p in window] == ["alert-1", "alert-2"]


def test_keys_a_throttled_batch_read_leaves_are_asked_again_and_a_read_that_never_completes_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typing import Any

    from takeaways.errors import TransientFailure

    monkeypatch.setattr("takeaways.adapters.story_table.time.sleep", lambda seconds: None)

    class Throttled:
        def __init__(self, rounds_unprocessed: int) -> None:
            self.left, self.calls = rounds_unprocessed, 0

        def batch_get_item(self, RequestItems: Any) -> Any:  # noqa: N803 (boto3's own name)
            self.calls += 1
            if self.left:
                self.left -= 1
                return {"Responses": {"stories": []}, "UnprocessedKeys": RequestItems}
            return {"Responses": {"stories": [{"pk": {"S": "thread#a"}}]}}

    client = Throttled(rounds_unprocessed=2)
    ledger = DynamoStoryLedger(client, "stories", window_seconds=3600)  # type: ignore[arg-type]
    assert ledger._batch_get(["thread#a"]) == [{"pk": {"S": "thread#a"}}] and client.calls == 3
    never = DynamoStoryLedger(Throttled(rounds_unprocessed=99), "stories", window_seconds=3600)  # type: ignore[arg-type]
    with pytest.raises(TransientFailure, match="unread"):
        never._batch_get(["thread#a"])
