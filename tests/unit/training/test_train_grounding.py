"""Training the grounding model: the same data gives the same file, and what it learns separates the labels."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from takeaways.engines import grounding_model
from takeaways.engines.grounding import ArticleFacts
from training.grounding_data import Example, edits, false_cuts, held_out, true_cuts, true_rewordings
from training.train_grounding import model_text, settings, train

ARTICLE = [
    "Harbour Holdings agreed on Monday to buy the Port Ellis shipyard, which employs 900 people.",
    "The sale still needs the approval of the regional competition authority, officials said.",
    "Union leader Tomas Berg said workers feared for their pensions after the sale.",
    "Mayor Ines Okafor welcomed the deal, calling it a lifeline for the town.",
]
TRUE = [
    ("Harbour Holdings agreed on Monday to buy the Port Ellis shipyard.", [0]),
    ("The sale still needs the approval of the regional competition authority.", [1]),
    ("Tomas Berg says workers feared for their pensions after the sale.", [2]),
    ("Mayor Ines Okafor welcomed the deal.", [3]),
]
FALSE = [
    ("Harbour Holdings agreed on Monday to buy the struggling Port Ellis shipyard.", [0]),
    ("The sale still needs the approval of the regional harbour authority.", [1]),
    ("Tomas Berg said workers feared for their jobs after the sale because the town is poor.", [2]),
    ("Mayor Ines Okafor welcomed the generous deal warmly.", [3]),
]


def stories() -> tuple[str, str]:
    """One story id the split trains on and one it holds out."""
    ids = [f"story-{number}" for number in range(200)]
    return next(i for i in ids if not held_out(i)), next(i for i in ids if held_out(i))


def tiny_set() -> list[Example]:
    examples: list[Example] = []
    for story in stories():
        for (claim, cited), faithful in [(item, True) for item in TRUE] + [(item, False) for item in FALSE]:
            examples.append(Example(claim, ARTICLE, cited, faithful, "written", story, "news"))
    return examples


def test_training_on_the_same_data_gives_the_same_model_file() -> None:
    first, _ = train(tiny_set())
    second, _ = train(tiny_set())
    assert model_text(first) == model_text(second)
    data = json.loads(model_text(first))
    assert set(data["models"]) == set(grounding_model.KINDS)


# A model file in a fresh interpreter: string hashing is salted per process, so anything that depends on
# the order of a set of words shows here and not within one run.
_TRAIN_IN_A_FRESH_PROCESS = """
import sys
from takeaways.engines.grounding import ArticleFacts
from tests.unit.training.test_train_grounding import FERRY, tiny_set
from training.train_grounding import model_text, train
reading = ArticleFacts(FERRY).reading(FERRY_CLAIM, [1])
print(sorted(reading.features.items()))
print(model_text(train(tiny_set())[0]))
""".replace(
    # reworded, so the model reads it (the sentence itself with the name put in needs no reading)
    "FERRY_CLAIM",
    repr("Until the operator withdrew the new rota, the crews would stay out, Tomas Berg said."),
)
FERRY = [
    "Ferry captain Tomas Berg led the first picket at Grenhaven harbour before dawn.",
    "He said the crews would stay out until the operator withdrew the new rota.",
]


def test_the_model_file_does_not_depend_on_hash_order() -> None:
    outputs = []
    for seed in ("1", "4"):  # seeds under which {"tomas", "berg"} iterates in opposite orders
        env = os.environ | {"PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(sys.path)}
        done = subprocess.run(
            [sys.executable, "-c", _TRAIN_IN_A_FRESH_PROCESS],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert "names_from_context', 1.0" in outputs[0]  # the two-word name came from the sentence before
    assert outputs[0] == outputs[1]


def test_the_shipped_model_file_records_the_trainers_settings() -> None:
    """A changed setting (penalty, threshold grid, split) means the shipped file is no longer what
    ``make train-grounding`` writes: retrain and ship the new file with the change."""
    shipped = json.loads(grounding_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert shipped["training"] == settings()


def test_the_trained_model_scores_true_statements_above_false_ones() -> None:
    models, figures = train(tiny_set())
    model = models["paraphrase"]
    facts = ArticleFacts(ARTICLE)

    def mean_score(items: list[tuple[str, list[int]]]) -> float:
        readings = [facts.reading(claim, cited) for claim, cited in items]
        scores = [model.score(r.features) for r in readings if r is not None and r.certain is None]
        return sum(scores) / len(scores)

    assert mean_score(TRUE) > mean_score(FALSE)
    assert figures["paraphrase"]["held-out rows"] > 0


def test_the_perturbations_make_what_they_say() -> None:
    sentence = ARTICLE[2]
    made = dict(edits(sentence, ["Tomas Berg", "Ines Okafor"], ["lifeline", "approval"], ARTICLE[3], 0))
    assert made["person"] == sentence.replace("Berg", "Okafor")
    assert made["attribution"].startswith("Union leader Tomas Okafor said")
    assert " because " in made["causal"] or " after " in made["causal"] or " so " in made["causal"]
    assert dict(true_cuts(ARTICLE[1]))["cut-attribution"] == (
        "The sale still needs the approval of the regional competition authority."
    )
    assert dict(true_rewordings(ARTICLE[2]))["reworded-tense"].startswith("Union leader Tomas Berg says")
    assert all(cut != ARTICLE[0] for _, cut in false_cuts(ARTICLE[0]))
