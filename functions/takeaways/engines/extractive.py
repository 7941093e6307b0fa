"""The built-in engine: picks the article's most central early sentences and trims them to takeaways.

News puts what matters first, so position is the strongest signal; centrality (how
much of the article's vocabulary a sentence shares) and overlap with the title
separate the lead from background. Selected sentences are trimmed only by cutting
(leading connectives, trailing attributions, parentheticals, trailing clauses), so
every takeaway is a contiguous-enough piece of one article sentence and its evidence
is that sentence's index. No randomness anywhere: the same article gives the same
summary.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from takeaways.article.model import Article
from takeaways.summary import Takeaway, TakeawaySummary
from takeaways.text.entities import find_entities
from takeaways.text.sentences import article_sentences
from takeaways.text.topics import find_topics
from takeaways.text.words import STOP_WORDS, stem

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_LEADING_CONNECTIVE = re.compile(
    r"^(?:but|and|however|meanwhile|still|also|so|yet|now|moreover|furthermore|in addition|additionally|"
    r"instead|indeed|separately|similarly|overall)\b,?\s+",
    re.IGNORECASE,
)
_TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:[\w.'’-]+\s+){0,6}?(?:said|says|told [\w ]{1,30}|added|reported|announced|according to [^,]{1,60})"
    r"(?:\s+(?:on|in|last|this)\s+[\w ]{1,20})?\s*(?P<end>[.!?])[\"'”’]?$",
)
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,80}\)")
_CLAUSE_BREAKS = re.compile(
    r",\s+(?:which|who|whose|while|although|though|as|after|before|because|but|where)\s|;\s|\s[—–]\s"
)
_QUOTE_START = re.compile(r"""^["“‘']""")
# Text addressed to a summariser rather than to readers, and links, never become takeaways.
_NOT_FOR_READERS = re.compile(
    r"https?://|www\.|\b(?:ignore|disregard|forget) (?:all |any )?(?:the )?(?:previous|prior|above|earlier) "
    r"(?:instructions|prompts?|rules)|\byou are now\b|\b(?:system|developer) prompt\b|"
    r"\b(?:as an? )?(?:ai|language model|assistant|summari[sz]er)\b[^.]{0,40}\b(?:must|should|will)\b",
    re.IGNORECASE,
)

MAX_TAKEAWAY_WORDS = 30
MIN_SENTENCE_WORDS = 6
HEADLINE_CHARS = 100


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int
    text: str
    terms: frozenset[str]
    words: int
    score: float


@lru_cache(maxsize=131_072)
def _term(token: str) -> str:
    """The stem a token contributes to scoring, or '' for a stop word: one cached lookup per token."""
    return "" if token in STOP_WORDS or len(token) < 2 else stem(token)


def _terms(sentence: str) -> list[str]:
    return [term for token in _WORD.findall(sentence.lower()) if (term := _term(token))]


