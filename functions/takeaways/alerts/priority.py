"""How urgent a story is, as a number subscribers can filter on (1 = routine .. 5 = urgent)."""

from __future__ import annotations

import re

from takeaways.summary import TakeawaySummary

_HIGH_IMPACT_TOPICS = frozenset({"conflict", "disaster", "security", "health", "crime", "markets"})
_URGENT_WORDS = re.compile(
    r"\b(breaking|urgent|killed|dead|deaths?|died|emergency|evacuat\w*|earthquake|tsunami|hurricane|"
    r"explosion|attack\w*|shooting|outbreak|ceasefire|invasion|resign\w*|crash\w*|collapse\w*|wildfire)\b",
    re.IGNORECASE,
)


def assess_priority(summary: TakeawaySummary) -> int:
    """Score from topic and wording: a transparent rule an operator can explain to a subscriber."""
    score = 2
    if _HIGH_IMPACT_TOPICS.intersection(summary.topics):
        score += 1
    headline_hits = len(_URGENT_WORDS.findall(summary.headline))
    body_hits = len(_URGENT_WORDS.findall(" ".join([summary.summary, *(t.text for t in summary.takeaways)])))
    if headline_hits:
        score += 1
    if headline_hits + body_hits >= 3:
        score += 1
    return min(score, 5)
