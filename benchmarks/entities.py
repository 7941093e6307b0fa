"""Entities on held-out GUM news, interview and biography documents: precision, recall and F1, types included.

Two figures, both with the type. *Names* is the usual NER measure: each name in each sentence,
exact words and type (``training.entity_data`` says what GUM's annotation counts as a name).
*Entities* is what an alert carries: for each document, the distinct entities found against
GUM's own entities (its coreference chains that are named at least once); a found entity is
right when it is written as one of the entity's names and has its type, and a second entry
for an entity already found ("Bernoulli" next to "Daniel Bernoulli") is wrong.

The data is not in the repository (``make tagger-data`` writes it; see
``functions/takeaways/text/models/names-en-manifest.md``); without it the section says so.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from takeaways.summary import Entity
from takeaways.text.entities import entity_mentions, rule_mentions
from takeaways.text.name_tagger import KINDS, english_name_tagger, lower_case_words
from training.entity_data import HELD_OUT, Document, Score, gold_spans, read_documents, split
from training.tagger_data import GUM_FILE

UNLIMITED = 1000

# A system reads a document's sentences and says where it saw which entity.
Mentions = tuple[list[Entity], list[tuple[int, int, Entity]]]
System = Callable[[list[str]], Mentions]


def _tagger_alone(sentences: list[str]) -> Mentions:
    """The name tagger's own names, one entity per distinct name written, typed by its most frequent tag."""
    tagger = english_name_tagger()
    common = lower_case_words("\n".join(sentences))
    offset = 0
    found: list[tuple[int, int, str, str]] = []
    for sentence in sentences:
        found += [
            (offset + s, offset + e, sentence[s:e], kind) for s, e, kind in tagger.names(sentence, common)
        ]
        offset += len(sentence) + 1
    votes: dict[str, Counter[str]] = {}
    for _, _, name, kind in found:
        votes.setdefault(name, Counter())[kind] += 1
    entities = {name: Entity(name=name, kind=kinds.most_common(1)[0][0]) for name, kinds in votes.items()}  # type: ignore[arg-type]
    return list(entities.values()), [(s, e, entities[name]) for s, e, name, _ in found]


SYSTEMS: dict[str, System] = {
    "find_entities (shipped)": lambda sentences: entity_mentions(sentences, limit=UNLIMITED),
    "rules alone": lambda sentences: rule_mentions(sentences, limit=UNLIMITED),
    "name tagger alone": _tagger_alone,
}


@dataclass(slots=True)
class Tally:
    names: Score
    entities: Score


def score(system: System, documents: list[Document]) -> Tally:
    tally = Tally(Score(), Score())
    for document in documents:
        texts = [sentence.text for sentence in document.sentences]
        starts = [0]
        for text in texts[:-1]:
            starts.append(starts[-1] + len(text) + 1)
        entities, mentions = system(texts)
        guessed: list[set[tuple[int, int, str]]] = [set() for _ in texts]
        for start, end, entity in mentions:
            index = bisect.bisect_right(starts, start) - 1
            guessed[index].add((start - starts[index], end - starts[index], entity.kind))
        for sentence, found in zip(document.sentences, guessed, strict=True):
            gold, times = gold_spans(sentence)
            tally.names.add(gold, found, times)
        _score_entities(document, entities, tally.entities)
    return tally


def _score_entities(document: Document, found: list[Entity], score: Score) -> None:
    """Distinct entities of one document against GUM's named entities (coreference chains)."""
    names: dict[str, set[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    times: set[str] = set()
    for sentence in document.sentences:
        for name in [*sentence.names, *sentence.nested]:
            written = sentence.text[name.start : name.end].lower()
            if name.kind == "time":
                times.add(written)
                continue
            names.setdefault(name.entity, set()).add(written)
            kinds.setdefault(name.entity, Counter())[name.kind] += 1
    kind_of = {entity: votes.most_common(1)[0][0] for entity, votes in kinds.items()}
    matched: set[str] = set()
    for entity in found:
        written = entity.name.lower()
        owners = [e for e, spelled in names.items() if written in spelled]
        if not owners and written in times:
            continue
        right = next((e for e in owners if kind_of[e] == entity.kind and e not in matched), None)
        if right is None:
            score.false[entity.kind] += 1
        else:
            matched.add(right)
            score.hits[entity.kind] += 1
    for chain, kind in kind_of.items():
        if chain not in matched:
            score.missed[kind] += 1


def report() -> list[str]:
    lines = ["## Entities", ""]
    if not GUM_FILE.exists():
        return [*lines, f"Skipped: `{GUM_FILE.name}` is not in `training/data/` (run `make tagger-data`)."]
    _, held_out = split(read_documents(GUM_FILE))
    tallies = {name: score(system, held_out) for name, system in SYSTEMS.items()}
    gold_names = tallies["rules alone"].names.figures()[3]
    gold_entities = tallies["rules alone"].entities.figures()[3]
    lines += [
        f"Held-out GUM documents ({len(held_out)}: {', '.join(sorted(name[4:] for name in HELD_OUT))}), "
        f"{sum(len(d.sentences) for d in held_out)} sentences, {gold_names} names, {gold_entities} named entities;"
        " nothing was learned or tuned on them. The name tagger learned from the other 91 GUM train documents.",
        "",
        "| system | names P | names R | names F1 | entities P | entities R | entities F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, tally in tallies.items():
        p, r, f, _ = tally.names.figures()
        ep, er, ef, _ = tally.entities.figures()
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | **{f:.3f}** | {ep:.3f} | {er:.3f} | {ef:.3f} |")
    lines += ["", "Per type, names F1 (entities F1):", ""]
    lines += ["| system | " + " | ".join(KINDS) + " |", "| --- |" + " ---: |" * len(KINDS)]
    for name, tally in tallies.items():
        cells = [
            f"{tally.names.figures(kind)[2]:.3f} ({tally.entities.figures(kind)[2]:.3f})" for kind in KINDS
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    counts = ", ".join(f"{kind} {tallies['rules alone'].names.figures(kind)[3]}" for kind in KINDS)
    lines += [
        "",
        f"Names by type: {counts}. `other` is GUM's object, event, abstract, substance, animal and plant names"
        " (ships, products, wars, prizes, languages); time names (months, days) are no entities and count neither way.",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
