"""Topic classifier on the held-out split of its own training data: per-topic precision and recall.

The data is not in the repository (see ``functions/takeaways/text/models/topics-manifest.md``);
without it the section says so instead of inventing figures.
"""

from __future__ import annotations

from collections import Counter

from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.topics import classify
from training.topic_data import DATA_DIR, LabelledItem, data_present, load_items, split

TARGETS = {"article": 0.92, "short": 0.85}
KINDS = {"article": "full articles", "short": "headline + one sentence"}


def predictions(items: list[LabelledItem]) -> list[tuple[LabelledItem, list[str]]]:
    return [(item, [t.slug for t in classify(item.text, headline=item.headline)]) for item in items]


def report() -> list[str]:
    lines = ["## Topics", ""]
    if not data_present():
        return [
            *lines,
            f"Skipped: the labelled data is not in `{DATA_DIR}` (see the topic model's manifest).",
        ]
    training, held_out = split(load_items())
    predicted = predictions(held_out)
    majority = Counter(item.topic for item in training).most_common(1)[0][0]
    lines += [
        f"Held-out split ({len(held_out)} items never used in training, {len(training)} trained on);"
        f" baseline: always the most frequent training topic (`{majority}`).",
        "",
        "| items | n | first topic right | baseline | ratio | target | no topic | label among the topics | topics per item |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, target in TARGETS.items():
        chosen = [(item, topics) for item, topics in predicted if item.kind == kind]
        if not chosen:
            continue
        right = sum(1 for item, topics in chosen if topics[:1] == [item.topic]) / len(chosen)
        base = sum(1 for item, _ in chosen if item.topic == majority) / len(chosen)
        empty = sum(1 for _, topics in chosen if not topics) / len(chosen)
        among = sum(1 for item, topics in chosen if item.topic in topics) / len(chosen)
        per_item = sum(len(topics) for _, topics in chosen) / len(chosen)
        ratio = f"{right / base:.1f}x" if base else "-"
        met = "met" if right >= target else "not met"
        lines.append(
            f"| {KINDS[kind]} | {len(chosen)} | {right:.3f} | {base:.3f} | {ratio} | {target} ({met}) | {empty:.1%}"
            f" | {among:.3f} | {per_item:.2f} |"
        )
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
