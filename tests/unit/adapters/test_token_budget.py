from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

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


def item(client: Any, day: str) -> dict[str, Any]:
    found: dict[str, Any] = client.get_item(
        TableName="state", Key={"pk": {"S": f"budget#{day}"}, "sk": {"S": "item"}}
    )
    stored: dict[str, Any] = found.get("Item", {})
    return stored


def test_each_spend_is_one_item_per_utc_day_with_a_ttl(table: Any) -> None:
    late_evening_in_new_york = datetime(2026, 11, 25, 20, 30, tzinfo=timezone(timedelta(hours=-5)))
    budget(table, late_evening_in_new_york).spend(1_200)
    stored = item(table, "2026-11-26")  # already the 26th in UTC
    assert stored["spent"] == {"N": "1200"}
    expires = int(stored["expires_at"]["N"])
    assert expires > late_evening_in_new_york.timestamp() + 24 * 3600


def test_nothing_is_written_for_a_call_that_used_no_tokens(table: Any) -> None:
    budget(table).spend(0)
    assert item(table, "2026-11-25") == {}


def test_a_budget_that_cannot_be_read_or_written_never_stops_summarising_and_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with mock_aws():
        missing = DailyTokenBudget(
            boto3.client("dynamodb"), "no-such-table", daily_limit=10, clock=lambda: NOW
        )
        assert missing.allows(1_000_000)
        missing.spend(500)  # no exception: an unrecorded spend is a small overrun
    warned = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert any("could not be read" in line for line in warned)
    assert any("500 tokens was not recorded" in line for line in warned)
