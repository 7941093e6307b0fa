"""Rules that decide whether a true, reworded statement passes: each case of our own writing, with the edit it must still catch."""

from __future__ import annotations

import pytest

from takeaways.engines.entailment import name_root, name_variants, read
from takeaways.engines.grounding import ArticleFacts


def certain(claim: str, evidence: list[str], article: str = "") -> str | None:
    return read(claim, evidence, (), article or " ".join(evidence)).certain


def test_a_country_written_another_way_is_the_same_country() -> None:
    facts = ArticleFacts(["The U.S. embassy in Port Ellis cut its staff by half on Monday."])
    assert facts.unsupported("The United States cut its embassy staff in Port Ellis.") is None
    assert facts.unsupported("The United Nations cut its staff in Port Ellis.") is not None
    assert "United States" in name_variants("the U.S. embassy") and name_variants("us") == ""


@pytest.mark.parametrize(
    ("place", "people"), [("Rwanda", "Rwandan"), ("England", "English"), ("Italy", "Italian")]
)
def test_a_country_and_its_people_share_a_root(place: str, people: str) -> None:
    assert name_root(place) == name_root(people)


def test_a_run_of_names_ends_at_a_possessive_and_at_a_weekday() -> None:
    facts = ArticleFacts(["Harbour Rovers signed Brazilian striker Tiago Lessa in Port Ellis on Friday."])
    assert (
        facts.unsupported("Harbour Rovers' Brazilian striker Tiago Lessa signed in Port Ellis Friday.")
        is None
    )
    assert facts.unsupported("Harbour Rovers signed Brazilian striker Marco Lessa.") is not None


def test_money_keeps_its_currency_and_its_conversion_shares_its_words() -> None:
    evidence = ["The club paid a record fee of 9.2 million euros ($10.4 million) for the keeper."]
    assert certain("The club paid a record $10.4 million for the keeper.", evidence) is None
    assert certain("The club paid a record £9.2 million for the keeper.", evidence) is not None
    assert certain("The club paid a record $9.2 million for the keeper.", evidence) is not None


def test_a_score_is_one_figure() -> None:
    evidence = ["Okafor's side won 3-1 at the harbour ground on Sunday."]
    assert certain("Okafor's side won 3-1 on Sunday.", evidence) is None
    assert certain("Okafor's side won 1-1 on Sunday.", evidence) is not None


def test_so_as_a_degree_and_since_a_date_state_no_cause() -> None:
    assert certain("She was so pleased she laughed.", ['"I was so pleased I laughed," she said.']) is None
    mine = ["Four crew were trapped when the pier collapsed on March 3."]
    assert read("The four crew have been trapped since March 3.", mine).rules["causal"] is None
    flood = ["The pier closed in 2021 after storms damaged it."]
    assert certain("The pier closed because storms damaged it, so ferries stopped.", flood) is not None


def test_a_statement_may_stop_where_its_sentence_stops() -> None:
    evidence = ['"It was a fine race, and I wanted to say that," Lund said.']
    assert certain('Lund: "It was a fine race, and I wanted to say that"', evidence) is None
    assert certain("Lund wanted to say that", ["Lund wanted to say that the race was fine."]) is not None


def test_names_in_two_clauses_and_titles_in_quotes_have_no_order_to_keep() -> None:
    evidence = [
        "Okafor has signed a three-year deal with Harbour Rovers, and on Monday Lessa will train with him."
    ]
    assert certain("Lessa will train with Okafor.", evidence) is None
    assert certain("Okafor beat Lund.", ["Lund beat Okafor in the final."]) is not None
    assert (
        certain(
            'Lund praised "Harbour Nights" by Okafor.',
            ['Okafor wrote "Harbour Nights", and Lund praised it.'],
        )
        is None
    )


def test_a_source_in_the_evidence_allows_reportedly() -> None:
    assert certain("The keeper reportedly left.", ["The keeper left, according to club officials."]) is None
    assert certain("The keeper reportedly left.", ["The keeper left the club in May."]) is not None


def test_without_negates_only_its_noun() -> None:
    evidence = ["Okafor will be held without bail after his arrest on fraud charges."]
    assert certain("Okafor faces fraud charges.", evidence) is None
    assert certain("Okafor will be held with bail.", evidence) is not None
    no_longer = ["Fees are no longer charged for the ferry."]
    assert certain("Fees are charged for the ferry.", no_longer) is not None


