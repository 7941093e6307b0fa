"""A headline is never cut where the verb's object or complement is still to come (issue 11).

A cut before "at least four workers", "than inflation" or "to Glasgow" leaves a headline that reads
as if it had ended and has lost the news; the sentences here are our own.
"""

from __future__ import annotations

import pytest

from takeaways.article import Article
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.engines.headline import (
    HEADLINE_CHARS,
    ends_at_a_boundary,
    headline_options,
    headline_reads_complete,
    lede_compressions,
)
from takeaways.text.grammar import is_clause

FIRE = (
    "A fire at a warehouse in the northern coastal town of Ardmuir killed at least four workers and injured "
    "nine others, the fire service said on Friday."
)


@pytest.mark.parametrize(
    ("headline", "sentence"),
    [
        # the object is a quantity, tagged as a phrase
        (
            "A landslide near the harbour road killed",
            "A landslide near the harbour road killed at least three walkers on the coast path.",
        ),
        # a comparison cut before what it is measured by
        (
            "Ferry fares rose by 4% this spring, far higher",
            "Ferry fares rose by 4% this spring, far higher than inflation.",
        ),
        # an adjective cut before the adjective and noun it is joined to
        (
            "The council has scrapped the town's expensive",
            "The council has scrapped the town's expensive, unpopular parking scheme after a year of protests.",
        ),
        # a noun that says nothing until its clause says which
        (
            "A bronze statue was unveiled near the spot",
            "A bronze statue was unveiled near the spot where the lifeboat sank in 1953.",
        ),
        # a verb's adverb cut before the phrase the verb goes on to
        (
            "The touring exhibition of lost maps is heading straight",
            "The touring exhibition of lost maps is heading straight to Glasgow after its London run.",
        ),
        # a passive of causing cut before what caused it
        (
            "The inquiry found the harbour wall collapse was caused last winter",
            "The inquiry found the harbour wall collapse was caused last winter by a burst water main.",
        ),
    ],
)
def test_a_cut_before_the_complement_is_not_a_clause(headline: str, sentence: str) -> None:
    assert not is_clause(headline, sentence)


def test_the_same_sentence_with_its_object_is_a_clause() -> None:
    sentence = "A landslide near the harbour road killed at least three walkers on the coast path."
    assert is_clause("A landslide near the harbour road killed at least three walkers", sentence)


@pytest.mark.parametrize(
    "headline",
    ["The harbour pilot who ran the ferry aground will remain", "The old lighthouse keeper's cottage became"],
)
def test_a_linking_verb_does_not_end_a_headline(headline: str) -> None:
    assert not headline_reads_complete(headline)


def test_a_reflexive_verb_keeps_its_particle() -> None:
    sentence = "The driver who fled the crash scene turned himself in at Dunmore police station."
    assert not ends_at_a_boundary("The driver who fled the crash scene turned himself", sentence)
    assert ends_at_a_boundary("The driver who fled the crash scene turned himself in", sentence)


def test_a_place_description_goes_before_the_death_toll_does() -> None:
    options = headline_options(FIRE)
    assert "A fire at a warehouse in Ardmuir killed at least four workers" in options
    assert all(len(option) <= HEADLINE_CHARS for option in options)


def test_the_alert_headline_keeps_the_death_toll() -> None:
    story = (
        f"{FIRE} Crews from three stations fought the blaze for six hours. The warehouse stored paint and "
        "solvents, the owner said. Police have opened an investigation into the cause of the fire."
    )
    alert = ExtractiveEngine().summarise(Article(body=story))
    assert (
        alert.headline
        == "A fire at a warehouse in Ardmuir killed at least four workers and injured nine others"
    )


def test_the_injured_go_before_the_dead_lose_their_number() -> None:
    sentence = FIRE.replace("four workers", "four experienced night-shift packing workers")
    story = (
        f"{sentence} Crews from three stations fought the blaze for six hours. The warehouse stored paint."
    )
    alert = ExtractiveEngine().summarise(Article(body=story))
    assert (
        alert.headline
        == "A fire at a warehouse in Ardmuir killed at least four experienced night-shift packing workers"
    )


