"""A greedy averaged-perceptron name tagger: which words of a sentence are a name, and of what kind.

Each word gets a BIO tag (``B-person``, ``I-person``, ``B-place``..., ``O``), learned from the
names in GUM's train documents by ``training.train_entities``; the model file is
``models/names-en.json.gz`` and its data manifest ``models/names-en-manifest.md``. The features
are the word, its shape and affixes, its neighbours, the two tags before it and one fact
about the whole article: whether the word also appears in lower case there ("Officials" at a
sentence start is an ordinary word when "officials" appears elsewhere).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from takeaways.text.entities import ORGANISATION_WORDS, PERSON_TITLES, PLACE_WORDS, PLACES
from takeaways.text.given_names import NAME_STARTS

MODEL = Path(__file__).with_name("models") / "names-en.json.gz"
KINDS = ("person", "place", "organisation", "other")
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Supt|Insp|Det|Prof|Rev|Mt|Ft|Co|Corp|Inc|Ltd|No"
)
_TOKEN = re.compile(
    rf"(?:[A-Za-z]\.){{2,}}|[A-Z]\.(?=\s[A-Z])|(?:{_ABBREVIATIONS})\.|['’]s\b|\w+(?:[-&]\w+|['’](?!s\b)\w+)*|\S"
)
_LOWER = re.compile(r"(?<![\w'’-])[a-zà-ÿ][\w'’]*")
_INSIDE_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][\w'’-]*)")
_START = ("<s>", "<s2>")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Word]:
    """Words and punctuation with their offsets; "U.S." and "Mr." stay whole, "Putin's" is "Putin" + "'s"."""
    return [Word(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def lower_case_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case somewhere (capitalised, they are ordinary words), and
    the capitalised words it writes inside a sentence, marked with a leading "^" (those are names)."""
    inside = {f"^{m.group(1).lower()}" for m in _INSIDE_CAPITAL.finditer(text)}
    return frozenset(_LOWER.findall(text)) | inside


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_FIGURE = re.compile(r"[\d.,:/-]+")


@lru_cache(maxsize=65_536)
def _shape(word: str) -> str:
    """The word's form; cached, as every word is shaped again as its neighbours' neighbour."""
    if _INITIALS.fullmatch(word):
        return "X."
    if word.isdigit() or _FIGURE.fullmatch(word):
        return "d"
    if word.isupper() and word.isalpha():
        return "X" if len(word) > 1 else "A"
    if word[:1].isupper():
        return "Xx-" if "-" in word else "Xx"
    if word.isalpha():
        return "x"
    return "p"


@lru_cache(maxsize=65_536)
def _lexicon(lower: str) -> str:
    """Which of the rules' word lists a word is in: given names, places, organisation words, titles."""
    lower = lower.rstrip(".")
    return "".join(
        mark
        for mark, words in (
            ("g", NAME_STARTS),
            ("p", PLACES),
            ("w", PLACE_WORDS),
            ("o", ORGANISATION_WORDS),
            ("t", PERSON_TITLES),
        )
        if lower in words
    )


# Lower-case words that may continue a name: "Bank of England", "Ludwig van Beethoven".
_NAME_JOINERS = frozenset("of and for the on upon de del della la le van von der den da du al bin el".split())


