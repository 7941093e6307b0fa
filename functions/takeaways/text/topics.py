"""Topics for alert filtering: IPTC Media Topics from a small learned model, plus cue rules where no data is.

The model (``models/topics.json``, trained by ``training/train_topics.py``; data in
``models/topics-manifest.md``) is linear over stemmed content words and adjacent pairs of them:
each known term adds its per-topic weight, so a headline and one sentence get a topic as surely
as a long article does. Four topics have no public labelled news to learn from here (conflict,
disaster, labour, weather); they come from cue words instead, and are said to in the README. Crime's cue
words add it after the model's first topic: the model learned crime from short items only."""

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
from takeaways.text.sentences import split_sentences
from takeaways.text.words import STOP_WORDS, stem, tokens

MODEL_FILE = Path(__file__).with_name("models") / "topics.json"
_TEXT_CHARS = 30_000
# A second or third learned topic must hold at least this share of the first's probability. Chosen by
# ``training/train_topics.py --validate``: the share at which a topic filter's F1 is highest over the
# validation items, each one-topic item as it is and two-topic items made by joining two items of
# different topics. At 0.25 four in ten one-topic items carried a second topic, and a topic filter
# matched nearly every story.
SECOND_TOPIC_SHARE = 0.5
# A rule topic named in the headline leads only when the model's first topic is below this probability.
# On validation the model's first topic is right 97 times in 100 at or above it, which no cue-word count
# can claim: "strike", "workers" and "Labour" also fill health, economy and politics stories (the rule
# had put labour first on nursing-strike and Labour-leader articles). Below it, the rule topic's lead
# was defensible in each validation case read (a newsroom walkout, a living-wage error).
CONFIDENT = 0.8
# Cue stems for what the model has no training data for: four topics, and transport, which IPTC files
# under economy (no labelled section holds it: travel stories are tourism, so the model read a bridge
# closure's engineers as science and a ferry's passengers as human interest). A rule topic needs this
# many hits.
_RULE_CUES = {
    "conflict": "war wars troops army military soldiers missile missiles airstrike airstrikes shelling ceasefire "
    "invasion invaded insurgents rebels militants frontline artillery battle bomb bombing bombs warplanes "
    "guerrilla truce peacekeepers",
    "disaster": "earthquake earthquakes quake aftershock aftershocks flood floods flooded flooding tsunami "
    "hurricane cyclone typhoon tornado wildfire wildfires landslide landslides mudslide avalanche eruption "
    "volcano derailed derailment collapse collapsed crash crashed collision collisions collided explosion blaze "
    "blazes inferno "
    "firefighters evacuated evacuation rescuers rescue disaster sank sunk sinking capsized shipwreck "
    "coastguard rubble survivors",
    # ("workers" is left out: it stems to "work", and engineering work on a railway is no labour story.)
    "labour": "strike strikes striking walkout picket wages unions union employees workforce unemployment "
    "layoffs redundancies pensions minimum-wage labour",
    "weather": "weather forecast forecasters rain rainfall snow snowfall heatwave storm storms gusts "
    "temperatures frost drought meteorologists thunderstorms hail fog",
    # The model learned crime from short US items only: a full British court or police report reads to it as
    # health or politics ("inquest", "trust", "mental health"). These words name the offence and the process.
    "crime": "jailed sentenced convicted manslaughter murder murdered murderer pleaded guilty jury jurors "
    "prosecutor prosecutors prosecution defendant acquitted arrested detectives burglary robbery stabbed "
    "stabbing rape fraud theft stolen prisoner prisoners inmates custody offender offenders",
    "economy": "road roads bridge bridges ferry ferries railway railways motorway motorways bus buses tram "
    "trams commuters passengers timetable sailings vehicles motorists diversion freight",
}
# The model knows no disaster, so its confidence in another topic says nothing against one. These cue
# words name the event itself, not its context ("firefighters", "survivors", "collapse" also fill labour,
# crime and business stories): one in the headline makes a disaster lead however sure the model is.
_DISASTER_EVENTS = frozenset(
    stem(word)
    for word in "earthquake earthquakes quake tsunami hurricane cyclone typhoon tornado wildfire wildfires "
    "landslide landslides mudslide avalanche eruption derailed derailment capsized sank sunk shipwreck "
    "flood floods flooded flooding inferno".split()
)
# Transport is a sector, not a subject of its own: its words fill crime and disaster stories ("vehicles",
# "passengers"), so it counts only where the headline names it.
_HEADLINE_ONLY = frozenset({"economy"})
# A topic the model learns too: its cue words add it after the model's first topic, never before. (Leading,
# the crime rule put crime first on four cross-validation articles, 0.818 to 0.811 right, none of them crime.)
_NEVER_LEADS = frozenset({"crime"})
_RULE_STEMS = {stem(cue): topic for topic, cues in _RULE_CUES.items() for cue in cues.split()}
# Cue words sport uses in a sense of its own ("a late strike", "rugby union", "a title battle", "a crash on
# lap 3"): they count for no rule topic in a story the model reads as sport.
_SPORT_SENSES = frozenset(
    stem(word)
    for word in "strike strikes striking union unions battle crash collision collided bomb road roads".split()
)
# "Strikes on energy infrastructure": in a story of war a strike is an attack, no labour dispute.
_WAR_SENSES = frozenset(stem(word) for word in "strike strikes striking".split())
_WAR_CONTEXT_HITS = 2  # conflict cue words (ceasefire, troops, missiles ...) that make a story one of war
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