def test_a_negation_may_come_from_another_cited_sentence() -> None:
    evidence = ["Okafor was arrested on Friday on fraud charges.", "He will be held without bail."]
    assert certain("No bail for Okafor, arrested on fraud charges.", evidence) is None
    assert certain("Okafor was not arrested on fraud charges.", evidence) is not None


def test_a_pronoun_speaker_is_someone_named_before_it() -> None:
    evidence = ['"The plan is sound," he said.', "Council leader Maria Okafor opposed it."]
    assert certain('Okafor says "the plan is sound"', evidence) is not None
    before = ["Council leader Maria Okafor spoke first.", '"The plan is sound," she said.']
    assert certain('Okafor says "the plan is sound"', before) is None


def test_a_surname_the_article_gives_a_first_name_is_bound_as_a_person() -> None:
    article = "Maria Okafor and Thomas Reyes started. Reyes left the ground early, and Okafor scored twice."
    evidence = ["Reyes left the ground early, and Okafor scored twice."]
    assert certain("Reyes scored twice.", evidence, article) is not None
    assert certain("Okafor scored twice.", evidence, article) is None


def test_a_paraphrase_may_bring_in_a_few_words_the_article_never_uses() -> None:
    evidence = ["The storm left about 3,000 homes without power, the utility said on Monday."]
    claim = "About 3,000 homes were left without electricity after the storm, the utility said."
    assert certain(claim, evidence) is None
    assert certain("Angry farmers blockaded roads with tractors.", evidence) is not None


def test_due_to_before_a_verb_is_a_time_set_not_a_cause() -> None:
    evidence = [
        "Lund, convicted of fraud at the harbour, faces up to ten years in prison when he is sentenced on March 3."
    ]
    assert certain("Lund due to be sentenced March 3.", evidence) is None
    found = certain("Lund faces prison due to fraud at the harbour.", evidence)
    assert found is not None and "adds a cause" in found


def test_a_passive_with_no_agent_names_no_cause() -> None:
    evidence = [
        "The agency said 12,000 people in Ellis province have been forced from their homes this year."
    ]
    assert certain("Agency: some 12,000 have been forced from homes this year.", evidence) is None
    found = certain("The floods forced 12,000 people from their homes this year.", evidence)
    assert found is not None and "adds a cause" in found


def test_a_hedge_in_another_tense_is_the_same_hedge() -> None:
    evidence = ["Council leader Amara Okafor accused the harbour board of hiding the losses."]
    assert certain("Okafor accuses the harbour board of hiding the losses.", evidence) is None
    found = certain("The harbour board hid the losses.", evidence)
    assert found is not None and "drops the qualifier" in found


def test_could_not_is_the_past_of_cannot() -> None:
    evidence = ["Like his wife, he couldn't stop smiling."]
    assert certain("He can't stop smiling.", evidence) is None
    found = certain("He can stop smiling.", evidence)
    assert found is not None and "negation" in found


def test_not_before_a_negative_prefix_is_the_plain_word() -> None:
    evidence = ["In Ellis, where selling kidneys is not illegal, a market has grown."]
    assert certain("In Ellis, where selling kidneys is legal, a market has grown.", evidence) is None
    assert certain("In Ellis, where selling kidneys is not legal, a market has grown.", evidence) is not None
    assert certain("In Ellis, where selling kidneys is illegal, a market has grown.", evidence) is not None


def test_an_added_not_must_negate_what_the_sentence_negates() -> None:
    evidence = ["Lund, a former judge in Ellis, told senators he could not say whether the plan was legal."]
    assert certain("Lund told senators he could not say whether the plan was legal.", evidence) is None
    assert certain("Lund is not a former judge in Ellis.", evidence) == "adds a negation"


def test_friends_of_a_person_are_who_speak() -> None:
    evidence = ["Friends and family of Mira Okafor said she feared her husband."]
    assert certain("Friends and family: Mira Okafor feared her husband.", evidence) is None
    found = certain("Mira Okafor said she feared her husband.", evidence)
    assert found is not None and "attributes the words to Mira Okafor" in found


def test_a_cricket_figure_written_with_for_is_the_score() -> None:
    evidence = ["Steyn took a career-best five for 34 as the hosts reached 179 for two."]
    assert certain("Steyn takes a career-best 5-34 as the hosts reach 179-2.", evidence) is None
    assert certain("Steyn takes a career-best 5-43.", evidence) is not None


