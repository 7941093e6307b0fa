"""The name tagger and how find_entities uses it, on sentences of our own writing."""

from __future__ import annotations

from takeaways.text.entities import entity_mentions, find_entities, rule_mentions
from takeaways.text.name_tagger import english_name_tagger, lower_case_words, tokenize

STORY = [
    "Rangers from the Northmoor Wildlife Trust counted 40 otters along the Callow River on Saturday.",
    "Trust director Petra Lindgren said the count in Ashby was the highest since 2009.",
    "Lindgren thanked volunteers from Ashby and the nearby village of Kelso Green.",
]


def test_words_keep_initialisms_and_titles_whole_and_split_possessives() -> None:
    words = [word.text for word in tokenize("Mr. Lindgren's U.S. trip, said A. Okoro.")]
    assert words == ["Mr.", "Lindgren", "'s", "U.S.", "trip", ",", "said", "A.", "Okoro", "."]


def test_offsets_point_back_into_the_sentence() -> None:
    sentence = "Rangers met Petra Lindgren in Ashby."
    for word in tokenize(sentence):
        assert sentence[word.start : word.end] == word.text


def test_the_article_says_which_capitalised_words_are_ordinary() -> None:
    context = lower_case_words("Rangers said so. Two rangers stayed, and Lindgren left.")
    assert "rangers" in context
    assert "^lindgren" in context and "^rangers" not in context


def test_the_tagger_finds_people_and_places_in_a_sentence() -> None:
    sentence = STORY[1]
    names = {
        sentence[start:end]: kind for start, end, kind in english_name_tagger().names(sentence, frozenset())
    }
    assert names.get("Petra Lindgren") == "person"
    assert names.get("Ashby") == "place"


def test_a_name_runs_on_through_of_and_lower_case_words_never_start_one() -> None:
    sentence = "Shares in Ashby rose after the Bank of Northmoor cut rates, said the university of the town."
    names = [sentence[start:end] for start, end, _ in english_name_tagger().names(sentence, frozenset())]
    assert "Bank of Northmoor" in names
    assert all(name[:1].isupper() for name in names)


def test_an_organisation_word_and_a_surname_settle_kinds_and_merge_mentions() -> None:
    found = {entity.name: entity.kind for entity in find_entities(STORY)}
    assert found.get("Northmoor Wildlife Trust") == "organisation"
    assert found.get("Petra Lindgren") == "person"
    assert "Lindgren" not in found
    assert found.get("Ashby") == "place"


def test_mentions_are_offsets_into_the_joined_sentences_and_name_the_merged_entity() -> None:
    text = "\n".join(STORY)
    entities, mentions = entity_mentions(STORY)
    lindgren = [(start, end) for start, end, entity in mentions if entity.name == "Petra Lindgren"]
    assert [text[start:end] for start, end in lindgren] == ["Petra Lindgren", "Lindgren"]
    assert "Petra Lindgren" in [entity.name for entity in entities[:3]]  # named twice: among the first


def test_the_rules_alone_stay_available_as_the_benchmarks_baseline() -> None:
    entities, mentions = rule_mentions(STORY)
    text = "\n".join(STORY)
    assert "Petra Lindgren" in {entity.name for entity in entities}
    assert all(
        text[start:end] in entity.name or entity.name.endswith(text[start:end])
        for start, end, entity in mentions
    )
