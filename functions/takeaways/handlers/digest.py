"""DigestFunction: on its schedule, every alert since the previous digest goes out on the digest topic."""

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
    """The window ends at the schedule's firing time (a manual invocation: now)."""
    deps = digest_dependencies()
    outcome = publish_digest(fired_at(event), ledger=deps.ledger, publisher=deps.publisher)
    if outcome.parts_sent:
        count(DIGESTS_PUBLISHED, outcome.parts_sent)
    logger.info("digest", extra=asdict(outcome))
    return asdict(outcome)


def fired_at(event: dict[str, Any]) -> datetime:
    try:
        fired = datetime.fromisoformat(str(event["time"]).replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return datetime.now(UTC)
    return fired if fired.tzinfo else fired.replace(tzinfo=UTC)
