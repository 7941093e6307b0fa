"""Topics from the shipped model and cue rules, on items of our own writing."""

from __future__ import annotations

import io
import json
import re
import string
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from takeaways.text.iptc import MEDIA_TOPICS, TOPIC_SLUGS
from takeaways.text.topics import (
    MODEL_FILE,
    SECOND_TOPIC_SHARE,
    TopicModel,
    article_topics,
    classify,
    kept_topics,
    topic_features,
    topic_named,
)

README = Path(__file__).resolve().parents[3] / "README.md"


@pytest.mark.parametrize(
    ("headline", "sentence", "expected"),
    [
        (
            "Striker scores twice as United win derby",
            "The forward scored in each half as the home side won.",
            "sport",
        ),
        (
            "Central bank raises interest rates",
            "The bank raised its main rate to curb inflation; shares fell.",
            "economy",
        ),
        (
            "Man charged with murder after stabbing",
            "Police arrested a man who appeared in court on Monday.",
            "crime",
        ),
        (
            "Scientists find water on distant planet",
            "Astronomers using a space telescope saw water vapour.",
            "science",
        ),
        (
            "Heavy snow closes roads across the north",
            "Forecasters warned of more snow and strong winds overnight.",
            "weather",
        ),
    ],
)
def test_a_headline_and_one_sentence_get_their_topic_first(
    headline: str, sentence: str, expected: str
) -> None:
    assert classify(sentence, headline=headline)[0].slug == expected


def test_topics_are_vocabulary_records_strongest_first_and_at_most_three() -> None:
    body = (
        "The finance minister told parliament the budget would raise taxes on banks. "
        "Opposition lawmakers said the vote would be close, and markets fell as investors sold shares."
    )
    topics = article_topics(body, headline="Budget vote splits parliament")
    assert 1 <= len(topics) <= 3
    assert {t.name for t in topics} <= set(TOPIC_SLUGS)
    assert [t.score for t in topics] == sorted((t.score for t in topics), reverse=True)
    assert topics[0].iptc == f"medtop:{next(m.code for m in MEDIA_TOPICS if m.slug == topics[0].name)}"


def test_a_rule_topic_named_in_the_headline_leads() -> None:
    body = (
        "Troops and tanks crossed the border at dawn. Missile strikes hit the capital as the army advanced."
    )
    assert classify(body, headline="Army launches invasion as missiles hit capital")[0].slug == "conflict"


def test_text_with_no_word_the_model_knows_gets_no_topic() -> None:
    assert classify("Zqxv blorft mrrp.") == []


def test_an_unknown_topic_name_is_refused() -> None:
    with pytest.raises(KeyError):
        topic_named("climate")


def test_the_model_names_only_vocabulary_topics() -> None:
    model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert set(model["topics"]) <= set(TOPIC_SLUGS)
    assert {len(row) for row in model["weights"].values()} == {len(model["topics"])}
    assert len(model["bias"]) == len(model["topics"])
    # Each row is stored relative to its own highest weight, which is "a".
    assert all(
        min(row) == "a" and set(row) <= set(string.ascii_lowercase) for row in model["weights"].values()
    )


# SummariseFunction's package is near its budget: the model may not grow past the naive Bayes
# file it replaced, zipped as Lambda receives it.
MODEL_ZIPPED_BYTES = 149_745


def test_the_model_file_stays_within_its_zipped_size() -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(MODEL_FILE, MODEL_FILE.name)
    assert len(packed.getvalue()) <= MODEL_ZIPPED_BYTES


def test_features_are_stemmed_content_words_and_adjacent_pairs_of_them() -> None:
    features = topic_features("The White House said the votes were counted.")
    assert features["white"] == 1 and features["vote"] == 1
    assert features["white house"] == 1 and features["house vote"] == 1
    assert "the" not in features and "said" not in features


def test_a_model_reads_letters_as_steps_below_the_term_highest_weight() -> None:
    model = TopicModel.from_json(
        {"topics": ["sport", "politics"], "scale": 2, "bias": [0, 1], "weights": {"goal": "ac", "vote": "ca"}}
    )
    assert model.weights["goal"] == [0.0, -1.0]
    assert model.bias == [0.0, 0.5]
    sport = model.scores(Counter({"goal": 1}))
    assert sport["sport"] > sport["politics"]
    assert model.scores(Counter({"vote": 2}))["politics"] > 0.5
    assert model.scores(Counter({"unknown": 1})) == {}


