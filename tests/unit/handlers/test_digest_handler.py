"""DigestFunction's handler: the period comes from the schedule's input; an owed digest fails the run."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from takeaways.handlers.digest import DigestsIncomplete, digest_period, fired_at, reported
from takeaways.pipeline.digest import DigestReport, SubscriberDigest


def test_the_period_is_the_schedule_s_input_and_nothing_else() -> None:
    assert digest_period({"period": "weekly"}) == "weekly"
    for event in ({}, {"period": "hourly"}, {"detail-type": "Scheduled Event"}):
        with pytest.raises(ValueError, match="names no period"):
            digest_period(event)


def test_the_window_ends_at_the_event_s_time_or_now() -> None:
    assert fired_at({"time": "2026-12-01T18:00:00Z"}) == datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    assert fired_at({"period": "daily"}) > datetime(2026, 1, 1, tzinfo=UTC)


def test_a_run_that_owes_a_digest_fails_so_that_lambda_retries_it() -> None:
    sent = SubscriberDigest("sub-a", "daily:2026-12-01", "sent", 2, 1, 1)
    failed = SubscriberDigest("sub-b", "daily:2026-12-01", "failed", error="throttled")
    assert reported(DigestReport("daily", "daily:2026-12-01", [sent]))["subscribers"][0]["status"] == "sent"
    with pytest.raises(
        DigestsIncomplete, match=r"1 digest\(s\) of daily:2026-12-01 not sent \(sub-b: throttled\)"
    ):
        reported(DigestReport("daily", "daily:2026-12-01", [sent, failed]))
