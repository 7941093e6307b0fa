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
    TopicModel,
    article_topics,
    classify,
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
