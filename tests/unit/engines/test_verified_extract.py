"""Trimmed extractive lines are checked against their own sentence; a cut that changes the meaning is undone."""

from __future__ import annotations

import pytest

from takeaways.article import Article
from takeaways.engines.entailment import dropped_qualifier
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.engines.grounding import ArticleFacts, all_verified, verified_extract
from takeaways.summary import Takeaway, TakeawaySummary

RESERVED = "The ministry will close 40 rural schools next year (a figure the unions have not confirmed), officials said."
CONCEDED = (
    "The harbour ferry will stop running in January, although the council may still find the money to keep it"
    " going, the operator said."
)
BODY = f"""{RESERVED}
Parents in the valley villages have started a petition against the closures.
The minister will meet head teachers in Port Ellis on Thursday to explain the plan.
{CONCEDED}
"""


def test_a_trim_that_drops_a_reservation_gives_way_to_the_whole_sentence() -> None:
    summary = ExtractiveEngine().summarise(Article(title="Ministry plans rural school closures", body=BODY))
    lines = [summary.summary, *(takeaway.text for takeaway in summary.takeaways)]
    reservation = "(a figure the unions have not confirmed)"
    assert any(line.startswith(RESERVED[:40]) and reservation in line for line in lines)
    assert summary.grounded is True


def test_a_trim_that_keeps_the_meaning_stays_trimmed() -> None:
    sentences = [
        "Parents in the valley villages have started a petition against the closures, officials said."
    ]
    cut = "Parents in the valley villages have started a petition against the closures."
    checked = verified_extract(_summary([Takeaway(text=cut, evidence=[0])], cut), sentences, None)
    assert [t.text for t in checked.takeaways] == [cut]
    assert checked.grounded is True


def test_a_cut_that_drops_a_concession_is_undone_for_takeaway_and_summary() -> None:
    cut = "The harbour ferry will stop running in January."
    checked = verified_extract(_summary([Takeaway(text=cut, evidence=[0])], cut), [CONCEDED], None)
    assert [t.text for t in checked.takeaways] == [CONCEDED]
    assert checked.summary == CONCEDED


def test_a_line_that_cannot_be_restored_leaves_the_summary_unverified() -> None:
    cut = "The harbour ferry will stop running in January."
    checked = verified_extract(
        _summary([Takeaway(text=cut, evidence=[0])], cut), [CONCEDED], None, max_chars=40
    )
    assert checked.grounded is False
    assert not all_verified(checked, ArticleFacts([CONCEDED]))


def _summary(takeaways: list[Takeaway], line: str) -> TakeawaySummary:
    return TakeawaySummary(headline=line, summary=line, takeaways=takeaways, engine="extractive")


QUALIFIED = [
    ("Okafor has lost six times this year to players outside the top 20.", "this year"),
    ("Water prices in the valley have risen by a third since 2014, the regulator said.", "since 2014"),
    ("Ryder was jailed for four years at Leeds Crown Court on Friday.", "for four years"),
    ("Okafor carded a level-par second round of 72 but missed the cut by four shots.", "but missed the cut"),
    ("Nearly 200 people were hurt when the stand collapsed in Port Ellis.", "Nearly"),
    ("At least 20 people died in the floods that hit the valley in March.", "At least"),
    (
        "The court has jurisdiction over crimes committed in the territory between June 2014 and May 2015.",
        "committed in the territory between June 2014 and May 2015",
    ),
    ("The harbour plan was a mistake, or a national disgrace, the mayor said.", "or a national disgrace"),
]


