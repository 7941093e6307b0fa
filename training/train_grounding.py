"""Train the grounding check's model: ``functions/takeaways/engines/models/grounding-check.json``.

    make train-grounding        (or: PYTHONPATH=functions:. .venv/bin/python -m training.train_grounding)

Logistic regression over ``entailment.claim_features``, fitted by Newton's method with an L2
penalty, in plain Python, so the same data gives the same weights on any machine. Only the
statements that no certain rule fails are learned from: those are the only ones the model
ever decides. Every (source, label, kind) group weighs the same within its label, so a
thousand synthetic edits do not drown three hundred human judgements. The pass threshold
is the one with the best weighted balanced accuracy on the held-out stories; the figures on
them go into the manifest beside the data's provenance.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.grounding_data import FACTUALITY
from takeaways.engines import entailment
from takeaways.engines.grounding import ArticleFacts
from takeaways.engines.grounding_model import KINDS, MANIFEST_FILE, MODEL_FILE, GroundingModel
from training.grounding_data import HELD_OUT_PERCENT, NEWS, SENTENCES_PER_ARTICLE, Example, all_examples

PENALTY = 1.0  # L2, on standardised features
ITERATIONS = 25
TRUE_PASS = 0.9  # the share of held-out true highlights the threshold must pass
# A statement the rules alone pass fails only below this score, whatever the held-out split prefers: the
# model has learned from news and CoGenSumm, and a paraphrase unlike both (a voice change, "daily" for "each
# day") must not be lost on its doubt. Above it, the rules' pass stands.
FLOOR_CAP = 0.02
# The cuts ``choose_cuts`` tries, in hundredths: every fifth from 5 to 95.
THRESHOLDS = tuple(range(5, 96, 5))


def settings() -> dict[str, Any]:
    """Everything that decides what the trainer writes besides its data: recorded in the model file, so a
    shipped file whose settings are not the trainer's is found by a test, not by a retrain."""
    return {
        "penalty": PENALTY,
        "iterations": ITERATIONS,
        "true_pass": TRUE_PASS,
        "floor_cap": FLOOR_CAP,
        "thresholds": [value / 100 for value in THRESHOLDS],
        "held_out_percent": HELD_OUT_PERCENT,
        "sentences_per_article": SENTENCES_PER_ARTICLE,
    }


SOURCES = {
    "factuality": {
        "dataset": "CoGenSumm sentence pairs (Falke et al., ACL 2019), val_sentence_pairs.json",
        "repository": "github:mariobarque/summary_correctness@04615b9a14f0962fc0b10a9dc595d9d9992bace0",
        "path": "val_sentence_pairs.json",
        "licence": "CC BY-SA 4.0 (CoGenSumm's own licence; the carrying repository adds none)",
        "used": "the benchmark's 'fit' half only (sha256(article_id) starts with an even byte), less two"
        " stories that are also in the team's measurement sets",
    },
    "news": {
        "dataset": "CNN/DailyMail 3.0.0, training split: 100 stories with their highlights (small_train.jsonl)",
        "repository": "github:Azure/azureml-examples@f9c5fecc323916566f94a30a1ab147ff0a5d3919",
        "path": "sdk/python/foundation-models/system/finetune/summarization/news-summary-dataset/small_train.jsonl",
        "licence": "Apache-2.0 (the CNN/DailyMail dataset card); the carrying repository is MIT",
        "used": "highlights as true statements; cuts and one-edit changes of sentences and highlights, made by"
        " training/grounding_data.py, as true and false ones",
    },
}
NOT_USED = "FRANK, QAGS, AggreFact, SummaC's FRANK and QAGS parts; the CNN/DailyMail and XSum test splits"


@dataclass(frozen=True, slots=True)
class Row:
    features: dict[str, float]
    faithful: bool
    group: tuple[str, bool, str]
    held_out: bool
    kind: str  # which of the models decides it: "cut" or "paraphrase"
    rules_pass: bool  # whether the rules alone pass it


