"""Lines that recur across one source's articles are removed; the story's own lines stay."""

from __future__ import annotations

from takeaways.article.model import Article
from takeaways.article.recurring import (
    MAX_FINGERPRINTS,
    article_fingerprints,
    drop_recurring,
    line_fingerprint,
    recurrence_scope,
)
from tests.unit.pipeline.fakes import MemoryRecurringLines

SCOPE = "source:coastal times"
FOOTER = "Read more from the Coastal Times newsroom at coastal.example"
PITCH = "Want the coast's news first? Get the Tideline, our free briefing, every weekday at 7am."
# The same pitch on another day's page: another hour, other spacing and case.
PITCH_LATER = "Want the coast's news first?  Get the TIDELINE, our free briefing, every weekday at 6am!"
SHARED_BY_TWO = "Additional reporting by Mara Quist in Port Alder."

DREDGING = [
    "The harbour board voted on Thursday to dredge the eastern channel at Port Alder before the "
    "spring tides, a job it expects to cost 4.2 million pounds.",
    "Fishing crews have complained for two years that low water strands their boats at the quay "
    "for hours each day, and two skippers have moved their boats to Kelmouth.",
    "Dredging will begin in February and last about ten weeks, the board said.",
    FOOTER,
    PITCH,
]
SCHOOL_ROOF = [
    "Pupils at Saltmarsh Primary will return to their classrooms next week after the school's "
    "storm-damaged roof was replaced over the half-term holiday.",
    "The county paid for the repair from its emergency fund after a gale tore away a third of "
    "the slates in October, the head teacher, Ruth Anand, said.",
    SHARED_BY_TWO,
    FOOTER,
    PITCH,
]
FERRY = [
    "The Kelmouth ferry will run an extra crossing every evening from May, its operator said on "
    "Monday, after commuters asked for a later boat home.",
    "The last sailing will leave Port Alder at 10.40pm instead of 9pm, and fares will not change.",
    SHARED_BY_TWO,
    FOOTER,
    PITCH,
]
LIFEBOAT = [
    "Volunteers at the Port Alder lifeboat station launched their new boat on Saturday, "
    "replacing a vessel that had served the crew for 26 years.",
    "The station will hold an open day on 14 June.",
    "The crew raised a third of the boat's cost themselves through swims, quiz nights and a "
    "sponsored row around the bay.",
    SHARED_BY_TWO,
    FOOTER,
    PITCH_LATER,
]


def article(paragraphs: list[str], source: str | None = "Coastal Times") -> Article:
    return Article(body="\n\n".join(paragraphs), title="A story", source=source)


def seen_before(store: MemoryRecurringLines, stories: dict[str, list[str]]) -> None:
    for article_id, paragraphs in stories.items():
        store.record(SCOPE, article_fingerprints(article(paragraphs).body), article_id)


def cut_of(
    store: MemoryRecurringLines, paragraphs: list[str], article_id: str = "lifeboat"
) -> tuple[str, int]:
    fourth = article(paragraphs)
    seen_in = store.seen_in(SCOPE, article_fingerprints(fourth.body), article_id)
    cut = drop_recurring(fourth, seen_in, threshold=3)
    return cut.article.body, cut.dropped


def test_a_footer_and_a_pitch_three_earlier_articles_carried_are_removed_from_the_fourth() -> None:
    store = MemoryRecurringLines()
    seen_before(store, {"dredging": DREDGING, "school-roof": SCHOOL_ROOF, "ferry": FERRY})
    body, dropped = cut_of(store, LIFEBOAT)
    assert dropped == 2
    assert FOOTER not in body
    assert "Tideline" not in body
    for own in (LIFEBOAT[0], LIFEBOAT[1], LIFEBOAT[2]):
        assert own in body


def test_a_line_only_two_earlier_articles_carried_stays() -> None:
    store = MemoryRecurringLines()
    seen_before(store, {"dredging": DREDGING, "school-roof": SCHOOL_ROOF, "ferry": FERRY})
    body, _ = cut_of(store, LIFEBOAT)
    assert SHARED_BY_TWO in body