@pytest.mark.parametrize(("sentence", "qualifier"), QUALIFIED)
def test_a_cut_that_drops_a_contrast_scope_or_hedge_fails_the_check(sentence: str, qualifier: str) -> None:
    at = sentence.find(qualifier)
    cut = " ".join(f"{sentence[:at]} {sentence[at + len(qualifier) :]}".split()).replace(" ,", ",")
    cut = cut[:1].upper() + cut[1:]
    problem = ArticleFacts([sentence]).problem(cut, [0])
    assert problem is not None and "leaves out" in problem
    # keeping the qualifier, a cut that drops something else (who said it, a date) is still fine
    assert ArticleFacts([sentence]).problem(sentence, [0]) is None


@pytest.mark.parametrize(
    ("cut", "sentence", "strict_only"),
    [
        # a contrast after a comma inside what is left out counts, not only one that opens it
        (
            "Reports had suggested Okafor had been offered a new deal",
            "Reports had suggested Okafor had been offered a new deal by Harbour Town, although the club said "
            "there was no truth in the claims.",
            False,
        ),
        ("The pier was built", "The pier was built in 1817 but it has been closed since 2005.", True),
        # a headline may leave out when, and a contrast that neither denies nor answers an appearance
        ("Okafor scored three goals", "Okafor scored three goals for Harbour Town last season.", True),
        (
            "The tour bus caught fire on the coast road",
            "The tour bus caught fire on the coast road, but everyone on board was safe.",
            True,
        ),
        (
            "The tour bus caught fire on the coast road",
            "The tour bus caught fire on the coast road, but no one was hurt.",
            True,
        ),
        ("The bridge opened in may", "The bridge opened in May, but the old ferry still runs daily.", True),
        # ... but not a denial, nor the answer to what only seems so, nor a concession that opens the sentence
        (
            "Reports had suggested Okafor had been offered a new deal",
            "Although the club said there was no truth in the claims, reports had suggested Okafor had been "
            "offered a new deal.",
            False,
        ),
        ("She had nothing", "She had nothing but praise for the crew.", True),
        (
            "Some defendants admitted knowing of the raids",
            "Some defendants admitted knowing of the raids, but insisted they played no part.",
            True,
        ),
        (
            "The mayor agreed to pause the works",
            "The mayor agreed to pause the works, but the talks failed to produce a wider deal.",
            True,
        ),
        (
            "Okafor was offered a new deal",
            "Okafor was offered a new deal, but the club denied the reports.",
            False,
        ),
        (
            "Rowing and Lagos may seem an odd pairing",
            "Rowing and Lagos may seem an odd pairing, but the city's clubs race every weekend.",
            False,
        ),
    ],
)
def test_a_cut_drops_a_qualifier_strictly_or_for_a_headline(
    cut: str, sentence: str, strict_only: bool
) -> None:
    assert dropped_qualifier(cut.lower(), sentence.lower()) is not None
    assert (dropped_qualifier(cut.lower(), sentence.lower(), strict=False) is None) is strict_only


def test_a_list_going_on_is_no_contrast() -> None:
    sentence = "residents can take buses, trains, or ferries to the city."
    assert dropped_qualifier("residents can take buses", sentence) is None
    assert (
        dropped_qualifier("residents can take buses", "residents can take buses or walk to the city.")
        is not None
    )


def test_all_but_is_no_contrast() -> None:
    sentence = "the harbour was quiet and all but empty on sunday."
    assert dropped_qualifier("the harbour was quiet", sentence) is None
    assert (
        dropped_qualifier("the harbour was quiet", "the harbour was quiet and but empty on sunday.")
        is not None
    )


@pytest.mark.parametrize(
    ("sentence", "cut"),
    [
        ("But the club said Okafor, 31, would leave in June.", "The club said Okafor would leave in June."),
        ("Okafor was jailed on Friday, police said.", "Okafor was jailed on Friday."),
        ("Okafor, who joined the club in 2019, scored twice on Sunday.", "Okafor scored twice on Sunday."),
    ],
)
def test_a_cut_that_drops_a_connective_an_age_or_an_attribution_passes(sentence: str, cut: str) -> None:
    assert ArticleFacts([sentence]).problem(cut, [0]) is None