def test_a_name_written_with_other_capitals_is_the_same_name() -> None:
    facts = ArticleFacts(["The CNN Boardroom Master classes will take place in Shanghai."])
    assert facts.unsupported("CNN will host Boardroom Master Classes in Shanghai.") is None
    assert facts.unsupported("CNN will host Boardroom Master Lectures in Shanghai.") is not None


def test_a_country_and_its_adjective_speak_for_one_country() -> None:
    evidence = ["About 36 of the bodies have yet to be identified, according to Thailand's news agency."]
    assert (
        certain("About 36 bodies have yet to be identified, according to Thai authorities.", evidence) is None
    )
    assert certain("About 36 bodies have yet to be identified, according to Malaysian authorities.", evidence)


def test_a_department_named_the_other_way_round_is_the_same_department() -> None:
    facts = ArticleFacts(["The Department of Justice opened an inquiry into the harbour contract."])
    assert facts.unsupported("Justice Department opens inquiry into harbour contract.") is None
    assert facts.unsupported("Treasury Department opens inquiry into harbour contract.") is not None


def test_a_condition_inside_a_quotation_the_statement_leaves_alone_is_the_speakers() -> None:
    evidence = [
        'On Wednesday, Hale will tell the harbour workers that "if the yard closes, the town goes with it."'
    ]
    assert certain("Hale to address the harbour workers on Wednesday.", evidence) is None
    found = certain("Hale will tell the harbour workers that the town goes with the yard.", evidence)
    assert found is not None and "condition" in found


def test_neither_nor_is_one_negation_and_a_form_of_the_same_word_matches_it() -> None:
    evidence = ["Most of the ferry crews are neither Danish nor union members, the operator said on Monday."]
    assert certain("The operator said most of its ferry crews are not union members.", evidence) is None
    assert certain("Most of the ferry crews are Danish, the operator said.", evidence) is not None


def test_a_speculation_is_a_hedge_that_a_statement_must_keep() -> None:
    evidence = ["Some historians speculate the harbour wall was actually built for the navy."]
    assert certain("The harbour wall may have been built for the navy.", evidence) is None
    assert certain("The harbour wall was built for the navy.", evidence) is not None


def test_a_name_written_out_is_no_new_word() -> None:
    evidence = ["Ferry travel has grown in the U.S. for 12 straight years, the trade body said."]
    article = f"{evidence[0]} Operators added routes in Port Ellis."
    assert certain("Travel has grown in the United States.", evidence, article) is None
    assert certain("Travel has grown in the United Kingdom.", evidence, article) is not None


def test_a_description_dropped_before_a_name_or_an_adverb_inside_a_verb_joins_nothing() -> None:
    facts = ArticleFacts(
        [
            "The mayor appointed Lund to replace longtime ally Amara Okafor, who resigned in May.",
            "Port Ellis has long been worried that the ferry could close, but the operator denied it.",
        ]
    )
    assert facts.problem("The mayor appointed Lund to replace Amara Okafor.", [0]) is None
    assert facts.problem("The mayor appointed Okafor to replace Amara Lund.", [0]) is not None
    assert facts.problem("Port Ellis is worried the ferry could close.", [1]) is None
    assert facts.problem("Port Ellis is worried the ferry will close.", [1]) is not None


def test_a_number_word_breaks_a_word_pair() -> None:
    facts = ArticleFacts(["Ines Quist is one of four people who have been arrested over the harbour fire."])
    assert facts.problem("Ines Quist one of four arrested over the harbour fire.", [0]) is None
    assert facts.problem("Ines Quist one of five arrested over the harbour fire.", [0]) is not None


def test_evidence_is_looked_for_once_more_for_a_figure_the_chosen_sentences_lack() -> None:
    facts = ArticleFacts(
        [
            "A furious crowd dragged the body of a guard through the streets of Port Ellis on Thursday.",
            "The guard had been shot near the harbour, police said.",
            "It was a grim echo of a 1998 uprising involving dock workers, in which the bodies of guards were"
            " dragged through the streets.",
        ]
    )
    claim = "Attack recalls 1998 dragging of guard through streets of Port Ellis."
    assert facts.best_evidence(claim) == [0, 2]
    assert facts.problem(claim, facts.best_evidence(claim)) is None
    edited = claim.replace("1998", "1996")
    assert facts.problem(edited, facts.best_evidence(edited)) is not None


