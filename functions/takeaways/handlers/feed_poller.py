"""FeedPollerFunction: on its schedule, every due feed is fetched and its new entries become articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.adapters.clients import dynamodb_client, s3_client
from takeaways.adapters.feed_articles import S3FeedArticleSink
from takeaways.adapters.feed_table import DynamoFeedTable
from takeaways.config import ConfigurationError, Settings, settings
from takeaways.feeds.fetch import Fetcher
from takeaways.feeds.poller import FeedPoller, PollReport
from takeaways.feeds.urls import AddressPolicy
from takeaways.observability import (
    FEED_ARTICLES,
    FEED_DUPLICATES,
    FEED_REJECTIONS,
    FEED_STORE_FAILURES,
    FEEDS_FAILING,
    FEEDS_POLLED,
    FEEDS_SUSPENDED,
    count,
    count_with_reason,
    logger,
    metrics,
    tracer,
)

# Stop starting new fetches when less time than this is left: one page fetch (10 s) plus its writes fits.
_STOP_MARGIN_MS = 20_000


@dataclass(frozen=True, slots=True)
class FeedPollerDependencies:
    settings: Settings
    table: DynamoFeedTable
    sink: S3FeedArticleSink
    fetcher: Fetcher


@cache
def feed_poller_dependencies() -> FeedPollerDependencies:
    """Built once per container: robots.txt rules and host pacing then carry over between polls."""
    current = settings()
    if not current.feed_table:
        raise ConfigurationError("invalid function configuration: feed_table: required by the feed poller")
    return FeedPollerDependencies(
        settings=current,
        table=DynamoFeedTable(dynamodb_client(), current.feed_table),
        sink=S3FeedArticleSink(s3_client(), current.articles_bucket),
        fetcher=Fetcher(AddressPolicy(allow_loopback=current.fetch_allow_loopback)),
    )


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    deps = feed_poller_dependencies()
    poller = FeedPoller(
        registry=deps.table,
        ledger=deps.table,
        sink=deps.sink,
        fetcher=deps.fetcher,
        clock=lambda: datetime.now(UTC),
        incoming_prefix=deps.settings.incoming_prefix,
        rejected_prefix=deps.settings.rejected_prefix,
        out_of_time=lambda: context.get_remaining_time_in_millis() < _STOP_MARGIN_MS,
    )
    report = poller.poll_due()
    _record(report)
    return summary(report)


def summary(report: PollReport) -> dict[str, Any]:
    return {
        "feeds_due": report.feeds_due,
        "feeds_not_modified": report.feeds_not_modified,
        "feeds_failed": report.feeds_failed,
        "feeds_failing": report.feeds_failing,
        "feeds_suspended": report.feeds_suspended,
        "entries_new": report.entries_new,
        "articles": len(report.articles),
        "duplicates": report.duplicates,
        "retries": report.retries,
        "deferred": report.deferred,
        "store_failures": report.store_failures,
        "rejected": dict(report.rejected),
    }


def _record(report: PollReport) -> None:
    count(FEEDS_POLLED, report.feeds_due)
    count(FEED_ARTICLES, len(report.articles))
    count(FEED_DUPLICATES, report.duplicates)
    count(FEED_STORE_FAILURES, report.store_failures)
    # A gauge: the alarm fires while any feed keeps failing, and clears when it recovers or is removed.
    count(FEEDS_FAILING, report.feeds_failing)
    count(FEEDS_SUSPENDED, report.feeds_suspended)
    for reason, number in report.rejected.items():
        for _ in range(number):
            count_with_reason(FEED_REJECTIONS, reason)
    # A poll with no feed due and none failing is the common case (the schedule runs every few minutes):
    # the metrics still count it, and the log keeps to the polls that fetched something or found trouble.
    trouble = report.feeds_failing or report.feeds_suspended or report.store_failures or report.rejected
    log = logger.info if report.feeds_due or trouble else logger.debug
    log("feeds polled", extra=summary(report) | {"article_keys": report.articles[:50]})
