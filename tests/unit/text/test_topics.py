"""Topics from the shipped model and cue rules, on items of our own writing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from takeaways.text.iptc import MEDIA_TOPICS, TOPIC_SLUGS
from takeaways.text.topics import MODEL_FILE, article_topics, classify, topic_named

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


def test_the_readme_lists_the_vocabulary_from_the_code() -> None:
    listed = re.findall(
        r"^\| `([a-z-]+)` \| `(medtop:\d{8})` \|", README.read_text(encoding="utf-8"), re.MULTILINE
    )
    assert listed == [(topic.slug, topic.qcode) for topic in MEDIA_TOPICS]
