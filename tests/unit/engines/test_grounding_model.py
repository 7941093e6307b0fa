"""The grounding check's learned part: its features, its decisions on written fixtures, and the shipped file."""

from __future__ import annotations

import hashlib
import json
import math
import re

import pytest

from takeaways.engines import entailment, grounding_model
from takeaways.engines.entailment import claim_features, problem, read
from takeaways.engines.grounding import ArticleFacts
from takeaways.engines.grounding_model import MANIFEST_FILE, MODEL_FILE, GroundingModel

SENTENCE = "Harbour Holdings agreed on Monday to buy the Port Ellis shipyard, which employs 900 people."
MATCH = "Okafor beat Lund 6-3, 6-4 in the final of the Port Ellis Open on Sunday."
FERRY = [
    "Ferry captain Tomas Berg led the first picket at Grenhaven harbour before dawn.",
    "He said the crews would stay out until the operator withdrew the new rota.",
]


def features(claim: str, sentence: str = SENTENCE) -> dict[str, float]:
    return claim_features(entailment.normal(claim), [sentence], sentence)


# ---------------------------------------------------------------- features


def test_a_clean_cut_is_in_order_and_has_no_rough_edge() -> None:
    found = features("Harbour Holdings agreed on Monday to buy the Port Ellis shipyard.")
    assert found["in_order_share"] == 1.0
    assert found["new_words"] == 0.0 and found["copy_with_new_word"] == 0.0
    assert found["rough_cuts"] == 0.0 and found["stops_inside_phrase"] == 0.0


def test_a_cut_inside_a_phrase_is_rough_and_stops_inside_it() -> None:
    found = features("Harbour Holdings agreed on Monday to buy the Port.")
    assert found["stops_inside_phrase"] == 1.0 and found["rough_cuts"] > 0


def test_a_cut_that_joins_a_subject_to_a_later_verb_is_marked() -> None:
    found = features("Harbour Holdings employs 900 people.")
    assert found["in_order_share"] == 1.0
    assert found["inner_gaps"] > 0 and found["rough_cuts"] > 0


def test_dropping_a_score_or_a_which_is_no_rough_cut() -> None:
    assert (
        features("Okafor beat Lund in the final of the Port Ellis Open on Sunday.", MATCH)["rough_cuts"] == 0
    )
    assert features("The Port Ellis shipyard employs 900 people.")["rough_cuts"] == 0.25  # only its start


def test_a_word_added_to_a_copy_is_marked_and_a_figure_in_other_words_is_not() -> None:
    added = features("Harbour Holdings agreed on Monday to buy the struggling Port Ellis shipyard.")
    assert added["copy_with_new_word"] == 1.0 and added["new_words"] > 0
    shipyard = "Harbour Holdings agreed to buy the shipyard for $4.6 billion."
    assert (
        features("Harbour Holdings agreed to buy the shipyard for $4.6bn.", shipyard)["in_order_share"] == 1.0
    )


def test_reversed_order_and_stutters_are_measured() -> None:
    assert features("Lund beat Okafor in the final.", MATCH)["reordered"] > 0
    assert features("Okafor beat Lund in the final.", MATCH)["reordered"] == 0
    assert features("The shipyard employs 900 900 people people.")["repeated_words"] == 1.0


def test_a_pronouns_referent_is_no_new_word() -> None:
    claim = "Berg said the crews would stay out until the operator withdrew the new rota."
    reading = read(claim, FERRY[1:], FERRY[:1], " ".join(FERRY))
    assert reading.certain is None
    assert reading.features["names_from_context"] > 0 and reading.features["copy_with_new_word"] == 0.0


def test_certain_failures_come_before_any_feature() -> None:
    assert read("Harbour Holdings agreed to buy the shipyard, which employs 950 people.", [SENTENCE]).certain
    reading = read("Lund beat Okafor 6-3, 6-4 in the final.", [MATCH])
    assert reading.certain is not None and "reverses who did what" in reading.certain
    assert not reading.features


# ---------------------------------------------------------------- decisions of the shipped model


