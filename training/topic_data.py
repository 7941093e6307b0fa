"""The labelled news the topic model learns from, mapped onto IPTC Media Topics, and its held-out split.

Sources and licences are in ``functions/takeaways/text/models/topics-manifest.md``; the files
are put in ``training/data/`` as that manifest says. A fixed hash of each item decides its
split, so training and ``make bench`` agree on which items were never seen in training.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
HUFFPOST_FILE = DATA_DIR / "huffpost-news-category-v3-sample.jsonl"
HUFFPOST_EARLIER_FILE = DATA_DIR / "huffpost-news-category-v2-slice.jsonl"
MASAKHANE_FILE = DATA_DIR / "masakhanews-eng-train-50.tsv"
MASAKHANE_DEV_FILE = DATA_DIR / "masakhanews-eng-dev.tsv"
DATA_FILES = (HUFFPOST_FILE, HUFFPOST_EARLIER_FILE, MASAKHANE_FILE, MASAKHANE_DEV_FILE)
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
    "RELIGION": "religion",
    "EDUCATION": "education",
    "COLLEGE": "education",
    "WEIRD NEWS": "human-interest",
    "GOOD NEWS": "human-interest",
}
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

    @property
    def held_out(self) -> bool:
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
    return items


def split(items: list[LabelledItem]) -> tuple[list[LabelledItem], list[LabelledItem]]:
    """(training, held out)."""
    return [item for item in items if not item.held_out], [item for item in items if item.held_out]


def data_present() -> bool:
    return all(path.is_file() for path in DATA_FILES)
