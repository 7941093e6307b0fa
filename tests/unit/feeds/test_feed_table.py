from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from takeaways.adapters.feed_table import DynamoFeedTable
from takeaways.feeds.limits import CLAIM_EXPIRY_SECONDS
from takeaways.feeds.model import Feed, FeedState
from tests.unit.state_table import create_state_table

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
KEYS = ["guid:abc:herald-1", "url:https://cityherald.example/tram"]


@pytest.fixture
def table() -> Iterator[DynamoFeedTable]:
    with mock_aws():
        client: Any = boto3.client("dynamodb", region_name="us-east-1")
        create_state_table(client, "feeds")
        yield DynamoFeedTable(client, "feeds")


def test_feeds_are_added_listed_with_their_state_and_removed(table: DynamoFeedTable) -> None:
    feed = Feed(
        url="https://cityherald.example/rss", source="City Herald", topics=("economy",), language="en"
    )
    table.put_feed(feed)
    state = FeedState(etag='"v1"', failures=2, next_poll_at=NOW, last_error="timeout: slow")
    table.save_state(feed.feed_id, state)
    (record,) = table.feeds()
    assert record.feed == feed and record.state == state
    assert table.remove_feed(feed.feed_id) and not table.remove_feed(feed.feed_id)
    table.save_state(feed.feed_id, state)  # a poll finishing after the removal does not bring it back
    assert table.feeds() == []


def test_an_entry_is_claimed_once_until_released(table: DynamoFeedTable) -> None:
    assert table.claim(KEYS, now=NOW) == 1
    assert table.claim(KEYS, now=NOW) is None
    assert table.claim(KEYS[1:], now=NOW) is None  # the same URL from another feed
    table.release(KEYS)
    assert table.claim(KEYS, now=NOW) == 2
    table.finish(KEYS, "article", article_key="incoming/feeds/city-herald/tram.json")
    assert table.claim(KEYS, now=NOW + timedelta(days=1)) is None


def test_a_claim_left_by_a_poller_that_died_can_be_taken_over(table: DynamoFeedTable) -> None:
    assert table.claim(KEYS, now=NOW) == 1
    assert table.claim(KEYS, now=NOW + timedelta(seconds=CLAIM_EXPIRY_SECONDS - 1)) is None
    assert table.claim(KEYS, now=NOW + timedelta(seconds=CLAIM_EXPIRY_SECONDS + 1)) == 2


def test_claiming_is_all_or_nothing(table: DynamoFeedTable) -> None:
    table.claim(KEYS[1:], now=NOW)
    table.finish(KEYS[1:], "article")
    assert table.claim(KEYS, now=NOW) is None
    assert table.claim(KEYS[:1], now=NOW) == 1  # the GUID was not taken by the failed claim


def test_finished_keys_are_found_in_one_read_and_pending_ones_are_not(table: DynamoFeedTable) -> None:
    many = [f"url:https://cityherald.example/story-{n}" for n in range(150)]
    for key in many[:120]:
        table.claim([key], now=NOW)
    table.finish(many[:100], "article")
    assert table.finished(many) == set(many[:100])
