"""Topic classifier on the held-out split of its own training data: per-topic precision and recall.

The data is not in the repository (see ``functions/takeaways/text/models/topics-manifest.md``);
without it the section says so instead of inventing figures.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.topics import SECOND_TOPIC_SHARE, classify, topic_features
from training.topic_data import DATA_DIR, LabelledItem, data_present, load_items, split, two_topic_items
from training.train_topics import Carried, SecondTopics

TARGETS = {"article": 0.92, "short": 0.85}
KINDS = {"article": "full articles", "short": "headline + one sentence"}


def predictions(items: list[LabelledItem]) -> list[tuple[LabelledItem, list[str]]]:
    return [(item, [t.slug for t in classify(item.text, headline=item.headline)]) for item in items]


class CentroidBaseline:
    """The plain classifier the issue compares with: TF-IDF over the same terms, nearest topic centroid.

    Trained here on the same training split, so the two are scored on the same held-out items.
    """

    def __init__(self, training: list[LabelledItem]) -> None:
        counts = [topic_features(f"{item.headline}\n{item.text}") for item in training]
        frequency = Counter(term for features in counts for term in features)
        self._idf = {term: math.log(len(counts) / n) + 1.0 for term, n in frequency.items()}
        sums: dict[str, Counter[str]] = defaultdict(Counter)
        for item, features in zip(training, counts, strict=True):
            sums[item.topic].update(self._vector(features))
        self._centroids = {topic: self._unit(dict(total)) for topic, total in sums.items()}

    def _vector(self, features: Counter[str]) -> dict[str, float]:
        return self._unit(
            {term: (1 + math.log(n)) * self._idf[term] for term, n in features.items() if term in self._idf}
        )

    @staticmethod
    def _unit(vector: dict[str, float]) -> dict[str, float]:
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {term: value / norm for term, value in vector.items()}

    def topic(self, item: LabelledItem) -> str | None:
        vector = self._vector(topic_features(f"{item.headline}\n{item.text}"))
        scores = {
            topic: sum(weight * centroid.get(term, 0.0) for term, weight in vector.items())
            for topic, centroid in self._centroids.items()
        }
        best = max(sorted(scores), key=lambda topic: scores[topic], default=None)
        return best if best is not None and scores[best] > 0 else None


def later_topics(predicted: list[tuple[LabelledItem, list[str]]], held_out: list[LabelledItem]) -> list[str]:
    """How often a second or third topic is spurious, and how often a story with two subjects keeps both."""
    lines = [
        "",
        f"Later topics: a second or third topic needs {SECOND_TOPIC_SHARE:.0%} of the first's probability"
        " (`SECOND_TOPIC_SHARE`, chosen by `training/train_topics.py --validate`), cue-word topics their cue"
        " counts. The data holds one label an item, so a later topic on a held-out item is counted spurious;"
        " two-topic items are two held-out items of different topics joined into one text (the first's"
        " headline), and their second label is kept when the alert carries both.",
        "",
        "| items | one-topic items | spurious second topic | two-topic items | second label kept"
        " | topic-filter F1 (both kinds of item) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    pairs = two_topic_items(held_out)
    for kind in TARGETS:
        carried: list[Carried] = [((item.topic,), topics) for item, topics in predicted if item.kind == kind]
        joined: list[Carried] = [
            (pair.topics, [t.slug for t in classify(pair.text, headline=pair.headline)])
            for pair in pairs
            if pair.kind == kind
        ]
        if not carried:
            continue
        single, both, mixed = (
            SecondTopics.of(carried),
            SecondTopics.of(joined),
            SecondTopics.of(carried + joined),
        )
        lines.append(
            f"| {KINDS[kind]} | {len(carried)} | {single.spurious:.1%} | {len(joined)} | {both.kept:.1%}"
            f" | {mixed.filter_f1:.3f} |"
        )
    return lines


def report() -> list[str]:
    lines = ["## Topics", ""]
    if not data_present():
        return [
            *lines,
            f"Skipped: the labelled data is not in `{DATA_DIR}` (see the topic model's manifest).",
        ]
    training, held_out = split(load_items())
    predicted = predictions(held_out)
    # The most frequent topic of the items that may be held out: the files read only to train on were
    # chosen for small topics, and their mix is no feed's.
    majority = Counter(item.topic for item in training if not item.training_only).most_common(1)[0][0]
    extra = sum(1 for item in training if item.training_only)
    centroid = CentroidBaseline(training)
    lines += [
        f"Held-out split ({len(held_out)} items never used in training, {len(training)} trained on,"
        f" {extra} of them from files read only to train on);"
        f" baselines: always the most frequent training topic (`{majority}`), and a TF-IDF nearest-centroid"
        " classifier over the same terms, trained on the same split in this run.",
        "",
        "| items | n | first topic right | most frequent | ratio | TF-IDF centroid | ratio | target | no topic"
        " | label among the topics | topics per item |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, target in TARGETS.items():
        chosen = [(item, topics) for item, topics in predicted if item.kind == kind]
        if not chosen:
            continue
        right = sum(1 for item, topics in chosen if topics[:1] == [item.topic]) / len(chosen)
        base = sum(1 for item, _ in chosen if item.topic == majority) / len(chosen)
        plain = sum(1 for item, _ in chosen if centroid.topic(item) == item.topic) / len(chosen)
        empty = sum(1 for _, topics in chosen if not topics) / len(chosen)
        among = sum(1 for item, topics in chosen if item.topic in topics) / len(chosen)
        per_item = sum(len(topics) for _, topics in chosen) / len(chosen)
        ratio = f"{right / base:.1f}x" if base else "-"
        over_plain = f"{right / plain:.2f}x" if plain else "-"
        met = "met" if right >= target else "not met"
        lines.append(
            f"| {KINDS[kind]} | {len(chosen)} | {right:.3f} | {base:.3f} | {ratio} | {plain:.3f} | {over_plain}"
            f" | {target} ({met}) | {empty:.1%} | {among:.3f} | {per_item:.2f} |"
        )
    lines += later_topics(predicted, held_out)
    lines += ["", "Per topic (first topic), all held-out items:", ""]
    lines += ["| topic | held out | precision | recall |", "| --- | ---: | ---: | ---: |"]
    truth = Counter(item.topic for item in held_out)
    called = Counter(topics[0] for _, topics in predicted if topics)
    hits = Counter(item.topic for item, topics in predicted if topics[:1] == [item.topic])
    for slug in TOPIC_SLUGS:
        if truth[slug] or called[slug]:
            precision = f"{hits[slug] / called[slug]:.2f}" if called[slug] else "-"
            recall = f"{hits[slug] / truth[slug]:.2f}" if truth[slug] else "-"
            lines.append(f"| {slug} | {truth[slug]} | {precision} | {recall} |")
    unlabelled = [slug for slug in TOPIC_SLUGS if not truth[slug]]
    lines += [
        "",
        f"No labelled data for: {', '.join(unlabelled)}; those come from cue words and are not measured here.",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