def test_the_same_article_recorded_again_counts_once() -> None:
    store = MemoryRecurringLines()
    seen_before(store, {"dredging": DREDGING, "school-roof": SCHOOL_ROOF})
    seen_before(store, {"dredging": DREDGING, "school-roof": SCHOOL_ROOF})  # a retry of both
    body, dropped = cut_of(store, LIFEBOAT)
    assert dropped == 0
    assert FOOTER in body


def test_an_article_is_not_counted_against_itself() -> None:
    store = MemoryRecurringLines()
    seen_before(store, {"dredging": DREDGING, "school-roof": SCHOOL_ROOF, "lifeboat": LIFEBOAT})
    # The lifeboat story processed again (a replay): two other articles carried the footer, not three.
    body, dropped = cut_of(store, LIFEBOAT, article_id="lifeboat")
    assert dropped == 0
    assert FOOTER in body


def test_case_spacing_punctuation_and_figures_do_not_make_another_line() -> None:
    assert line_fingerprint(PITCH) == line_fingerprint(PITCH_LATER)
    assert line_fingerprint(FOOTER) != line_fingerprint(PITCH)


def test_long_paragraphs_and_lines_of_a_few_words_are_never_fingerprinted() -> None:
    assert line_fingerprint(f"{DREDGING[0]} {DREDGING[1]}") is None  # over 200 characters: story text
    assert line_fingerprint("Full time: 2-1.") is None  # recurs in every match report, and is the news
    assert line_fingerprint(DREDGING[2]) is not None


def test_an_article_of_recurring_lines_keeps_them_rather_than_lose_most_of_its_words() -> None:
    brief = ["Port Alder's tide gauge is working again.", FOOTER, PITCH]
    lines = article_fingerprints(article(brief).body)
    seen_in = dict.fromkeys(lines, 5)
    cut = drop_recurring(article(brief), seen_in, threshold=3)
    assert cut.dropped == 0
    assert cut.article.body == article(brief).body


def test_every_line_recurring_leaves_the_article_whole() -> None:
    update = [
        "The coast road is closed at Gull Point after a landslip.",
        "Diversions are signed via Kelmouth.",
    ]
    seen_in = dict.fromkeys(article_fingerprints(article(update).body), 4)
    cut = drop_recurring(article(update), seen_in, threshold=3)
    assert cut.dropped == 0
    assert cut.article.body.startswith("The coast road is closed")


def test_the_removal_is_noted_in_the_article_metadata() -> None:
    store = MemoryRecurringLines()
    seen_before(store, {"dredging": DREDGING, "school-roof": SCHOOL_ROOF, "ferry": FERRY})
    fourth = article(LIFEBOAT)
    cut = drop_recurring(
        fourth, store.seen_in(SCOPE, article_fingerprints(fourth.body), "lifeboat"), threshold=3
    )
    assert cut.article.notes == ("2 lines that recur across the source's articles removed",)
    assert cut.article.title == fourth.title
    assert drop_recurring(fourth, {}, threshold=3).article is fourth


def test_a_line_repeated_inside_one_article_is_one_fingerprint() -> None:
    assert article_fingerprints(article([DREDGING[2], FOOTER, FOOTER]).body) == [
        line_fingerprint(DREDGING[2]),
        line_fingerprint(FOOTER),
    ]


def test_an_article_of_many_short_paragraphs_is_looked_up_by_its_first_and_last_lines() -> None:
    many = [f"Result number {word} of the regatta heats was posted." for word in _words(80)]
    found = article_fingerprints(article(many).body)
    assert len(found) == MAX_FINGERPRINTS
    assert found[0] == line_fingerprint(many[0])
    assert found[-1] == line_fingerprint(many[-1])


def test_the_scope_is_the_trusted_outlet_else_the_feed_else_none() -> None:
    assert recurrence_scope(article(DREDGING, source="Coastal  TIMES"), "coastal-times") == SCOPE
    assert recurrence_scope(article(DREDGING, source=None), "coastal-times") == "feed:coastal-times"
    claimed_only = Article(body="x", claimed_source="Coastal Times")
    assert recurrence_scope(claimed_only, None) is None


def _words(count: int) -> list[str]:
    """Distinct words without figures (figures are normalised away): aa, ab, ac, ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [letters[i // 26] + letters[i % 26] for i in range(count)]