def test_the_readme_lists_the_vocabulary_from_the_code() -> None:
    listed = re.findall(
        r"^\| `([a-z-]+)` \| `(medtop:\d{8})` \|", README.read_text(encoding="utf-8"), re.MULTILINE
    )
    assert listed == [(topic.slug, topic.qcode) for topic in MEDIA_TOPICS]


def test_a_match_report_is_no_strike_and_a_walkout_is_one() -> None:
    match = (
        "Forfar striker Lewis Kerr scored twice as his side beat Brechin 3-1 in the league on Saturday. "
        "Kerr's first strike came after ten minutes, and a second strike from the edge of the box sealed it. "
        "The goalkeeper was beaten by a low strike in the second half as Forfar went top of the table."
    )
    walkout = (
        "Bus drivers in Forfar began a three-day strike on Monday over pay. "
        "The drivers' union said workers had rejected a 2% offer, and pickets stood outside the depot. "
        "The operator said the strike had cancelled most routes and talks with the union would resume."
    )
    match_topics = [topic.slug for topic in classify(match, headline="Kerr strikes twice as Forfar go top")]
    assert match_topics[0] == "sport" and "labour" not in match_topics
    assert "labour" in [
        topic.slug for topic in classify(walkout, headline="Forfar bus drivers strike over pay")
    ]


def test_a_rule_topic_in_the_headline_leads_only_when_the_model_is_unsure() -> None:
    headline = "Nurses strike over hospital staffing"
    body = "Nurses at the hospital began a strike on Monday. The union said workers would strike again next week."
    terms = topic_features(f"{headline}\n{body}")
    # The same text, read by a model sure it is health and by one that cannot tell health from politics.
    sure = TopicModel(("health", "politics"), {term: [1.0, -1.0] for term in terms}, [0.0, 0.0])
    unsure = TopicModel(("health", "politics"), {term: [0.0, 0.0] for term in terms}, [0.0, 0.0])
    assert [t.slug for t in classify(body, headline=headline, model=sure)][:2] == ["health", "labour"]
    assert classify(body, headline=headline, model=unsure)[0].slug == "labour"


def test_a_fire_that_empties_homes_is_a_disaster() -> None:
    body = (
        "A fire at a timber yard in Kelso Vale meant about 150 families were evacuated overnight. "
        "Firefighters from three stations fought the blaze until dawn, and the roads nearby stayed shut. "
        "Nobody was hurt, and the owners said the cause was not yet known."
    )
    assert "disaster" in [topic.slug for topic in classify(body)]


def test_a_court_report_the_model_reads_as_health_also_carries_crime_but_never_first() -> None:
    body = (
        "A care worker was jailed for six years after she pleaded guilty to the manslaughter of a resident. "
        "Detectives said the jury at Kelso Vale had heard how the resident was left without food. "
        "The trust that ran the home said its mental health services had since changed."
    )
    topics = [t.slug for t in classify(body, model=sure_of("health", body))]
    assert topics[:2] == ["health", "crime"]
    unsure = TopicModel(
        ("health", "politics"), {term: [0.0, 0.0] for term in topic_features(body)}, [0.0, 0.0]
    )
    assert classify(body, model=unsure)[0].slug != "crime"  # the cue words never lead


def test_a_road_collision_is_an_accident_but_a_keeper_colliding_with_a_post_is_not() -> None:
    crash = (
        "A cyclist was hurt in a collision with a van on the Kelso Vale road on Sunday. "
        "She was taken to hospital, and police asked witnesses of the collision to come forward."
    )
    assert "disaster" in [topic.slug for topic in classify(crash)]
    match = (
        "The keeper collided with a post as the ball crossed the line, and after the collision the referee "
        "waved play on. The striker scored twice in the second half."
    )
    assert "disaster" not in [topic.slug for topic in classify(match, model=sure_of("sport", match))]


