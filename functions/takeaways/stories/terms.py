"""What a story is about, as weighted terms: content words, numbers and names, rare ones counting most.

Two outlets rarely share sentences but nearly always share the story's names, places and figures,
so a TF-IDF vector over those survives rewording where word shingles do not. The weights are
inverse document frequencies shipped in ``data/term-weights.txt`` (built by
``infra/build_term_weights.py``; provenance in ``data/MANIFEST.md``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("data") / "term-weights.txt"
# Terms kept per story: enough to compare two stories, small enough for one DynamoDB item.
VECTOR_TERMS = 48
# Terms under which a story is filed for lookup; a same-story article shares at least one.
INDEX_TERMS = 8
INDEX_NAMES = 5
# Words as common as "said" or "after" say nothing about which story it is.
_MIN_WEIGHT = 1.5
_NAME_PREFIX = "~"
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*")

TermVector = dict[str, float]


@dataclass(frozen=True, slots=True)
class TermWeights:
    weights: dict[str, float]
    unlisted: float

    def of(self, term: str) -> float:
        return self.weights.get(term, self.unlisted)


@cache
def term_weights() -> TermWeights:
    """The shipped weights, read once per container."""
    weights: dict[str, float] = {}
    unlisted = 9.0
    for line in WEIGHTS_FILE.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("# unlisted"):
            unlisted = float(parts[1])
        elif len(parts) >= 2 and not line.startswith("#"):
            weights[parts[0]] = float(parts[1])
    return TermWeights(weights, unlisted)


def content_terms(text: str) -> list[str]:
    """Lower-case words (possessives dropped) and numbers of two or more digits, in order."""
    terms = []
    for token in _TOKEN.findall(text.casefold()):
        if token[0].isdigit():
            digits = token.replace(",", "")
            if sum(c.isdigit() for c in digits) >= 2:
                terms.append(digits.rstrip("."))
            continue
        word = re.sub(r"['’]s$", "", token)
        if len(word) > 1:
            terms.append(_singular(word))
    return terms


def _singular(word: str) -> str:
    """'pipes' -> 'pipe' when the shipped list knows the singular: outlets differ in number, not story."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        stem = word[:-1]
        if stem in term_weights().weights:
            return stem
    return word


def name_term(name: str) -> str:
    """A whole name as one term, so 'Rosa Almeida' counts beyond its two words."""
    return _NAME_PREFIX + " ".join(content_terms(name))


def is_name(term: str) -> bool:
    return term.startswith(_NAME_PREFIX)


def term_vector(texts: Iterable[str], names: Iterable[str] = ()) -> TermVector:
    """The L2-normalised TF-IDF vector of the texts plus the names, cut to its strongest terms."""
    weights = term_weights()
    counts = Counter(term for text in texts for term in content_terms(text))
    for name in names:
        term = name_term(name)
        if len(term) > 2:
            counts[term] += 1
    raw = {}
    for term, count in counts.items():
        weight = weights.unlisted if is_name(term) else weights.of(term)
        if weight >= _MIN_WEIGHT:
            raw[term] = (1 + math.log(count)) * weight
    strongest = sorted(raw.items(), key=lambda pair: (-pair[1], pair[0]))[:VECTOR_TERMS]
    norm = math.sqrt(sum(value * value for _, value in strongest)) or 1.0
    return {term: round(value / norm, 4) for term, value in strongest}


def cosine(first: TermVector, second: TermVector) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second.get(term, 0.0) for term, value in first.items())


def index_terms(vector: TermVector) -> list[str]:
    """The strongest words and names, the keys under which the story is filed and looked up."""
    ranked = sorted(vector.items(), key=lambda pair: (-pair[1], pair[0]))
    words = [term for term, _ in ranked if not is_name(term) and not term[0].isdigit()][:INDEX_TERMS]
    names = [term for term, _ in ranked if is_name(term)][:INDEX_NAMES]
    return words + names


def coverage(text: str, told: set[str]) -> float:
    """How much of the text's weight is in terms already told: 1.0 means nothing new."""
    weights = term_weights()
    terms = {t for t in content_terms(text) if weights.of(t) >= _MIN_WEIGHT}
    total = sum(weights.of(t) for t in terms)
    if not total:
        return 1.0
    return sum(weights.of(t) for t in terms if t in told) / total


def told_terms(texts: Iterable[str]) -> set[str]:
    """The content terms of what an alert said, remembered so a later alert can say only what is new."""
    weights = term_weights()
    return {t for text in texts for t in content_terms(text) if weights.of(t) >= _MIN_WEIGHT}
