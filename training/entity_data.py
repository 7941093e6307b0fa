"""Named entities from GUM's entity annotation: what the entity benchmark scores and the name tagger learns.

GUM (``training/data/gum-cc-by-ud-train.conllu``, built by ``training.tagger_data`` from the
treebank's train documents only) marks every mention of every entity in the MISC column,
``Entity=(id-type-infstat-salience-centering-minspan-link-identity`` ... ``id)``, whether it is
a name, a description or a pronoun. A mention is a *name* here when its syntactic head is a
proper noun (PROPN). What counts as the name is what a news NER annotation would mark: the
run of proper nouns and capitalised words around the head (with "of", "and", "de", "the"
between two of them: "University of Denver"), without a leading title ("President", "Dr"), which the names in
alerts leave out too.

Types: GUM's ``person``, ``place`` and ``organization`` are ``person``, ``place`` and
``organisation``; ``object``, ``event``, ``abstract``, ``substance``, ``animal`` and
``plant`` names (ships, products, wars, prizes, languages, breeds) are ``other``; ``time``
names (months, days, holidays as dates) are no entities at all: alerts leave them out, so a
system is neither rewarded nor penalised for them.

The held-out documents (``HELD_OUT``) are every third news, interview and biography
document in name order, starting with the second; nothing learns from them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from takeaways.text.entities import PERSON_TITLES
from takeaways.text.name_tagger import Word, tokenize
from training.tagger_data import GUM_FILE

GENRES = ("news", "interview", "bio")
HELD_OUT = frozenset(
    f"GUM_{name}"
    for name in """news_asylum news_defector news_flag news_imprisoned news_soccer news_warhol
    interview_brotherhood interview_daly interview_licen interview_messina interview_shalev
    bio_chao bio_galois bio_hadid bio_jerome bio_nida""".split()
)
KINDS = {"person": "person", "place": "place", "organization": "organisation"}
OTHER_TYPES = frozenset({"object", "event", "abstract", "substance", "animal", "plant"})
_JOINERS = frozenset({"of", "and", "&", "de", "the", "for", "von", "van", "da", "del", "du", "la", "al"})


@dataclass(frozen=True, slots=True)
class Name:
    """One name in a sentence: characters ``start:end`` of its text, typed, and GUM's entity id."""

    start: int
    end: int
    kind: str
    entity: str


@dataclass(slots=True)
class Sentence:
    text: str
    names: list[Name] = field(default_factory=list)  # not nested: what a flat NER annotation marks
    nested: list[Name] = field(default_factory=list)  # names inside other names ("Denver" in its university)


@dataclass(slots=True)
class Document:
    name: str
    genre: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class _Token:
    form: str
    upos: str
    head: int
    start: int
    end: int


def read_documents(path: Path = GUM_FILE) -> list[Document]:
    """Every document of the file, with its names; the sentence texts are GUM's own ``# text`` lines."""
    documents: list[Document] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip("\n").splitlines()
        if not lines:
            continue
        for line in lines:
            if line.startswith("# newdoc id = "):
                name = line.split("= ", 1)[1].strip()
                documents.append(Document(name, name.split("_")[1]))
        text = next((line.split("= ", 1)[1] for line in lines if line.startswith("# text = ")), None)
        rows = [line.split("\t") for line in lines if not line.startswith("#")]
        if text is not None and documents:
            documents[-1].sentences.append(_sentence(text, rows, documents[-1].name))
    return documents


def split(documents: list[Document]) -> tuple[list[Document], list[Document]]:
    """(documents to learn from: every genre but the held-out ones; the held-out news, interviews, bios)."""
    return (
        [d for d in documents if d.name not in HELD_OUT],
        [d for d in documents if d.name in HELD_OUT],
    )


def _sentence(text: str, rows: list[list[str]], document: str) -> Sentence:
    tokens: list[_Token] = []
    entity_fields: list[str] = []
    position = 0
    for columns in rows:
        if "-" in columns[0] or "." in columns[0]:
            continue
        start = text.find(columns[1], position)
        start = position if start < 0 else start
        end = start + len(columns[1])
        position = end
        tokens.append(_Token(columns[1], columns[3], int(columns[6]), start, end))
        misc = dict(item.split("=", 1) for item in columns[9].split("|") if "=" in item)
        entity_fields.append(misc.get("Entity", ""))
    sentence = Sentence(text)
    by_span: dict[tuple[int, int], Name] = {}
    for name in _mentions(tokens, entity_fields, document):
        if name is not None:
            by_span.setdefault((name.start, name.end), name)  # an apposition the same words as its name
    names = sorted(by_span.values(), key=lambda n: (n.start, -n.end))
    for name in names:
        inside = any(o.start <= name.start and name.end <= o.end and o != name for o in names)
        (sentence.nested if inside else sentence.names).append(name)
    return sentence


