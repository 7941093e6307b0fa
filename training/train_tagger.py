"""Train a part-of-speech model (``takeaways.text.tagger``) on the train splits of UD English treebanks.

    python -m training.train_tagger [--out MODEL] TREEBANK-ud-train.conllu ...

The shipped model (the default ``--out``) learns from the GUM and EWT train documents that
``training.tagger_data`` writes; the reading benchmark's judge (``--out
benchmarks/tagger/pos-ud-en.json.gz``) from ParTUT and LinES. Each manifest records which
files, at which commit. Only train files are read; one sentence in ten of them is held
out and the tagger's accuracy on those is printed. Dev and test files are never used.
Deterministic: shuffled with a fixed seed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from takeaways.text.tagger import MODEL, Tagger, features
from training.perceptron import AveragedWeights

ITERATIONS = 8
HELD_OUT_EVERY = 10
KNOWN_MIN_COUNT = 20
KNOWN_MIN_SHARE = 0.99
PRUNE_BELOW = 0.05  # averaged weights smaller than this change almost no decision and cost space


def read_conllu(path: Path) -> list[list[tuple[str, str]]]:
    """(word, tag) pairs per sentence; multi-word token lines and empty nodes are skipped."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        columns = line.split("\t")
        if "-" in columns[0] or "." in columns[0]:
            continue
        current.append((columns[1], _tag(columns[3], columns[5])))
    if current:
        sentences.append(current)
    return sentences


def _tag(upos: str, feats: str) -> str:
    if upos not in {"VERB", "AUX"}:
        return upos
    form = next((f.split("=", 1)[1] for f in feats.split("|") if f.startswith("VerbForm=")), "Fin")
    return f"{upos}:{form}"


def train(sentences: list[list[tuple[str, str]]], min_feature_count: int = 1) -> Tagger:
    """Averaged perceptron; features seen fewer than ``min_feature_count`` times get no weight, which
    keeps a shipped model small at little cost (the held-out accuracy is printed to show how little)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for word, tag in sentence:
            counts[word.lower()][tag] += 1
    known = {
        word: tags.most_common(1)[0][0]
        for word, tags in counts.items()
        if sum(tags.values()) >= KNOWN_MIN_COUNT
        and tags.most_common(1)[0][1] / sum(tags.values()) >= KNOWN_MIN_SHARE
    }
    tags = sorted({tag for sentence in sentences for _, tag in sentence})
    seen: Counter[str] = Counter()
    if min_feature_count > 1:
        for sentence in sentences:
            words = [word for word, _ in sentence]
            previous, previous2 = "<s>", "<s2>"
            for index, (word, gold) in enumerate(sentence):
                if word.lower() not in known:
                    seen.update(features(words, index, previous, previous2))
                previous2, previous = previous, gold
    learned = AveragedWeights()
    tagger = Tagger(learned.weights, tags, known)
    order = list(sentences)
    rng = random.Random(11)
    for _ in range(ITERATIONS):
        rng.shuffle(order)
        for sentence in order:
            words = [word for word, _ in sentence]
            previous, previous2 = "<s>", "<s2>"
            for index, (word, gold) in enumerate(sentence):
                learned.tick()
                guess = known.get(word.lower())
                if guess is None:
                    feats = features(words, index, previous, previous2)
                    if min_feature_count > 1:
                        feats = [feature for feature in feats if seen[feature] >= min_feature_count]
                    guess = tagger.best(feats)
                    if guess != gold:
                        learned.update(feats, gold, guess)
                previous2, previous = previous, gold
    return Tagger(learned.averaged(PRUNE_BELOW, 3), tags, known)


def accuracy(tagger: Tagger, sentences: list[list[tuple[str, str]]]) -> float:
    right = total = 0
    for sentence in sentences:
        guessed = tagger.tag([word for word, _ in sentence])
        right += sum(guess == gold for guess, (_, gold) in zip(guessed, sentence, strict=True))
        total += len(sentence)
    return right / max(total, 1)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.train_tagger", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, default=MODEL, help=f"where the model goes (default {MODEL})")
    parser.add_argument(
        "--min-feature-count", type=int, default=1, help="features seen fewer times get no weight (default 1)"
    )
    parser.add_argument("treebanks", nargs="+", help="CoNLL-U train files (TREEBANK-ud-train.conllu)")
    arguments = parser.parse_args(argv)
    if not all(path.endswith("-train.conllu") for path in arguments.treebanks):
        parser.error("train splits only: every file must be a *-train.conllu")
    sentences = [sentence for path in arguments.treebanks for sentence in read_conllu(Path(path))]
    held_out = sentences[::HELD_OUT_EVERY]
    training = [s for position, s in enumerate(sentences) if position % HELD_OUT_EVERY]
    tagger = train(training, arguments.min_feature_count)
    out: Path = arguments.out
    with gzip.open(out, "wt", encoding="utf-8") as handle:
        json.dump(
            {"tags": tagger.tags, "known": tagger.known, "weights": tagger.weights}, handle, sort_keys=True
        )
    print(
        f"{len(training)} training sentences, {len(held_out)} held out; held-out accuracy {accuracy(tagger, held_out):.4f}; "
        f"{sum(len(v) for v in tagger.weights.values())} weights, {out.stat().st_size / 1024:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
