"""DigestFunction: once a day, the day's alerts go out as one digest on the digest topic."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.handlers.dependencies import digest_dependencies
from takeaways.observability import count, logger, metrics, tracer
from takeaways.pipeline.digest import publish_digest

DIGESTS_PUBLISHED = "DigestsPublished"


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """The digest covers the UTC day of the schedule's firing, or ``detail.day`` for a manual re-run."""
    deps = digest_dependencies()
    day = digest_day(event)
    outcome = publish_digest(day, ledger=deps.ledger, publisher=deps.publisher)
    if outcome.status == "published":
        count(DIGESTS_PUBLISHED)
    logger.info("digest", extra=asdict(outcome))
    return asdict(outcome)


def digest_day(event: dict[str, Any]) -> str:
    detail = event.get("detail")
    requested = detail.get("day") if isinstance(detail, dict) else None
    if isinstance(requested, str) and requested:
        return datetime.strptime(requested, "%Y-%m-%d").date().isoformat()
    try:
        fired = datetime.fromisoformat(str(event["time"]).replace("Z", "+00:00"))
    except (KeyError, ValueError):
        fired = datetime.now(UTC)
    return fired.astimezone(UTC).date().isoformat()
