"""Topics for alert filtering: IPTC Media Topics from a small learned model, plus cue rules where no data is.

The model (``models/topics.json``, trained by ``training/train_topics.py``; data in
``models/topics-manifest.md``) is linear over stemmed content words and adjacent pairs of them:
each known term adds its per-topic weight, so a headline and one sentence get a topic as surely
as a long article does. Four topics have no public labelled news to learn from here (conflict,
disaster, labour, weather); they come from cue words instead, and are said to in the README."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from takeaways.summary import MAX_TOPICS, Topic
from takeaways.text.iptc import media_topic
from takeaways.text.words import STOP_WORDS, stem, tokens

MODEL_FILE = Path(__file__).with_name("models") / "topics.json"
_TEXT_CHARS = 30_000
_SECOND_TOPIC_SHARE = 0.25  # a later topic must hold at least this share of the first's probability
# A rule topic named in the headline leads only when the model's first topic is below this probability.
# On validation the model's first topic is right 97 times in 100 at or above it, which no cue-word count
# can claim: "strike", "workers" and "Labour" also fill health, economy and politics stories (the rule
# had put labour first on nursing-strike and Labour-leader articles). Below it, the rule topic's lead
# was defensible in each validation case read (a newsroom walkout, a living-wage error).
CONFIDENT = 0.8
# Cue stems for the topics the model has no training data for; a rule topic needs this many hits.
_RULE_CUES = {
    "conflict": "war wars troops army military soldiers missile missiles airstrike airstrikes shelling ceasefire "
    "invasion invaded insurgents rebels militants frontline artillery battle bomb bombing bombs warplanes "
    "guerrilla truce peacekeepers",
    "disaster": "earthquake flood floods flooding tsunami hurricane cyclone typhoon wildfire wildfires landslide "
    "avalanche eruption volcano derailed collapsed crash explosion blaze blazes inferno firefighters "
    "evacuated evacuation rescuers rescue disaster",
    "labour": "strike strikes striking walkout picket wages unions union workers employees unemployment "
    "layoffs redundancies pensions minimum-wage labour",
    "weather": "weather forecast forecasters rain rainfall snow snowfall heatwave storm storms gusts "
    "temperatures frost drought meteorologists thunderstorms hail fog",
}
_RULE_STEMS = {stem(cue): topic for topic, cues in _RULE_CUES.items() for cue in cues.split()}
# Cue words sport uses in a sense of its own ("a late strike", "rugby union", "a title battle", "a crash on
# lap 3"): they count for no rule topic in a story the model reads as sport.
_SPORT_SENSES = frozenset(
    stem(word) for word in "strike strikes striking union unions battle crash bomb".split()
)
_RULE_MIN_HITS = 3
_RULE_MIN_SHARE = 0.02  # of the text's content words


@dataclass(frozen=True, slots=True)
class ScoredTopic:
    slug: str
    score: float = 0.0


def topic_features(text: str) -> Counter[str]:
    """Stemmed content words of a text and its adjacent pairs of them: what the model was trained on and reads.

    Pairs ("white house", "red carpet") tell apart what their words alone do not.
    """
    words = [
        stem(token)
        for token in tokens(text[:_TEXT_CHARS])
        if len(token) > 2 and token not in STOP_WORDS and not token.isdigit()
    ]
    features = Counter(words)
    features.update(f"{first} {second}" for first, second in pairwise(words))
    return features


def known_strengths(features: Counter[str], known: Container[str]) -> dict[str, float]:
    """Each known term's input to the model: sublinear in its count, divided by sqrt(known terms).

    Long texts pile up evidence; the division keeps their scores on the scale of a short item's.
    Training reads texts through this same function.
    """
    present = [(term, count) for term, count in features.items() if term in known]
    if not present:
        return {}
    norm = math.sqrt(len(present))
    return {term: (1.0 + math.log(count)) / norm for term, count in present}


@dataclass(frozen=True, slots=True)
class TopicModel:
    """A linear model over terms: each known term adds its strength times its weight per topic.

    On disk (``models/topics.json``) a term's weights are one letter per topic: "a" is the term's
    highest weight, each later letter ``1 / scale`` lower, "z" as low as is stored. Only the
    differences between a term's topics matter, so this loses nothing but precision below the
    floor, and it keeps the file small.
    """

    topics: tuple[str, ...]
    weights: dict[str, list[float]]
    bias: list[float]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TopicModel:
        scale = float(data["scale"])
        weights = {
            term: [(ord("a") - ord(letter)) / scale for letter in letters]
            for term, letters in data["weights"].items()
        }
        return cls(tuple(data["topics"]), weights, [value / scale for value in data["bias"]])

    def scores(self, features: Counter[str]) -> dict[str, float]:
        """Topic probabilities; empty when the text holds no term the model knows."""
        strengths = known_strengths(features, self.weights)
        if not strengths:
            return {}
        totals = list(self.bias)
        for term, strength in strengths.items():
            for index, value in enumerate(self.weights[term]):
                totals[index] += strength * value
        top = max(totals)
        exps = [math.exp(value - top) for value in totals]
        norm = sum(exps)
        return {topic: value / norm for topic, value in zip(self.topics, exps, strict=True)}


@lru_cache(maxsize=1)
def _model() -> TopicModel:
    return TopicModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def rule_topics(
    features: Counter[str], headline_features: Counter[str], *, sport: bool = False
) -> list[tuple[str, int]]:
    """Topics the model cannot learn, from cue words: (slug, hits) with enough hits, most first."""
    hits: Counter[str] = Counter()
    for term, count in features.items():
        if sport and term in _SPORT_SENSES:
            continue
        if topic := _RULE_STEMS.get(term):
            hits[topic] += count
    words = max(sum(count for term, count in features.items() if " " not in term), 1)  # pairs aside
    found = []
    for topic, count in hits.most_common():
        in_headline = any(
            _RULE_STEMS.get(term) == topic and not (sport and term in _SPORT_SENSES)
            for term in headline_features
        )
        if (count >= _RULE_MIN_HITS and count / words >= _RULE_MIN_SHARE) or (in_headline and count >= 2):
            found.append((topic, count))
    return found


def classify(
    text: str, *, headline: str = "", limit: int = MAX_TOPICS, model: TopicModel | None = None
) -> list[ScoredTopic]:
    """Up to ``limit`` topics, strongest first.

    A rule topic named in the headline leads unless the model is confident of its own first topic;
    ``model`` replaces the shipped one (training scores a model it has not written yet).
    """
    headline_features = topic_features(headline)
    features = topic_features(f"{headline}\n{text}")
    scores = (model or _model()).scores(features)
    learned = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    chosen: list[ScoredTopic] = []
    if learned:
        best = learned[0][1]
        chosen = [ScoredTopic(slug, round(p, 3)) for slug, p in learned if p >= best * _SECOND_TOPIC_SHARE][
            :limit
        ]
    sport = bool(learned) and learned[0][0] == "sport"
    confident = bool(learned) and learned[0][1] >= CONFIDENT
    for slug, count in rule_topics(features, headline_features, sport=sport):
        in_headline = any(
            _RULE_STEMS.get(term) == slug and not (sport and term in _SPORT_SENSES)
            for term in headline_features
        )
        score = round(min(1.0, count / 10), 3)
        leads = in_headline and count >= _RULE_MIN_HITS and not confident
        position = 0 if leads else min(1, len(chosen))
        chosen.insert(position, ScoredTopic(slug, score))
    unique: list[ScoredTopic] = []
    for topic in chosen:
        if topic.slug not in {seen.slug for seen in unique}:
            media_topic(topic.slug)  # the model and the rules may only name vocabulary topics
            unique.append(topic)
    # Scores of rule and model topics are not on one scale: keep the order the rules chose readable.
    ordered: list[ScoredTopic] = []
    for index, topic in enumerate(unique[:limit]):
        if index == 0 and len(unique) > 1:
            topic = ScoredTopic(topic.slug, max(topic.score, unique[1].score))
        elif index:
            topic = ScoredTopic(topic.slug, min(topic.score, ordered[-1].score))
        ordered.append(topic)
    return ordered


def topic_named(name: str, score: float = 0.0) -> Topic:
    """The record for a vocabulary topic; ``KeyError`` for a name outside it."""
    topic = media_topic(name)
    return Topic(name=topic.slug, iptc=topic.qcode, label=topic.label, score=score)


def article_topics(body: str, *, headline: str = "") -> list[Topic]:
    """The topics a summary and its alert carry, strongest first."""
    return [topic_named(scored.slug, scored.score) for scored in classify(body, headline=headline)]