def test_beyond_the_lede_a_birth_is_background_and_the_event_heads_the_alert() -> None:
    story = (
        "Why would anyone give away a house by the sea? "
        '"She loved that lifeboat crew," said a neighbour. '
        '"We never expected it," said the coxswain. '
        "Who could blame them? "
        '"It is a wonderful gift," said the mayor. '
        "Marta Kowalczyk, the Harwick lifeboat crew's oldest supporter, was born in a house by the sea in Harwick "
        "in 1931. "
        "The Harwick lifeboat crew will sell the house by the sea to pay for a new lifeboat. "
        "Kowalczyk died in March aged 92."
    )
    alert = ExtractiveEngine().summarise(Article(body=story))
    assert "born" not in alert.headline
    assert alert.headline.startswith("The Harwick lifeboat crew will sell the house")


def test_an_active_cause_may_end_before_how_it_was_done() -> None:
    sentence = "The mayor's nephew caused outrage by parking his van across the lifeboat slipway."
    assert is_clause("The mayor's nephew caused outrage", sentence)


def test_a_relative_clause_is_not_cut_down_to_its_bare_passive_verb() -> None:
    sentence = (
        "Harbour police have arrested Tomas Berg, a deckhand accused of smuggling who was featured "
        "on the Isles Herald's most-wanted page."
    )
    options = headline_options(sentence)
    assert options and all(not option.endswith("who was featured") for option in options)
    # A passive that needs nothing more stays whole.
    killed = "Police have named the retired harbour master and lifeboat volunteer who was killed in Kelby on Monday."
    assert (
        "Police have named the retired harbour master and lifeboat volunteer who was killed"
        in lede_compressions(killed)
    )
    headline = (
        ExtractiveEngine().summarise(Article(body=sentence + " He will appear in court on Monday.")).headline
    )
    assert headline.startswith("Harbour police have arrested Tomas Berg") and not headline.endswith(
        "featured"
    )


@pytest.mark.parametrize(
    ("sentence", "ending"),
    [
        (
            "A Kelby teenager who was hurt in the ferry fire will stay in hospital for the time being.",
            "for the time being",
        ),
        ("The Kelby night ferry will not sail this winter after all.", "after all"),
    ],
)
def test_a_fixed_phrase_ending_on_a_function_word_ends_a_headline(sentence: str, ending: str) -> None:
    summary = ExtractiveEngine().summarise(Article(body=sentence + " Crews are expected back on Monday."))
    assert summary.headline.endswith(ending)
    assert headline_reads_complete(summary.headline) and is_clause(summary.headline, sentence)


def test_a_function_word_outside_a_fixed_phrase_still_waits() -> None:
    assert not headline_reads_complete("The ferry will stay at the quay for the")
    assert not is_clause(
        "The ferry will stay at the quay for all", "The ferry will stay at the quay for all of May."
    )


def test_a_cut_inside_a_list_whose_and_is_still_to_come_is_no_clause() -> None:
    sentence = (
        "Tomas Berg, 41, has been charged with two counts of smuggling, a count of handling stolen diesel "
        "from the harbour depot and three counts of fraud."
    )
    assert not is_clause(
        "Tomas Berg has been charged with two counts of smuggling, a count of handling stolen diesel",
        sentence,
    )
    assert is_clause("Tomas Berg has been charged with two counts of smuggling", sentence)
    # An aside after a comma with its own verb is no list item.
    assert is_clause(
        "The ferry was stopped at the quay, a spokesman said",
        "The ferry was stopped at the quay, a spokesman said on Monday and Tuesday.",
    )
    # After an apposition, an "and" that opens a second verb, or one inside a relative clause, is no list's.
    assert is_clause(
        "Police arrested Tom Berg, a deckhand from Kelby",
        "Police arrested Tom Berg, a deckhand from Kelby and charged him with theft.",
    )
    assert is_clause(
        "Police arrested Tom Berg, a deckhand from Kelby",
        "Police arrested Tom Berg, a deckhand from Kelby whose boat and nets were seized.",
    )
