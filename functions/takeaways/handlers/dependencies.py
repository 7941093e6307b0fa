"""Builds each function's collaborators once per container, from validated settings.

Lazy on purpose: importing a handler stays cheap and side-effect free, and the
local runner or a test can set the environment before the first invocation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
)
from aws_lambda_powertools.utilities.idempotency.persistence.datarecord import DataRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.adapters.clients import (
    dynamodb_client,
    s3_client,
    secretsmanager_client,
    sns_client,
    sqs_client,
)
from takeaways.adapters.delivery_claims import DynamoDeliveryClaims
from takeaways.adapters.link_keys import LinkKeys
from takeaways.adapters.recurring_lines import DynamoRecurringLines
from takeaways.adapters.s3_store import S3ArticleStore
from takeaways.adapters.sns_publisher import SnsTopicPublisher
from takeaways.adapters.spent_tokens import DynamoSpentTokens
from takeaways.adapters.story_table import DynamoStoryLedger
from takeaways.adapters.subscriber_table import DynamoSubscriberRegistry
from takeaways.config import ConfigurationError, Settings, forget_settings, settings
from takeaways.links.alert_links import IssuerFor, LinkIssuer, link_issuer
from takeaways.links.service import PreferenceLinks
from takeaways.observability import DUPLICATES_SKIPPED, ModelMetrics, count_with_reason, logger
from takeaways.pipeline.deadline import article_seconds_left
from takeaways.pipeline.naming import StageLayout

if TYPE_CHECKING:
    # Only types here: importing the engines package loads article parsing, which the
    # notify and digest functions never use, and the chat adapters are the chat function's alone.
    from takeaways.adapters.chat_channels import SecretsChatChannels
    from takeaways.adapters.chat_dead_letters import SqsChatDeadLetters
    from takeaways.adapters.webhook_http import UrllibWebhookPoster
    from takeaways.engines import SummaryEngine
    from takeaways.pipeline.summarise import RecurringLines

# The idempotency key: the same object version is processed once, however often its event arrives;
# an operator's replay carries its own id and so is processed once more.
OBJECT_KEY_PATH = "[bucket, key, etag, replay]"


@dataclass(frozen=True, slots=True)
class SummariseDependencies:
    settings: Settings
    store: S3ArticleStore
    engine: SummaryEngine
    remaining: RemainingTime
    layout: StageLayout
    persistence: DynamoDBPersistenceLayer
    idempotency: IdempotencyConfig
    recurring: RecurringLines | None


@dataclass(frozen=True, slots=True)
class NotifyDependencies:
    settings: Settings
    store: S3ArticleStore
    publisher: SnsTopicPublisher
    ledger: DynamoStoryLedger | None
    layout: StageLayout


def _mark_duplicate(response: Any, idempotent_data: DataRecord) -> Any:
    """Called by powertools when a completed key is seen again: count it and tell the handler."""
    count_with_reason(DUPLICATES_SKIPPED, "repeated_event")
    logger.info("duplicate event skipped", extra={"idempotency_key": idempotent_data.idempotency_key})
    return {**response, "duplicate": True} if isinstance(response, dict) else response


def _idempotency(current: Settings) -> tuple[DynamoDBPersistenceLayer, IdempotencyConfig]:
    persistence = DynamoDBPersistenceLayer(
        table_name=current.idempotency_table, boto3_client=dynamodb_client()
    )
    config = IdempotencyConfig(
        event_key_jmespath=OBJECT_KEY_PATH,
        raise_on_no_idempotency_key=True,
        expires_after_seconds=current.idempotency_ttl_seconds,
        response_hook=_mark_duplicate,
    )
    return persistence, config


def _layout(current: Settings) -> StageLayout:
    return StageLayout(
        incoming_prefix=current.incoming_prefix,
        summaries_prefix=current.summaries_prefix,
        rejected_prefix=current.rejected_prefix,
    )


class RemainingTime:
    """How long the work in hand has left: the invocation (the handler points this at each new
    context), or the current article's budget when that ends sooner."""

    def __init__(self) -> None:
        self.context: LambdaContext | None = None

    def __call__(self) -> float:
        invocation = math.inf if self.context is None else self.context.get_remaining_time_in_millis() / 1000
        return min(float(invocation), article_seconds_left())