def rows(examples: Sequence[Example]) -> list[Row]:
    """Each example the model would decide (no certain failure, not a sentence cited as itself), as features."""
    found: list[Row] = []
    articles: dict[tuple[str, ...], ArticleFacts] = {}
    for example in examples:
        key = tuple(example.sentences)
        facts = articles.setdefault(key, ArticleFacts(example.sentences))
        reading = facts.reading(example.claim, example.evidence)
        if reading is None or reading.certain is not None:
            continue
        kind = "judged" if example.source == "cogensumm" else example.kind
        # True news statements are of two sorts: highlights (written by people, as a model writes takeaways)
        # and cuts or rewordings of one sentence (as the extractive engine trims): each weighs the same.
        true_kind = "highlight" if example.kind == "highlight" else example.source
        group = (example.source, example.faithful, kind if not example.faithful else true_kind)
        found.append(
            Row(
                reading.features,
                example.faithful,
                group,
                example.held_out,
                reading.kind,
                entailment.rules_pass(reading),
            )
        )
    return found


def group_weights(data: Sequence[Row]) -> list[float]:
    """Each label weighs the same in total; within a label each source, and within a source each kind, alike."""
    sizes = Counter(row.group for row in data)
    kinds: dict[tuple[str, bool], int] = Counter((source, label) for source, label, _ in sizes)
    sources: dict[bool, int] = Counter(label for _, label in kinds)
    return [len(data) / (2 * sources[row.faithful] * kinds[row.group[:2]] * sizes[row.group]) for row in data]


def fit(data: Sequence[Row], names: Sequence[str]) -> GroundingModel:
    """Weighted L2 logistic regression on standardised features, by Newton's method."""
    weights_of_rows = group_weights(data)
    means = {n: sum(r.features[n] for r in data) / len(data) for n in names}
    scales = {}
    for n in names:
        spread = math.sqrt(sum((r.features[n] - means[n]) ** 2 for r in data) / len(data))
        scales[n] = spread if spread > 1e-9 else 1.0
    matrix = [[1.0] + [(r.features[n] - means[n]) / scales[n] for n in names] for r in data]
    labels = [1.0 if r.faithful else 0.0 for r in data]
    size = len(names) + 1
    beta = [0.0] * size
    for _ in range(ITERATIONS):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for x, y, w in zip(matrix, labels, weights_of_rows, strict=True):
            p = _sigmoid(sum(b * v for b, v in zip(beta, x, strict=True)))
            for i in range(size):
                gradient[i] += w * (y - p) * x[i]
                wi = w * p * (1 - p) * x[i]
                row = hessian[i]
                for j in range(i, size):
                    row[j] += wi * x[j]
        for i in range(size):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
        for i in range(1, size):
            gradient[i] -= PENALTY * beta[i]
            hessian[i][i] += PENALTY
        step = _solve(hessian, gradient)
        beta = [b + s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return GroundingModel(
        weights={n: round(beta[i + 1], 6) for i, n in enumerate(names)},
        means={n: round(means[n], 6) for n in names},
        scales={n: round(scales[n], 6) for n in names},
        bias=round(beta[0], 6),
        threshold=0.5,
    )


def choose_cuts(model: GroundingModel, held: Sequence[Row]) -> tuple[float, float]:
    """(threshold, floor) with the best weighted balanced accuracy on the held-out stories, among those that
    pass at least ``TRUE_PASS`` of the held-out true highlights (a true takeaway that fails is lost). The
    highlights, not the cuts: a cut of one sentence is easy to pass, and a threshold that passes nine cuts
    in ten may pass half the highlights."""
    weights = group_weights(held)
    scores = [model.score(row.features) for row in held]
    best: tuple[float, float, float, float] | None = None
    for high in THRESHOLDS:
        for low in sorted({0, round(FLOOR_CAP * 100)}):
            passed = [
                _passes(score, row.rules_pass, high / 100, low / 100)
                for score, row in zip(scores, held, strict=True)
            ]
            true_news = [
                ok
                for ok, row in zip(passed, held, strict=True)
                if row.faithful and row.group[2] == "highlight"
            ] or [ok for ok, row in zip(passed, held, strict=True) if row.faithful and row.group[0] == "news"]
            if true_news and sum(true_news) < TRUE_PASS * len(true_news):
                continue
            score = _weighted_balanced(passed, held, weights)
            candidate = (score, -abs(high - 50) / 100, high / 100, low / 100)
            best = candidate if best is None or candidate > best else best
    return (best[2], best[3]) if best else (0.05, 0.0)


def report(model: GroundingModel, held: Sequence[Row]) -> dict[str, Any]:
    """Held-out figures: balanced accuracy per source, and the pass or catch rate of each group."""
    passed = [(model.passes(model.score(row.features), row.rules_pass), row) for row in held]
    figures: dict[str, Any] = {}
    for source in sorted({row.group[0] for row in held}):
        mine = [(ok, row.faithful) for ok, row in passed if row.group[0] == source]
        good = [ok for ok, truth in mine if truth]
        bad = [not ok for ok, truth in mine if not truth]
        figures[f"{source} balanced accuracy"] = round((_rate(good) + _rate(bad)) / 2, 4)
    for group in sorted({row.group for row in held}):
        outcomes = [ok == row.faithful for ok, row in passed if row.group == group]
        label = (
            f"{group[0]} {'true' if group[1] else 'false ' + group[2]}: {'pass' if group[1] else 'caught'}"
        )
        figures[label] = f"{_rate(outcomes):.0%} of {len(outcomes)}"
    return figures


def train(examples: Sequence[Example]) -> tuple[dict[str, GroundingModel], dict[str, Any]]:
    """One model per kind of statement, and their held-out figures."""
    data = rows(examples)
    names = sorted(data[0].features)
    models: dict[str, GroundingModel] = {}
    figures: dict[str, Any] = {}
    for kind in KINDS:
        mine = [row for row in data if row.kind == kind]
        training = [row for row in mine if not row.held_out]
        held = [row for row in mine if row.held_out]
        model = fit(training, names)
        if held:
            threshold, floor = choose_cuts(model, held)
            model = GroundingModel(model.weights, model.means, model.scales, model.bias, threshold, floor)
        models[kind] = model
        figures[kind] = report(model, held) | {"training rows": len(training), "held-out rows": len(held)}
    return models, figures


def model_text(models: dict[str, GroundingModel]) -> str:
    """The model file as shipped: stable key order, so the same training gives the same bytes."""
    about = {
        "about": "grounding check models; trained by training/train_grounding.py, data in "
        + MANIFEST_FILE.name
    }
    data = about | {
        "models": {kind: model.to_json({}) for kind, model in models.items()},
        "training": settings(),
    }
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


REPRODUCIBLE = (
    "Written by make train-grounding from the two files whose sha256 is given above (make grounding-data"
    " restores them), with the settings recorded in the model file's 'training'; the trainer is deterministic"
    " (fixed data order, no randomness, no dependence on hash order, weights rounded to 6 places), so running"
    " it at the commit that ships this file rewrites both files byte for byte."
)


def main() -> int:
    data = {
        name: source | {"sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
        for (name, source), path in zip(SOURCES.items(), (FACTUALITY, NEWS), strict=True)
    }
    _warn_if_data_differs(data)
    models, figures = train(all_examples())
    text = model_text(models)
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    MODEL_FILE.write_text(text, encoding="utf-8")
    manifest = {
        "model": {"file": MODEL_FILE.name, "sha256": hashlib.sha256(text.encode()).hexdigest()},
        "made_by": "make train-grounding (python -m training.train_grounding)",
        "data": data,
        "not used": NOT_USED,
        "held_out": figures,
        "note": REPRODUCIBLE,
    }
    MANIFEST_FILE.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2), file=sys.stderr)
    return 0