def test_a_later_topic_needs_its_share_of_the_first_topics_probability() -> None:
    just_enough = {"politics": 0.5, "economy": 0.5 * SECOND_TOPIC_SHARE, "health": 0.1}
    assert [t.slug for t in kept_topics(just_enough)] == ["politics", "economy"]
    too_weak = {"politics": 0.6, "economy": 0.6 * SECOND_TOPIC_SHARE - 0.01, "health": 0.1}
    assert [t.slug for t in kept_topics(too_weak)] == ["politics"]
    assert kept_topics({}) == []


def sure_of(topic: str, text: str) -> TopicModel:
    """A model that reads every term of ``text`` as ``topic`` and nothing else, with certainty."""
    return TopicModel((topic, "politics"), {term: [4.0, -4.0] for term in topic_features(text)}, [0.0, 0.0])


def test_a_disaster_the_headline_names_leads_however_sure_the_model_is() -> None:
    headline = "Ferry capsized off the coast with 200 aboard"
    body = (
        "A passenger ferry capsized in heavy seas off the north coast on Sunday night. The coastguard pulled "
        "150 survivors from the water, and rescuers were searching for 30 people still missing."
    )
    model = sure_of("science", f"{headline}\n{body}")
    assert [t.slug for t in classify(body, headline=headline, model=model)][:2] == ["disaster", "science"]
    assert classify(body, headline=headline)[0].slug == "disaster"


def test_context_words_of_a_disaster_do_not_overrule_a_sure_model() -> None:
    headline = "Firefighters and rescuers test a new helmet camera"
    body = (
        "Firefighters in the county are testing a helmet camera that shows rescuers heat through smoke. "
        "The fire service said the cameras could help crews find survivors faster after an evacuation."
    )
    model = sure_of("science", f"{headline}\n{body}")
    assert classify(body, headline=headline, model=model)[0].slug == "science"


def test_an_untitled_articles_first_sentence_stands_in_for_its_headline() -> None:
    body = (
        "An earthquake shook the valley towns before dawn on Monday, bringing down a school and dozens of houses. "
        "Rescuers worked through the rubble as aftershocks went on. The regional governor visited the "
        "town hall and promised money for repairs, and the national assembly will debate the cost."
    )
    model = sure_of("politics", body)
    assert classify(body, model=model)[0].slug == "disaster"


def test_a_road_closure_is_transport_under_economy_and_passing_cars_are_not() -> None:
    closure = (
        "The county will shut Mill Lane bridge to all vehicles for a month while the deck is rebuilt. "
        "Buses will take a diversion through Aldwick, and commuters should allow extra time, the roads "
        "department said."
    )
    assert classify(closure, headline="Mill Lane bridge to close for a month")[0].slug == "economy"
    theft = (
        "Police are looking for two men who stole tools from vehicles parked on the road outside a pub. "
        "Officers said the men broke into six vehicles on the road and one bus before driving off."
    )
    assert "economy" not in [t.slug for t in classify(theft, headline="Two men sought after tool thefts")]


def test_strikes_in_a_war_are_attacks_and_in_a_dispute_a_walkout() -> None:
    war = (
        "Both sides agreed to pause strikes on the port's power stations for thirty days after talks. "
        "The ceasefire does not cover the front line, where troops and artillery remain, and missile strikes "
        "on the city went on overnight. Strikes on the grid had cut power to thousands."
    )
    assert "labour" not in [
        t.slug for t in classify(war, headline="Both sides pause strikes on power stations")
    ]
    dispute = (
        "Ferry workers will strike for three days next week in a dispute over wages, their union said. "
        "The strikes will halt sailings, and the union said more walkouts would follow if pay talks failed. "
        "The operator said the strike was unnecessary."
    )
    assert "labour" in [t.slug for t in classify(dispute, headline="Ferry workers to strike over wages")]


def test_engineering_work_is_no_labour_story() -> None:
    works = (
        "Engineering work will close the Kirkwall line over the holiday weekend while new signals are fitted. "
        "The work, which will cost £4m, follows an overrun last year, when work on the bridge shut the line. "
        "Rail staff said replacement buses would run, and the work should finish on time."
    )
    assert "labour" not in [
        t.slug for t in classify(works, headline="Engineering work to close Kirkwall line")
    ]
