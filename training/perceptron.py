"""What the two taggers' trainers share: averaged-perceptron weights, updated lazily and averaged once.

Averaging every weight after every step would cost a pass over all of them per word; instead each
weight keeps the step it last changed at and the sum of its values until then, which gives the
same average (Collins, 2002) at the cost of one update per changed weight.
"""

from __future__ import annotations

from collections import defaultdict


class AveragedWeights:
    """Weights by feature and tag, the steps taken, and what averaging needs of each weight's history."""

    def __init__(self) -> None:
        self.weights: dict[str, dict[str, float]] = defaultdict(dict)
        self.step = 0
        self._totals: dict[tuple[str, str], float] = defaultdict(float)
        self._stamps: dict[tuple[str, str], int] = defaultdict(int)

    def tick(self) -> None:
        """One more word seen, right or wrong: every weight's average counts it."""
        self.step += 1

    def update(self, feats: list[str], gold: str, guess: str) -> None:
        """A wrong guess: each feature's weight moves towards the gold tag and away from the guess."""
        for feature in feats:
            for tag, change in ((gold, 1.0), (guess, -1.0)):
                key = (feature, tag)
                current = self.weights[feature].get(tag, 0.0)
                self._totals[key] += (self.step - self._stamps[key]) * current
                self._stamps[key] = self.step
                self.weights[feature][tag] = current + change

    def averaged(self, prune_below: float, digits: int) -> dict[str, dict[str, float]]:
        """Each weight's average over every step, rounded; those smaller than ``prune_below`` are left out."""
        averaged: dict[str, dict[str, float]] = {}
        for feature, by_tag in self.weights.items():
            for tag, weight in by_tag.items():
                key = (feature, tag)
                average = (self._totals[key] + (self.step - self._stamps[key]) * weight) / self.step
                if abs(average) >= prune_below:
                    averaged.setdefault(feature, {})[tag] = round(average, digits)
        return averaged
