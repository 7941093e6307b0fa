from __future__ import annotations

import pytest

from takeaways.article import Article
from takeaways.text.language import detect_language
from takeaways.text.sentences import article_sentences, split_sentences


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
        ("He arrived at 9 a.m. on Monday. The talks began at 10 a.m. Officials were late.", 3),
        ("Sen. Elena Ruiz, D-Calif., backed the bill. It passed.", 2),
        ("It cost $3.5 million. That was double the estimate.", 2),
        ("No. 10 Downing St. is in London. He lives in St. Louis.", 2),
        ("Gen. (ret.) Paul Hale testified. He was calm.", 2),
        ("He said it was “a disaster.” Others disagreed.", 2),
        ("The rate rose to 4.25 percent… Markets fell.", 2),
        ("They met at approx. 3 p.m. on Jan. 5 in the U.K. capital.", 1),
        ("Version 2.0 shipped on time. Users were pleased.", 2),
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
        (
            "Il consiglio comunale ha approvato lunedì il nuovo ponte, che sarà aperto in primavera e che "
            "costerà più del previsto.",
            "it",
        ),
        (
            "A câmara municipal aprovou na segunda-feira a nova ponte, que será aberta na primavera e que "
            "custará mais do que o previsto.",
            "pt",
        ),
        (
            "De gemeenteraad heeft maandag de nieuwe brug goedgekeurd, die in het voorjaar open gaat en "
            "meer kost dan verwacht.",
            "nl",
        ),
        ("12345 67890", "und"),
        ("Ok", "und"),
    ],
)
def test_language_is_detected_from_function_words(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_an_articles_sentences_are_its_bodys_sentences_in_order() -> None:
    body = "First paragraph, one sentence.\n\nSecond paragraph. It has two sentences."
    assert article_sentences(Article(body=body)) == [
        "First paragraph, one sentence.",
        "Second paragraph.",
        "It has two sentences.",
    ]


def test_a_sentence_with_no_punctuation_at_all_is_cut_at_spaces_and_loses_no_word() -> None:
    text = " ".join(f"w{n}" for n in range(20_000))
    pieces = split_sentences(text)
    assert all(len(piece) <= 2_000 for piece in pieces)
    assert " ".join(pieces).split() == text.split()


def test_splitting_is_deterministic_and_keeps_every_word() -> None:
    text = 'Mr. Ortega said "no." Then, at 5 p.m., the U.S. team left... Nobody knew why? Yes!'
    assert split_sentences(text) == split_sentences(text)
    assert " ".join(split_sentences(text)).split() == text.split()


def test_a_quoted_question_and_who_asked_it_are_one_sentence() -> None:
    text = '"Will the ferries sail?" Harbour Council leader Ines Okafor asked the operator. "Not this week."'
    assert split_sentences(text) == [
        '"Will the ferries sail?" Harbour Council leader Ines Okafor asked the operator.',
        '"Not this week."',
    ]
    # A new sentence that only opens with capitals and a verb of saying is still a new sentence.
    assert split_sentences('"Go!" The Harbour Council said it would meet on Monday.') == [
        '"Go!"',
        "The Harbour Council said it would meet on Monday.",
    ]


def test_a_quoted_cry_and_who_cried_it_are_one_sentence() -> None:
    text = (
        'The exchange was filmed. "Ines! Ines! Talk to me, Ines!" Berg shouts outside the ferry terminal at '
        'Kelby on the night of 19 July. "Why?" he asks.'
    )
    assert split_sentences(text) == [
        "The exchange was filmed.",
        '"Ines! Ines! Talk to me, Ines!" Berg shouts outside the ferry terminal at Kelby on the night of 19 July.',
        '"Why?" he asks.',
    ]