def _mentions(tokens: list[_Token], entity_fields: list[str], document: str) -> Iterator[Name | None]:
    """Each GUM mention that is a name, as a ``Name`` (None for the others)."""
    open_mentions: dict[str, list[tuple[int, str]]] = {}
    for index, value in enumerate(entity_fields):
        # Openings and closings in their written order: "(5-time-...)4)3)" opens 5, closes 5, 4 and 3.
        for match in re.finditer(r"\((\d+)-([a-z]+)[^()]*|(\d+)\)", value):
            if match.group(1):
                open_mentions.setdefault(match.group(1), []).append((index, match.group(2)))
                if value[match.end() : match.end() + 1] == ")":
                    yield _name(tokens, *open_mentions[match.group(1)].pop(), index, match.group(1), document)
            elif open_mentions.get(match.group(3)):
                yield _name(tokens, *open_mentions[match.group(3)].pop(), index, match.group(3), document)


def _name(tokens: list[_Token], first: int, etype: str, last: int, entity: str, document: str) -> Name | None:
    span = range(first, last + 1)
    head = next((i for i in span if not (first + 1 <= tokens[i].head <= last + 1)), first)
    if tokens[head].upos != "PROPN":
        return None
    start = end = head
    while start - 1 in span and _part_of_name(tokens, start - 1, span):
        start -= 1
    while end + 1 in span and _part_of_name(tokens, end + 1, span):
        end += 1
    while start < head and tokens[start].form.lower().rstrip(".") in PERSON_TITLES:
        start += 1
    while start < head and not tokens[start].form[:1].isupper():
        start += 1
    while end > head and not tokens[end].form[:1].isupper() and not tokens[end].form.isdigit():
        end -= 1
    kind = KINDS.get(etype, "other" if etype in OTHER_TYPES else etype)
    return Name(tokens[start].start, tokens[end].end, kind, f"{document}#{entity}")


def _part_of_name(tokens: list[_Token], index: int, span: range) -> bool:
    token = tokens[index]
    # GUM tags "United" in "United States" and "New" in "New Culture Movement" as adjectives.
    if token.upos == "PROPN" or (token.form[:1].isupper() and token.upos not in {"PRON", "DET", "PUNCT"}):
        return True
    joiner = token.form.lower() in _JOINERS or token.form == "-"
    return (
        joiner
        and index - 1 in span
        and index + 1 in span
        and tokens[index - 1].upos == "PROPN"
        and tokens[index + 1].upos == "PROPN"
    )


def words_and_tags(sentence: Sentence) -> tuple[list[Word], list[str]]:
    """The sentence as the name tagger splits it, each word with its gold BIO tag."""
    words = tokenize(sentence.text)
    tags = ["O"] * len(words)
    for name in sentence.names:
        if name.kind == "time":
            continue
        inside = [i for i, word in enumerate(words) if name.start <= word.start and word.end <= name.end]
        for position, index in enumerate(inside):
            tags[index] = f"{'B' if position == 0 else 'I'}-{name.kind}"
    return words, tags


def document_text(document: Document) -> str:
    return "\n".join(sentence.text for sentence in document.sentences)


@dataclass(slots=True)
class Score:
    """True positives, false positives and false negatives, per kind."""

    hits: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)

    def add(
        self, gold: set[tuple[int, int, str]], guessed: set[tuple[int, int, str]], times: set[tuple[int, int]]
    ) -> None:
        """One sentence: exact span and kind; a guess on a time name's exact words counts neither way."""
        guessed = {g for g in guessed if g[:2] not in times}
        self.hits.update(kind for *_, kind in guessed & gold)
        self.false.update(kind for *_, kind in guessed - gold)
        self.missed.update(kind for *_, kind in gold - guessed)

    def figures(self, kind: str | None = None) -> tuple[float, float, float, int]:
        """(precision, recall, F1, gold count) for one kind, or all kinds pooled (micro average)."""
        tp, fp, fn = (
            counts[kind] if kind else counts.total() for counts in (self.hits, self.false, self.missed)
        )
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, tp + fn


def gold_spans(sentence: Sentence) -> tuple[set[tuple[int, int, str]], set[tuple[int, int]]]:
    """(the names to find, the spans of time names that are no entities)."""
    return (
        {(n.start, n.end, n.kind) for n in sentence.names if n.kind != "time"},
        {(n.start, n.end) for n in [*sentence.names, *sentence.nested] if n.kind == "time"},
    )