@dataclass(frozen=True, slots=True)
class RuleTopic:
    slug: str
    hits: int
    in_headline: bool  # a cue word is in the headline (or an untitled article's first sentence)
    event_in_headline: bool = False  # one of them names a disaster (``_DISASTER_EVENTS``)

    def leads(self, *, model_confident: bool) -> bool:
        """Whether the headline makes it the story's subject: a sure model overrules it, save for a disaster."""
        if self.slug in _NEVER_LEADS:
            return False
        named = self.in_headline and self.hits >= _RULE_MIN_HITS
        return named and (self.event_in_headline or not model_confident)


def rule_topics(
    features: Counter[str], headline_features: Counter[str], *, sport: bool = False
) -> list[RuleTopic]:
    """Topics the model cannot learn, from cue words: those with enough hits, most first."""

    war = (
        sum(count for term, count in features.items() if _RULE_STEMS.get(term) == "conflict")
        >= _WAR_CONTEXT_HITS
    )

    def counts(term: str) -> bool:
        return not (sport and term in _SPORT_SENSES) and not (war and term in _WAR_SENSES)

    hits: Counter[str] = Counter()
    for term, count in features.items():
        if counts(term) and (topic := _RULE_STEMS.get(term)):
            hits[topic] += count
    words = max(sum(count for term, count in features.items() if " " not in term), 1)  # pairs aside
    found = []
    # Most hits first; on a tie a subject before a sector ("Ferry strike halts crossings" is a labour story
    # told in transport's words).
    for topic, count in sorted(hits.items(), key=lambda item: (-item[1], item[0] in _HEADLINE_ONLY)):
        named = [term for term in headline_features if _RULE_STEMS.get(term) == topic and counts(term)]
        if topic in _HEADLINE_ONLY and not named:
            continue
        if (count >= _RULE_MIN_HITS and count / words >= _RULE_MIN_SHARE) or (named and count >= 2):
            found.append(
                RuleTopic(topic, count, bool(named), any(term in _DISASTER_EVENTS for term in named))
            )
    return found


def kept_topics(
    scores: dict[str, float], *, share: float = SECOND_TOPIC_SHARE, limit: int = MAX_TOPICS
) -> list[ScoredTopic]:
    """The learned topics an alert carries: the first, and each later one holding ``share`` of its probability."""
    learned = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if not learned:
        return []
    best = learned[0][1]
    return [ScoredTopic(slug, round(p, 3)) for slug, p in learned if p >= best * share][:limit]


def _headline_or_lead(headline: str, text: str) -> str:
    """Where a story says what it is about: its headline, or its first sentence when it has none."""
    if headline.strip():
        return headline
    sentences = split_sentences(text[:2000])
    return sentences[0] if sentences else ""


def classify(
    text: str, *, headline: str = "", limit: int = MAX_TOPICS, model: TopicModel | None = None
) -> list[ScoredTopic]:
    """Up to ``limit`` topics, strongest first.

    A rule topic named in the headline (or, for an untitled article, its first sentence) leads unless
    the model is confident of its own first topic; a disaster the headline names leads even then. ``model`` replaces the
    shipped one (training scores a model it has not written yet).
    """
    headline_features = topic_features(_headline_or_lead(headline, text))
    features = topic_features(f"{headline}\n{text}")
    scores = (model or _model()).scores(features)
    chosen = kept_topics(scores, limit=limit)
    sport = bool(chosen) and chosen[0].slug == "sport"
    confident = bool(chosen) and chosen[0].score >= CONFIDENT
    found = rule_topics(features, headline_features, sport=sport)
    if any(rule.event_in_headline and rule.leads(model_confident=confident) for rule in found):
        # A bus or a road in a landslide story is where the disaster struck, not a transport story.
        found = [rule for rule in found if rule.slug not in _HEADLINE_ONLY]
    leading = [rule for rule in found if rule.leads(model_confident=confident)]
    leading.sort(key=lambda rule: not rule.event_in_headline)  # stable: most hits first otherwise
    others = [rule for rule in found if rule not in leading]
    as_scored = [ScoredTopic(rule.slug, round(min(1.0, rule.hits / 10), 3)) for rule in (*leading, *others)]
    chosen = as_scored[: len(leading)] + chosen[:1] + as_scored[len(leading) :] + chosen[1:]
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
