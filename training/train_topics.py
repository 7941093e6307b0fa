"""Train the topic model that ships as ``functions/takeaways/text/models/topics.json``.

    PYTHONPATH=functions:. .venv/bin/python -m training.train_topics

Multinomial naive Bayes with sublinear term counts and equal topic priors (the sources are
unbalanced: politics has thirty times the items of education), over the same stemmed content
words ``takeaways.text.topics`` reads. Only the training split is used; the held-out split is
scored by ``make bench``. Weights are centred per word and stored as integers, which keeps the
file small and inference to one addition per known word and topic.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict

from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.topics import MODEL_FILE, topic_features
from training.topic_data import load_items, split

VOCABULARY = 9000
MIN_DOCUMENTS = 2
SMOOTHING = 1.0
SCALE = 100  # weights are stored as round(weight * SCALE)
TEMPERATURE = 1.0


def train() -> dict[str, object]:
    training, held_out = split(load_items())
    learned = sorted({item.topic for item in training}, key=TOPIC_SLUGS.index)
    mass: dict[str, Counter[str]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    for item in training:
        features = topic_features(f"{item.headline}\n{item.text}")
        documents.update(features.keys())
        for term, count in features.items():
            mass[item.topic][term] += 1.0 + math.log(count)
    vocabulary = [term for term, seen in documents.items() if seen >= MIN_DOCUMENTS]
    totals = {topic: sum(mass[topic][term] for term in vocabulary) for topic in learned}
    weights: dict[str, list[float]] = {}
    for term in vocabulary:
        logs = [
            math.log((mass[topic][term] + SMOOTHING) / (totals[topic] + SMOOTHING * len(vocabulary)))
            for topic in learned
        ]
        mean = sum(logs) / len(logs)
        weights[term] = [value - mean for value in logs]
    # Keep the words that tell topics apart most, weighted by how often they occur.
    kept = sorted(
        weights, key=lambda term: -max(abs(v) for v in weights[term]) * math.log(1 + documents[term])
    )
    kept = sorted(kept[:VOCABULARY])
    print(
        f"{len(training)} training items, {len(held_out)} held out; {len(vocabulary)} words, {len(kept)} kept",
        file=sys.stderr,
    )
    return {
        "about": "IPTC top-level topic model; trained by training/train_topics.py, data in topics-manifest.md",
        "topics": learned,
        "scale": SCALE,
        "temperature": TEMPERATURE,
        "weights": {term: [round(value * SCALE) for value in weights[term]] for term in kept},
    }


def main() -> int:
    model = train()
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    MODEL_FILE.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
