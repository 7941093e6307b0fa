"""A lede that states background gives way to the event sentence after it (issue #11, panel 11): stories of our
own writing shaped like a BBC story missing its first sentence."""

from __future__ import annotations

import pytest

from takeaways.article import Article
from takeaways.engines.extractive import (
    ExtractiveEngine,
    _named_in_full,
    _reports_an_event,
    _states_background,
)
from takeaways.text.grammar import opens_with_subject

FRAUD_STORY = (
    "Jane Morrow worked for the Hillside Trust, which supports the families of injured soldiers. "
    "The 40-year-old, of Mill Lane, Dunford, pleaded guilty to four offences of fraud and money laundering. "
    "Morrow took £60,000 from the trust over three years, the court heard. "
    "The judge adjourned sentencing until next month."
)
ROADWORKS_STORY = (
    "The water mains under the High Street in Tarnby are old and prone to bursts, Vale Water said. "
    "Part of Mill Road is expected to be closed until the spring as a cast iron main is replaced. "
    "Buses will be diverted along Station Road while the work goes on. "
    "The company apologised to residents for the disruption."
)


def _alert(body: str) -> tuple[str, str, list[str]]:
    summary = ExtractiveEngine().summarise(Article(body=body))
    return summary.headline, summary.summary, [t.text for t in summary.takeaways]


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Morrow worked for the Hillside Trust, which supports the families of injured soldiers.",
        "The water mains under the High Street are old and prone to bursts, Vale Water said.",
        "Tom Briggs was captain of the club's under-19 side.",
        "Kelby has one of the highest rates of car theft in the county.",
        "The chapel is located on a hill above the harbour.",
    ],
)
def test_a_sentence_that_only_states_how_things_are_is_background(sentence: str) -> None:
    assert _states_background(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Briggs was charged with assault on Friday.",
        "The council has denied claims that the library will close.",
        "The festival is due to take place in Kelby next month.",
        "Sam Okoro is the new manager of Kelby Town.",
        "The Ashby index was down 4% in early trading.",
        "A 30-year-old man is in a serious condition in hospital after the crash.",
        "Rovers are four points clear at the top of the table.",
    ],
)
def test_an_event_a_plan_a_new_role_or_a_figure_is_not_background(sentence: str) -> None:
    assert not _states_background(sentence)


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The 40-year-old, of Mill Lane, Dunford, pleaded guilty to four offences of fraud.", True),
        ("Part of Mill Road is expected to be closed until the spring.", True),
        ("The committee said on Tuesday that the plan would go ahead.", True),
        ("The committee said the plan would go ahead.", False),  # a report, with no day: not the news itself
        ("Recently, however, the committee unveiled a plan of its own.", False),  # opens with a scene
        ("Supporters described the plan as a bold step.", False),  # a view
        ("The trust dismissed it in July.", False),  # "it" needs the sentence before
        ("Morrow was born in Dunford in 1985.", False),  # the story's past
        ("Otters are known to carry the parasite.", False),  # a state
        (
            "Last week 90 people attended a meeting over the scheme.",
            False,
        ),  # a follow-up's time, then its news
    ],
)
def test_an_event_sentence_reports_what_happened_opening_with_its_subject(sentence: str, event: bool) -> None:
    assert _reports_an_event(sentence) is event


def test_opens_with_subject_reads_the_first_words() -> None:
    assert opens_with_subject("Jane Morrow, 40, pleaded guilty to fraud.")
    assert not opens_with_subject("Powered by the sun, the cars crossed the desert.")


def test_the_event_sentence_after_a_background_lede_is_the_summary_and_headline() -> None:
    headline, summary, takeaways = _alert(FRAUD_STORY)
    assert "pleaded guilty to four offences of fraud" in summary
    assert "pleaded guilty" in headline
    assert not headline.startswith("The 40-year-old")  # the descriptor gives way to the person named before
    assert "Mill Lane" not in headline  # the address is no headline's
    assert any("worked for the Hillside Trust" in line for line in takeaways)  # the background is still told


