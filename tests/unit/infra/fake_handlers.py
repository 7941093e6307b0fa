"""Test-only Lambda handlers for the runner: each message body says what to do with it.

A body is JSON ``{"outcome": ...}``: ``ok`` (default) succeeds, ``fail`` is reported in
``batchItemFailures``, ``bogus`` reports an id that is not in the batch, ``raise`` makes the
whole invocation raise.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

WATCHED_VARIABLES = ("SHARED_SETTING", "OWN_SETTING", "WORK_QUEUE_URL")


@dataclass(frozen=True)
class Invocation:
    event: dict[str, Any]
    context: Any
    environment: dict[str, str | None]
    remaining_ms: int

    @property
    def bodies(self) -> list[str]:
        return [record["body"] for record in self.event["Records"]]


invocations: list[Invocation] = []


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    invocations.append(
        Invocation(
            event=event,
            context=context,
            environment={name: os.environ.get(name) for name in WATCHED_VARIABLES},
            remaining_ms=context.get_remaining_time_in_millis(),
        )
    )
    failures = []
    for record in event.get("Records", []):
        outcome = json.loads(record["body"]).get("outcome", "ok")
        if outcome == "raise":
            raise RuntimeError("this message always breaks the handler")
        if outcome == "fail":
            failures.append({"itemIdentifier": record["messageId"]})
        if outcome == "bogus":
            failures.append({"itemIdentifier": "not-a-message-of-this-batch"})
    return {"batchItemFailures": failures}


def alternative_handler(event: dict[str, Any], context: Any) -> str:
    """Stands in for ``handler`` when a test overrides the handler path."""
    invocations.append(Invocation(event=event, context=context, environment={}, remaining_ms=0))
    return "alternative"
