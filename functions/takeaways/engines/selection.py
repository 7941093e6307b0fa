"""Which engine summarises: the model when a key is configured, always backed by the extractive engine.

This module imports nothing heavy: ``openai`` and ``tiktoken`` are imported only when a
model engine is built, so a function without a key never pays their cold start.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from takeaways.article.model import Article
from takeaways.config import Settings, default_of
from takeaways.engines import EngineObserver, SummaryEngine, TokenBudget
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.errors import EngineFailure
from takeaways.summary import TakeawaySummary

if TYPE_CHECKING:
    from takeaways.engines.openai_engine import JsonMode


# The model settings' defaults, from their one home in takeaways.config.
_DEFAULTS = {
    name: default_of(name)
    for name in (
        "openai_model",
        "openai_json_mode",
        "openai_timeout_seconds",
        "openai_max_attempts",
        "openai_max_input_tokens",
        "openai_max_output_tokens",
    )
}


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
            return replace(summary, fallback_reason=failure.reason)


class UnavailableEngine:
    """Stands in for the model when it cannot be used at all (no key, unreadable key), so each summary says why."""

    def __init__(self, model: str, reason: str) -> None:
        self._name = f"openai:{model}"
        self._reason = reason

    @property
    def name(self) -> str:
        return self._name

    def summarise(self, article: Article) -> TakeawaySummary:
        raise EngineFailure(self._reason)


def build_engine(
    *,
    api_key: str | None,
    model: str = _DEFAULTS["openai_model"],
    base_url: str | None = None,
    json_mode: JsonMode = _DEFAULTS["openai_json_mode"],
    timeout_seconds: float = _DEFAULTS["openai_timeout_seconds"],
    max_attempts: int = _DEFAULTS["openai_max_attempts"],
    max_input_tokens: int = _DEFAULTS["openai_max_input_tokens"],
    max_output_tokens: int = _DEFAULTS["openai_max_output_tokens"],
    price_per_million: tuple[float, float] | None = None,
    remaining_seconds: Callable[[], float] = lambda: math.inf,
    observer: EngineObserver | None = None,
    budget: TokenBudget | None = None,
    http_client: Any = None,
) -> SummaryEngine:
    """The extractive engine without a key; otherwise the model engine with the extractive engine behind it.

    ``remaining_seconds`` is the invocation's time left (Lambda's context); ``budget``
    the daily token budget, checked before and charged after every call.
    """
    if not api_key:
        return ExtractiveEngine()
    from takeaways.engines.openai_engine import ModelConfig, OpenAIEngine

    config = ModelConfig(
        model=model,
        api_key=api_key,
        base_url=base_url or None,
        json_mode=json_mode,
        timeout_seconds=timeout_seconds,
        max_attempts=max_attempts,
        max_input_tokens=max_input_tokens,
        max_output_tokens=max_output_tokens,
        price_per_million=price_per_million,
    )
    primary = OpenAIEngine(
        config,
        http_client=http_client,
        observer=observer,
        budget=budget,
        remaining_seconds=remaining_seconds,
    )
    return FallbackEngine(primary, ExtractiveEngine())


def engine_from_environment(
    environ: Mapping[str, str] | None = None, *, observer: EngineObserver | None = None
) -> SummaryEngine:
    """For ``takeaways summarise --engine openai``: the variables the openai package itself reads, and ours.

    ``OPENAI_API_KEY`` (empty: every summary is extractive with ``fallback_reason``
    ``no_api_key``), ``OPENAI_BASE_URL``, ``OPENAI_MODEL``, ``OPENAI_JSON_MODE``,
    ``OPENAI_TIMEOUT_SECONDS``, ``OPENAI_MAX_ATTEMPTS``, ``OPENAI_MAX_INPUT_TOKENS``,
    ``OPENAI_MAX_OUTPUT_TOKENS`` and ``OPENAI_PRICE_PER_MILLION`` ("input,output" USD).
    """
    env = os.environ if environ is None else environ
    current = Settings.from_environ(env, local=True)  # checked as a function's settings are; raises if bad
    api_key = env.get("OPENAI_API_KEY", "")
    if not api_key:
        return FallbackEngine(UnavailableEngine(current.openai_model, "no_api_key"), ExtractiveEngine())
    return engine_for_settings(current, api_key, observer=observer)


def engine_for_settings(
    current: Settings,
    api_key: str,
    *,
    remaining_seconds: Callable[[], float] = lambda: math.inf,
    observer: EngineObserver | None = None,
    budget: TokenBudget | None = None,
) -> SummaryEngine:
    """``build_engine`` with the validated OPENAI_* settings: one place maps settings to the engine."""
    return build_engine(
        api_key=api_key,
        model=current.openai_model,
        base_url=current.openai_base_url or None,
        json_mode=current.openai_json_mode,
        timeout_seconds=current.openai_timeout_seconds,
        max_attempts=current.openai_max_attempts,
        max_input_tokens=current.openai_max_input_tokens,
        max_output_tokens=current.openai_max_output_tokens,
        price_per_million=parse_prices(current.openai_price_per_million),
        remaining_seconds=remaining_seconds,
        observer=observer,
        budget=budget,
    )


def parse_prices(text: str) -> tuple[float, float] | None:
    """``"0.15,0.60"`` (USD per million input and output tokens) as a pair; empty means the built-in table."""
    if not text.strip():
        return None
    parts = [float(part) for part in text.split(",")]
    if len(parts) != 2 or any(not math.isfinite(part) or part < 0 for part in parts):
        raise ValueError(f"expected 'input,output' USD per million tokens, got {text!r}")
    return parts[0], parts[1]
