"""What a record keeps of its article's end, for an update appended there (sentences of our own writing)."""

from __future__ import annotations

from takeaways.engines.extractive import CLOSING_LINES, closing_lines

SENTENCES = [
    "The harbour council approved a new ferry route to the islands on Tuesday.",
    "Crossings will start in March and take about 40 minutes each way.",
    "Fares will be capped at six pounds for island residents.",
    '"This is a lifeline for the islands," said councillor Ruth Okafor.',
    "He said the council had waited ten years for the funding.",
    "The operator will hire twelve crew members from the islands.",
    "A deckhand injured at the pier on Monday has died in hospital.",
]


def test_the_last_statements_that_stand_alone_are_kept_in_article_order() -> None:
    lines = closing_lines(SENTENCES, used=[0, 1])
    assert [line.evidence for line in lines] == [[5], [6]]
    assert lines[-1].text == SENTENCES[-1]
    assert len(lines) <= CLOSING_LINES


def test_a_quotation_a_pronoun_opening_and_lines_already_used_are_never_kept() -> None:
    # Of the last four sentences, 5 and 6 are used, 3 is a quotation and 4 opens on "He".
    assert closing_lines(SENTENCES, used=[5, 6]) == []
    assert [line.evidence for line in closing_lines(SENTENCES, used=[6])] == [[5]]
