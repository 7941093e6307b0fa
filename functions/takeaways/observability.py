"""Logger, metrics and tracer, created once and shared by every module of a function.

Metric names are constants here so the dashboard in template.yaml and the code
agree on one spelling.
"""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit, single_metric

SERVICE = "takeaways"
NAMESPACE = "Takeaways"

logger = Logger(service=SERVICE)
metrics = Metrics(service=SERVICE, namespace=NAMESPACE)
tracer = Tracer(service=SERVICE)

ARTICLES_RECEIVED = "ArticlesReceived"
SUMMARIES_WRITTEN = "SummariesWritten"
ALERTS_PUBLISHED = "AlertsPublished"
INPUTS_REJECTED = "InputsRejected"
DUPLICATES_SKIPPED = "DuplicatesSkipped"
EVENTS_IGNORED = "EventsIgnored"
ENGINE_FALLBACKS = "EngineFallbacks"
END_TO_END_LATENCY = "EndToEndLatency"


def count(name: str, value: float = 1, unit: MetricUnit = MetricUnit.Count) -> None:
    """Add to a metric of the current invocation."""
    metrics.add_metric(name=name, unit=unit, value=value)


def count_with_reason(name: str, reason: str) -> None:
    """Emit a metric with a ``reason`` dimension in its own EMF blob.

    Powertools dimensions apply to a whole flush, so a per-reason count needs a
    single-metric context to keep the function-wide dimensions clean.
    """
    with single_metric(
        name=name,
        unit=MetricUnit.Count,
        value=1,
        namespace=NAMESPACE,
        default_dimensions={"service": SERVICE},
    ) as metric:
        metric.add_dimension(name="reason", value=reason)