def features(
    words: list[str], index: int, previous: str, previous2: str, common: frozenset[str]
) -> list[str]:
    """What the tag of ``words[index]`` is learned from."""
    word = words[index]
    lower = word.lower()
    shape = _shape(word)
    before = words[index - 1] if index else "<s>"
    after = words[index + 1] if index + 1 < len(words) else "</s>"
    before2 = words[index - 2].lower() if index > 1 else "<s>"
    after2 = words[index + 2] if index + 2 < len(words) else "</s>"
    ordinary = lower in common and shape.startswith("Xx")
    return [
        "b",
        f"w={word}",
        f"l={lower}",
        f"s3={lower[-3:]}",
        f"s4={lower[-4:]}",
        f"p3={lower[:3]}",
        f"sh={shape}",
        f"first={index == 0}|{shape}",
        f"common={ordinary}|{index == 0}|{f'^{lower}' in common}",
        f"t-1={previous}",
        f"t-2={previous2}|{previous}",
        f"t-1sh={previous}|{shape}",
        f"w-1={before.lower()}",
        f"w-1sh={_shape(before)}|{shape}",
        f"w-2={before2}",
        f"w+1={after.lower()}",
        f"w+1sh={shape}|{_shape(after)}",
        f"w+2sh={_shape(after2)}",
        f"w+2={after2.lower()}",
        f"lex={_lexicon(lower)}|{shape}",
        f"lex-1={_lexicon(before.lower())}",
        f"lex+1={_lexicon(after.lower())}",
        f"w-1w={before.lower()}|{lower}",
        f"ww+1={lower}|{after.lower()}",
    ]


class NameTagger:
    """Weights by feature and tag. A loaded model is frozen into rows of (tag number, weight), which
    scores a word several times faster than the dictionaries training needs to update."""

    def __init__(self, weights: dict[str, dict[str, float]], tags: list[str]) -> None:
        self.weights = weights
        self.tags = tags
        self._rows: dict[str, tuple[tuple[int, float], ...]] | None = None
        self._allowed: dict[str, list[int]] = {}

    @classmethod
    def load(cls, path: Path) -> NameTagger:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        tagger = cls(data["weights"], data["tags"])
        number = {tag: position for position, tag in enumerate(tagger.tags)}
        tagger._rows = {
            feature: tuple((number[tag], weight) for tag, weight in by_tag.items())
            for feature, by_tag in tagger.weights.items()
        }
        return tagger

    def best(self, feats: list[str], previous: str) -> str:
        """The highest-scoring tag that may follow ``previous`` (``I-place`` only after a place's B or I)."""
        if self._rows is None:
            scores: dict[str, float] = defaultdict(float)
            for feature in feats:
                for tag, weight in self.weights.get(feature, {}).items():
                    scores[tag] += weight
            allowed = [tag for tag in self.tags if not tag.startswith("I-") or previous[2:] == tag[2:]]
            return max(allowed, key=lambda tag: (scores.get(tag, 0.0), tag))
        totals = [0.0] * len(self.tags)
        for feature in feats:
            for position, weight in self._rows.get(feature, ()):
                totals[position] += weight
        candidates = self._allowed.get(previous)
        if candidates is None:
            candidates = [
                position
                for position, tag in enumerate(self.tags)
                if not tag.startswith("I-") or previous[2:] == tag[2:]
            ]
            self._allowed[previous] = candidates
        return self.tags[max(candidates, key=lambda position: (totals[position], self.tags[position]))]

    def tag(self, words: list[str], common: frozenset[str]) -> list[str]:
        previous, previous2 = _START
        tags = []
        for index, word in enumerate(words):
            if word.islower() and (previous == "O" or word not in _NAME_JOINERS):
                # Five words in six; the model tags them outside every name all but never, and
                # scoring them took most of an article's entity time.
                tag = "O"
            else:
                tag = self.best(features(words, index, previous, previous2, common), previous)
            tags.append(tag)
            previous2, previous = previous, tag
        return tags

    def names(self, sentence: str, common: frozenset[str]) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each name in the sentence."""
        words = tokenize(sentence)
        found: list[tuple[int, int, str]] = []
        for word, tag in zip(words, self.tag([w.text for w in words], common), strict=True):
            if tag.startswith("B-"):
                found.append((word.start, word.end, tag[2:]))
            elif tag.startswith("I-") and found:
                found[-1] = (found[-1][0], word.end, found[-1][2])
        return found


@cache
def english_name_tagger() -> NameTagger:
    """The shipped model, read once per process and only when an article's entities are wanted."""
    return NameTagger.load(MODEL)
