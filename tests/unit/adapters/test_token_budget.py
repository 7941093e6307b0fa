from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from moto import mock_aws

from takeaways.adapters.token_budget import DailyTokenBudget
from tests.unit.state_table import create_state_table

NOW = datetime(2026, 11, 25, 23, 0, tzinfo=UTC)


@pytest.fixture
def table() -> Iterator[object]:
    with mock_aws():
        client = boto3.client("dynamodb")
        create_state_table(client, "state")
        yield client


def budget(client: object, now: datetime = NOW, limit: int = 10_000) -> DailyTokenBudget:
    return DailyTokenBudget(client, "state", daily_limit=limit, clock=lambda: now)  # type: ignore[arg-type]


def test_spending_accumulates_until_the_limit(table: object) -> None:
    first, second = budget(table), budget(table)  # two containers share one count
    assert first.allows(6_000)
    first.spend(6_000)
    second.spend(3_000)
    assert first.allows(1_000)
    assert not first.allows(1_001)


def test_a_new_day_starts_a_new_budget(table: object) -> None:
    budget(table).spend(10_000)
    assert not budget(table).allows(1)
    assert budget(table, NOW + timedelta(hours=2)).allows(10_000)
