"""The subscriber registry on DynamoDB (in-process moto), in the table the template defines."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from infra.template import load_template
from takeaways.adapters.subscriber_table import FREQUENCY_INDEX, DynamoSubscriberRegistry, SubscriberExists
from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.subscription import DigestRun, SubscriberRecord

TEMPLATE = Path(__file__).resolve().parents[3] / "template.yaml"
AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def registry() -> Iterator[DynamoSubscriberRegistry]:
    table = load_template(TEMPLATE)["Resources"]["SubscriberTable"]["Properties"]
    with mock_aws():
        client: Any = boto3.client("dynamodb", region_name="us-east-1")
        client.create_table(
            TableName="subscribers",
            BillingMode="PAY_PER_REQUEST",
            **{key: table[key] for key in ("KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes")},
        )
        yield DynamoSubscriberRegistry(client, "subscribers")


def test_the_frequency_index_is_the_one_the_template_defines() -> None:
    table = load_template(TEMPLATE)["Resources"]["SubscriberTable"]["Properties"]
    assert [index["IndexName"] for index in table["GlobalSecondaryIndexes"]] == [FREQUENCY_INDEX]


def subscriber(name: str, frequency: Any = "daily") -> SubscriberRecord:
    return SubscriberRecord(
        subscriber_id=f"sub-{name}",
        protocol="email",
        endpoint=f"{name}@news.example",
        frequency=frequency,
        preferences=Preferences(topics=["sport"], muted_sources=["coastal times"], min_priority=3),
        subscription_arn="PendingConfirmation",
        created_at=AT,
        window_start=AT,
    )


def test_a_record_is_kept_whole_found_by_frequency_and_removed(registry: DynamoSubscriberRegistry) -> None:
    daily, weekly, instant = subscriber("a"), subscriber("b", "weekly"), subscriber("c", "instant")
    for record in (daily, weekly, instant):
        registry.add(record)
    with pytest.raises(SubscriberExists):
        registry.add(daily)
    assert registry.subscriber("sub-a") == daily
    assert registry.digest_subscribers("daily") == [daily]
    assert registry.digest_subscribers("weekly") == [weekly]
    assert [r.subscriber_id for r in registry.everyone()] == ["sub-a", "sub-b", "sub-c"]
    registry.set_subscription_arn("sub-a", "arn:aws:sns:us-east-1:123456789012:digest:1")
    assert registry.subscriber("sub-a") == dataclasses.replace(
        daily, subscription_arn="arn:aws:sns:us-east-1:123456789012:digest:1"
    )
    registry.remove("sub-a")
    assert registry.subscriber("sub-a") is None


def test_a_period_is_opened_once_each_part_claimed_once_and_the_window_moves_on_finish(
    registry: DynamoSubscriberRegistry,
) -> None:
    registry.add(subscriber("a"))
    run = DigestRun(period="daily:2026-12-01", since=AT, until=AT + timedelta(hours=9))
    assert registry.open_run("sub-a", run)
    assert not registry.open_run("sub-a", run)  # a second firing finds it open
    assert registry.claim_part("sub-a", run.period, 1) and not registry.claim_part("sub-a", run.period, 1)
    registry.record_part("sub-a", run.period, 1, "message-1")
    assert registry.claim_part("sub-a", run.period, 2)
    registry.forget_part("sub-a", run.period, 2)  # refused: the next run sends it
    opened = registry.subscriber("sub-a")
    assert opened is not None and opened.open_run == dataclasses.replace(run, parts={1: "message-1"})
    assert not registry.claim_part("sub-a", "daily:2026-12-02", 3)  # not the open period
    assert registry.finish_run("sub-a", run) and not registry.finish_run("sub-a", run)
    finished = registry.subscriber("sub-a")
    assert finished is not None and finished.open_run is None
    assert (finished.window_start, finished.last_period) == (run.until, run.period)
    assert not registry.open_run("sub-a", run)  # the period is done


def test_a_removed_subscriber_is_not_brought_back_by_a_late_digest_write(
    registry: DynamoSubscriberRegistry,
) -> None:
    run = DigestRun(period="daily:2026-12-01", since=AT, until=AT + timedelta(hours=9))
    assert not registry.open_run("sub-gone", run)
    assert not registry.finish_run("sub-gone", run)
    assert registry.subscriber("sub-gone") is None


def test_a_change_rewrites_frequency_preferences_and_window(registry: DynamoSubscriberRegistry) -> None:
    registry.add(subscriber("a", "instant"))
    later = AT + timedelta(days=2)
    registry.change(
        "sub-a",
        frequency="weekly",
        preferences=Preferences(muted_topics=["sport"]),
        subscription_arn="arn:aws:sns:us-east-1:123456789012:digest:9",
        window_start=later,
    )
    changed = registry.subscriber("sub-a")
    assert changed is not None and (changed.frequency, changed.window_start) == ("weekly", later)
    assert changed.preferences == Preferences(muted_topics=["sport"])
    assert registry.digest_subscribers("weekly") == [changed]


def test_no_answer_from_dynamodb_is_a_transient_failure_like_a_refusal() -> None:
    from botocore.exceptions import EndpointConnectionError

    from takeaways.errors import TransientFailure

    class Unreachable:
        def __getattr__(self, operation: str) -> Any:
            def call(**_: Any) -> Any:
                raise EndpointConnectionError(endpoint_url="https://dynamodb.example")

            return call

    with pytest.raises(TransientFailure, match="got no answer"):
        DynamoSubscriberRegistry(Unreachable(), "subscribers").subscriber("sub-a")  # type: ignore[arg-type]
