from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from moto import mock_aws

from takeaways.adapters.story_table import DynamoStoryLedger
from takeaways.alerts.payload import AlertPayload, AlertTakeaway
from takeaways.stories.fingerprint import story_fingerprint
from takeaways.stories.matching import StoryEntry
from tests.unit.state_table import create_state_table

TABLE = "stories"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
TEXT = "The harbour authority will dredge the main channel next spring to let larger cargo ships dock safely."


@pytest.fixture
def dynamodb() -> Iterator[object]:
    with mock_aws():
        client = boto3.client("dynamodb")
        create_state_table(client, TABLE)
        yield client


def ledger(client: object, now: datetime = NOW) -> DynamoStoryLedger:
    return DynamoStoryLedger(client, TABLE, window_seconds=3600, clock=lambda: now)  # type: ignore[arg-type]


def remember(store: DynamoStoryLedger, article_id: str, url: str | None = None) -> StoryEntry:
    entry = StoryEntry(
        story_id=article_id,
        article_id=article_id,
        alert_key=f"summaries/{article_id}.json@x",
        signature=story_fingerprint(TEXT),
        url=url,
        source_key=f"incoming/{article_id}.txt",
        headline="Channel to be dredged",
    )
    store.remember(entry)
    return entry


def test_a_remembered_story_is_found_by_its_fingerprint(dynamodb: object) -> None:
    store = ledger(dynamodb)
    entry = remember(store, "dredging-1")
    assert store.candidates(story_fingerprint(TEXT), None, "incoming/other.txt") == [entry]


def test_a_remembered_story_is_found_by_url_and_by_key_even_with_new_text(dynamodb: object) -> None:
    store = ledger(dynamodb)
    remember(store, "dredging-1", url="https://port.example/dredging")
    unrelated = story_fingerprint("Completely different words about a village fete and its cake stall.")
    assert [e.article_id for e in store.candidates(unrelated, "https://port.example/dredging", "k")] == [
        "dredging-1"
    ]
    assert [e.article_id for e in store.candidates(unrelated, None, "incoming/dredging-1.txt")] == [
        "dredging-1"
    ]
    assert store.candidates(unrelated, None, "incoming/else.txt") == []


def test_stories_are_forgotten_after_the_window(dynamodb: object) -> None:
    remember(ledger(dynamodb), "dredging-1")
    later = ledger(dynamodb, NOW + timedelta(hours=2))
    assert later.candidates(story_fingerprint(TEXT), None, "incoming/other.txt") == []


def test_the_digest_holds_the_days_alerts_in_order(dynamodb: object) -> None:
    store = ledger(dynamodb)
    for minute, article_id in ((5, "b"), (1, "a")):
        payload = AlertPayload(
            article_id=article_id,
            headline=f"Headline {article_id}",
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
        store.add_to_digest(payload, NOW + timedelta(minutes=minute))
    assert [p.article_id for p in store.digest_for("2026-11-25")] == ["a", "b"]
    assert store.digest_for("2026-11-24") == []
