"""How often the alert keeps the article's lede as its summary, on the dev sets.

Two figures a data set: the share of alerts whose summary comes from the article's first
sentence (its lede in nearly all news), and the count of alerts whose headline and summary
left the engine's own lede (its first statement) because no headline could be made from it.
The second is read off the engine as it runs: the statement the headline search starts from
is compared with the one it returns.

    PYTHONPATH=functions:. python -m benchmarks.lede [DATASET ...]
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from benchmarks.engine import dev_rows
from takeaways.engines import extractive
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.text.sentences import split_sentences
from takeaways.text.words import content_terms

DATASETS = ("cnn-dev.jsonl", "xsum-dev.jsonl")


@dataclass(frozen=True, slots=True)
class LedeFigures:
    dataset: str
    items: int
    summary_first: int  # summaries drawn from the article's first sentence
    moved: int  # headline and summary taken from a statement after the engine's lede
    examples: list[tuple[str, str, str]]  # (id, lede, headline) of alerts that moved


@contextmanager
def _watching_the_headline(moves: list[bool]) -> Iterator[None]:
    """Record, for each headline the engine makes, whether it left the first statement it was offered."""
    original = ExtractiveEngine._headline

    def watched(self: ExtractiveEngine, statements: Any, *args: Any, **kwargs: Any) -> Any:
        first = statements.first()
        line, headline = original(self, statements, *args, **kwargs)
        moves.append(first is not None and line.index != first.index)
        return line, headline

    extractive.ExtractiveEngine._headline = watched  # type: ignore[method-assign]
    try:
        yield
    finally:
        extractive.ExtractiveEngine._headline = original  # type: ignore[method-assign]


def _source_sentence(text: str, sentences: list[str]) -> int:
    """The article sentence sharing most content words with ``text`` (the earliest on a tie)."""
    terms = set(content_terms(text))
    return max(range(len(sentences)), key=lambda i: (len(terms & set(content_terms(sentences[i]))), -i))


def measure(dataset: str, engine: ExtractiveEngine | None = None) -> LedeFigures:
    engine = engine or ExtractiveEngine()
    read_rows = dev_rows(dataset)
    rows = [row for row, article in read_rows if article is not None]
    first = moved = 0
    examples = []
    for row, article in read_rows:
        if article is None:
            continue  # rejected at intake: no headline was made
        moves: list[bool] = []
        with _watching_the_headline(moves):
            alert = engine.summarise(article)
        sentences = split_sentences(article.body)
        if sentences:
            first += _source_sentence(alert.summary, sentences) == 0
        if any(moves):
            moved += 1
            examples.append((str(row["id"]), sentences[0] if sentences else "", alert.headline))
    return LedeFigures(dataset, len(rows), first, moved, examples)


def main(argv: list[str]) -> int:
    show = "--examples" in argv
    for dataset in [arg for arg in argv if not arg.startswith("--")] or DATASETS:
        figures = measure(dataset)
        print(
            f"{dataset}: summary from the first sentence in {figures.summary_first}/{figures.items} "
            f"({figures.summary_first / max(figures.items, 1):.1%}); headline and summary moved off the lede "
            f"in {figures.moved}"
        )
        if show:
            for identifier, lede, headline in figures.examples:
                print(f"  {identifier[:8]}  lede: {lede[:140]}\n            headline: {headline}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