def test_a_stative_lede_attributed_to_a_company_gives_way_to_what_will_happen() -> None:
    headline, summary, _ = _alert(ROADWORKS_STORY)
    assert summary.startswith("Part of Mill Road is expected to be closed")
    assert headline.startswith("Part of Mill Road is expected to be closed")


def test_a_lede_that_reports_its_news_stays_the_lede() -> None:
    body = (
        "Councillors in Kelby voted to close the town's last public swimming pool on Monday. "
        "The pool is old and its roof leaks, a council report found. "
        "Campaigners said they would fight the decision."
    )
    headline, summary, _ = _alert(body)
    assert summary.startswith("Councillors in Kelby voted to close")
    assert headline.startswith("Councillors in Kelby voted to close")


def test_a_state_tied_to_an_event_is_not_background() -> None:
    body = (
        "A Kelby police officer is on leave after shooting a man during an arrest on Tuesday. "
        "The officer fired twice when the man ran at him with a knife. "
        "An inquiry has begun."
    )
    _, summary, _ = _alert(body)
    assert summary.startswith("A Kelby police officer is on leave")


def test_a_headline_opening_with_a_surname_gives_the_full_name_the_article_gives() -> None:
    headline, summary, _ = _alert(FRAUD_STORY)
    assert headline.startswith("Jane Morrow pleaded guilty")
    assert summary.startswith("Jane Morrow")  # the summary still introduces her in full


def test_a_surname_two_people_share_is_not_spelt_out_in_the_headline() -> None:
    sentences = [
        "Kelby Town manager Sam Price was sacked on Monday.",
        "His brother Joe Price, the club's chairman, said the board had acted with regret.",
        "Price took over at the club in the summer.",
    ]
    headline = "Price was sacked after eight defeats in a row"
    assert _named_in_full(headline, ["Sam Price", "Joe Price"], sentences) == headline
    assert _named_in_full(headline, ["Sam Price"], sentences[::2]) == f"Sam {headline}"


def test_a_surname_inside_the_headline_gives_the_full_name_when_it_fits() -> None:
    sentences = [
        "Ada Quilling, 36, ran the charity's shop in Dunford for a decade.",
        "Police said Quilling, 36, had been arrested at her home on Tuesday.",
    ]
    headline = "Police said Quilling, 36, had been arrested at her home on Tuesday"
    assert _named_in_full(headline, ["Ada Quilling"], sentences) == headline.replace(
        "Quilling", "Ada Quilling"
    )
    # A headline the full name would take past the limit keeps the surname.
    long_headline = "Police said Quilling, 36, had been arrested at her home in Dunford on Tuesday after a dawn raid there"
    assert len(long_headline.replace("Quilling", "Ada Quilling")) > 100
    assert _named_in_full(long_headline, ["Ada Quilling"], sentences) == long_headline
    # After an initial, the name stays as the article wrote it.
    initialled = "Police said A. Quilling, 36, had been arrested at her home on Tuesday"
    assert _named_in_full(initialled, ["Ada Quilling"], sentences) == initialled


def test_a_call_out_is_background_and_the_incident_after_it_heads_the_alert() -> None:
    assert _states_background("Police were called to Harbour Road in Kirkwall at about 21:10 BST on Tuesday.")
    assert _states_background("Firefighters were called to the quay shortly after 06:00 on Sunday morning.")
    # What they found or did is the news.
    assert not _states_background("Police were called to the quay and arrested two men.")
    body = (
        "Police were called to Harbour Road in Kirkwall at about 21:10 BST on Tuesday. "
        "Two men aged 19 and 24 were arrested after a harbour worker was stabbed outside a bar. "
        "The worker was taken to hospital, where he remains in a stable condition. "
        "Officers have asked anyone who saw the attack to contact them."
    )
    headline, _, _ = _alert(body)
    assert headline.startswith("Two men aged 19 and 24 were arrested")