class ExtractiveEngine:
    """Position-weighted centrality with redundancy control; deterministic and model-free.

    Three takeaways by default: on real news with human highlights, a fourth sentence
    costs more precision than it adds recall (see docs/benchmarks.md).
    """

    name = "extractive"

    def __init__(
        self,
        *,
        max_takeaways: int = 3,
        min_takeaways: int = 3,
        position_weight: float = 1.0,
        centrality_weight: float = 0.9,
        title_weight: float = 0.4,
        redundancy_limit: float = 0.5,
        max_words: int = MAX_TAKEAWAY_WORDS,
    ) -> None:
        self.max_takeaways = max_takeaways
        self.min_takeaways = min_takeaways
        self.position_weight = position_weight
        self.centrality_weight = centrality_weight
        self.title_weight = title_weight
        self.redundancy_limit = redundancy_limit
        self.max_words = max_words

    def summarise(self, article: Article) -> TakeawaySummary:
        sentences = article_sentences(article)
        candidates = self._candidates(sentences, article.title)
        chosen = self._select(candidates)
        takeaways = [Takeaway(text=trim(c.text, self.max_words), evidence=[c.index]) for c in chosen]
        lead = max(chosen, key=lambda c: c.score)
        headline = article.title or _headline_from(takeaways[0].text)
        return TakeawaySummary(
            headline=headline,
            summary=trim(lead.text, 40),
            takeaways=takeaways,
            entities=find_entities(sentences[:10]),
            topics=find_topics(f"{article.title or ''}\n{article.body[:5_000]}"),
            language=article.language,
            engine=self.name,
        )

    def _candidates(self, sentences: list[str], title: str | None) -> list[_Candidate]:
        term_lists = [_terms(sentence) for sentence in sentences]
        frequency: Counter[str] = Counter()
        for terms in term_lists:
            frequency.update(set(terms))
        total = max(len(sentences), 1)
        title_terms = frozenset(_terms(title)) if title else frozenset()
        candidates = []
        for index, (sentence, terms) in enumerate(zip(sentences, term_lists, strict=True)):
            distinct = frozenset(terms)
            words = sentence.count(" ") + 1
            if not distinct or _not_for_readers(sentence):
                continue
            # Terms that recur across sentences carry the story; a term used once carries nothing.
            centrality = sum(frequency[t] - 1 for t in distinct) / (len(distinct) + 4) / total
            position = 1.0 / math.sqrt(index + 1)
            title_overlap = len(distinct & title_terms) / len(title_terms) if title_terms else 0.0
            score = (
                self.position_weight * position
                + self.centrality_weight * min(centrality * 4, 1.0)
                + self.title_weight * title_overlap
            )
            if words < MIN_SENTENCE_WORDS:
                score *= 0.3
            if _QUOTE_START.match(sentence):
                score *= 0.75
            if sentence.endswith("?"):
                score *= 0.5
            candidates.append(_Candidate(index, sentence, distinct, words, score))
        return candidates

    def _select(self, candidates: list[_Candidate]) -> list[_Candidate]:
        ranked = sorted(candidates, key=lambda c: (-c.score, c.index))
        chosen: list[_Candidate] = []
        for candidate in ranked:
            if len(chosen) == self.max_takeaways:
                break
            if any(_overlap(candidate.terms, other.terms) > self.redundancy_limit for other in chosen):
                continue
            chosen.append(candidate)
        for candidate in ranked:  # short articles: relax redundancy rather than give fewer than the minimum
            if len(chosen) >= min(self.min_takeaways, len(candidates)):
                break
            if candidate not in chosen:
                chosen.append(candidate)
        return sorted(chosen, key=lambda c: c.index)


_HINTS = re.compile(
    r"http|www\.|ignore|disregard|forget|you are now|prompt|model|assistant|summari", re.IGNORECASE
)


def _not_for_readers(sentence: str) -> bool:
    """A cheap literal scan first: the full pattern runs only on the rare sentence that might match."""
    return bool(_HINTS.search(sentence)) and bool(_NOT_FOR_READERS.search(sentence))


def trim(sentence: str, max_words: int) -> str:
    """Shorten by cutting only: connectives, attributions, parentheticals, then trailing clauses."""
    text = _LEADING_CONNECTIVE.sub("", sentence, count=1)
    text = text[:1].upper() + text[1:]
    text = _PARENTHETICAL.sub("", text)
    shorter = _TRAILING_ATTRIBUTION.sub(lambda m: m.group("end"), text)
    if len(shorter.split()) >= MIN_SENTENCE_WORDS and shorter.count('"') % 2 == 0:
        text = shorter
    if len(text.split()) > max_words:
        text = _cut_to(text, max_words)
    return text if len(text.split()) >= 3 else sentence


def _cut_to(text: str, max_words: int) -> str:
    """Cut at the last clause break that keeps at least half the budget, else at the word limit."""
    words_before = [m.start() for m in _CLAUSE_BREAKS.finditer(text)]
    limit_chars = len(" ".join(text.split()[:max_words]))
    good = [
        position for position in words_before if max_words // 2 <= len(text[:position].split()) <= max_words
    ]
    cut = text[: good[-1]].rstrip(" ,;—–") if good else text[:limit_chars].rstrip(" ,;:—–")
    if cut.count('"') % 2 or cut.count("“") > cut.count("”"):
        cut = cut.rstrip('"“') + ('"' if cut.count('"') % 2 else "”")
    return cut if cut.endswith((".", "!", "?", '"', "”")) else cut + "."


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    smaller = min(len(first), len(second)) or 1
    return len(first & second) / smaller


def _headline_from(text: str) -> str:
    words = text.rstrip(".!?").split()
    headline = ""
    for word in words:
        if len(headline) + len(word) + 1 > HEADLINE_CHARS:
            break
        headline = f"{headline} {word}".strip()
    return headline