def _warn_if_data_differs(data: dict[str, dict[str, str]]) -> None:
    """Other data writes another model: say so, rather than let a different file pass for the shipped one."""
    try:
        shipped = json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))["data"]
    except (FileNotFoundError, KeyError):
        return
    for name, source in data.items():
        if shipped.get(name, {}).get("sha256") != source["sha256"]:
            print(
                f"warning: the {name} data is not the file the shipped model was trained on", file=sys.stderr
            )


def _passes(score: float, rules_pass: bool, threshold: float, floor: float) -> bool:
    return score >= threshold or (rules_pass and score >= floor)


def _weighted_balanced(passed: Sequence[bool], held: Sequence[Row], weights: Sequence[float]) -> float:
    right = {True: 0.0, False: 0.0}
    total = {True: 0.0, False: 0.0}
    for ok, row, weight in zip(passed, held, weights, strict=True):
        total[row.faithful] += weight
        right[row.faithful] += weight * (ok == row.faithful)
    return sum(right[label] / total[label] for label in total if total[label]) / 2


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(value, 30.0), -30.0)))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small and, with the penalty, well posed)."""
    size = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, size):
            factor = a[r][col] / a[col][col]
            for c in range(col, size + 1):
                a[r][c] -= factor * a[col][c]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        solution[r] = (a[r][size] - sum(a[r][c] * solution[c] for c in range(r + 1, size))) / a[r][r]
    return solution


def _rate(values: Sequence[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