def summary_engine(current: Settings, remaining: RemainingTime) -> SummaryEngine:
    """The extractive engine unless an API key is configured; the model engine is imported only then."""
    if not current.openai_api_key_secret:
        from takeaways.engines.extractive import ExtractiveEngine

        return ExtractiveEngine()
    from takeaways.adapters.secrets import ApiKeyProvider
    from takeaways.engines.extractive import ExtractiveEngine
    from takeaways.engines.keyed import KeyedModelEngine
    from takeaways.engines.selection import FallbackEngine, engine_for_settings

    budget = None
    if current.daily_token_budget and current.story_table:
        from takeaways.adapters.token_budget import DailyTokenBudget

        budget = DailyTokenBudget(
            dynamodb_client(), current.story_table, daily_limit=current.daily_token_budget
        )
    observer = ModelMetrics()

    def model_engine(api_key: str) -> SummaryEngine:
        engine = engine_for_settings(
            current, api_key, remaining_seconds=remaining, observer=observer, budget=budget
        )
        # engine_for_settings puts the extractive engine behind the model; here it sits behind the keyed engine.
        return engine.primary if isinstance(engine, FallbackEngine) else engine

    # The key is read when the first article needs it, again after secret_cache_seconds and after
    # the provider refused it: a rotation arrives in a warm container, a failed read pins nothing.
    provider = ApiKeyProvider(current.openai_api_key_secret, current.secret_cache_seconds)
    return FallbackEngine(KeyedModelEngine(provider, model_engine, current.openai_model), ExtractiveEngine())


def article_store(current: Settings) -> S3ArticleStore:
    """The bucket, signing and checking summary records when the template gives a signing key."""
    signing_key = None
    if current.summary_signing_secret:
        from takeaways.adapters.signing_key import signing_key_from_secret

        signing_key = signing_key_from_secret(current.summary_signing_secret, current.secret_cache_seconds)
    return S3ArticleStore(s3_client(), signing_key=signing_key)


def story_ledger(current: Settings) -> DynamoStoryLedger | None:
    """Story de-duplication is on when the template gives the function a story table."""
    if not current.story_table:
        return None
    return DynamoStoryLedger(
        dynamodb_client(), current.story_table, window_seconds=current.story_window_seconds
    )


def recurring_lines(current: Settings) -> RecurringLines | None:
    """Lines recurring across a source's articles are removed when the template gives a table for them."""
    if not current.recurring_line_table:
        return None
    from takeaways.pipeline.summarise import RecurringLines

    return RecurringLines(
        DynamoRecurringLines(dynamodb_client(), current.recurring_line_table),
        threshold=current.recurring_line_threshold,
    )


@cache
def summarise_dependencies() -> SummariseDependencies:
    current = settings()
    persistence, config = _idempotency(current)
    remaining = RemainingTime()
    return SummariseDependencies(
        settings=current,
        store=article_store(current),
        engine=summary_engine(current, remaining),
        remaining=remaining,
        layout=_layout(current),
        persistence=persistence,
        idempotency=config,
        recurring=recurring_lines(current),
    )


@cache
def notify_dependencies() -> NotifyDependencies:
    current = settings()
    ledger = story_ledger(current)
    if not current.alerts_topic_arn or ledger is None:
        # Without the ledger nothing records that an alert went out: a redelivered event would send it again.
        raise ConfigurationError("ALERTS_TOPIC_ARN and STORY_TABLE are required by the notify function")
    return NotifyDependencies(
        settings=current,
        store=article_store(current),
        publisher=SnsTopicPublisher(sns_client(), current.alerts_topic_arn),
        ledger=ledger,
        layout=_layout(current),
    )


@dataclass(frozen=True, slots=True)
class DigestDependencies:
    settings: Settings
    ledger: DynamoStoryLedger
    registry: DynamoSubscriberRegistry
    publisher: SnsTopicPublisher
    issuer_for: IssuerFor


@cache
def digest_dependencies() -> DigestDependencies:
    current = settings()
    ledger = story_ledger(current)
    if ledger is None or not current.subscriber_topic_arn or not current.subscriber_table:
        raise ConfigurationError(
            "STORY_TABLE, SUBSCRIBER_TABLE and SUBSCRIBER_TOPIC_ARN are required by the digest function"
        )
    return DigestDependencies(
        settings=current,
        ledger=ledger,
        registry=DynamoSubscriberRegistry(dynamodb_client(), current.subscriber_table),
        publisher=SnsTopicPublisher(sns_client(), current.subscriber_topic_arn),
        issuer_for=_issuer_for(current),
    )


