"""Training the topic model: what it learns from a handful of items it gives back, through the shipped format."""

from __future__ import annotations

from collections import Counter

import pytest

from takeaways.text.topics import TopicModel, topic_features
from training.topic_data import LabelledItem, two_topic_items
from training.train_topics import FOLDS, SecondTopics, encode, fit, topic_weights, validation_fold

ITEMS = [
    LabelledItem(
        "Striker scores twice in derby win",
        "The forward scored as the home side won the match.",
        "sport",
        "short",
    ),
    LabelledItem(
        "Keeper saves penalty in cup final",
        "The goalkeeper kept the match level before extra time.",
        "sport",
        "short",
    ),
    LabelledItem(
        "United win the derby match", "A late goal settled the match for the home side.", "sport", "short"
    ),
    LabelledItem(
        "Senate passes budget bill", "Lawmakers voted on the budget after a long debate.", "politics", "short"
    ),
    LabelledItem(
        "Parliament votes on election law", "Lawmakers backed the bill in a close vote.", "politics", "short"
    ),
    LabelledItem(
        "Minister defends budget vote",
        "The opposition said the vote on the budget was rushed.",
        "politics",
        "short",
    ),
]


def test_a_fitted_model_gives_its_training_topics_back_after_encoding() -> None:
    model = TopicModel.from_json(encode(*fit(ITEMS)))
    assert set(model.topics) == {"sport", "politics"}
    for headline, expected in (
        ("Late goal wins the match", "sport"),
        ("Lawmakers vote on the budget", "politics"),
    ):
        scores = model.scores(topic_features(headline))
        assert max(scores, key=scores.__getitem__) == expected


def test_the_validation_folds_are_fixed_fifths_of_the_training_items() -> None:
    items = [LabelledItem(f"Headline {n}", "Text.", "sport", "short") for n in range(1000)]
    folds = Counter(validation_fold(item) for item in items)
    assert set(folds) == set(range(FOLDS))
    assert all(120 < count < 280 for count in folds.values())
    assert [validation_fold(item) for item in items] == [validation_fold(item) for item in items]


def test_training_only_items_change_no_topic_total_weight() -> None:
    native = [LabelledItem(f"Match {n}", "Text.", "sport", "short") for n in range(9)]
    native += [LabelledItem(f"Vote {n}", "Text.", "politics", "short") for n in range(1)]
    extra = [LabelledItem(f"Poll {n}", "Text.", "politics", "short", training_only=True) for n in range(40)]

    def totals(items: list[LabelledItem]) -> dict[str, float]:
        weights = topic_weights(items)
        result: dict[str, float] = {}
        for item in items:
            result[item.topic] = result.get(item.topic, 0.0) + weights[item.topic, item.training_only]
        return result

    before, after = totals(native), totals(native + extra)
    assert after == pytest.approx(before)
    assert before["sport"] > before["politics"]  # the native mix, tempered, still leads the prior


def test_training_only_items_are_never_held_out_or_validated_on() -> None:
    items = [LabelledItem(f"Headline {n}", "Text.", "sport", "short", training_only=True) for n in range(300)]
    assert not any(item.held_out or validation_fold(item) is not None for item in items)


def test_two_topic_items_join_items_of_different_topics_each_once() -> None:
    items = [LabelledItem(f"Match {n}", f"Goal {n}.", "sport", "short") for n in range(4)]
    items += [LabelledItem(f"Vote {n}", f"Bill {n}.", "politics", "short") for n in range(3)]
    items += [LabelledItem("Long report", "Whole article.", "health", "article")]
    joined = two_topic_items(items)
    assert len(joined) == 3  # one sport item is left over; the lone article has no partner
    assert all(len(set(item.topics)) == 2 and item.kind == "short" for item in joined)
    used = [item.headline for item in joined] + [
        line.split(". ")[0] for item in joined for line in [item.text.split("\n\n")[1]]
    ]
    assert len(used) == len(set(used)) == 6


def test_second_topic_figures_count_spurious_and_kept_topics() -> None:
    figures = SecondTopics.of(
        [
            (("sport",), ["sport"]),
            (("sport",), ["sport", "arts"]),  # spurious
            (("politics", "economy"), ["politics", "economy"]),  # kept
            (("politics", "economy"), ["economy"]),  # led by one of its labels, the other lost
            (
                ("politics", "economy"),
                ["health", "politics"],
            ),  # not led by a label: not counted as kept or lost
        ]
    )
    assert figures.spurious == 0.5
    assert figures.kept == 0.5
    # 6 of the 8 topics given are labels; 6 of the 8 labels are given.
    assert figures.filter_f1 == pytest.approx(6 / 8)
