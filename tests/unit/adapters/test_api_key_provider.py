"""The key provider and the keyed model engine: rotation and refusal reach a warm container."""

from __future__ import annotations

import pytest

from takeaways.adapters.secrets import ApiKeyProvider, ApiKeyUnavailable
from takeaways.article.model import Article
from takeaways.engines.keyed import KeyedModelEngine
from takeaways.errors import EngineFailure
from takeaways.summary import Takeaway, TakeawaySummary

ARTICLE = Article(body="The pier reopened on Sunday after repairs. Anglers returned at dawn.")


class Secret:
    """A secret store whose value an operator rotates, and which can fail to answer."""

    def __init__(self, value: str | None) -> None:
        self.value, self.reads = value, 0

    def read(self, name: str, max_age: int, fresh: bool) -> str:
        self.reads += 1
        if self.value is None:
            raise ApiKeyUnavailable(f"secret {name!r} could not be read")
        return self.value


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class KeyedModel:
    """A model engine that accepts one key only, as a provider does after a rotation."""

    def __init__(self, key: str, accepted: list[str]) -> None:
        self.key, self.accepted = key, accepted

    name = "openai:test"

    def summarise(self, article: Article) -> TakeawaySummary:
        if self.key not in self.accepted:
            raise EngineFailure("auth", "HTTP 401")
        return TakeawaySummary(
            headline="Pier reopens",
            summary=f"summarised with {self.key}",
            takeaways=[Takeaway(text="The pier reopened on Sunday.")],
            engine="openai:test",
        )


def provider(secret: Secret, clock: Clock) -> ApiKeyProvider:
    return ApiKeyProvider("takeaways/openai", 300, read=secret.read, clock=clock)


def test_the_key_is_read_again_only_after_its_cache_age() -> None:
    secret, clock = Secret("sk-old"), Clock()
    keys = provider(secret, clock)
    assert keys.key() == "sk-old"
    secret.value = "sk-new"
    clock.now = 299
    assert (keys.key(), secret.reads) == ("sk-old", 1)
    clock.now = 300
    assert (keys.key(), secret.reads) == ("sk-new", 2)


def test_a_refused_key_is_read_again_at_once() -> None:
    secret, clock = Secret("sk-old"), Clock()
    keys = provider(secret, clock)
    keys.key()
    secret.value = "sk-new"
    keys.refused()
    assert keys.key() == "sk-new"


def test_a_failed_read_is_not_remembered() -> None:
    secret, clock = Secret(None), Clock()
    keys = provider(secret, clock)
    with pytest.raises(ApiKeyUnavailable):
        keys.key()
    secret.value = "sk-late"
    assert keys.key() == "sk-late"


def test_a_rotated_key_is_used_for_the_article_that_found_the_old_one_refused() -> None:
    secret, clock = Secret("sk-old"), Clock()
    accepted = ["sk-old"]
    engine = KeyedModelEngine(provider(secret, clock), lambda key: KeyedModel(key, accepted), "test")
    assert engine.summarise(ARTICLE).summary == "summarised with sk-old"
    secret.value, accepted[:] = "sk-new", ["sk-new"]  # rotated, and the old key revoked
    assert engine.summarise(ARTICLE).summary == "summarised with sk-new"


def test_a_revoked_key_without_a_replacement_fails_as_auth() -> None:
    secret, clock = Secret("sk-old"), Clock()
    engine = KeyedModelEngine(provider(secret, clock), lambda key: KeyedModel(key, []), "test")
    with pytest.raises(EngineFailure) as failure:
        engine.summarise(ARTICLE)
    assert failure.value.reason == "auth"


def test_an_unreadable_secret_at_start_does_not_pin_the_container_to_the_fallback() -> None:
    secret, clock = Secret(None), Clock()
    engine = KeyedModelEngine(provider(secret, clock), lambda key: KeyedModel(key, [key]), "test")
    with pytest.raises(EngineFailure) as failure:
        engine.summarise(ARTICLE)
    assert failure.value.reason == "api_key_unavailable"
    secret.value = "sk-fixed"
    assert engine.summarise(ARTICLE).summary == "summarised with sk-fixed"
