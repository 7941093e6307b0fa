"""Topics for alert filtering: a small lexicon of cue stems per topic, counted over the article."""

from __future__ import annotations

import re
from collections import Counter

from takeaways.text.words import stem

_CUES = {
    "politics": "election vote voter campaign parliament congress senate minister president govern party policy lawmaker law bill referendum coalition mayor council",
    "conflict": "war military troop army attack strike missile drone ceasefire invasion battle soldier weapon rebel insurgent bomb shelling frontline",
    "business": "company market share profit revenue investor economy economic bank trade deal merger stock price inflation business industry firm jobs",
    "technology": "technology software app internet data digital computer online cyber robot artificial intelligence chip smartphone platform",
    "health": "health hospital patient doctor disease virus vaccine medical drug cancer covid outbreak nurse treatment care",
    "science": "scientist research study researcher space nasa planet species discovery experiment university laboratory",
    "climate": "climate emission carbon warming renewable wind solar fossil coal environment pollution energy",
    "crime": "police arrest suspect murder charged court trial prison crime shooting killed robbery investigation prosecutor",
    "disaster": "earthquake flood hurricane storm wildfire tornado tsunami disaster evacuate rescue drought landslide",
    "sport": "match game season team player coach league championship tournament goal football soccer tennis cricket olympic cup",
    "transport": "bridge road rail railway train bus airport flight traffic ferry transport vehicle car route",
    "education": "school student teacher university education pupil exam campus classroom",
    "culture": "film music artist museum book festival theatre library exhibition actor award",
    "diplomacy": "talks summit diplomat sanction treaty negotiation ambassador ally relations agreement",
}
TOPICS: tuple[str, ...] = tuple(sorted(_CUES))  # every topic an alert can carry
_STEM_TO_TOPIC = {stem(word): topic for topic, words in _CUES.items() for word in words.split()}
MAX_TOPICS = 3
_TOKEN = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_MIN_HITS = 2


def find_topics(text: str, *, limit: int = MAX_TOPICS) -> list[str]:
    """Topics whose cues appear at least twice in the text, most frequent first."""
    return topics_from_terms([[stem(token) for token in _TOKEN.findall(text[:50_000].lower())]], limit=limit)


def topics_from_terms(term_lists: list[list[str]], *, limit: int = MAX_TOPICS) -> list[str]:
    """The same from stems an engine has already computed, so the text is not tokenised twice."""
    counts: Counter[str] = Counter()
    for terms in term_lists:
        counts.update(topic for term in terms if (topic := _STEM_TO_TOPIC.get(term)))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [topic for topic, hits in ranked if hits >= _MIN_HITS][:limit]
