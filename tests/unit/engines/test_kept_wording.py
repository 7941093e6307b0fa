"""Statements that keep a sentence's wording but say something else with it, and people swapped for those
quoted: each case of our own writing, beside the true statement it must still pass."""

from __future__ import annotations

from takeaways.engines.entailment import read
from takeaways.engines.grounding import ArticleFacts

HOME = (
    "The home which was built for the former mayor Ana Sousa and her husband has been opened for inspection"
    " just a day after her sudden death."
)
PAID = "The club has also been ordered to pay 167,000 pounds in compensation and fines."
COLONOSCOPY = [
    "The polyps were removed and sent for routine examination, spokesman Scott Stanzel said.",
    "The president is in good humour, Stanzel said, and will rest at the lake house.",
]


def certain(claim: str, evidence: list[str], context: tuple[str, ...] = ()) -> str | None:
    return read(claim, evidence, context, " ".join([*context, *evidence])).certain


def test_a_cut_that_joins_what_it_keeps_across_what_it_drops_fails() -> None:
    joined = certain("The home was built for inspection just a day after her sudden death.", [HOME])
    assert joined is not None and "joins words its sentence keeps apart" in joined
    assert (
        certain("The home has been opened for inspection just a day after her sudden death.", [HOME]) is None
    )
    assert certain("The home was built for the former mayor Ana Sousa and her husband.", [HOME]) is None


def test_a_cut_may_drop_figures_dates_and_list_items_between_its_words() -> None:
    assert certain("The club has been ordered to pay compensation and fines.", [PAID]) is None
    crews = "Crews of Northern Isles Ferries rejected a pay offer on Tuesday, the union said."
    assert certain("Crews rejected a pay offer on Tuesday.", [crews]) is None
    dated = "Harbour Holdings agreed in February 1945 to buy the shipyard."
    assert certain("Harbour Holdings agreed to buy the shipyard.", [dated]) is None


def test_a_near_copy_with_a_word_of_its_own_in_place_of_the_sentences_fails() -> None:
    swapped = certain("The club has also been ordered to pay 167,000 pounds in damages and fines.", [PAID])
    assert swapped is not None and "says 'damages' where it says 'compensation'" in swapped
    # A word added beside the sentence's own, or a form of one of them, replaces nothing.
    output = "Parents can follow the output on the school's website each day."
    assert certain("Parents can follow the daily output on the school's website.", [output]) is None
    assert (
        certain("The club has also been ordered to pay 167,000 pounds in compensation and a fine.", [PAID])
        is None
    )


def test_a_person_only_quoted_is_not_the_one_who_does_what_they_report() -> None:
    swapped = certain("Stanzel is in good humour and will rest at the lake house.", COLONOSCOPY)
    assert swapped is not None and "makes Stanzel the doer" in swapped
    assert certain("Stanzel says the president is in good humour.", COLONOSCOPY) is None


def test_words_standing_alone_in_a_quotation_are_not_given_to_someone_quoted_elsewhere() -> None:
    sentences = [
        "The agency has tried every option to reach the miners, its head Richard Stickler said in a statement.",
        "President Ben Harlow spoke to reporters at the mine on Friday.",
        '"Laura and I are deeply saddened by this tragedy."',
    ]
    facts = ArticleFacts(sentences)
    misattributed = facts.problem("Richard Stickler says he is deeply saddened by the tragedy.", [0, 2])
    assert misattributed is not None and "does not name Richard Stickler" in misattributed
    assert facts.problem("Ben Harlow says he is deeply saddened by the tragedy.", [1, 2]) is None


def test_a_possessive_name_meets_the_name_the_sentences_before_give() -> None:
    facts = ArticleFacts(
        [
            "President Ana Sousa met the harbour board on Monday.",
            "She said her government would rebuild the pier.",
        ]
    )
    reading = facts.reading("Sousa's government would rebuild the pier.", [1])
    assert reading is not None and reading.certain is None
    assert "obama'" not in str(reading.features) and reading.features["new_words"] == 0.0


def test_an_order_of_events_the_sentence_states_whole_may_be_told_the_other_way_round() -> None:
    sentences = [
        "The maker recalled the toy after three children swallowed the beads and were taken to hospital."
    ]
    assert certain("Three children were taken to hospital after they swallowed the beads.", sentences) is None
    causal = certain("Three children were taken to hospital because they swallowed the beads.", sentences)
    assert causal is not None and "adds a cause" in causal


def test_a_rank_a_plural_name_and_a_possessive_at_the_end_are_no_errors() -> None:
    facts = ArticleFacts(
        [
            "World number three Novak Djokovic lost to Rwandan Hutu rebels' favourite player on Wednesday.",
            "Simpson said the items were his.",
        ]
    )
    assert facts.problem("World No. 3 Novak Djokovic lost on Wednesday.", [0]) is None
    assert facts.problem("World No. 4 Novak Djokovic lost on Wednesday.", [0]) is not None
    assert facts.unsupported("Rwandan Hutus cheered.") is None
    assert facts.problem("Simpson says the items were his.", [1]) is None
    assert certain(
        "Simpson says the items were given to his.", ["Simpson said the items were given to his son."]
    )


def test_a_cut_that_keeps_a_nouns_modifier_but_drops_the_noun_fails() -> None:
    sentence = "Harbour striker Tiago Lessa will miss the rest of the season with a knee injury."
    facts = ArticleFacts([sentence])
    assert facts.problem("Tiago Lessa will miss the rest of the season with a knee.", [0]) is not None
    assert facts.problem("Tiago Lessa will miss the rest of the season.", [0]) is None


def test_a_cut_that_ends_before_of_or_a_verb_has_lost_its_ending() -> None:
    sentence = (
        "Drivers can bring their own cars and the crossing is all part of the trip, as the ferries are new."
    )
    facts = ArticleFacts([sentence])
    assert facts.problem("Drivers can bring their own cars and the crossing is all part.", [0]) is not None
    assert (
        facts.problem("Drivers can bring their own cars and the crossing is all part of the trip.", [0])
        is None
    )
    assert facts.problem("Drivers can bring their own cars, as the ferries.", [0]) is not None


def test_a_word_said_twice_in_a_row_is_a_slip() -> None:
    facts = ArticleFacts(["Amara Okafor feared she would not make it to her June 14 wedding in Port Ellis."])
    assert (
        facts.problem("Amara Okafor feared she would not make it to her June June wedding.", [0]) is not None
    )
    assert facts.problem("Amara Okafor feared she would not make it to her June 14 wedding.", [0]) is None
