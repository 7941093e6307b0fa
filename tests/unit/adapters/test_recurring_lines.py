"""The recurring-line table in moto: distinct articles counted once each, capped, and expiring."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import BotoCoreError
from moto import mock_aws

from infra.template import load_template
from takeaways.adapters.recurring_lines import MAX_ARTICLES, RETENTION_SECONDS, DynamoRecurringLines
from takeaways.errors import TransientFailure
from tests.unit.infra.conftest import TEMPLATE

TABLE = "recurring-lines"
NOW = 1_790_000_000.0
SCOPE = "source:coastal times"
FOOTER, PITCH, STORY_LINE = "f" * 32, "p" * 32, "s" * 32


@pytest.fixture
def dynamodb() -> Iterator[Any]:
    """A table with the template's own key schema."""
    properties = load_template(TEMPLATE)["Resources"]["RecurringLineTable"]["Properties"]
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        client.create_table(
            TableName=TABLE,
            KeySchema=properties["KeySchema"],
            AttributeDefinitions=properties["AttributeDefinitions"],
            BillingMode=properties["BillingMode"],
        )
        yield client


def lines(client: Any, now: float = NOW) -> DynamoRecurringLines:
    return DynamoRecurringLines(client, TABLE, clock=lambda: now)


def test_each_line_counts_the_distinct_articles_that_carried_it(dynamodb: Any) -> None:
    store = lines(dynamodb)
    store.record(SCOPE, [FOOTER, PITCH], "dredging")
    store.record(SCOPE, [FOOTER, PITCH, STORY_LINE], "school-roof")
    store.record(SCOPE, [FOOTER], "ferry")
    assert store.seen_in(SCOPE, [FOOTER, PITCH, STORY_LINE, "n" * 32], "lifeboat") == {
        FOOTER: 3,
        PITCH: 2,
        STORY_LINE: 1,
    }


def test_a_retry_of_the_same_article_does_not_count_twice(dynamodb: Any) -> None:
    store = lines(dynamodb)
    for _ in range(3):
        store.record(SCOPE, [FOOTER], "dredging")
    store.record(SCOPE, [FOOTER], "ferry")
    assert store.seen_in(SCOPE, [FOOTER], "lifeboat") == {FOOTER: 2}
    # Asked by one of those articles (a replay), it is not counted against itself.
    assert store.seen_in(SCOPE, [FOOTER], "ferry") == {FOOTER: 1}


def test_sources_are_counted_apart(dynamodb: Any) -> None:
    store = lines(dynamodb)
    for article_id in ("a", "b", "c"):
        store.record(SCOPE, [FOOTER], article_id)
    assert store.seen_in("feed:kestrel-daily", [FOOTER], "d") == {}


def test_the_set_of_articles_stops_growing_at_its_cap_and_the_line_stays_known(dynamodb: Any) -> None:
    store = lines(dynamodb)
    for number in range(MAX_ARTICLES + 5):
        store.record(SCOPE, [FOOTER], f"article-{number}")
    assert store.seen_in(SCOPE, [FOOTER], "another") == {FOOTER: MAX_ARTICLES}
    later = lines(dynamodb, NOW + 1000)
    later.record(SCOPE, [FOOTER], "one-more")
    item = dynamodb.get_item(TableName=TABLE, Key={"scope": {"S": SCOPE}, "line": {"S": FOOTER}})["Item"]
    assert len(item["articles"]["SS"]) == MAX_ARTICLES
    assert int(item["expires_at"]["N"]) == int(NOW + 1000) + RETENTION_SECONDS


def test_a_line_not_seen_for_the_retention_period_is_forgotten_before_the_ttl_deletes_it(
    dynamodb: Any,
) -> None:
    lines(dynamodb).record(SCOPE, [FOOTER], "dredging")
    assert lines(dynamodb, NOW + RETENTION_SECONDS - 1).seen_in(SCOPE, [FOOTER], "x") == {FOOTER: 1}
    assert lines(dynamodb, NOW + RETENTION_SECONDS + 1).seen_in(SCOPE, [FOOTER], "x") == {}


def test_more_fingerprints_than_one_batch_read_are_all_answered(dynamodb: Any) -> None:
    store = lines(dynamodb)
    many = [f"{number:032x}" for number in range(130)]
    store.record(SCOPE, many, "dredging")
    assert store.seen_in(SCOPE, many, "lifeboat") == dict.fromkeys(many, 1)


def test_a_table_that_cannot_be_reached_is_a_transient_failure() -> None:
    unreachable = boto3.client(
        "dynamodb",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"max_attempts": 1}, connect_timeout=1),
    )
    store = lines(unreachable)
    for attempt in (lambda: store.seen_in(SCOPE, [FOOTER], "a"), lambda: store.record(SCOPE, [FOOTER], "a")):
        with pytest.raises(TransientFailure) as raised:
            attempt()
        assert isinstance(raised.value.__cause__, BotoCoreError)
