"""Train the topic model that ships as ``functions/takeaways/text/models/topics.json``.

    PYTHONPATH=functions:. .venv/bin/python -m training.train_topics             # write the model
    PYTHONPATH=functions:. .venv/bin/python -m training.train_topics --validate  # tune, never the held-out split

The model is linear over the stemmed words and adjacent word pairs ``takeaways.text.topics``
reads, so inference stays one addition per known term and topic. Its weights are naive Bayes
log-probabilities (sublinear counts, equal topic priors: politics has thirty times the items of
education) plus a softmax-regression correction trained on top of them: naive Bayes alone
double-counts words that travel together, which short items suffer from most. Strong L2 keeps
the correction small where evidence is thin; full articles are weighted up in that training
because they are few (one in fourteen items) and read differently from a headline and a
sentence. Items of files read only to train on (``training_only``: more of the small topics)
add to every count naive Bayes makes, but weigh little in the correction, and no topic's total
weight there: that follows the items that may be held out, so the bias per topic keeps the mix
of the news the model is scored on. Only the training split is used; ``--validate`` cross-validates on it (five folds by a
second, independent hash) to choose the settings below, and ``make bench`` scores the held-out split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.topics import (
    CONFIDENT,
    MODEL_FILE,
    SECOND_TOPIC_SHARE,
    ScoredTopic,
    TopicModel,
    classify,
    kept_topics,
    known_strengths,
    topic_features,
)
from training.topic_data import LabelledItem, load_items, split, two_topic_items

VOCABULARY = 12_000  # terms kept; bounds the model file (see the size test)
MIN_DOCUMENTS = 2
SMOOTHING = 0.5
SCALE = 12  # a term's weights are stored in steps of 1 / SCALE below its highest, 25 steps at most
LEVELS = 25
EPOCHS = 4
LEARNING_RATE = 0.3  # AdaGrad
L2 = 0.01
ARTICLE_WEIGHT = 20.0
BALANCE = 0.5  # a topic's items weigh (mean items per topic / its items) ** BALANCE
EXTRA_WEIGHT = (
    0.03  # a training_only item against a native one (in the correction; naive Bayes counts all alike)
)
SEED = 12
FOLDS = 5  # --validate trains five times, each time scoring the fifth left out
SHARES = tuple(n / 10 for n in range(1, 11))  # the second-topic shares --validate scores

Example = tuple[list[tuple[int, float]], int, float]
Carried = tuple[tuple[str, ...], list[str]]  # an item's labels, and the topics it was given


@dataclass(frozen=True, slots=True)
class SecondTopics:
    """How well later topics are chosen: on one-topic items they are spurious, on two-topic items wanted."""

    spurious: float  # one-topic items given more than one topic
    kept: float  # two-topic items whose first topic is one of theirs and that carry the other too
    filter_f1: float  # a topic filter's F1 over all items: topics given that are labels, labels given

    @classmethod
    def of(cls, carried: Sequence[Carried]) -> SecondTopics:
        single = [topics for labels, topics in carried if len(labels) == 1]
        led = [
            (labels, topics)
            for labels, topics in carried
            if len(labels) > 1 and topics[:1] and topics[0] in labels
        ]
        given = sum(len(topics) for _, topics in carried)
        right = sum(len(set(labels) & set(topics)) for labels, topics in carried)
        wanted = sum(len(labels) for labels, _ in carried)
        precision, recall = right / max(given, 1), right / max(wanted, 1)
        return cls(
            spurious=sum(1 for topics in single if len(topics) > 1) / max(len(single), 1),
            kept=sum(1 for labels, topics in led if set(labels) <= set(topics)) / max(len(led), 1),
            filter_f1=2 * precision * recall / (precision + recall) if right else 0.0,
        )


def validation_fold(item: LabelledItem) -> int | None:
    """Which fifth of the training split an item is scored in, by a hash independent of the held-out one.

    ``None`` for ``training_only`` items: they are always trained on, never scored.
    """
    if item.training_only:
        return None
    digest = hashlib.sha256(f"validation\n{item.headline}\n{item.text[:200]}".encode()).digest()
    return digest[0] * FOLDS // 256


def naive_bayes(
    documents: Sequence[tuple[Counter[str], str]], vocabulary: set[str], topics: Sequence[str]
) -> dict[str, list[float]]:
    """Per-term log-probabilities, centred per term (only differences between topics matter)."""
    mass: dict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for features, topic in documents:
        for term, count in features.items():
            if term in vocabulary:
                mass[topic][term] += 1.0 + math.log(count)
    totals = {topic: sum(mass[topic].values()) for topic in topics}
    weights: dict[str, list[float]] = {}
    for term in sorted(vocabulary):  # a fixed order, so the same data gives the same file
        logs = [
            math.log((mass[topic][term] + SMOOTHING) / (totals[topic] + SMOOTHING * len(vocabulary)))
            for topic in topics
        ]
        mean = sum(logs) / len(logs)
        weights[term] = [value - mean for value in logs]
    return weights


def correction(
    examples: Sequence[Example], base: list[list[float]], topics: int
) -> tuple[list[list[float]], list[float]]:
    """Softmax regression on top of fixed base weights: (per-term corrections, per-topic bias)."""
    rows = len(base)
    weights = [[0.0] * topics for _ in range(rows)]
    squares = [[1e-8] * topics for _ in range(rows)]
    bias = [0.0] * topics
    bias_squares = [1e-8] * topics
    order = list(range(len(examples)))
    shuffle = random.Random(SEED).shuffle
    for _ in range(EPOCHS):
        shuffle(order)
        for index in order:
            features, label, weight = examples[index]
            logits = bias[:]
            for row, value in features:
                for k, (fixed, learned) in enumerate(zip(base[row], weights[row], strict=True)):
                    logits[k] += value * (fixed + learned)
            top = max(logits)
            exps = [math.exp(v - top) for v in logits]
            norm = sum(exps)
            gradient = [weight * v / norm for v in exps]
            gradient[label] -= weight
            for k in range(topics):
                bias_squares[k] += gradient[k] ** 2
                bias[k] -= LEARNING_RATE * gradient[k] / math.sqrt(bias_squares[k])
            for row, value in features:
                row_weights, row_squares = weights[row], squares[row]
                for k in range(topics):
                    step = gradient[k] * value + L2 * row_weights[k]
                    row_squares[k] += step * step
                    row_weights[k] -= LEARNING_RATE * step / math.sqrt(row_squares[k])
    return weights, bias


def topic_weights(items: Sequence[LabelledItem]) -> dict[tuple[str, bool], float]:
    """Each item's weight by its topic and whether it is ``training_only``.

    A topic's total weight follows the items that may be held out, the news the model is scored on,
    tempered by ``BALANCE``: ``training_only`` items were chosen for small topics and would teach a
    prior no news feed has. They count ``EXTRA_WEIGHT`` each against a native item's one.
    """
    native = Counter(item.topic for item in items if not item.training_only)
    extra = Counter(item.topic for item in items if item.training_only)
    mean = sum(native.values()) / max(len(native), 1)
    weights = {}
    for topic in native.keys() | extra.keys():
        share = max(native[topic], 1)
        unit = (mean / share) ** BALANCE * share / (native[topic] + EXTRA_WEIGHT * extra[topic])
        weights[topic, False] = unit
        weights[topic, True] = unit * EXTRA_WEIGHT
    return weights


def fit(items: Sequence[LabelledItem]) -> tuple[list[str], dict[str, list[float]], list[float]]:
    """(topics, weights per term, bias per topic) learned from ``items``."""
    topics = sorted({item.topic for item in items}, key=TOPIC_SLUGS.index)
    documents = [(topic_features(f"{item.headline}\n{item.text}"), item.topic) for item in items]
    seen: Counter[str] = Counter()
    for features, _ in documents:
        seen.update(features.keys())
    vocabulary = {term for term, count in seen.items() if count >= MIN_DOCUMENTS}
    # Keep the terms that tell topics apart most, weighted by how often they occur, then relearn
    # on that vocabulary alone so training reads texts as inference will.
    first = naive_bayes(documents, vocabulary, topics)
    ranked = sorted(
        first, key=lambda term: (-max(abs(v) for v in first[term]) * math.log(1 + seen[term]), term)
    )
    terms = sorted(ranked[:VOCABULARY])
    base = naive_bayes(documents, set(terms), topics)
    row_of = {term: row for row, term in enumerate(terms)}
    weights_of = topic_weights(items)
    examples: list[Example] = []
    for item, (features, topic) in zip(items, documents, strict=True):
        known = [(row_of[term], value) for term, value in known_strengths(features, row_of).items()]
        weight = weights_of[topic, item.training_only] * (ARTICLE_WEIGHT if item.kind == "article" else 1.0)
        if known:
            examples.append((known, topics.index(topic), weight))
    learned, bias = correction(examples, [base[term] for term in terms], len(topics))
    weights = {
        term: [a + b for a, b in zip(base[term], learned[row], strict=True)] for term, row in row_of.items()
    }
    return topics, weights, bias


def accuracy(
    predict: Callable[[LabelledItem], str | None], items: Sequence[LabelledItem]
) -> dict[str, tuple[float, int]]:
    """First-topic accuracy and item count, per kind of item and source (sources differ in difficulty)."""
    result = {}
    for kind, source in sorted({(item.kind, item.source) for item in items}):
        chosen = [item for item in items if (item.kind, item.source) == (kind, source)]
        right = sum(1 for item in chosen if predict(item) == item.topic)
        result[f"{kind} ({source})"] = (right / len(chosen), len(chosen))
    return result


def encode(
    topics: Sequence[str], weights: dict[str, list[float]], bias: Sequence[float]
) -> dict[str, object]:
    """The model as it ships: per term one letter per topic (see ``takeaways.text.topics.TopicModel``)."""
    letters = {}
    for term, row in sorted(weights.items()):
        top = max(row)
        letters[term] = "".join(chr(ord("a") + min(LEVELS, round((top - value) * SCALE))) for value in row)
    return {
        "about": "IPTC top-level topic model; trained by training/train_topics.py, data in topics-manifest.md",
        "topics": list(topics),
        "scale": SCALE,
        "bias": [round(value * SCALE) for value in bias],
        "weights": letters,
    }


def validate() -> int:
    """Five-fold cross-validation on the training split: the figures to tune on.

    Each fifth is scored by a model trained on the other four, so every item that may be scored
    is, once: a single fifth held 3 education and 6 religion items, too few to judge a change by.

    Both the model alone and the topics an alert would carry (model and cue rules together) are
    scored, with recall per topic and the commonest confusions, so a change to either can be judged here.
    """
    training, _ = split(load_items())
    checked = [item for item in training if validation_fold(item) is not None]
    first: dict[LabelledItem, tuple[str | None, float]] = {}
    carried: dict[LabelledItem, list[ScoredTopic]] = {}
    scored: dict[str, list[tuple[tuple[str, ...], dict[str, float]]]] = defaultdict(list)
    for fold in range(FOLDS):
        model = TopicModel.from_json(
            encode(*fit([item for item in training if validation_fold(item) != fold]))
        )
        fifth = [item for item in checked if validation_fold(item) == fold]
        for item in fifth:
            scores = model.scores(topic_features(f"{item.headline}\n{item.text}"))
            best = max(scores, key=scores.__getitem__) if scores else None
            first[item] = (best, scores[best] if best else 0.0)
            carried[item] = classify(item.text, headline=item.headline, model=model)
            scored[item.kind].append(((item.topic,), scores))
        for pair in two_topic_items(fifth):
            scored[pair.kind].append(
                (pair.topics, model.scores(topic_features(f"{pair.headline}\n{pair.text}")))
            )
    print_shares(scored)
    for kind, (right, count) in accuracy(lambda item: first[item][0], checked).items():
        print(f"validation {kind}: {right:.3f} first topic right ({count} items)")
    for kind, (right, _) in accuracy(
        lambda item: next((t.slug for t in carried[item]), None), checked
    ).items():
        print(f"validation {kind}, with the cue rules: {right:.3f}")
    sure = [item for item in checked if first[item][1] >= CONFIDENT]
    right = sum(1 for item in sure if first[item][0] == item.topic)
    print(
        f"model first topic at probability {CONFIDENT} or more: {len(sure)} items, {right / max(len(sure), 1):.3f} right"
    )
    recall = {
        topic: sum(1 for item in checked if item.topic == topic and first[item][0] == topic) / count
        for topic, count in sorted(Counter(item.topic for item in checked).items())
    }
    print(
        f"recall per topic (mean {sum(recall.values()) / len(recall):.3f}):",
        ", ".join(f"{topic} {value:.2f}" for topic, value in recall.items()),
    )
    confusions = Counter((item.topic, first[item][0]) for item in checked if first[item][0] != item.topic)
    print(
        "commonest confusions (label -> model):",
        ", ".join(f"{a}->{b} {n}" for (a, b), n in confusions.most_common(8)),
    )
    return 0


def print_shares(scored: dict[str, list[tuple[tuple[str, ...], dict[str, float]]]]) -> None:
    """Later topics at each share of the first's probability, model alone: the figures SECOND_TOPIC_SHARE is chosen on.

    The rule set beforehand: the share with the highest topic-filter F1 on short items (nine in ten items),
    one-topic and two-topic items together, unless articles lose more than 0.01 of theirs by it.
    """
    for kind, rows in sorted(scored.items()):
        pairs = sum(1 for labels, _ in rows if len(labels) > 1)
        print(
            f"later topics, {kind} items ({len(rows) - pairs} one-topic, {pairs} two-topic made by joining two):"
        )
        for share in SHARES:
            figures = SecondTopics.of(
                [(labels, [t.slug for t in kept_topics(scores, share=share)]) for labels, scores in rows]
            )
            mark = "  <- SECOND_TOPIC_SHARE" if share == SECOND_TOPIC_SHARE else ""
            print(
                f"  share {share:.1f}: spurious {figures.spurious:.3f}, second label kept {figures.kept:.3f},"
                f" topic-filter F1 {figures.filter_f1:.3f}{mark}"
            )


def train() -> dict[str, object]:
    training, held_out = split(load_items())
    topics, weights, bias = fit(training)
    print(
        f"{len(training)} training items, {len(held_out)} held out; {len(weights)} terms kept",
        file=sys.stderr,
    )
    return encode(topics, weights, bias)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--validate", action="store_true", help="score settings on a split of the training data"
    )
    if parser.parse_args(argv).validate:
        return validate()
    model = train()
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    MODEL_FILE.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