@pytest.mark.parametrize(
    "claim",
    [
        "Harbour Holdings agreed on Monday to buy the Port Ellis shipyard.",
        "Harbour Holdings agreed to buy the Port Ellis shipyard, which employs 900 people.",
        "Okafor beat Lund in the final of the Port Ellis Open.",
    ],
)
def test_the_shipped_model_passes_true_statements(claim: str) -> None:
    assert problem(claim, [SENTENCE, MATCH]) is None


@pytest.mark.parametrize(
    ("claim", "cited"),
    [
        # an invented cause joined to a true statement
        ("Harbour Holdings agreed to buy the shipyard because the shipyard employs 900 people.", [SENTENCE]),
        # words the cited sentence never says
        (
            "Harbour Holdings agreed on Monday to buy the bankrupt Port Ellis shipyard after a bitter bidding war.",
            [SENTENCE],
        ),
        # a cut that leaves the statement hanging
        ("Harbour Holdings agreed on Monday to buy the.", [SENTENCE]),
        # a name for "he" that the sentences before do not give
        ("Okafor said the crews would stay out until the operator withdrew the new rota.", FERRY[1:]),
    ],
)
def test_the_shipped_model_fails_unsupported_statements(claim: str, cited: list[str]) -> None:
    assert problem(claim, cited) is not None


def test_a_model_failure_says_its_score_and_the_likeliest_reason() -> None:
    found = problem(
        "Harbour Holdings agreed to buy the shipyard because the shipyard employs 900 people.", [SENTENCE]
    )
    assert found is not None and "because" in found


def test_a_dropped_negation_in_a_trim_still_fails() -> None:
    facts = ArticleFacts(["The council did not approve the new ferry timetable on Tuesday."])
    assert facts.problem("The council did approve the new ferry timetable on Tuesday.", [0]) is not None
    assert (
        facts.problem("The council did approve the new ferry timetable.", [0]) == "drops the negation 'not'"
    )


# ---------------------------------------------------------------- the model's arithmetic and its file


def test_the_score_is_a_sigmoid_of_standardised_weighted_features() -> None:
    model = GroundingModel({"a": 2.0}, {"a": 1.0}, {"a": 0.5}, bias=-1.0, threshold=0.5, floor=0.2)
    assert model.score({"a": 2.0}) == pytest.approx(1 / (1 + math.exp(-3.0)))
    assert model.score({}) == pytest.approx(1 / (1 + math.exp(5.0)))
    assert model.passes(0.5, rules_pass=False) and not model.passes(0.3, rules_pass=False)
    assert model.passes(0.3, rules_pass=True) and not model.passes(0.1, rules_pass=True)
    assert GroundingModel.from_json(model.to_json({})) == model


def test_without_a_model_file_the_rules_decide_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    claim = "Harbour Holdings agreed to buy the shipyard after a long bidding war."
    monkeypatch.setattr(grounding_model, "MODEL_FILE", MODEL_FILE.with_name("absent.json"))
    grounding_model.load.cache_clear()
    try:
        assert grounding_model.load() is None
        assert problem(claim, [SENTENCE]) == problem(claim, [SENTENCE], fitted=entailment.Limits())
    finally:
        grounding_model.load.cache_clear()


def test_the_shipped_model_matches_its_manifest() -> None:
    manifest = json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))
    assert manifest["model"]["file"] == MODEL_FILE.name
    assert manifest["model"]["sha256"] == hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()
    for source in manifest["data"].values():
        assert re.fullmatch(r"github:[\w.-]+/[\w.-]+@[0-9a-f]{40}", source["repository"])
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
        assert source["licence"] and source["path"]
    assert "FRANK" in manifest["not used"] and "QAGS" in manifest["not used"]
    models = grounding_model.load()
    assert models is not None and set(models) == set(grounding_model.KINDS)
    for model in models.values():
        assert 0.0 <= model.floor <= model.threshold <= 1.0


def test_every_feature_the_check_computes_has_a_weight() -> None:
    models = grounding_model.load()
    assert models is not None
    reading = read("Harbour Holdings agreed to buy the shipyard after talks.", [SENTENCE])
    assert reading.certain is None
    for model in models.values():
        assert set(model.weights) == set(reading.features)
