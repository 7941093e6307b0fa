"""How urgent a story is, as a number subscribers can filter on (1 = routine .. 5 = urgent).

Three signals, each one an operator can explain to a subscriber:

* what the story is: a lead topic of arts, sport, lifestyle, religion or human interest starts
  at 1; disaster, conflict or crime among the first two starts at 3, and so does a verdict, a
  sentence, a charge of violence, a violent crime or a national election's result named in the
  headline or summary ("was convicted", "charged with murder", "elected president"), whatever the
  topics say; everything else at 2;
* casualty and impact figures the summary reports ("12 people were killed", "thousands
  evacuated", "he died"): one step for any death, ten injured or a thousand displaced; two steps
  for ten deaths or a hundred thousand displaced. A year is no figure ("killed in 2011");
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
# A comma inside a figure only before three digits: in "Matthew Daley, 35, killed" the comma after 35 ends
# an age, and 35 counts no deaths.
_AMOUNT = (
    r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:thousand|million))?|" + "|".join(_NUMBER_WORDS) + r")"
)
_WHO = r"(?:\s+(?:more|other|people|person|persons|man|woman|men|women|boy|girl|civilians|soldiers|children|residents|passengers|workers|"
_WHO += r"troops|police|officers|migrants|pupils|students|homes|households|families|was|were|have|has|been|are|being|reported|feared|now|at|least))*"
# Who the figure counts, beyond the common words above: up to two words of any kind ("two fishermen",
# "40 farm workers"), as long as they are no figure themselves.
_ANY_WHO = r"(?:[ ]+[a-z][a-z'-]*){0,2}?"
_DEATH = r"(?:killed|dead|died|deaths|die|drowned|perished|lives\s+lost)"
_HURT = r"(?:injured|wounded|hurt|hospitali[sz]ed)"
_DISPLACED = (
    r"(?:evacuated|displaced|homeless|missing|stranded|without\s+power|forced\s+from\s+their\s+homes)"
)
_CAUSE = {"deaths": r"(?:killing|killed|kills)", "injured": r"(?:injuring|injured|wounding|wounded)"}
_CAUSE["displaced"] = r"(?:evacuating|leaving|left|displacing)"
_FIGURE = {
    kind: [
        re.compile(rf"\b{_AMOUNT}{_ANY_WHO}{_WHO}\s+{verb}\b", re.IGNORECASE),
        re.compile(rf"\b{_CAUSE[kind]}{_WHO}\s+{_AMOUNT}\b", re.IGNORECASE),
    ]
    for kind, verb in (("deaths", _DEATH), ("injured", _HURT), ("displaced", _DISPLACED))
}
# A death the lines report without a figure ("the actor died", "was shot dead") is one death.
_ONE_DEATH = re.compile(
    r"\b(?:died(?!\s+(?:down|out|away))|(?:was|were|been)\s+(?:shot\s+|stabbed\s+|beaten\s+)?killed|"
    r"(?:shot|stabbed|found|beaten)\s+(?:to\s+death|dead)|killed\s+(?:himself|herself)|"
    r"fatally\s+(?:shot|stabbed|injured|wounded))\b",
    re.IGNORECASE,
)
# A court's decision, a charge of violence and a violent crime itself, and a country's choice of its
# government: events, not words of tone, that make a story matter as a crime or conflict topic does.
_CRIME_EVENT = re.compile(
    r"\b(?:convicted|conviction|found\s+(?:not\s+)?guilty|pleaded\s+guilty|pleads\s+guilty|acquitted|"
    r"sentenced|(?:jail|prison)\s+(?:sentence|term)|jailed|guilty\s+verdicts?|"
    r"charged\s+with\s+(?:the\s+|attempted\s+)?(?:murder|manslaughter|rape|terrorism|kidnapping)|"
    r"murder(?:ed)?|stabbed|stabbing|(?:was|were)\s+shot)\b",
    re.IGNORECASE,
)
_NATIONAL_OFFICE = r"(?:president|prime\s+minister|chancellor|premier)"
_ELECTION_RESULT = re.compile(
    rf"\b(?:(?:re-?)?elected\s+(?:as\s+)?(?:the\s+)?(?:country's\s+|new\s+|next\s+)?{_NATIONAL_OFFICE}|"
    rf"(?:wins?|won|winning)\s+(?:the\s+|a\s+|its\s+|his\s+|her\s+)?(?:second\s+|third\s+)?"
    rf"(?:presidential|general|national|parliamentary)\s+(?:election|vote|poll)|"
    rf"(?:wins?|won)\s+(?:the\s+)?presidency)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_EVACUATION = re.compile(rf"\bevacuations?\s+of{_WHO}\s+{_AMOUNT}", re.IGNORECASE)
_DEATH_TOLL = re.compile(rf"\bdeath\s+toll\D{{0,30}}?\b{_AMOUNT}\b", re.IGNORECASE)


def _amount(text: str) -> int:
    if _YEAR.match(text):
        return 0
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
    if not found["deaths"] and _ONE_DEATH.search(text):
        found["deaths"] = 1
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
    reported = "\n".join([summary.headline, summary.summary, *(t.text for t in summary.takeaways)])
    lead = f"{summary.headline}\n{summary.summary}"
    if SEVERE_TOPICS.intersection(names[:2]) and names[0] not in ROUTINE_TOPICS:
        score = 3
    elif _CRIME_EVENT.search(lead) or _ELECTION_RESULT.search(lead):
        score = 3  # a star's conviction is a crime story, whichever topic leads
    elif names and names[0] in ROUTINE_TOPICS:
        score = 1  # a concert for flood victims is an arts story, whatever its second topic
    else:
        score = 2
    level = impact_level(impact_figures(reported))
    score += level
    if _BREAKING.search(summary.headline) or _BREAKING.search(summary.summary):
        score += 1
        if score >= 5 and level < 2:
            score = 4
    return max(MIN_PRIORITY, min(score, MAX_PRIORITY))
