"""Summary engines: each turns an ``Article`` into a ``TakeawaySummary``."""

from __future__ import annotations

from typing import Protocol

from takeaways.article.model import Article
from takeaways.summary import TakeawaySummary


class SummaryEngine(Protocol):
    """What the pipeline needs from an engine."""

    @property
    def name(self) -> str:
        """The value recorded as ``engine`` in the summary, e.g. ``extractive``."""
        ...

    def summarise(self, article: Article) -> TakeawaySummary:
        """Summarise one article; raise ``EngineFailure`` when no usable answer is possible."""
        ...


class EngineObserver(Protocol):
    """Where the model engine reports outcomes and spending (metrics, in the functions)."""

    def outcome(self, reason: str) -> None: ...

    def usage(self, prompt_tokens: int, completion_tokens: int, cost_usd: float) -> None: ...


class TokenBudget(Protocol):
    """A spending limit the model engine checks before each call and charges after it."""

    def allows(self, estimated_tokens: int) -> bool: ...

    def spend(self, tokens: int) -> None: ...
