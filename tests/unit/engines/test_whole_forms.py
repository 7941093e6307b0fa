"""Headlines that keep the sentence's news (issue #11, panel 8): when the main clause is too long, a compressed
form that fits whole (without a title's description, a description before a name, who says so, a day) comes
before a cut that drops the sentence's end. Sentences of our own writing."""

from __future__ import annotations

from takeaways.article import Article
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.engines.headline import HEADLINE_CHARS, headline_options, lede_compressions
from takeaways.engines.standalone import with_referent


def _headline(body: str) -> str:
    return ExtractiveEngine().summarise(Article(body=body)).headline


def test_a_title_s_description_goes_and_the_main_verb_stays() -> None:
    sentence = (
        'Netflix announced Monday that "Harbour Lights," the drama about a fishing town that ran for six '
        "seasons in the 2000s, is returning for a special four-episode run."
    )
    first = headline_options(sentence)[0]
    assert first == 'Netflix announced that "Harbour Lights" is returning for a special four-episode run'


def test_the_figure_at_the_end_of_the_lede_stays_when_a_compressed_form_fits() -> None:
    body = (
        '"Moonfall," the studio\'s newest space adventure, soared like a rocket in its first weekend, with '
        "estimated ticket sales of $52.4 million. The film was directed by Ana Ruiz. Critics praised the score "
        "of the film. The studio plans a sequel for 2028."
    )
    headline = _headline(body)
    assert "$52.4 million" in headline and len(headline) <= HEADLINE_CHARS
    assert "newest space adventure" not in headline


def test_a_description_before_the_opening_name_goes_while_a_clause_before_a_name_stays() -> None:
    forms = lede_compressions(
        "Coastal charity Shore Watch Scotland says there has been a 40% rise in walkers reporting injured "
        "seals on beaches near Aberdeen."
    )
    assert forms[0].startswith("Shore Watch Scotland says there has been a 40% rise")
    kept = lede_compressions("Astronomers spotted Comet Tarn Bright passing close to the Sun last week.")
    assert not any(form.startswith("Comet") for form in kept)


def test_who_says_so_at_the_opening_goes_unless_a_quotation_is_left() -> None:
    forms = lede_compressions(
        "According to officials a record 2.1 million people visited the national parks of northern Wales."
    )
    assert forms[0] == "A record 2.1 million people visited the national parks of northern Wales"
    quoted = lede_compressions('According to the broadcaster, "the longer bulletin will give viewers more".')
    assert not any(form.startswith(('"', "“", "the")) for form in quoted)


def test_a_dash_aside_that_adds_to_the_subject_stays() -> None:
    forms = lede_compressions(
        "Mayor Ruth Okafor -- and her whole cabinet -- are disciplined and relentlessly focused on the budget."
    )
    assert not any("Okafor are" in form for form in forms)


def test_a_subject_pronoun_never_stands_for_a_person_its_own_sentence_names() -> None:
    earlier = ["Opposition leader Ivan Petrov was shot dead near the river on Friday."]
    people = ["Ivan Petrov", "Marko Ilic"]
    assert with_referent("He also wrote to Petrov's widow.", earlier, people) is None
    # A possessive may: "Her" is the person named after it as often as not.
    resolved = with_referent(
        "Her grandmother told Osman about the village.", ["Leyla Osman grew up in Izmir."], ["Leyla Osman"]
    )
    assert resolved == "Osman's grandmother told Osman about the village."


def test_in_addition_to_keeps_its_opening_words() -> None:
    body = (
        "Army jets attacking rebel camps dropped a bomb on a farm across the border, killing three farmers, "
        "state media reported on Sunday. In addition to the deaths, seven others were wounded in the blast. "
        "The neighbouring country sent jets to patrol the border. There was no word from the army."
    )
    texts = [t.text for t in ExtractiveEngine().summarise(Article(body=body)).takeaways]
    assert not any(text.startswith("To the deaths") for text in texts)
    assert any(text.startswith("In addition to the deaths") for text in texts)


def test_what_would_have_happened_is_neither_the_summary_nor_a_takeaway() -> None:
    body = (
        "On any other Monday morning, the gates of the Hillcrest Academy would be crowded with pupils on their "
        "way to lessons. A coach carrying 14 of its pupils and two teachers home from a school trip crashed on a "
        "mountain road in Austria, killing everyone on board. Flowers were laid at the gates by parents."
    )
    summary = ExtractiveEngine().summarise(Article(body=body))
    assert summary.summary.startswith("A coach carrying 14 of its pupils")
    assert not any("would be crowded" in t.text for t in summary.takeaways)
