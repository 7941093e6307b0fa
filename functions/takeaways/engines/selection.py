"""Which engine summarises: the model when a key is configured, always backed by the extractive engine.

This module imports nothing heavy; ``openai`` is imported only when a model engine is built.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable

from takeaways.article.model import Article
from takeaways.engines import EngineObserver, SummaryEngine, TokenBudget
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.errors import EngineFailure
from takeaways.summary import TakeawaySummary


class FallbackEngine:
    """Tries the primary engine; on any ``EngineFailure`` the fallback answers and the reason is recorded."""

    def __init__(self, primary: SummaryEngine, fallback: SummaryEngine) -> None:
        self.primary = primary
        self.fallback = fallback

    @property
    def name(self) -> str:
        return self.primary.name

    def summarise(self, article: Article) -> TakeawaySummary:
        try:
            return self.primary.summarise(article)
        except EngineFailure as failure:
            summary = self.fallback.summarise(article)
            return summary.model_copy(update={"fallback_reason": failure.reason})


class UnavailableEngine:
    """Stands in for the model when its key cannot be read, so every summary says why it fell back."""

    def __init__(self, model: str, reason: str) -> None:
        self._name = f"openai:{model}"
        self._reason = reason

    @property
    def name(self) -> str:
        return self._name

    def summarise(self, article: Article) -> TakeawaySummary:
        raise EngineFailure(self._reason)


def model_engine(
    *,
    api_key: str,
    model: str,
    base_url: str | None = None,
    json_mode: str = "json_schema",
    remaining_seconds: Callable[[], float] = lambda: math.inf,
    observer: EngineObserver | None = None,
    budget: TokenBudget | None = None,
    max_output_tokens: int = 800,
    timeout_seconds: float = 25.0,
    http_client: object = None,
) -> SummaryEngine:
    """The model engine with the extractive engine behind it."""
    from takeaways.engines.openai_engine import ModelConfig, OpenAIEngine

    config = ModelConfig(
        model=model,
        api_key=api_key,
        base_url=base_url or None,
        json_mode="json_object" if json_mode == "json_object" else "json_schema",
        max_output_tokens=max_output_tokens,
        timeout_seconds=timeout_seconds,
    )
    primary = OpenAIEngine(
        config,
        http_client=http_client,
        observer=observer,
        budget=budget,
        remaining_seconds=remaining_seconds,
    )
    return FallbackEngine(primary, ExtractiveEngine())


def engine_from_environment() -> SummaryEngine:
    """For the CLI: ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``OPENAI_MODEL`` and ``OPENAI_JSON_MODE``, as the openai package reads them."""
    api_key = os.environ.get("OPENAI_API_KEY", "")
    model = os.environ.get("OPENAI_MODEL", "gpt-4o-mini")
    if not api_key:
        return FallbackEngine(UnavailableEngine(model, "no_api_key"), ExtractiveEngine())
    return model_engine(
        api_key=api_key,
        model=model,
        base_url=os.environ.get("OPENAI_BASE_URL"),
        json_mode=os.environ.get("OPENAI_JSON_MODE", "json_schema"),
        max_output_tokens=int(os.environ.get("OPENAI_MAX_OUTPUT_TOKENS", "800")),
    )
