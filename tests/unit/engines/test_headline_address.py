"""Headlines without a person's address, without a day whose words would be left dangling, and not cut inside a
clause: sentences of our own writing shaped like court and news copy."""

from __future__ import annotations

import pytest

from takeaways.engines.headline import ends_at_a_boundary, headline_options


@pytest.mark.parametrize(
    ("sentence", "headline"),
    [
        (
            "Tom Reilly, 52, of Station Road, Kelby, was jailed for three years at Hull Crown Court on Friday.",
            "Tom Reilly, 52, was jailed for three years at Hull Crown Court",
        ),
        (
            "Ann Price, of Quarry Lane, Ashby, admitted stealing from her employer.",
            "Ann Price admitted stealing from her employer",
        ),
        (
            "Dev Shah, 19, of Ashby, north Kelby, was cleared by the jury.",
            "Dev Shah, 19, was cleared by the jury",
        ),
        (
            "Lena Ross, 33, of Orchard Close, admitted two counts of theft.",
            "Lena Ross, 33, admitted two counts of theft",
        ),
    ],
)
def test_a_headline_drops_a_person_s_address(sentence: str, headline: str) -> None:
    assert headline_options(sentence)[0] == headline


@pytest.mark.parametrize(
    "sentence",
    [
        "Chris Evans, of Kelby Rovers, scored twice in the second half.",  # a club, not an address
        "Tom Reilly, 52, of Kelby Rovers, was sacked after a row with the club's owners.",  # with an age too
        "Anna Reid, 19, of Team Kelby, won gold in the final.",
        "Police in Leeds, York and Hull made 40 arrests.",  # a list of places
    ],
)
def test_a_headline_keeps_what_is_not_an_address(sentence: str) -> None:
    assert headline_options(sentence)[0] == sentence.rstrip(".")


def test_a_day_an_adjective_describes_stays_in_the_headline() -> None:
    # Without "Friday morning", the headline would end "on a sunny".
    sentence = "The minister received a warm welcome as she arrived in Kelby on a sunny Friday morning."
    assert headline_options(sentence)[0].endswith("on a sunny Friday morning")
    assert headline_options("Police shot a man on Friday in the centre of Kelby.")[0] == (
        "Police shot a man in the centre of Kelby"
    )


def test_a_cut_after_the_subject_of_a_clause_a_relative_interrupts_is_no_boundary() -> None:
    sentence = (
        "Owner Dan Hale posted a message asking shoppers to stop feeding him as a vet found Biscuit, "
        "who weighs 7kg, was overweight."
    )
    # "a vet found Biscuit" would say the vet found the cat; the sentence says the cat was overweight.
    assert not ends_at_a_boundary(
        "Owner Dan Hale posted a message asking shoppers to stop feeding him as a vet found Biscuit", sentence
    )
    assert ends_at_a_boundary("Owner Dan Hale posted a message asking shoppers to stop feeding him", sentence)
    assert ends_at_a_boundary("Police arrested Tom Hill", "Police arrested Tom Hill, who is 30, on Friday.")
