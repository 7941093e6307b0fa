"""Test-only Lambda handlers for the runner: each message body says what to do with it.

A body is JSON ``{"outcome": ...}``: ``ok`` (default) succeeds, ``fail`` is reported in
``batchItemFailures``, ``bogus`` reports an id that is not in the batch, ``raise`` makes the
whole invocation raise, ``spin`` computes for ``seconds`` (and catches every ``Exception`` on
the way, as careless code does), ``hog`` holds ``mb`` megabytes for a moment.
"""

from __future__ import annotations

import json
import os
import time
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
        body = json.loads(record["body"])
        outcome = body.get("outcome", "ok")
        if outcome == "spin":
            _spin(float(body.get("seconds", 30)))
        if outcome == "hog":
            held = b"x" * (int(body["mb"]) * 1024 * 1024)
            del held
        if outcome == "raise":
            raise RuntimeError("this message always breaks the handler")
        if outcome == "fail":
            failures.append({"itemIdentifier": record["messageId"]})
        if outcome == "bogus":
            failures.append({"itemIdentifier": "not-a-message-of-this-batch"})
    return {"batchItemFailures": failures}


def _spin(seconds: float) -> None:
    """Python-level work (a parser on hostile input, say) that ignores every Exception."""
    finish = time.monotonic() + seconds
    total = 0
    while time.monotonic() < finish:
        try:
            total += sum(range(1000))
        except Exception:
            continue


def alternative_handler(event: dict[str, Any], context: Any) -> str:
    """Stands in for ``handler`` when a test overrides the handler path."""
    invocations.append(Invocation(event=event, context=context, environment={}, remaining_ms=0))
    return "alternative"


def notice_handler(event: dict[str, Any], context: Any) -> None:
    """An SNS-invoked handler: a message ``raise`` breaks it, anything else is taken."""
    invocations.append(Invocation(event=event, context=context, environment={}, remaining_ms=0))
    if event["Records"][0]["Sns"]["Message"] == "raise":
        raise RuntimeError("this notice always breaks the handler")
