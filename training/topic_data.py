"""The labelled news the topic model learns from, mapped onto IPTC Media Topics, and its held-out split.

Sources and licences are in ``functions/takeaways/text/models/topics-manifest.md``; the files
are put in ``training/data/`` as that manifest says. A fixed hash of each item decides its
split, so training and ``make bench`` agree on which items were never seen in training.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
HUFFPOST_FILE = DATA_DIR / "huffpost-news-category-v3-sample.jsonl"
HUFFPOST_EARLIER_FILE = DATA_DIR / "huffpost-news-category-v2-slice.jsonl"
MASAKHANE_FILE = DATA_DIR / "masakhanews-eng-train-50.tsv"
MASAKHANE_DEV_FILE = DATA_DIR / "masakhanews-eng-dev.tsv"
# Training only (never held out, never validated on): more items of the small sections.
HUFFPOST_SPREAD_FILE = DATA_DIR / "huffpost-news-category-v3-3000.json"
HUFFPOST_HEADLINES_FILE = DATA_DIR / "huffpost-headlines-900-a-section.jsonl"
DATA_FILES = (
    HUFFPOST_FILE,
    HUFFPOST_EARLIER_FILE,
    MASAKHANE_FILE,
    MASAKHANE_DEV_FILE,
    HUFFPOST_SPREAD_FILE,
    HUFFPOST_HEADLINES_FILE,
)
HELD_OUT_PERCENT = 20

# HuffPost sections onto IPTC top-level topics. A section is mapped only where most of 20 of its
# items read fit one topic. Left out: "U.S. NEWS" and "WORLD NEWS" name places, not subjects;
# "BLACK VOICES", "QUEER VOICES", "LATINO VOICES" and "WOMEN" name whom a story concerns, and read
# as celebrity, crime and politics news as often as society (5 of 20 Black Voices items were about
# society, 10 of 20 Queer Voices); "IMPACT" is half climate and half inequality; "MEDIA" is mostly
# TV hosts on politics (7 of 20 were about the news industry, IPTC's "mass media").
HUFFPOST_TOPICS = {
    "POLITICS": "politics",
    "ENTERTAINMENT": "arts",
    "COMEDY": "arts",
    "CULTURE & ARTS": "arts",
    "ARTS & CULTURE": "arts",
    "ARTS": "arts",
    "SPORTS": "sport",
    "CRIME": "crime",
    "STYLE & BEAUTY": "lifestyle",
    "STYLE": "lifestyle",
    "HOME & LIVING": "lifestyle",
    "FOOD & DRINK": "lifestyle",
    "TASTE": "lifestyle",
    "TRAVEL": "lifestyle",
    "WEDDINGS": "lifestyle",
    "WELLNESS": "health",
    "HEALTHY LIVING": "health",
    "PARENTING": "society",
    "PARENTS": "society",
    "ENVIRONMENT": "environment",
    "GREEN": "environment",
    "BUSINESS": "economy",
    "MONEY": "economy",
    "TECH": "science",
    "SCIENCE": "science",
    "DIVORCE": "society",  # 14 of 20 read are family life (IPTC's society > family), 3 celebrity splits
    "RELIGION": "religion",
    "EDUCATION": "education",
    "COLLEGE": "education",
    "WEIRD NEWS": "human-interest",
    "GOOD NEWS": "human-interest",
}
# The headline file numbers its sections 0-40 in the dataset's own order of section size; each number's
# headlines that are also in the files above carry this section there, and no other.
HUFFPOST_SECTION_NUMBERS = (
    "POLITICS",
    "WELLNESS",
    "ENTERTAINMENT",
    "TRAVEL",
    "STYLE & BEAUTY",
    "PARENTING",
    "HEALTHY LIVING",
    "QUEER VOICES",
    "FOOD & DRINK",
    "BUSINESS",
    "COMEDY",
    "SPORTS",
    "BLACK VOICES",
    "HOME & LIVING",
    "PARENTS",
    "THE WORLDPOST",
    "WEDDINGS",
    "WOMEN",
    "IMPACT",
    "DIVORCE",
    "CRIME",
    "MEDIA",
    "WEIRD NEWS",
    "GREEN",
    "WORLDPOST",
    "RELIGION",
    "STYLE",
    "SCIENCE",
    "WORLD NEWS",
    "TASTE",
    "TECH",
    "MONEY",
    "ARTS",
    "FIFTY",
    "GOOD NEWS",
    "ARTS & CULTURE",
    "ENVIRONMENT",
    "COLLEGE",
    "LATINO VOICES",
    "CULTURE & ARTS",
    "EDUCATION",
)
MASAKHANE_TOPICS = {
    "business": "economy",
    "entertainment": "arts",
    "health": "health",
    "politics": "politics",
    "religion": "religion",
    "sports": "sport",
    "technology": "science",
}


@dataclass(frozen=True, slots=True)
class LabelledItem:
    headline: str
    text: str
    topic: str
    kind: str  # "short" (headline and one or two sentences) or "article" (a full article)
    source: str = ""  # which data set, so figures can be given per source
    training_only: bool = False  # from a file read only to train on: never held out or validated on

    @property
    def held_out(self) -> bool:
        if self.training_only:
            return False
        digest = hashlib.sha256(f"{self.headline}\n{self.text[:200]}".encode()).digest()
        return digest[0] * 100 // 256 < HELD_OUT_PERCENT


def load_items() -> list[LabelledItem]:
    """Every labelled item, each story once; an absent file is reported, not skipped silently.

    The two HuffPost files overlap by some weeks, so a story is kept once, by its link.
    """
    missing = [str(path) for path in DATA_FILES if not path.is_file()]
    if missing:
        raise FileNotFoundError(
            f"training data missing: {', '.join(missing)} (see functions/takeaways/text/models/topics-manifest.md)"
        )
    items: list[LabelledItem] = []
    seen: set[str] = set()
    for path in (HUFFPOST_FILE, HUFFPOST_EARLIER_FILE):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                topic = HUFFPOST_TOPICS.get(row["category"])
                key = row.get("link") or row["headline"]
                if topic and row["headline"].strip() and key not in seen:
                    seen.add(key)
                    items.append(
                        LabelledItem(row["headline"], row["short_description"], topic, "short", "huffpost")
                    )
    csv.field_size_limit(1 << 30)
    for path in (MASAKHANE_FILE, MASAKHANE_DEV_FILE):
        with path.open(encoding="utf-8", newline="") as table:
            for row in csv.DictReader(table, delimiter="\t"):
                topic = MASAKHANE_TOPICS.get(row["category"])
                if topic and row["headline"] not in seen:
                    seen.add(row["headline"])
                    items.append(LabelledItem(row["headline"], row["text"], topic, "article", "masakhanews"))
    return items + _training_only_items(items, seen)


def _same_headline(headline: str) -> str:
    """A headline reduced to its letters and digits: the headline file is lower-cased and re-tokenised."""
    return re.sub(r"[^a-z0-9]+", "", headline.lower())


def _training_only_items(items: list[LabelledItem], links: set[str]) -> list[LabelledItem]:
    """Items of the two further HuffPost files that no other file holds (by link, then by headline).

    They are read only to train on: the held-out and validation items stay those of the files above,
    so figures before and after they were added compare. Most of them are small sections' items.
    """
    seen = {_same_headline(item.headline) for item in items}
    extra: list[LabelledItem] = []

    def add(headline: str, text: str, section: str, source: str) -> None:
        topic = HUFFPOST_TOPICS.get(section)
        key = _same_headline(headline)
        if topic and key and key not in seen:
            seen.add(key)
            extra.append(LabelledItem(headline, text, topic, "short", source, training_only=True))

    for row in json.loads(HUFFPOST_SPREAD_FILE.read_text(encoding="utf-8")):
        if row["link"] not in links:
            add(row["headline"], row["short_description"], row["category"], "huffpost-spread")
    with HUFFPOST_HEADLINES_FILE.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            add(row["raw"], "", HUFFPOST_SECTION_NUMBERS[row["label"]], "huffpost-headlines")
    return extra


def split(items: list[LabelledItem]) -> tuple[list[LabelledItem], list[LabelledItem]]:
    """(training, held out)."""
    return [item for item in items if not item.held_out], [item for item in items if item.held_out]


def data_present() -> bool:
    return all(path.is_file() for path in DATA_FILES)


@dataclass(frozen=True, slots=True)
class TwoTopicItem:
    """Two labelled items of different topics read as one story: what a story with two subjects gives.

    The data holds one label an item, so a second topic can only be judged right on items made so.
    """

    headline: str
    text: str
    topics: tuple[str, str]
    kind: str


def two_topic_items(items: list[LabelledItem]) -> list[TwoTopicItem]:
    """Items of one kind joined in pairs of different topics, in a fixed order (a hash of each headline).

    Each item is used once: the first still unpaired item of another topic joins it.
    """
    made: list[TwoTopicItem] = []
    for kind in sorted({item.kind for item in items}):
        waiting = sorted(
            (item for item in items if item.kind == kind),
            key=lambda item: hashlib.sha256(f"pair\n{item.headline}\n{item.text[:200]}".encode()).digest(),
        )
        while len(waiting) > 1:
            first = waiting.pop(0)
            other = next((n for n, item in enumerate(waiting) if item.topic != first.topic), None)
            if other is None:
                break
            second = waiting.pop(other)
            text = f"{first.text}\n\n{second.headline}. {second.text}"
            made.append(TwoTopicItem(first.headline, text, (first.topic, second.topic), kind))
    return made
