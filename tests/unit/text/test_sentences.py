from __future__ import annotations

import pytest

from takeaways.text.language import detect_language
from takeaways.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Ortega met Gen. Hale on Feb. 28 in St. Ives. They talked.", 2),
        ("J. R. Okonkwo wrote the report. It was long.", 2),
        ("Prices rose 2.5% in March. Rents rose 4.1%.", 2),
        ("The U.S. Senate voted on Tuesday. The bill passed.", 2),
        ("She moved to the U.S. The move was sudden.", 2),
        ('"Is it safe?" she asked. "Yes," he said.', 2),
        ("He paused... Then he left. Nobody followed.", 3),
        ("The vote was 7-2 (a clear majority). It passes.", 2),
        ("Acme Inc. said profits fell. Shares dropped.", 2),
    ],
)
def test_sentence_boundaries_survive_abbreviations_decimals_and_quotes(text: str, expected: int) -> None:
    assert len(split_sentences(text)) == expected, split_sentences(text)


def test_quotations_stay_with_their_sentence() -> None:
    sentences = split_sentences('"We will rebuild," the mayor said. "It will take years."')
    assert sentences == ['"We will rebuild," the mayor said.', '"It will take years."']


def test_paragraph_breaks_end_sentences() -> None:
    assert split_sentences("A headline without a stop\n\nThe story begins here.") == [
        "A headline without a stop",
        "The story begins here.",
    ]


def test_text_without_punctuation_is_cut_into_bounded_pieces() -> None:
    pieces = split_sentences("word " * 5_000)
    assert len(pieces) > 1
    assert all(len(piece) <= 2_000 for piece in pieces)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The council said that the new bridge will open in the spring and that it was on budget.", "en"),
        (
            "Le conseil a annoncé que le nouveau pont sera ouvert au printemps et que les travaux sont dans le budget.",
            "fr",
        ),
        (
            "Der Rat sagte, dass die neue Brücke im Frühjahr eröffnet wird und dass die Kosten im Rahmen sind.",
            "de",
        ),
        (
            "El consejo dijo que el nuevo puente se abrirá en la primavera y que las obras están en el presupuesto.",
            "es",
        ),
        ("12345 67890", "und"),
    ],
)
def test_language_is_detected_from_function_words(text: str, language: str) -> None:
    assert detect_language(text) == language