@dataclass(frozen=True, slots=True)
class ChatDependencies:
    settings: Settings
    channels: SecretsChatChannels
    poster: UrllibWebhookPoster
    dead_letters: SqsChatDeadLetters
    claims: DynamoDeliveryClaims


@cache
def chat_dependencies() -> ChatDependencies:
    from takeaways.adapters.chat_channels import SecretsChatChannels
    from takeaways.adapters.chat_dead_letters import SqsChatDeadLetters
    from takeaways.adapters.webhook_http import UrllibWebhookPoster

    current = settings()
    if not current.chat_dead_letter_queue_url:
        raise ConfigurationError("CHAT_DEAD_LETTER_QUEUE_URL is required by the chat function")
    return ChatDependencies(
        settings=current,
        channels=SecretsChatChannels(current.secret_cache_seconds),
        poster=UrllibWebhookPoster(),
        dead_letters=SqsChatDeadLetters(sqs_client(), current.chat_dead_letter_queue_url),
        claims=DynamoDeliveryClaims(dynamodb_client(), current.idempotency_table),
    )


def forget_dependencies() -> None:
    """Rebuild everything on the next invocation (tests switch stacks between cases)."""
    summarise_dependencies.cache_clear()
    notify_dependencies.cache_clear()
    digest_dependencies.cache_clear()
    delivery_dependencies.cache_clear()
    preferences_dependencies.cache_clear()
    chat_dependencies.cache_clear()
    forget_settings()


@dataclass(frozen=True, slots=True)
class DeliveryDependencies:
    registry: DynamoSubscriberRegistry
    claims: DynamoDeliveryClaims
    publisher: SnsTopicPublisher
    issuer_for: IssuerFor


def link_keys(current: Settings) -> LinkKeys | None:
    if not current.link_signing_secret:
        return None
    return LinkKeys(secretsmanager_client(), current.link_signing_secret, current.secret_cache_seconds)


@cache
def delivery_dependencies() -> DeliveryDependencies:
    current = settings()
    if not current.subscriber_topic_arn or not current.subscriber_table:
        raise ConfigurationError(
            "SUBSCRIBER_TABLE and SUBSCRIBER_TOPIC_ARN are required by the delivery function"
        )
    registry = DynamoSubscriberRegistry(dynamodb_client(), current.subscriber_table)
    issuer_for = _issuer_for(current)
    return DeliveryDependencies(
        registry=registry,
        claims=DynamoDeliveryClaims(dynamodb_client(), current.idempotency_table),
        publisher=SnsTopicPublisher(sns_client(), current.subscriber_topic_arn),
        issuer_for=issuer_for,
    )


def _issuer_for(current: Settings) -> IssuerFor:
    """Each subscriber's link issuer, or None for all when there is no key or no preferences page."""
    keys = link_keys(current)

    def issuer_for(subscriber_id: str) -> LinkIssuer | None:
        if keys is None or not current.preferences_url:
            return None
        return link_issuer(keys.signing(), current.preferences_url, subscriber_id, datetime.now(UTC))

    return issuer_for


@dataclass(frozen=True, slots=True)
class PreferencesDependencies:
    links: PreferenceLinks


@cache
def preferences_dependencies() -> PreferencesDependencies:
    current = settings()
    keys = link_keys(current)
    if keys is None or not current.spent_link_table or not current.subscriber_table:
        raise ConfigurationError(
            "LINK_SIGNING_SECRET, SPENT_LINK_TABLE and SUBSCRIBER_TABLE are required by the preferences function"
        )
    from takeaways.adapters.chat_channels import AliasEndpoints, ChatChannelSubscriber
    from takeaways.adapters.link_changes import LinkChanges
    from takeaways.adapters.subscriptions import ManagedSubscriptions, StackTopics

    managed = ManagedSubscriptions(
        sns_client(),
        DynamoSubscriberRegistry(dynamodb_client(), current.subscriber_table),
        StackTopics(subscriber_topic_arn=current.subscriber_topic_arn, dead_letter_queue_arn=None),
        # A chat channel unsubscribed by its link loses its webhook secret and alias too; this function
        # only removes channels (no function ARN to make one with).
        chat=ChatChannelSubscriber(None, AliasEndpoints()),
    )
    return PreferencesDependencies(
        links=PreferenceLinks(
            keys.verifying,
            DynamoSpentTokens(dynamodb_client(), current.spent_link_table),
            LinkChanges(managed),
        )
    )
