"""Train the name tagger (``takeaways.text.name_tagger``) on GUM's train documents, the held-out ones left out.

    make train-entities      (or: PYTHONPATH=functions:. .venv/bin/python -m training.train_entities [--tune])

Reads ``training/data/gum-cc-by-ud-train.conllu`` (``make tagger-data`` writes it) and learns
from every document that ``training.entity_data.HELD_OUT`` does not name; the entity benchmark
scores the held-out ones. ``--tune`` instead holds out every sixth of the learning documents
as well, learns from the rest and prints the exact-span F1 on those: the figure choices were
made on, so the benchmark's documents are not tuned on. Deterministic: shuffled with a fixed seed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

from takeaways.text.name_tagger import KINDS, MODEL, NameTagger, features, lower_case_words
from training.entity_data import (
    Document,
    Score,
    document_text,
    gold_spans,
    read_documents,
    split,
    words_and_tags,
)
from training.perceptron import AveragedWeights
from training.tagger_data import GUM_FILE

ITERATIONS = 10
TUNE_EVERY = 6
PRUNE_BELOW = 0.3  # averaged weights smaller than this change almost no decision and cost space
TAGS = ["O", *(f"{edge}-{kind}" for kind in KINDS for edge in "BI")]

Example = tuple[list[str], list[str], frozenset[str]]


def examples(documents: list[Document]) -> list[Example]:
    """(words, gold tags, the document's lower-case words) per sentence."""
    found: list[Example] = []
    for document in documents:
        common = lower_case_words(document_text(document))
        for sentence in document.sentences:
            words, tags = words_and_tags(sentence)
            if words:
                found.append(([w.text for w in words], tags, common))
    return found


def train(sentences: list[Example]) -> NameTagger:
    learned = AveragedWeights()
    tagger = NameTagger(learned.weights, TAGS)
    order = list(sentences)
    rng = random.Random(12)
    for _ in range(ITERATIONS):
        rng.shuffle(order)
        for words, gold_tags, common in order:
            previous, previous2 = "<s>", "<s2>"
            for index, gold in enumerate(gold_tags):
                learned.tick()
                feats = features(words, index, previous, previous2, common)
                guess = tagger.best(feats, previous)
                if guess != gold:
                    learned.update(feats, gold, guess)
                previous2, previous = previous, gold
    return NameTagger(learned.averaged(PRUNE_BELOW, 2), TAGS)


def score(tagger: NameTagger, documents: list[Document]) -> Score:
    result = Score()
    for document in documents:
        common = lower_case_words(document_text(document))
        for sentence in document.sentences:
            gold, times = gold_spans(sentence)
            result.add(gold, set(tagger.names(sentence.text, common)), times)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.train_entities", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--tune", action="store_true", help="hold out every sixth learning document and score it"
    )
    parser.add_argument("--out", type=Path, default=MODEL, help=f"where the model goes (default {MODEL})")
    arguments = parser.parse_args(argv)
    learning, _ = split(read_documents(GUM_FILE))
    learning.sort(key=lambda d: d.name)
    tuning = learning[::TUNE_EVERY] if arguments.tune else []
    fitted = [d for d in learning if d not in tuning]
    tagger = train(examples(fitted))
    size = sum(len(v) for v in tagger.weights.values())
    if arguments.tune:
        figures = score(tagger, tuning)
        per_kind = ", ".join(f"{kind} {figures.figures(kind)[2]:.3f}" for kind in KINDS)
        print(
            f"{len(fitted)} documents learned, {len(tuning)} tuned on: F1 {figures.figures()[2]:.3f} ({per_kind}); {size} weights"
        )
        return 0
    out: Path = arguments.out
    payload = json.dumps(
        {"tags": tagger.tags, "weights": tagger.weights}, sort_keys=True, separators=(",", ":")
    )
    out.write_bytes(gzip.compress(payload.encode(), mtime=0))
    print(
        f"{len(fitted)} documents learned; {size} weights, {out.stat().st_size / 1024:.0f} KiB, "
        f"sha256 {hashlib.sha256(out.read_bytes()).hexdigest()}; "
        f"data sha256 {hashlib.sha256(GUM_FILE.read_bytes()).hexdigest()}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
