"""Builds ``stories/data/term-weights.txt``: the inverse document frequency of common English words.

Story threads weigh words by how rare they are in news-length documents, so "council" counts for
little and "Okafor" for a lot. The weights ship with the package (the notify function never
downloads anything); this script is how they were made, from the word frequencies published in
the ``wordfreq`` package (pinned in requirements.txt; provenance in ``stories/data/MANIFEST.md``).

A word's frequency ``f`` becomes the share of documents of ``DOCUMENT_WORDS`` words that contain
it under a Poisson model, ``df = 1 - exp(-f * DOCUMENT_WORDS)``, and its weight is ``ln(1 / df)``.
Words rarer than the list's last entry take the weight on the file's first line.

    .venv/bin/python -m infra.build_term_weights
"""

from __future__ import annotations

import argparse
import math
import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "functions" / "takeaways" / "stories" / "data" / "term-weights.txt"
WORDS = 20_000
DOCUMENT_WORDS = 600
_PLAIN_WORD = re.compile(r"^[^\W\d_]+$")


def idf(frequency: float) -> float:
    return math.log(1 / -math.expm1(-frequency * DOCUMENT_WORDS))


def build(words: int) -> list[str]:
    import wordfreq

    rows: dict[str, float] = {}
    for word in wordfreq.top_n_list("en", words * 2, wordlist="large"):
        if _PLAIN_WORD.match(word) and word not in rows:
            rows[word] = idf(wordfreq.word_frequency(word, "en", wordlist="large"))
        if len(rows) == words:
            break
    rarest = max(rows.values())
    source = f"wordfreq {metadata.version('wordfreq')} en large, {DOCUMENT_WORDS}-word documents"
    header = f"# unlisted\t{rarest + 1:.2f}\t{source}"
    return [header, *(f"{word}\t{weight:.1f}" for word, weight in rows.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=WORDS)
    args = parser.parse_args(argv)
    lines = build(args.words)
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({len(lines) - 1} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