@pytest.mark.parametrize(
    ("sentence", "true", "hedged"),
    [
        # a hedge on a word the statement does not use qualifies something else
        (
            "The harbour office, where the boat was apparently sunk, is investigating the claims.",
            "The harbour office is investigating the claims.",
            "The harbour office is apparently investigating the claims.",
        ),
        # "suspect" as a person, not a verb of suspecting
        (
            "The court heard that Kelby arson suspect Ines Quist had bought petrol the day before.",
            "Ines Quist had bought petrol the day before, the court heard.",
            "Police suspect Ines Quist had bought petrol the day before, the court heard.",
        ),
        # "In May" is a month, not a possibility
        (
            "The couple will open their bakery in Kelby on May 20, the council said.",
            "In May, the couple will open their bakery in Kelby, the council said.",
            "The couple may open their bakery in Kelby on May 20, the council said.",
        ),
    ],
)
def test_a_hedge_counts_where_it_bears_on_the_statement(sentence: str, true: str, hedged: str) -> None:
    facts = ArticleFacts([sentence])
    assert facts.problem(true, [0]) is None
    # the hedge on what the statement does say still has to agree
    assert "qualifier" in (ArticleFacts([hedged]).problem(true, [0]) or "")


def test_suspecting_as_a_verb_is_a_hedge() -> None:
    facts = ArticleFacts(["Police suspect Ines Quist started the fire at the Kelby depot."])
    assert (
        facts.problem("Ines Quist started the fire at the Kelby depot.", [0])
        == "drops the qualifier 'suspect'"
    )


def test_each_clause_after_a_semicolon_keeps_its_own_negation() -> None:
    evidence = [
        "The depot's owners said the fire was started by an electrical fault.",
        "But there was no sign of a break-in at the Kelby depot, police said.",
    ]
    true = "The owners blame an electrical fault; there was no sign of a break-in at the Kelby depot ."
    assert certain(true, evidence) is None
    # the negation must still be the matched sentence's
    assert certain("The owners blame no electrical fault; police found a break-in .", evidence) is not None


def test_a_negation_in_an_earlier_clause_is_not_the_statements() -> None:
    evidence = ["Ferry crews are not alone; 81 percent of harbour staff say the new rota is unsafe."]
    assert certain("81 percent of harbour staff say the new rota is unsafe .", evidence) is None
    assert certain("Ferry crews are alone in calling the new rota unsafe .", evidence) is not None


def test_unclear_is_not_known() -> None:
    evidence = ["It's not known whether the Kelby depot fire had anything to do with the strike."]
    assert (
        certain("It is unclear whether the depot fire had anything to do with the strike .", evidence) is None
    )
    assert (
        certain("It is known whether the depot fire had anything to do with the strike .", evidence)
        is not None
    )


def test_a_cause_quoted_after_a_colon_has_only_the_quotation_as_its_side() -> None:
    evidence = ["Quist later apologised.", '"My careless words have led to real hurt, and I am sorry."']
    assert certain('Quist apologises: "My careless words have led to real hurt"', evidence) is None
    assert certain("Quist's apology has led to real hurt .", evidence) is not None


def test_initials_of_a_body_written_with_dotted_initials_are_its_acronym() -> None:
    facts = ArticleFacts(
        ['"The harbour has sunk," U.S. Geological Survey spokesman Ade Vale told reporters.']
    )
    assert facts.unsupported("The harbour has sunk, USGS spokesman says .") is None
    assert facts.unsupported("The harbour has sunk, NOAA spokesman says .") is not None


def test_a_country_ending_in_ia_shares_its_root_with_its_people() -> None:
    assert name_root("Indonesia") == name_root("Indonesian")
    assert name_root("Nigeria") == name_root("Nigerian")
    assert name_root("Indonesia") != name_root("India")


def test_a_name_completed_from_the_article_may_be_possessive() -> None:
    facts = ArticleFacts(
        ["Ines Quist died on Sunday.", "Protests grew in Kelby after Quist's death in custody."]
    )
    assert facts.problem("Protests over Ines Quist's death grew in Kelby .", [1]) is None
    assert facts.problem("Protests over Maria Quist's death grew in Kelby .", [1]) is not None


def test_a_whole_sentence_copied_with_one_word_changed_fails_however_short() -> None:
    evidence = ["She and her husband tried to leave the quay."]
    assert certain("She and her wife tried to leave the quay.", evidence) is not None
    assert certain("She and her husband tried to leave the quay.", evidence) is None
    # a short statement drawn from a long sentence rewords it
    long = [
        "Rebels launched an assault on the Kelby oil depot late on Saturday, officials at the harbour said."
    ]
    assert certain("Rebels attacked the Kelby oil depot on Saturday.", long) is None
