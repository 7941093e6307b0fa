"""Training the grounding model: the same data gives the same file, and what it learns separates the labels."""

from __future__ import annotations

import json

from takeaways.engines import grounding_model
from takeaways.engines.grounding import ArticleFacts
from training.grounding_data import Example, edits, false_cuts, held_out, true_cuts, true_rewordings
from training.train_grounding import model_text, train

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
