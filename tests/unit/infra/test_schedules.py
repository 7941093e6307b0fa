from datetime import UTC, datetime

from infra.local_stack import DeployedStack
from infra.schedules import scheduled_event


def test_schedule_events_are_kept_for_the_local_runner_to_fire(takeaways_stack: DeployedStack) -> None:
    schedules = {(s.function_id, s.event_id): s.expression for s in takeaways_stack.schedules}
    assert schedules == {
        ("FeedPollerFunction", "Poll"): "rate(5 minutes)",
        ("DigestFunction", "Daily"): "cron(0 18 * * ? *)",
        ("DigestFunction", "Weekly"): "cron(0 7 ? * MON *)",
    }


def test_a_schedule_with_a_constant_input_delivers_that_input_as_eventbridge_does(
    takeaways_stack: DeployedStack,
) -> None:
    weekly = [
        s for s in takeaways_stack.schedules if (s.function_id, s.event_id) == ("DigestFunction", "Weekly")
    ]
    assert scheduled_event("us-east-1", "123456789012", weekly[0]) == {"period": "weekly"}


def test_a_fired_schedule_looks_like_eventbridges_scheduled_event(takeaways_stack: DeployedStack) -> None:
    (poller,) = [source for source in takeaways_stack.schedules if source.function_id == "FeedPollerFunction"]
    event = scheduled_event("us-east-1", "123456789012", poller, datetime(2026, 12, 2, 5, 0, tzinfo=UTC))
    assert (event["detail-type"], event["source"], event["time"]) == (
        "Scheduled Event",
        "aws.events",
        "2026-12-02T05:00:00Z",
    )
    assert event["resources"] == ["arn:aws:events:us-east-1:123456789012:rule/FeedPollerFunctionPoll"]
