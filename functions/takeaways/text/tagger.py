"""A greedy averaged-perceptron part-of-speech tagger: plain Python, one small weights file per model.

Two models use it. The one shipped with the package (``models/pos-en.json.gz``, learned
from GUM and EWT train documents) tells the headline builder whether a cut leaves a
complete clause. The reading benchmark judges headlines with its own model, learned from
two other treebanks (``benchmarks/tagger``), and its own rules, so the figure it gives
does not rest on the builder's analysis. Both are trained by ``training.train_tagger``.

Tags are universal parts of speech, with verbs and auxiliaries split by verb form
(``VERB:Fin``, ``AUX:Fin``, ``VERB:Part``...), because what a headline needs is a finite verb.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

MODEL = Path(__file__).with_name("models") / "pos-en.json.gz"
_TOKEN = re.compile(r"n['’]t\b|['’](?:s|re|ve|ll|d|m)\b|\w+(?:[-.,]\d+|[-.]\w+)*|[^\w\s]", re.IGNORECASE)
_NEGATION = re.compile(r"(\w)(n['’]t)\b", re.IGNORECASE)
_START = ("<s>", "<s2>")


def tokenize(text: str) -> list[str]:
    """Words split as the treebank splits them: "didn't" is "did" + "n't", "Putin's" is "Putin" + "'s"."""
    return _TOKEN.findall(_NEGATION.sub(r"\1 \2", text))


_FIGURE = re.compile(r"[\d.,:/-]+")


@lru_cache(maxsize=65_536)
def _shape(word: str) -> str:
    if word.isdigit() or _FIGURE.fullmatch(word):
        return "d"
    if word.isupper():
        return "X"
    if word[:1].isupper():
        return "Xx"
    if "-" in word:
        return "x-x"
    return "x" if word.isalpha() else "p"


def features(words: list[str], index: int, previous: str, previous2: str) -> list[str]:
    """What the tag of ``words[index]`` is learned from: the word, its shape and affixes, the two tags before."""
    word = words[index]
    lower = word.lower()
    before = words[index - 1].lower() if index else "<s>"
    after = words[index + 1].lower() if index + 1 < len(words) else "</s>"
    after2 = words[index + 2].lower() if index + 2 < len(words) else "</s>"
    return [
        f"s4={lower[-4:]}",
        f"w+2={after2}",
        f"w-1w={before}|{lower}",
        "b",
        f"w={lower}",
        f"s3={lower[-3:]}",
        f"s2={lower[-2:]}",
        f"s1={lower[-1:]}",
        f"p1={lower[:1]}",
        f"sh={_shape(word)}",
        f"first={index == 0}|{_shape(word)}",
        f"t-1={previous}",
        f"t-2={previous2}|{previous}",
        f"t-1w={previous}|{lower}",
        f"w-1={before}",
        f"w+1={after}",
        f"w+1s3={after[-3:]}",
        f"w-1s3={before[-3:]}",
    ]


class Tagger:
    """Weights by feature and tag, plus a table of words that always carry one tag in the treebank.

    A loaded model is frozen into rows of (tag number, weight): several times faster to score than
    the dictionaries that training updates.
    """

    def __init__(self, weights: dict[str, dict[str, float]], tags: list[str], known: dict[str, str]) -> None:
        self.weights = weights
        self.tags = tags
        self.known = known
        self._rows: dict[str, tuple[tuple[int, float], ...]] | None = None

    @classmethod
    def load(cls, path: Path) -> Tagger:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        tagger = cls(data["weights"], data["tags"], data["known"])
        number = {tag: position for position, tag in enumerate(tagger.tags)}
        tagger._rows = {
            feature: tuple((number[tag], weight) for tag, weight in by_tag.items())
            for feature, by_tag in tagger.weights.items()
        }
        return tagger

    def best(self, feats: list[str]) -> str:
        """The highest-scoring tag; ties go to the tag that sorts last, so every process agrees."""
        if self._rows is None:
            scores: dict[str, float] = defaultdict(float)
            for feature in feats:
                for tag, weight in self.weights.get(feature, {}).items():
                    scores[tag] += weight
            return max(self.tags, key=lambda tag: (scores.get(tag, 0.0), tag))
        totals = [0.0] * len(self.tags)
        for feature in feats:
            for position, weight in self._rows.get(feature, ()):
                totals[position] += weight
        return self.tags[
            max(range(len(self.tags)), key=lambda position: (totals[position], self.tags[position]))
        ]

    def learned(self, word: str) -> bool:
        """Whether the word, in any case, was seen in training: an unseen capitalised word is most
        often a name, whatever tag its shape earns it."""
        lower = word.lower()
        return lower in self.known or f"w={lower}" in self.weights

    def tag(self, words: list[str]) -> list[str]:
        """One tag a word, left to right, each decision seeing the two before it."""
        previous, previous2 = _START
        tags = []
        for index, word in enumerate(words):
            tag = self.known.get(word.lower()) or self.best(features(words, index, previous, previous2))
            tags.append(tag)
            previous2, previous = previous, tag
        return tags


@cache
def english_tagger() -> Tagger:
    """The shipped English model, read once per process and only when a headline needs it."""
    return Tagger.load(MODEL)
