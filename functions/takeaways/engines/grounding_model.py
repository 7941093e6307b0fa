"""The grounding check's learned part: logistic regressions over a statement's features, shipped as JSON.

``entailment.read`` turns a statement and its cited sentences into named features; this
module weighs them, with one model for cuts of a single sentence (where what matters is how
the cut joins what it keeps) and one for everything else (where it is how much is new). The weights are written by ``training/train_grounding.py``; where its
data came from is in ``models/grounding-check-manifest.json``. Inference is a sum and a
sigmoid in plain Python: nothing is downloaded, nothing beyond the standard library is imported.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_FILE = Path(__file__).with_name("models") / "grounding-check.json"
MANIFEST_FILE = MODEL_FILE.with_name("grounding-check-manifest.json")


@dataclass(frozen=True, slots=True)
class GroundingModel:
    """Weights per feature over standardised values, a bias, and the scores a statement must reach to pass.

    A statement passes at ``threshold`` or above; one the rules alone pass (no finding, few
    new words) also passes down to ``floor``: the model overturns the rules only where it is
    sure, so a paraphrase unlike anything it learned from is not lost on a doubt.
    """

    weights: dict[str, float]
    means: dict[str, float]
    scales: dict[str, float]
    bias: float
    threshold: float
    floor: float = 0.0

    def passes(self, score: float, rules_pass: bool) -> bool:
        return score >= self.threshold or (rules_pass and score >= self.floor)

    def score(self, features: Mapping[str, float]) -> float:
        """The model's belief that the cited sentences entail the statement, from 0 to 1."""
        total = self.bias
        for name, weight in self.weights.items():
            total += weight * (features.get(name, 0.0) - self.means[name]) / self.scales[name]
        return 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0)))

    def to_json(self, about: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **about,
            "threshold": self.threshold,
            "floor": self.floor,
            "bias": self.bias,
            "features": {
                name: {"weight": self.weights[name], "mean": self.means[name], "scale": self.scales[name]}
                for name in sorted(self.weights)
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GroundingModel:
        features: Mapping[str, Mapping[str, float]] = data["features"]
        return cls(
            weights={name: float(row["weight"]) for name, row in features.items()},
            means={name: float(row["mean"]) for name, row in features.items()},
            scales={name: float(row["scale"]) for name, row in features.items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            floor=float(data["floor"]),
        )


# One model per kind of statement: a cut of one sentence (its words, in order) and anything else.
KINDS = ("cut", "paraphrase")
GroundingModels = Mapping[str, GroundingModel]


@lru_cache(maxsize=1)
def load() -> GroundingModels | None:
    """The shipped models by kind, or None where the package carries none (then the rules decide alone)."""
    try:
        data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return {kind: GroundingModel.from_json(data["models"][kind]) for kind in KINDS}
