"""Trimmed extractive lines are checked against their own sentence; a cut that changes the meaning is undone."""

from __future__ import annotations

from takeaways.article import Article
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
