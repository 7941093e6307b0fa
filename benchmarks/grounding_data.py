"""What the grounding benchmark measures on: public human judgements, and perturbations of real highlights.

Human judgements: the sentence pairs of CoGenSumm (Falke et al., ACL 2019; CC BY-SA 4.0):
an article sentence of a CNN/DailyMail story, a summary sentence that crowd workers
judged correct and one they judged incorrect. Nothing of it is in this repository: the
file is read from ``TAKEAWAYS_FACTUALITY_DATA`` (default ``../shared/factuality/
val_sentence_pairs.json``; where it comes from is in ``functions/takeaways/engines/
grounding-model.json``). Items are split by a hash of the story id: the ``fit`` half is the
only one thresholds are chosen on, the ``test`` half is only measured.

Perturbations: each true highlight of ``../shared/eval/cnn-dev.jsonl`` gets at most one
controlled edit per kind, made here at run time by fixed rules (no randomness), so no
article text is copied into the repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from takeaways.article import parse_article
from takeaways.engines.grounding import ArticleFacts
from takeaways.text.entities import find_entities
from takeaways.text.sentences import article_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# Data restored from public repositories (``make grounding-data``) sits beside the checkout, never in the
# team's shared folder: the Makefile's GROUNDING_DATA default is this folder too.
GROUNDING_DATA = ROOT.parent / "data"
DEV_ARTICLES = Path(os.environ.get("TAKEAWAYS_EVAL_DIR", SHARED / "eval")) / "cnn-dev.jsonl"
FACTUALITY = Path(
    os.environ.get("TAKEAWAYS_FACTUALITY_DATA", GROUNDING_DATA / "factuality" / "val_sentence_pairs.json")
)
KINDS = ("number", "person", "negation", "attribution", "roles", "date", "causal")

_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = "January February March April May June July August September October November December".split()
_AUXILIARY = re.compile(r"\b(is|are|was|were|has|have|had|will|can|could|would|should|must)\b(?! not\b)")
_NUMERAL = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\w.,]*\d)")
_SPEECH = r"(?:said|says|told|tells|claimed|claims|insisted|insists|warned|warns|wrote|writes|tweeted|announced|admitted)"
_CONNECTIVES = ("because", "after", "due to", "which led to")
_PRONOUNS = frozenset("He She It They We I This That".split())


@dataclass(frozen=True, slots=True)
class Judged:
    """One statement, the article sentences it is checked against, and whether it is true."""

    claim: str
    sentences: list[str]
    evidence: list[int]
    faithful: bool
    kind: str = "true"
    origin: str = ""  # the true statement an edit was made from


def human_judgements(part: str) -> list[Judged]:
    """CoGenSumm's judged pairs, each summary sentence checked against its article sentence."""
    items = json.loads(FACTUALITY.read_text(encoding="utf-8"))
    judged: list[Judged] = []
    for item in items:
        if split_of(item["article_id"]) != part:
            continue
        sentence = item["article_sent"]
        judged.append(Judged(item["correct_sent"], [sentence], [0], True))
        judged.append(Judged(item["incorrect_sent"], [sentence], [0], False))
    return judged


def split_of(story_id: str) -> str:
    """A fixed half of the stories for choosing thresholds, the other half for measuring."""
    return "fit" if hashlib.sha256(story_id.encode()).digest()[0] % 2 == 0 else "test"


def dev_statements(limit_articles: int | None = None) -> Iterator[tuple[list[str], list[str], list[str]]]:
    """(article sentences, highlights, people named) for each dev article."""
    with DEV_ARTICLES.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit_articles is not None and number >= limit_articles:
                return
            item = json.loads(line)
            article = parse_article(item["article"].encode(), f"{item['id']}.txt")
            sentences = article_sentences(article)
            people = [e.name for e in find_entities(sentences[:20], limit=20) if e.kind == "person"]
            highlights = [_ended(h.strip()) for h in item["reference"].splitlines() if h.strip()]
            yield sentences, highlights, people


def perturbations(limit_articles: int | None = None) -> list[Judged]:
    """True highlights, and one edited copy per highlight and kind where the kind applies."""
    judged: list[Judged] = []
    for sentences, highlights, people in dev_statements(limit_articles):
        judged += statements_and_edits(sentences, highlights, people)
    return judged


