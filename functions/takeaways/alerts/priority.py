"""How urgent a story is, as a number subscribers can filter on (1 = routine .. 5 = urgent).

Three signals, each one an operator can explain to a subscriber:

* the story's topics: a lead topic of arts, sport, lifestyle, religion or human interest starts
  at 1; disaster, conflict or crime among the first two starts at 3; everything else at 2;
* casualty and impact figures the summary reports ("12 people were killed", "thousands
  evacuated"): one step for any death, ten injured or a thousand displaced; two steps for ten
  deaths or a hundred thousand displaced;
* breaking-news wording ("breaking", "urgent", "just in") in the headline or the lead, never the
  body: one step, and never on its own to 5 — words cannot make an alert urgent, figures can.
"""

from __future__ import annotations

import re

from takeaways.summary import MAX_PRIORITY, MIN_PRIORITY, TakeawaySummary
from takeaways.text.iptc import media_topic

SEVERE_TOPICS = frozenset(media_topic(name).slug for name in ("disaster", "conflict", "crime"))
ROUTINE_TOPICS = frozenset(
    media_topic(name).slug for name in ("arts", "sport", "lifestyle", "religion", "human-interest")
)
_BREAKING = re.compile(r"\b(breaking(?: news)?|urgent|just in|news alert|flash)\b", re.IGNORECASE)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "dozens": 24, "scores": 40, "hundred": 100,
    "hundreds": 200, "thousand": 1000, "thousands": 2000, "million": 1_000_000, "millions": 2_000_000,
}  # fmt: skip
_AMOUNT = r"(\d[\d,]*(?:\.\d+)?(?:\s*(?:thousand|million))?|" + "|".join(_NUMBER_WORDS) + r")"
_WHO = r"(?:\s+(?:more|other|people|person|persons|man|woman|men|women|boy|girl|civilians|soldiers|children|residents|passengers|workers|"
_WHO += r"troops|police|officers|migrants|pupils|students|homes|households|families|was|were|have|has|been|are|being|reported|feared|now|at|least))*"
_DEATH = r"(?:killed|dead|died|deaths|die|drowned|perished|lives\s+lost)"
_HURT = r"(?:injured|wounded|hurt|hospitali[sz]ed)"
_DISPLACED = (
    r"(?:evacuated|displaced|homeless|missing|stranded|without\s+power|forced\s+from\s+their\s+homes)"
)
_CAUSE = {"deaths": r"(?:killing|killed|kills)", "injured": r"(?:injuring|injured|wounding|wounded)"}
_CAUSE["displaced"] = r"(?:evacuating|leaving|left|displacing)"
_FIGURE = {
    kind: [
        re.compile(rf"\b{_AMOUNT}{_WHO}\s+{verb}\b", re.IGNORECASE),
        re.compile(rf"\b{_CAUSE[kind]}{_WHO}\s+{_AMOUNT}\b", re.IGNORECASE),
    ]
    for kind, verb in (("deaths", _DEATH), ("injured", _HURT), ("displaced", _DISPLACED))
}
_EVACUATION = re.compile(rf"\bevacuations?\s+of{_WHO}\s+{_AMOUNT}", re.IGNORECASE)
_DEATH_TOLL = re.compile(rf"\bdeath\s+toll\D{{0,30}}?\b{_AMOUNT}\b", re.IGNORECASE)


def _amount(text: str) -> int:
    words = text.lower().replace(",", "").split()
    total = 0.0
    for word in words:
        if word in ("thousand", "million"):
            total = (total or 1) * _NUMBER_WORDS[word]
        elif word in _NUMBER_WORDS:
            total += _NUMBER_WORDS[word]
        else:
            try:
                total += float(word)
            except ValueError:
                continue
    return int(total)


def impact_figures(text: str) -> dict[str, int]:
    """The largest number of deaths, injured and displaced people the text reports."""
    found = {"deaths": 0, "injured": 0, "displaced": 0}
    for kind, patterns in _FIGURE.items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                found[kind] = max(found[kind], _amount(match.group(1)))
    for match in _EVACUATION.finditer(text):
        found["displaced"] = max(found["displaced"], _amount(match.group(1)))
    for match in _DEATH_TOLL.finditer(text):
        found["deaths"] = max(found["deaths"], _amount(match.group(1)))
    return found


def impact_level(figures: dict[str, int]) -> int:
    """0 (no casualties reported), 1 (some) or 2 (many)."""
    if figures["deaths"] >= 10 or figures["displaced"] >= 100_000:
        return 2
    if figures["deaths"] >= 1 or figures["injured"] >= 10 or figures["displaced"] >= 1000:
        return 1
    return 0


def assess_priority(summary: TakeawaySummary) -> int:
    """1..5 from topic, casualty figures and headline wording (see the module docstring)."""
    names = [topic.name for topic in summary.topics]
    if names and names[0] in ROUTINE_TOPICS:
        score = 1  # a concert for flood victims is an arts story, whatever its second topic
    elif SEVERE_TOPICS.intersection(names[:2]):
        score = 3
    else:
        score = 2
    reported = " ".join([summary.headline, summary.summary, *(t.text for t in summary.takeaways)])
    level = impact_level(impact_figures(reported))
    score += level
    if _BREAKING.search(summary.headline) or _BREAKING.search(summary.summary):
        score += 1
        if score >= 5 and level < 2:
            score = 4
    return max(MIN_PRIORITY, min(score, MAX_PRIORITY))
