"""Who said it: the speaker a statement names must be the one its cited sentences give the words to.

Each case is of our own writing: the true statement passes the certain rules, the same words given to someone
else the article names fail them.
"""

from __future__ import annotations

import pytest

from takeaways.engines.entailment import problem, read


def certain(claim: str, evidence: list[str], article: str = "", context: tuple[str, ...] = ()) -> str | None:
    return read(claim, evidence, context, article or " ".join(evidence)).certain


def test_a_saying_inside_a_quotation_is_not_who_speaks() -> None:
    # The sentence opens inside a quotation the one before began, and quotes an "I said" of its own.
    article = (
        '"Nobody in the village believed me. Only Hale can stop me," Quist said, "and I said I would stay for my'
        ' daughter."'
    )
    evidence = ['Only Hale can stop me," Quist said, "and I said I would stay for my daughter."']
    assert certain('"I said I would stay for my daughter," says Quist.', evidence, article) is None
    found = certain('"I said I would stay for my daughter," says Hale.', evidence, article)
    assert found is not None and "attributes the words to Hale" in found


def test_advice_in_the_reporters_words_has_a_speaker() -> None:
    evidence = [
        "Harbour owner Dario Quist advised fans to have their tickets checked every month.",
        "Singer Lena Hale urged her fans to call their parents.",
    ]
    assert certain("Dario Quist said fans should have their tickets checked every month.", evidence) is None
    found = certain("Lena Hale said fans should have their tickets checked every month.", evidence)
    assert found is not None and "attributes the words to Lena Hale" in found


def test_a_body_speaks_through_its_spokesperson_and_no_one_else() -> None:
    evidence = [
        "A Port Ellis Council spokesperson confirms that the ferry contract was suspended.",
        "This was first reported on Monday, and council leader Amara Okafor was briefed that afternoon.",
    ]
    assert certain("Port Ellis Council says the ferry contract was suspended.", evidence) is None
    found = certain("Amara Okafor says the ferry contract was suspended.", evidence)
    assert found is not None and "attributes the words to Amara Okafor" in found


STUDENT = [
    "Interior Minister Tomas Lund said police had arrested five suspects after the attack.",
    "The college stayed shut on Friday.",
    "Buses took the other students home.",
    "Student Mira Okafor hid in a store room with two friends.",
    "She smeared paint on her coat to look hurt, she told reporters on Friday.",
]


@pytest.mark.parametrize("speaker", ["Mira Okafor", "Student"])
def test_she_said_is_the_person_named_just_before(speaker: str) -> None:
    claim = f"{speaker} told reporters she smeared paint on her coat to look hurt."
    assert certain(claim, [STUDENT[3], STUDENT[4]], " ".join(STUDENT)) is None


def test_she_said_is_not_a_person_named_paragraphs_before() -> None:
    claim = "Tomas Lund told reporters she smeared paint on her coat to look hurt."
    found = certain(claim, [STUDENT[0], STUDENT[4]], " ".join(STUDENT))
    assert found is not None and "attributes the words to Tomas Lund" in found


def test_he_said_is_a_person_not_the_party_he_accused() -> None:
    article = (
        "President Hale vetoed the harbour bill on Tuesday, accusing Democratic leaders of wasting money. "
        '"The bill is reckless," he said in a speech in Port Ellis.'
    )
    evidence = ['"The bill is reckless," he said in a speech in Port Ellis.']
    before = (article.split(". ")[0],)
    assert certain('Hale says the harbour bill is "reckless".', evidence, article, before) is None
    found = certain('Democrats say the harbour bill is "reckless".', evidence, article, before)
    assert found is not None and "attributes the words to Democrats" in found


def test_a_role_speaker_is_the_person_the_article_gives_that_title() -> None:
    article = (
        "Kentucky Sen. Tomas Lund and Gov. Amara Okafor spoke in Louisville on Monday. "
        "The senator has announced a bid for the presidency."
    )
    evidence = article.split(" on Monday. ")
    evidence[0] += " on Monday."
    assert certain("Tomas Lund has announced a bid for the presidency.", evidence, article) is None
    found = certain("Amara Okafor has announced a bid for the presidency.", evidence, article)
    assert found is not None and "attributes the words to Amara Okafor" in found


def test_words_police_gave_are_not_a_named_mans() -> None:
    article = (
        "Tomas Lund, 41, was driving the lorry on the coast road. "
        "The road stayed closed for six hours after the crash, police said."
    )
    evidence = ["Tomas Lund, 41, was driving the lorry on the coast road.", article.split(" road. ")[1]]
    assert (
        certain("The road stayed closed for six hours after the crash, police say.", evidence, article)
        is None
    )
    found = certain(
        "The road stayed closed for six hours after the crash, Tomas Lund said.", evidence, article
    )
    assert found is not None and "attributes the words to Tomas Lund" in found


def test_a_role_the_article_gives_a_speaker_as_a_title_is_that_speaker() -> None:
    article = (
        "Mayor Jerry Sanders declared a state of emergency on Wednesday. "
        "Sanders said residents would be allowed to return to 75 of the homes by Thursday."
    )
    evidence = article.split(" on Wednesday. ")[1:]
    claim = "Mayor says residents can return to 75 of the homes by Thursday."
    assert (
        certain(
            claim, evidence, article, ("Mayor Jerry Sanders declared a state of emergency on Wednesday.",)
        )
        is None
    )


def test_a_statement_that_reverses_a_word_of_its_evidence_fails() -> None:
    evidence = ["Three people were treated in hospital for minor injuries after the ferry ran aground."]
    assert problem("Three people were treated for serious injuries.", evidence) is not None
    assert problem("Three people were seriously hurt.", evidence) is not None
    assert problem("Three people were treated in hospital for minor injuries.", evidence) is None
    # Where the article itself uses the word, it is not reversed but said elsewhere: the model weighs it.
    article = evidence[0] + " A fourth passenger was seriously injured."
    found = problem("Three people were seriously hurt.", evidence, article=article)
    assert found is None or "where the cited sentences say" not in found
    verdict = ["The jury acquitted the harbour master of manslaughter on Friday."]
    assert problem("The harbour master was convicted of manslaughter.", verdict) is not None
