"""What the grounding model learns from: human judgements and perturbations of public news, with a held-out split.

Two public sources, both read from outside the repository (``grounding-check-manifest.json``
says where each came from, its licence and its sha256; ``python -m training.grounding_data
restore`` rebuilds them from clones of their repositories):

- CoGenSumm's judged sentence pairs (``TAKEAWAYS_FACTUALITY_DATA``): only the ``fit`` half
  of the benchmark's split; the ``test`` half is the benchmark's and is never read here;
- CNN/DailyMail *training-split* stories with their highlights (``TAKEAWAYS_NEWS_DATA``):
  each highlight is a true statement about its article, and each article sentence and
  highlight is edited here by fixed rules into false ones (a FactCC-style synthetic set,
  with rules of this project's own writing) and into true cuts.

A fixed hash of each story puts a fifth of them in the held-out split, on which the
decision threshold is chosen and the model is scored; training never sees them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.grounding_data import FACTUALITY, GROUNDING_DATA, split_of
from takeaways.article import parse_article
from takeaways.engines.grounding import ArticleFacts
from takeaways.engines.grounding_model import MANIFEST_FILE
from takeaways.text.entities import find_entities
from takeaways.text.sentences import article_sentences
from takeaways.text.words import STOP_WORDS

NEWS = Path(os.environ.get("TAKEAWAYS_NEWS_DATA", GROUNDING_DATA / "news" / "cnndm-small-train.jsonl"))
HELD_OUT_PERCENT = 20
SENTENCES_PER_ARTICLE = 12
# CoGenSumm stories that are also in the team's measurement sets (../shared/eval/cnn-validation.jsonl):
# never trained on.
MEASUREMENT_STORIES = frozenset(
    {"8fa8d1f0bb3096ce76dddaee65f27fe70ba506b1", "c86d503af0d1daa5782a2fecbedf2e594c3d7fb2"}
)

_SPEECH = r"(?:said|says|told|added|claimed|insisted|warned|wrote|announced|admitted|explained|stated)"
_VERBISH = re.compile(r"^(?:is|are|was|were|has|have|had|will|would|can|could|said|says)$|^[a-z]{3,}ed$")
_OPPOSITES = {
    "won": "lost",
    "lost": "won",
    "rose": "fell",
    "fell": "rose",
    "increase": "decrease",
    "decrease": "increase",
    "increased": "decreased",
    "decreased": "increased",
    "more": "fewer",
    "higher": "lower",
    "lower": "higher",
    "before": "after",
    "approved": "rejected",
    "rejected": "approved",
    "accepted": "refused",
    "guilty": "innocent",
    "first": "last",
    "last": "first",
    "largest": "smallest",
    "biggest": "smallest",
    "best": "worst",
    "worst": "best",
    "older": "younger",
    "younger": "older",
    "arrested": "released",
    "released": "arrested",
    "killed": "injured",
    "injured": "killed",
    "support": "oppose",
    "supported": "opposed",
    "opposed": "supported",
}
# How a highlight says what a sentence said: the present tense, figures as digits.
_HEADLINE_TENSE = (
    ("has been", "is"),
    ("have been", "are"),
    ("said", "says"),
    ("told", "tells"),
    ("was", "is"),
    ("were", "are"),
)
# When something happened, said in passing: a statement may leave it out.
_WHEN = re.compile(
    r",? (?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in (?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)(?: \d{4})?|in (?:19|20)\d\d|(?:last|this) "
    r"(?:week|month|year))\b"
)
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate("_ _ two three four five six seven eight nine ten eleven twelve".split())
    if word != "_"
}
_PRONOUN_SWAP = {"he": "she", "she": "he", "his": "her", "her": "his", "him": "her"}
_CONNECTIVES = ("because", "after", "so", "which led to", "due to")
_WORD = re.compile(r"[A-Za-z][\w'-]*")


@dataclass(frozen=True, slots=True)
class Example:
    """A statement, the sentences it is checked against (and their article), its label and where it came from."""

    claim: str
    sentences: list[str]
    evidence: list[int]
    faithful: bool
    kind: str
    story: str
    source: str  # "cogensumm" or "news"

    @property
    def held_out(self) -> bool:
        return held_out(self.story)


def held_out(story: str) -> bool:
    """A fixed fifth of the stories (by a hash of their id, salted apart from the benchmark's split)."""
    digest = hashlib.sha256(f"grounding-model:{story}".encode()).digest()
    return digest[0] * 100 // 256 < HELD_OUT_PERCENT


def judged_examples(path: Path = FACTUALITY) -> list[Example]:
    """CoGenSumm's ``fit`` half: each summary sentence against the article sentence it was made from."""
    examples: list[Example] = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        story = item["article_id"]
        if split_of(story) != "fit" or story in MEASUREMENT_STORIES:
            continue
        sentence = [item["article_sent"]]
        examples.append(Example(item["correct_sent"], sentence, [0], True, "judged", story, "cogensumm"))
        examples.append(Example(item["incorrect_sent"], sentence, [0], False, "judged", story, "cogensumm"))
    return examples


def news_stories(path: Path = NEWS) -> Iterator[tuple[str, list[str], list[str]]]:
    """(story id, article sentences, highlights) for each training-split story."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            article = parse_article(item["article"].encode(), f"{item['id']}.txt")
            highlights = [
                _ended(h.strip().rstrip(" .")) for h in item["highlights"].splitlines() if h.strip()
            ]
            yield item["id"], article_sentences(article), highlights


def synthetic_examples(stories: Iterator[tuple[str, list[str], list[str]]]) -> list[Example]:
    """True highlights and true cuts of sentences, and false statements made from both by one edit each."""
    return [example for story in stories for example in _story_examples(*story)]


def _story_examples(story: str, sentences: list[str], highlights: list[str]) -> list[Example]:
    facts = ArticleFacts(sentences)
    # Sorted: the entity finder may order equal counts by hash, and training must not depend on it.
    people = sorted(e.name for e in find_entities(sentences[:20], limit=20) if e.kind == "person")
    words = [w for s in sentences for w in _WORD.findall(s) if len(w) > 3 and w.islower()]
    examples: list[Example] = []

    def add(claim: str, faithful: bool, kind: str, cited: list[int] | None = None) -> None:
        evidence = cited if cited is not None else facts.best_evidence(claim)
        if evidence:
            examples.append(Example(claim, sentences, evidence, faithful, kind, story, "news"))

    for position, highlight in enumerate(highlights):
        add(highlight, True, "highlight")
        other = highlights[(position + 1) % len(highlights)] if len(highlights) > 1 else ""
        for kind, edited in edits(highlight, people, words, other, position):
            add(edited, False, kind)
    for index, sentence in enumerate(sentences[:SENTENCES_PER_ARTICLE]):
        if len(sentence.split()) < 8:
            continue
        for kind, cut in true_cuts(sentence):
            add(cut, True, kind, [index])
        for kind, moved in true_rewordings(sentence):
            add(moved, True, kind, [index])
        referent = _referent(sentence, sentences[max(index - 3, 0) : index], people)
        if referent:
            add(referent, True, "reworded-referent", [index])
        other = sentences[index + 1] if index + 1 < len(sentences) else ""
        for kind, edited in edits(sentence, people, words, other, index):
            add(edited, False, kind, [index])
        for kind, cut in false_cuts(sentence):
            add(cut, False, kind, [index])
    return examples


def edits(
    text: str, people: Sequence[str], words: Sequence[str], other: str, seed: int
) -> list[tuple[str, str]]:
    """One false version of a true statement per kind of edit that applies to it."""
    found: list[tuple[str, str]] = []
    surnames = [p.split()[-1] for p in people]
    present = [s for s in surnames if re.search(rf"\b{re.escape(s)}\b", text)]
    absent = [s for s in surnames if s not in present]
    if present and absent:
        found.append(("person", re.sub(rf"\b{re.escape(present[0])}\b", absent[seed % len(absent)], text)))
    speaker = re.search(rf"\b([A-Z][\w'-]+) {_SPEECH}\b", text) or re.search(
        rf"\b{_SPEECH} ([A-Z][\w'-]+)", text
    )
    if speaker and absent:
        swap = absent[(seed + 1) % len(absent)]
        found.append(("attribution", text[: speaker.start(1)] + swap + text[speaker.end(1) :]))
    if len(present) >= 2:
        a, b = present[0], present[1]
        found.append(("roles", text.replace(a, "\0").replace(b, a).replace("\0", b)))
    if other:
        connective = _CONNECTIVES[seed % len(_CONNECTIVES)]
        tail = other.rstrip(".!?\"' ")
        tail = tail[:1].lower() + tail[1:] if tail[:2].istitle() and not tail.split()[0].istitle() else tail
        found.append(("causal", f"{text.rstrip('.!?')} {connective} {tail}."))
    tokens = _WORD.findall(text)
    for token in tokens:
        if token.lower() in _OPPOSITES and token.islower():
            found.append(("opposite", re.sub(rf"\b{token}\b", _OPPOSITES[token], text, count=1)))
            break
    for token in tokens:
        if token in _PRONOUN_SWAP:
            found.append(("pronoun", re.sub(rf"\b{token}\b", _PRONOUN_SWAP[token], text, count=1)))
            break
    replaceable = [t for t in tokens if t.islower() and len(t) > 4 and t not in _OPPOSITES]
    unused = [w for w in words if w not in text]
    if replaceable and unused:
        target = replaceable[seed % len(replaceable)]
        substitute = unused[(seed * 7 + len(text)) % len(unused)]
        found.append(("word", re.sub(rf"\b{re.escape(target)}\b", substitute, text, count=1)))
        nouns = [t for t in replaceable if not t.endswith(("ed", "ly", "ing"))]
        if nouns:
            noun = nouns[-1]
            found.append(
                ("modifier", re.sub(rf"\b{re.escape(noun)}\b", f"{substitute} {noun}", text, count=1))
            )
    return [(kind, edited) for kind, edited in found if edited != text]


def true_cuts(sentence: str) -> list[tuple[str, str]]:
    """Cuts that keep what the sentence says of its subject: a trailing clause, an opening clause, an attribution."""
    cuts: list[tuple[str, str]] = []
    body = sentence.rstrip(".!?\"' ")
    if ", " in body:
        head, _ = body.rsplit(", ", 1)
        if len(head.split()) >= 6 and '"' not in head:
            cuts.append(("cut-tail", head + "."))
        opening, rest = body.split(", ", 1)
        if len(opening.split()) <= 6 and len(rest.split()) >= 6 and '"' not in rest:
            cuts.append(("cut-opening", rest[:1].upper() + rest[1:] + "."))
    said = re.match(
        rf"^(.{{20,}}?),? (?:[A-Z][\w'-]+ )*(?:he |she |they |police |officials )?{_SPEECH}\b", body
    )
    if said and '"' not in said.group(1):
        cuts.append(("cut-attribution", said.group(1) + "."))
    that = re.match(rf"^[A-Z][\w' -]{{2,40}} {_SPEECH} (?:that )?(.{{30,}})$", body)
    if that and '"' not in that.group(1):
        rest = that.group(1)
        cuts.append(("cut-reported", rest[:1].upper() + rest[1:] + "."))
    return cuts


def true_rewordings(sentence: str) -> list[tuple[str, str]]:
    """The same statement in another order: the speaker first, the clauses swapped round a cause, the time last."""
    found: list[tuple[str, str]] = []
    body = sentence.rstrip(".!?\"' ")
    said = re.match(
        rf"^([^\"]{{20,}}?), ((?:the |a )?(?:[A-Z]?[\w'-]+ ){{0,3}}[A-Z]?[\w'-]+) {_SPEECH}$", body
    )
    if said:
        speaker, verb = said.group(2), body.rsplit(" ", 1)[1]
        clause = _lower_first(said.group(1))
        found.append(("reworded-speaker", f"{speaker[:1].upper()}{speaker[1:]} {verb} {clause}."))
    cause = re.match(r"^([^,\"]{15,}?) (because|after) ([^,\"]{15,})$", body)
    if cause:
        effect, word, reason = cause.groups()
        effect = _lower_first(effect)
        found.append(("reworded-cause", f"{word.capitalize()} {reason}, {effect}."))
    opening = re.match(r"^((?:On|In|At|Last|Earlier|Later) [^,\"]{3,30}), ([^\"]{20,})$", body)
    if opening:
        time, rest = opening.groups()
        time = time[:1].lower() + time[1:]
        found.append(("reworded-time", f"{rest[:1].upper()}{rest[1:]} {time}."))
    when = _WHEN.search(body)
    if when and when.start() > 10:
        found.append(("reworded-time-dropped", f"{body[: when.start()]}{body[when.end() :]}."))
    for before, after in _HEADLINE_TENSE:
        if f" {before} " in sentence:
            found.append(("reworded-tense", sentence.replace(f" {before} ", f" {after} ", 1)))
            break
    for word, digits in _NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", sentence):
            found.append(("reworded-number", re.sub(rf"\b{word}\b", digits, sentence, count=1)))
            break
    return found


def _referent(sentence: str, before: list[str], people: Sequence[str]) -> str | None:
    """'He said ...' with the one person the sentences just before name: the summariser's own rewording."""
    pronoun = re.match(r"^(He|She) ", sentence)
    named = {p.split()[-1] for p in people if any(p.split()[-1] in earlier for earlier in before)}
    if not pronoun or len(named) != 1:
        return None
    return sentence.replace(pronoun.group(1), named.pop(), 1)


def false_cuts(sentence: str) -> list[tuple[str, str]]:
    """Cuts that join a subject to a verb that was never said of it, or drop what a verb needs."""
    words = sentence.rstrip(".!?").split()
    cuts: list[tuple[str, str]] = []
    for start in range(2, min(len(words) - 4, 8)):
        for end in range(start + 3, min(len(words) - 1, start + 12)):
            if _VERBISH.match(words[end].lower()) and not _VERBISH.match(words[start].lower()):
                cuts.append(("bad-cut", " ".join(words[:start] + words[end:]) + "."))
                return cuts
    return cuts


def all_examples() -> list[Example]:
    """Every example whose source file is present; an absent file is an error naming it."""
    missing = [str(path) for path in (FACTUALITY, NEWS) if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"training data missing: {', '.join(missing)} (see {MANIFEST_FILE.name})")
    return judged_examples() + synthetic_examples(news_stories())


def restore(git_dirs: dict[str, str]) -> int:
    """Rebuild the data files from local clones of their repositories, checking each against the manifest."""
    manifest = json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))
    targets = {"factuality": FACTUALITY, "news": NEWS}
    for name, source in manifest["data"].items():
        repository, _, commit = source["repository"].removeprefix("github:").partition("@")
        if repository not in git_dirs:
            print(f"skipped {name}: no clone of {repository} given", file=sys.stderr)
            continue
        blob = subprocess.run(
            ["git", f"--git-dir={git_dirs[repository]}", "show", f"{commit}:{source['path']}"],
            check=True,
            capture_output=True,
        ).stdout
        if hashlib.sha256(blob).hexdigest() != source["sha256"]:
            print(f"{name}: {source['path']} does not match the manifest's sha256", file=sys.stderr)
            return 1
        targets[name].parent.mkdir(parents=True, exist_ok=True)
        targets[name].write_bytes(blob)
        print(f"wrote {targets[name]}", file=sys.stderr)
    return 0


def _lower_first(clause: str) -> str:
    """'The polyps were ...' becomes '... said the polyps were ...'; a name keeps its capital."""
    first = clause.split()[0]
    return clause[:1].lower() + clause[1:] if first.lower() in STOP_WORDS else clause


def _ended(text: str) -> str:
    return text if text.endswith((".", "!", "?", '"', "'")) else text + "."


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    rebuild = commands.add_parser("restore", help="rebuild the data files from clones of their repositories")
    rebuild.add_argument("clones", nargs="+", metavar="OWNER/NAME=GIT_DIR")
    args = parser.parse_args(argv)
    return restore(dict(clone.split("=", 1) for clone in args.clones))


if __name__ == "__main__":
    raise SystemExit(main())