def statements_and_edits(
    sentences: list[str], highlights: list[str], people: list[str], story: str = ""
) -> list[Judged]:
    """One article's highlights as true statements, each followed by its edits (one per kind that applies).

    ``story`` prefixes each statement's origin, so that statements of several sources stay apart.
    """
    judged: list[Judged] = []
    # The evidence the product gives a claim that cites none.
    best_evidence = ArticleFacts(sentences).best_evidence
    for position, highlight in enumerate(highlights):
        origin = f"{story}:{highlight}" if story else highlight
        judged.append(Judged(highlight, sentences, best_evidence(highlight), True, origin=origin))
        others = highlights[position + 1 :] + highlights[:position]
        for kind in KINDS:
            edited = _edit(kind, highlight, sentences, people, others)
            if edited and edited != highlight:
                evidence = best_evidence(edited)
                judged.append(Judged(edited, sentences, evidence, False, kind, origin=origin))
    return judged


def _edit(kind: str, text: str, sentences: list[str], people: list[str], others: list[str]) -> str | None:
    article = " ".join(sentences)
    if kind == "number":
        match = _NUMERAL.search(text)
        if not match:
            return None
        stated = match.group()
        elsewhere = [n for n in _NUMERAL.findall(article) if n != stated and _is_year(n) == _is_year(stated)]
        swap = elsewhere[0] if elsewhere else _bumped(stated)
        return text[: match.start()] + swap + text[match.end() :]
    if kind == "person":
        present = [p for p in people if _surname(p) in text]
        absent = [p for p in people if _surname(p) not in text]
        if not present or not absent:
            return None
        return text.replace(_surname(present[0]), _surname(absent[0]))
    if kind == "negation":
        match = _AUXILIARY.search(text)
        return text[: match.end()] + " not" + text[match.end() :] if match else None
    if kind == "attribution":
        match = re.search(rf"\b([A-Z][\w'-]+(?: [A-Z][\w'-]+)*) {_SPEECH}\b", text) or re.search(
            rf"\b{_SPEECH} ([A-Z][\w'-]+(?: [A-Z][\w'-]+)*)", text
        )
        if not match:
            return None
        speaker = match.group(1)
        if speaker.split()[0] in _PRONOUNS:
            return None
        other = next((p for p in people if _surname(p) not in speaker and _surname(p) not in text), None)
        if other is None:
            return None
        return text[: match.start(1)] + other + text[match.end(1) :]
    if kind == "roles":
        named = [p for p in people if _surname(p) in text]
        if len(named) < 2:
            return None
        first, second = sorted(named[:2], key=lambda p: text.index(_surname(p)))
        a, b = _surname(first), _surname(second)
        between = text[text.index(a) + len(a) : text.index(b)]
        if not re.search(r"\b[a-z]{3,}\b", between) or re.fullmatch(r"\W*(?:and|or)\W*", between):
            return None
        return text.replace(a, "\0").replace(b, a).replace("\0", b)
    if kind == "date":
        for names in (_WEEKDAYS, _MONTHS):
            for index, name in enumerate(names):
                if re.search(rf"\b{name}\b", text) and not (
                    name == "May" and re.search(r"\bMay\b(?! \d)", text)
                ):
                    return re.sub(rf"\b{name}\b", names[(index + 1) % len(names)], text, count=1)
        return None
    if kind == "causal":
        if not others:
            return None
        connective = _CONNECTIVES[len(text) % len(_CONNECTIVES)]
        second = others[0].rstrip(".!?")
        second = second[:1].lower() + second[1:] if not re.match(r"[A-Z][a-z]+ [A-Z]", second) else second
        return f"{text.rstrip('.!?')} {connective} {second}."
    raise ValueError(kind)


def _surname(person: str) -> str:
    return person.split()[-1]


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and number[:2] in {"19", "20"}


def _bumped(number: str) -> str:
    digits = number.replace(",", "")
    return str(int(float(digits)) + 3) if "." not in digits else digits + "5"


def _ended(text: str) -> str:
    return text if text.endswith((".", "!", "?", '"', "'")) else text + "."
