"""The model engine for whatever the API key is now: a rotated key arrives without a cold start."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from takeaways.errors import EngineFailure

if TYPE_CHECKING:
    from takeaways.adapters.secrets import ApiKeyProvider
    from takeaways.article.model import Article
    from takeaways.engines import SummaryEngine
    from takeaways.summary import TakeawaySummary


class KeyedModelEngine:
    """Asks the key provider before every article and builds the model engine again when the key changed.

    An authentication failure makes the provider read the secret at once; if that gives a new
    key, the article is tried once more with it, so a rotation costs no article its model summary.
    """

    def __init__(self, provider: ApiKeyProvider, build: Callable[[str], SummaryEngine], model: str) -> None:
        self._provider = provider
        self._build = build
        self._name = f"openai:{model}"
        self._key: str | None = None
        self._engine: SummaryEngine | None = None

    @property
    def name(self) -> str:
        return self._name

    def summarise(self, article: Article) -> TakeawaySummary:
        engine = self._current()
        try:
            return engine.summarise(article)
        except EngineFailure as failure:
            if failure.reason != "auth":
                raise
            self._provider.refused()
            used = self._key
            fresh = self._current(failure)
            if self._key == used:
                raise
            return fresh.summarise(article)

    def _current(self, failure: EngineFailure | None = None) -> SummaryEngine:
        from takeaways.adapters.secrets import ApiKeyUnavailable

        try:
            key = self._provider.key()
        except ApiKeyUnavailable as error:
            if failure is not None:
                raise failure from None
            raise EngineFailure("api_key_unavailable", str(error)) from None
        if key != self._key or self._engine is None:
            self._engine, self._key = self._build(key), key
        return self._engine
