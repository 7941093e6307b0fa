"""EventBridge schedules, fired by hand against a deployed stack: moto runs no rule targets.

``fire`` invokes a function with the event an EventBridge schedule delivers; callers decide
when (the demo fires the feed poller once, ``make up`` every few seconds: time compressed,
as the event source runner compresses queue retries).

    scheduler = ScheduleRunner(runner)
    scheduler.fire("FeedPollerFunction")
    scheduler.fire("DigestFunction", "Weekly")   # the weekly digest, now
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from infra.event_sources import EventSourceRunner
from infra.local_stack import ScheduleEventSource


class ScheduleRunner:
    """Fires the Schedule events of a stack's functions through the event source runner."""

    def __init__(self, runner: EventSourceRunner) -> None:
        self.runner = runner
        self.stack = runner.stack

    def schedule(self, function_id: str, event_id: str | None = None) -> ScheduleEventSource:
        """The function's Schedule event (the one named ``event_id`` when it has several)."""
        for source in self.stack.schedules:
            if source.function_id == function_id and event_id in (None, source.event_id):
                return source
        raise KeyError(f"{function_id} has no Schedule event {event_id or ''} in the template")

    def fire(self, function_id: str, event_id: str | None = None, *, at: datetime | None = None) -> Any:
        """One firing of the function's schedule: the handler's answer."""
        source = self.schedule(function_id, event_id)
        return self.runner.invoke(
            function_id, scheduled_event(self.stack.region, self.stack.account_id, source, at)
        )


def scheduled_event(
    region: str, account_id: str, source: ScheduleEventSource, at: datetime | None = None
) -> dict[str, Any]:
    """What EventBridge sends to a schedule's target: the rule's constant input, or its 'Scheduled Event'."""
    if source.input is not None:
        constant: dict[str, Any] = json.loads(source.input)
        return constant
    fired = (at or datetime.now(UTC)).astimezone(UTC)
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": account_id,
        "time": fired.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": region,
        "resources": [f"arn:aws:events:{region}:{account_id}:rule/{source.function_id}{source.event_id}"],
        "detail": {},
    }
