"""Priority from topic, casualty figures and headline wording, on summaries of our own writing."""

from __future__ import annotations

from takeaways.alerts.priority import assess_priority, impact_figures
from takeaways.summary import Takeaway, TakeawaySummary
from takeaways.text.topics import topic_named


def summary(headline: str, lead: str, *, topics: list[str], body: str = "") -> TakeawaySummary:
    return TakeawaySummary(
        headline=headline,
        summary=lead,
        takeaways=[Takeaway(text=lead), *([Takeaway(text=body)] if body else [])],
        topics=[topic_named(name) for name in topics],
        engine="extractive",
    )


def test_figures_are_read_from_words_and_digits() -> None:
    assert impact_figures("The blast killed three soldiers and injured 40 people.") == {
        "deaths": 3,
        "injured": 40,
        "displaced": 0,
    }
    assert impact_figures("The death toll has risen to 57.")["deaths"] == 57
    assert impact_figures("Thousands were evacuated as the river rose.")["displaced"] == 2000
    assert impact_figures("Engineers ordered the evacuation of 2,000 homes.")["displaced"] == 2000


def test_a_benefit_concert_is_routine_and_a_deadly_bombing_is_urgent() -> None:
    gig = summary(
        "Glasgow hosts tsunami benefit gig",
        "Bands will play in Glasgow to raise money for the appeal.",
        topics=["arts", "disaster"],
    )
    bombing = summary(
        "Bomb explodes at mosque",
        "A bomb exploded at a mosque during Friday prayers, killing at least 12 worshippers.",
        topics=["crime", "conflict"],
    )
    assert assess_priority(gig) == 1
    assert assess_priority(bombing) == 5


def test_the_whole_range_is_used() -> None:
    scores = {
        assess_priority(
            summary("Library extends opening hours", "The library will open until eight.", topics=["society"])
        ),
        assess_priority(
            summary("Bakery wins best loaf prize", "The judges praised the crust.", topics=["lifestyle"])
        ),
        assess_priority(
            summary(
                "Man held after break-in", "Police arrested a man after a shop break-in.", topics=["crime"]
            )
        ),
        assess_priority(
            summary("Crash on the ring road", "One person died when two cars collided.", topics=["disaster"])
        ),
        assess_priority(
            summary("Quake flattens town", "At least 40 people were killed.", topics=["disaster"])
        ),
    }
    assert scores == {1, 2, 3, 4, 5}


def test_words_alone_cannot_make_an_alert_urgent() -> None:
    worded = summary(
        "Breaking: urgent strike talks",
        "Breaking news: unions call an urgent meeting about a strike.",
        topics=["crime"],
        body="Breaking, urgent, killed, dead, emergency, explosion, attack.",
    )
    assert assess_priority(worded) == 4


def test_breaking_wording_counts_in_the_headline_or_lead_but_not_the_body() -> None:
    plain = summary("Council sets budget", "The council agreed its budget.", topics=["politics"])
    in_body = summary(
        "Council sets budget", "The council agreed its budget.", topics=["politics"], body="Breaking."
    )
    in_headline = summary(
        "Breaking: council sets budget", "The council agreed its budget.", topics=["politics"]
    )
    assert assess_priority(plain) == assess_priority(in_body) == 2
    assert assess_priority(in_headline) == 3


def test_an_age_between_commas_is_no_death_toll() -> None:
    assert impact_figures("Ines Dahl, 21, was found dead in her cell at the prison.")["deaths"] == 1
    assert impact_figures("Tom Berg, 35, killed Ada Lark on the coast road.")["deaths"] == 0
    assert impact_figures("At least 1,200 people were killed in the floods.")["deaths"] == 1200


def test_a_death_told_without_a_figure_is_one_death_and_a_year_is_no_figure() -> None:
    assert impact_figures("The harbour master died on Sunday after a fall at the quay.")["deaths"] == 1
    assert impact_figures("A cyclist was killed when a lorry turned across the lane.")["deaths"] == 1
    assert impact_figures("The row over the bypass died down after the vote.")["deaths"] == 0
    assert impact_figures("The founder, who was killed in 2011, is remembered each spring.")["deaths"] == 1
    assert impact_figures("Two fishermen drowned off the point.")["deaths"] == 2
    obituary = summary(
        "Folk singer Maren Ashby dies at 81",
        "The singer died at her home in Tarrow on Tuesday, her family said.",
        topics=["arts"],
    )
    assert assess_priority(obituary) == 2  # an arts story (1), a death one step more


def test_a_verdict_and_a_national_election_result_count_as_much_as_a_crime_topic() -> None:
    verdict = summary(
        "Former goalkeeper convicted of fraud",
        "A jury found the former goalkeeper guilty of taking 2 million from his charity.",
        topics=["sport"],
    )
    election = summary(
        "Okonjo elected president in a run-off",
        "Amara Okonjo was elected president with 54% of the vote, the electoral commission said.",
        topics=["politics"],
    )
    council = summary(
        "Ward by-election won by independent",
        "An independent won the Harbour ward seat on the town council by 40 votes.",
        topics=["politics"],
    )
    charged = summary(
        "Man charged after death at flats",
        "A man has been charged with the murder of his neighbour, who was found at a block of flats in Tarrow.",
        topics=["politics"],
    )
    match = summary(
        "Striker's late goal wins the derby", "The striker scored in the last minute.", topics=["sport"]
    )
    assert assess_priority(verdict) == 3
    assert assess_priority(election) == 3
    assert assess_priority(charged) == 3
    assert assess_priority(council) == 2
    assert assess_priority(match) == 1
