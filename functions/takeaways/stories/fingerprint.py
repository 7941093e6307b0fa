"""MinHash fingerprints of article text, and the locality-sensitive band keys used to look them up.

A fingerprint estimates the Jaccard similarity of two articles' word shingles in
constant space, so near-identical texts from two outlets are recognised without
storing or comparing whole articles.
"""

from __future__ import annotations

import hashlib
import random
import re

SIGNATURE_SIZE = 64
BANDS = 32
ROWS_PER_BAND = SIGNATURE_SIZE // BANDS
SHINGLE_WORDS = 3
_PRIME = (1 << 61) - 1
_MASK = (1 << 64) - 1
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Fixed coefficients: fingerprints must compare equal across containers and releases.
_COEFFICIENTS = [
    (random.Random(7919 + index).randrange(1, _PRIME), random.Random(104729 + index).randrange(0, _PRIME))
    for index in range(SIGNATURE_SIZE)
]


def normalised_words(text: str) -> list[str]:
    """Lower-case words without punctuation: typography and wrapping must not make stories differ."""
    return _WORD.findall(text.casefold())


def story_fingerprint(text: str) -> list[int]:
    """The MinHash signature of the text's word 3-shingles."""
    words = normalised_words(text)
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * (SHINGLE_WORDS - len(words))
    shingles = {
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest(), "big"
        )
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    return [min((a * shingle + b) % _PRIME for shingle in shingles) & _MASK for a, b in _COEFFICIENTS]


# Each sentence's own small MinHash, over its words: a copy-edited sentence ("2 percent" for
# "2 per cent") agrees with its original in most positions, another sentence of the story in few.
SENTENCE_SKETCH_SIZE = 8
SAME_SENTENCE = 0.5
Sketch = tuple[int, ...]


def sentence_sketches(sentences: list[str]) -> list[Sketch]:
    """A 32-bit MinHash sketch of each sentence's words, index for index with the sentences."""
    return [_sketch(normalised_words(sentence)) for sentence in sentences]


def _sketch(words: list[str]) -> Sketch:
    hashes = {int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big") for word in words}
    return tuple(
        min((a * value + b) % _PRIME for value in hashes or {0}) & 0xFFFFFFFF
        for a, b in _COEFFICIENTS[:SENTENCE_SKETCH_SIZE]
    )


def same_sentence(first: Sketch, second: Sketch) -> bool:
    """Whether two sketches are of one sentence, perhaps copy-edited (a figures key after them is not compared)."""
    return (
        similarity(list(first[:SENTENCE_SKETCH_SIZE]), list(second[:SENTENCE_SKETCH_SIZE])) >= SAME_SENTENCE
    )


# Figures written in words, read as the values a copy may write in digits instead ("nine" for "9").
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        " seventeen eighteen nineteen twenty".split()
    )
} | {
    word: 10 * tens
    for tens, word in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)
}
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def sentence_figures(sentences: list[str]) -> list[int]:
    """Each sentence's figures as a 32-bit set, one bit per value (0 for a sentence with none).

    A copy that corrects "12 dead" to "14 dead" keeps the sentence's other words, so its sketch
    calls it the same sentence; the figures tell the correction. Values, not spellings, are kept:
    "nine" and "9", "£5m" and "£5 million", "9pm" and "9 p.m." are one figure each.
    """
    sets = []
    for sentence in sentences:
        values = {match.group().replace(",", "") for match in _FIGURE.finditer(sentence)}
        values |= {str(NUMBER_WORDS[word]) for word in normalised_words(sentence) if word in NUMBER_WORDS}
        bits = 0
        for value in values:
            bits |= 1 << (hashlib.blake2b(value.encode(), digest_size=1).digest()[0] % 32)
        sets.append(bits)
    return sets


def with_figures(sketch: Sketch, figures: int) -> Sketch:
    """The sketch with its sentence's figures set after it: what a ledger compares corrections by."""
    return (*sketch[:SENTENCE_SKETCH_SIZE], figures)


def figures_corrected(first: Sketch, second: Sketch) -> bool:
    """Whether two sketches of one sentence carry a figure replaced by another: each has a value the
    other lacks ("12" now "14"), not only one added ("nine", then "nine, at 9pm"). Unknown (False)
    when either was remembered without its figures (a ledger entry older than them)."""
    if len(first) <= SENTENCE_SKETCH_SIZE or len(second) <= SENTENCE_SKETCH_SIZE:
        return False
    old, new = second[SENTENCE_SKETCH_SIZE], first[SENTENCE_SKETCH_SIZE]
    return bool(old & ~new) and bool(new & ~old)


def similarity(first: list[int], second: list[int]) -> float:
    """Estimated Jaccard similarity: the share of signature positions that agree."""
    if len(first) != len(second) or not first:
        return 0.0
    return sum(1 for a, b in zip(first, second, strict=True) if a == b) / len(first)


def band_keys(signature: list[int]) -> list[str]:
    """One key per band; two texts sharing any band key are candidates for a closer look."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        digest = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=8).hexdigest()
        keys.append(f"band#{band}#{digest}")
    return keys
