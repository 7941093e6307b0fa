"""The grounding bench's ceiling line: statements that say what their article never does."""

from __future__ import annotations

from benchmarks.grounding import beyond_the_article
from benchmarks.grounding_data import Judged

FERRY = [
    "The Kelby night ferry was cancelled on Monday after a storm damaged the harbour wall.",
    "Isles Link said the crossing would resume on Thursday.",
]


def test_a_statement_naming_what_the_article_never_says_is_counted_once() -> None:
    statements = [
        Judged("The Kelby night ferry was cancelled on Monday.", FERRY, [0], True),
        Judged("Ada Lark said the crossing would resume on Thursday.", FERRY, [1], True),
        Judged("Isles Link said the crossing would resume on Thursday.", FERRY, [1], True),
    ]
    assert beyond_the_article(statements) == 1
