"""How many takeaways an alert carries, and which lines never become one (issue #11), on our own sentences.

A third takeaway has to bring the story's words: one that repeats what the first two lines said
costs the reader more than it tells. Lines that tease, address the reader or lean on the line before
say nothing read alone, so they are never takeaways, however central.
"""

from __future__ import annotations

import pytest

from takeaways.article import Article
from takeaways.engines import extractive
from takeaways.engines.extractive import ExtractiveEngine

# Every line after the lede tells something new, in words the story keeps coming back to.
BRIDGE_STORY = (
    "The Kelby river bridge closed on Tuesday after engineers found cracks in two of its steel piers. "
    "Kelby council said the bridge would stay shut to traffic for at least three months while the piers are "
    "repaired. "
    "Buses between Kelby and Marlow will run a 20-kilometre detour through Ashford from Wednesday. "
    "The council has asked the national roads agency for 4 million euros to pay for the repairs. "
    "Engineers will inspect the bridge's other four piers next week. "
    "Shop owners on the Marlow side said the closure would cost them customers. "
    "A ferry service for pedestrians and cyclists will start on Monday, the council said."
)


def _takeaways(engine: ExtractiveEngine, body: str) -> list[str]:
    return [takeaway.text for takeaway in engine.summarise(Article(body=body)).takeaways]


def _line(index: int, text: str) -> extractive._Line:
    return extractive._Line(index, text, extractive._line_terms(text), text)


def test_a_third_line_whose_words_the_alert_already_carries_is_left_out() -> None:
    lead = _line(0, "The Kelby bridge closed after engineers found cracks in its steel piers.")
    detour = _line(1, "Buses will run a detour through Ashford from Wednesday.")
    money = _line(2, "The council asked the roads agency for 4 million euros.")
    again = _line(3, "Engineers found cracks in the steel piers of the Kelby bridge, which closed.")
    news = _line(3, "A ferry for cyclists and pedestrians will cross the river from Monday.")
    # The article keeps coming back to the ferry: its words are the story's, as the bridge's are.
    later = [
        "The ferry will carry cyclists across the river.",
        "Pedestrians on Monday wait for the river ferry.",
    ]
    spread = extractive._Spread([line.text for line in (lead, detour, money, again, news)] + later)
    weights = {line.index: 1.0 for line in (lead, detour, money, again)}

    # The redundancy limit is opened wide, so only the share rule can leave a line out.
    def chosen(engine: ExtractiveEngine, third: extractive._Line) -> list[str]:
        lines = engine._choose(lead, [detour, money, third], [lead.terms], spread, weights, 1.0)
        return [line.text for line in lines]

    assert sorted(chosen(ExtractiveEngine(min_takeaways=2), again)) == sorted([detour.text, money.text])
    assert chosen(ExtractiveEngine(min_takeaways=2, extra_line_share=0.0), again)[-1] == again.text
    assert news.text in chosen(ExtractiveEngine(min_takeaways=2), news)
    assert again.text in chosen(ExtractiveEngine(), again)  # the default sends three
    # A short line costs the reader little: it is kept even when it adds less than the lines before it.
    short = _line(3, "No jobs will be lost at the depot.")
    assert chosen(ExtractiveEngine(min_takeaways=2, extra_line_share=100.0), short)[-1] == short.text
    assert len(chosen(ExtractiveEngine(min_takeaways=2, extra_line_share=100.0), again)) == 2


def test_an_alert_carries_two_or_three_takeaways() -> None:
    assert 2 <= len(_takeaways(ExtractiveEngine(), BRIDGE_STORY)) <= 3


def test_a_stricter_share_never_gives_more_lines_and_the_floor_holds() -> None:
    counts = [
        len(
            _takeaways(
                ExtractiveEngine(max_takeaways=5, min_takeaways=2, extra_line_share=share), BRIDGE_STORY
            )
        )
        for share in (0.0, 0.5, 1.0, 2.0, 100.0)
    ]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == 5 and counts[-1] == 2  # every line when nothing is asked of it; the floor of two
    assert len(_takeaways(ExtractiveEngine(min_takeaways=3, extra_line_share=100.0), BRIDGE_STORY)) == 3


@pytest.mark.parametrize(
    "line",
    [
        "Expect long queues at the Ashford junction anyway.",  # a teaser addressed to the reader
        "If you drive to Marlow every day, your trip will be longer.",
        "The others will reopen next year.",  # leans on a line before
        "Much of it will have to be rebuilt by hand.",
        "As of Friday, that inspector is still on the site.",
        "Or the council could close the road for a year.",
        "Again, this is not the first time the piers have cracked.",
        "Worried that the repairs would run late, they asked the minister to step in.",
    ],
)
def test_a_line_that_says_nothing_read_alone_is_no_takeaway(line: str) -> None:
    assert not extractive._tells_a_fact(line)
    body = BRIDGE_STORY.replace(
        "Engineers will inspect the bridge's other four piers next week. ",
        f"Engineers will inspect the bridge's other four piers next week. {line} ",
    )
    everything = ExtractiveEngine(max_takeaways=5, extra_line_share=0.0)
    assert all(text != line for text in _takeaways(everything, body))


@pytest.mark.parametrize(
    "line",
    [
        "Buses between Kelby and Marlow will run a 20-kilometre detour through Ashford from Wednesday.",
        '"You will see buses on the detour by Wednesday," said the council\'s Tom Ryder.',  # "you" is quoted
        "When Kelby council met on Tuesday, they voted to pay for the repairs.",  # "they" has whom before it
        "Again, Kelby council has asked the roads agency for help.",
        "Until now, those crossing the river by car paid no toll.",
    ],
)
def test_a_line_that_names_what_it_is_about_may_be_a_takeaway(line: str) -> None:
    assert extractive._tells_a_fact(line)


def test_the_share_and_floor_are_checked() -> None:
    with pytest.raises(ValueError, match="min_takeaways"):
        ExtractiveEngine(min_takeaways=0)
    assert ExtractiveEngine(max_takeaways=1).min_takeaways == 1  # the floor never exceeds the ceiling


def test_a_question_is_never_a_takeaway_however_central() -> None:
    # The question repeats the story's words and, unweighted for its form, ranks high; it still tells the
    # reader nothing.
    asked = BRIDGE_STORY.replace(
        "Buses between",
        "Who will pay the 4 million euros for the Kelby bridge repairs? Buses between",
    )
    takeaways = _takeaways(ExtractiveEngine(style_weights={"question": 1.0}), asked)
    assert takeaways
    assert not [line for line in takeaways if line.rstrip("\"'”’)").endswith("?")]
