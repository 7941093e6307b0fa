"""DigestFunction: on its daily and weekly schedules, each due subscriber's digest goes out on the subscriber topic.

The schedule's input names the period (``{"period": "daily"}``); the window ends at the firing (an
event may carry ``time``, as a manual invocation for a past moment can; otherwise now). A run that
could not send some subscriber's digest fails after trying everyone else's, so Lambda retries it
and the alarm fires; what went out is never sent again.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, cast

from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.alerts.subscription import DIGEST_FREQUENCIES, DigestFrequency
from takeaways.handlers.dependencies import digest_dependencies
from takeaways.observability import DIGESTS_FAILED, DIGESTS_PUBLISHED, count, logger, metrics, tracer
from takeaways.pipeline.digest import DigestReport, publish_digests


class DigestsIncomplete(RuntimeError):
    """Some subscriber's digest could not be sent: the run fails so that it is retried."""


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    deps = digest_dependencies()
    report = publish_digests(
        digest_period(event),
        fired_at(event),
        registry=deps.registry,
        lines=deps.ledger,
        publisher=deps.publisher,
        issuer_for=deps.issuer_for,
        include_latest=event.get("include_latest") is True,  # `takeaways digest --include-latest`
    )
    return reported(report)


def reported(report: DigestReport) -> dict[str, Any]:
    """Count and log a run's outcomes; raise when a digest is still owed."""
    if report.parts_sent:
        count(DIGESTS_PUBLISHED, report.parts_sent)
    failed = report.count("failed")
    if failed:
        count(DIGESTS_FAILED, failed)
    summary = asdict(report)
    logger.info("digests", extra=summary)
    if failed:
        reasons = "; ".join(
            f"{d.subscriber_id}: {d.error}" for d in report.subscribers if d.status == "failed"
        )
        raise DigestsIncomplete(f"{failed} digest(s) of {report.period} not sent ({reasons})")
    return summary


def digest_period(event: dict[str, Any]) -> DigestFrequency:
    period = event.get("period")
    if period not in DIGEST_FREQUENCIES:
        raise ValueError(
            f"the digest's event names no period ({' or '.join(DIGEST_FREQUENCIES)}): {period!r}"
        )
    return cast(DigestFrequency, period)


def fired_at(event: dict[str, Any]) -> datetime:
    try:
        fired = datetime.fromisoformat(str(event["time"]).replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return datetime.now(UTC)
    return fired if fired.tzinfo else fired.replace(tzinfo=UTC)
