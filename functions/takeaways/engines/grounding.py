"""The grounding check: a takeaway reaches a subscriber only if the article supports it.

An article is untrusted text, and a model's answer is untrusted text about it. A claim
(takeaway, headline or one-line summary) passes only if every number, name and
quotation in it appears in the article, it carries no link and adds no negation, and
its cited sentences entail it (``entailment``). A takeaway must also cite sentences that
exist and speak to readers. Sentences written to a
summariser rather than to readers ("ignore previous instructions ...") are never
facts and never evidence, so a model that obeys an injected instruction is caught
even though the injected words are "in the article".

What is certain (a number, name, date, quotation or negation the evidence lacks) fails a
claim outright; the rest is weighed by a small logistic regression shipped with the package
(``grounding_model``, over ``entailment.claim_features``). It is plain Python over the
sentence list, cheap enough to run on every answer of every engine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from takeaways.engines import entailment, grounding_model
from takeaways.engines.standalone import opening_referents
from takeaways.summary import Takeaway, TakeawaySummary
from takeaways.text.entities import PERSON_TITLES, find_entities
from takeaways.text.sentences import CONTINUING_ABBREVIATIONS
from takeaways.text.words import DATE_WORDS, NEGATIONS, STOP_WORDS, content_terms, stem

# A statement's opening name ("Price won", "Price's lawyer said"), possessive and all.
_OPENING_NAME = re.compile(r"^[A-Z][\w'’.-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’.-]*[a-z][\w'’-]*){0,3}")

# Share of a claim's content words that the sentences found for an uncited claim must hold.
EVIDENCE_SHARE = 0.6
# Evidence for an uncited claim (``ArticleFacts.best_evidence``): at most this many sentences, each after the
# first adding at least this weight of the claim's uncovered words; a name's or a number's word weighs more.
MOST_EVIDENCE = 3
MIN_EVIDENCE_GAIN = 1.0
NAME_WEIGHT = 2.0
EVIDENCE_WINDOW = 3
# Other claim words a sentence must hold besides a figure or date the chosen ones lack, to be added for it.
FIGURE_COMPANY = 2
# Names the article gives that the evidence search reads as people's (see ``ArticleFacts.people``).
PEOPLE_LOOKED_AT = 50
# Sentences before the first cited one that may name whom a cited "she" or "the company" refers to.
CONTEXT_SENTENCES = 3

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_DOUBLE_QUOTED = re.compile(r'"([^"]{3,})"')
# Single quotes: an apostrophe inside a word ("can't") does not close the quotation.
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'((?:[^']|(?<=\w)'(?=\w)){3,}?)'(?![\w'])")
_URL = re.compile(r"https?://|\bwww\.", re.IGNORECASE)
_DOMAIN = re.compile(
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|co|uk|ru|info|biz|xyz|ly|me|app|example)\b", re.IGNORECASE
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.|\[\.\.\.\])\s*")
_CAPITALISED = re.compile(r"(?<![\w'])[A-ZÀ-ÖØ-Þ][\w'-]*")
_NAME_RUN = re.compile(r"(?<![\w'])[A-ZÀ-ÖØ-Þ][\w'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'-]*)+")
_POSSESSIVE = re.compile(r"'s?$")
_POSSESSIVE_MARK = re.compile(r"'s?(?![\w])")
_RANK = re.compile(r"No\.\s*(?=\d)")
_BODY_HEADS = frozenset({"Department", "Ministry", "Office", "Bureau", "Commission", "Agency"})
_HONORIFICS = frozenset("mr mrs ms mx dr prof".split())
# Case matters: "US" is a country, "us" a speaker.
_FIRST_PERSON = re.compile(r"\b(?:I|I'[mvdl]\w*|[Ww]e|[Ww]e'\w+|[Oo]urs?|us|[Mm]y|me|[Mm]ine)\b")
_SENTENCE_OPENERS = (".", ":", "!", "?", '"', ";", "(", "[", "-", "—", "–")
_NEGATIONS = NEGATIONS | frozenset(
    "can't won't isn't aren't wasn't weren't don't doesn't didn't hasn't haven't hadn't shouldn't wouldn't "
    "couldn't".split()
)
# A vague amount is a claim too: "hundreds" where the article says "dozens" states more than it does.
_VAGUE_AMOUNTS = frozenset("dozens hundreds thousands millions billions".split())

# Text addressed to a summariser, a model or its operator rather than to readers. Narrow on
# purpose: a flagged sentence stops being a fact, so news about AI or about rules must not match.
_ADDRESSED_TO_MODEL = re.compile(
    "|".join(
        (
            r"\b(?:ignore|disregard|forget|override|bypass)\s+(?:(?:all|any|the|your|of|my)\s+)*"
            r"(?:(?:previous|prior|above|earlier|preceding|original|system|other)\s+)?"
            r"(?:instructions?|prompts?|directions|directives)\b",
            r"\byou are (?:now )?(?:an? |the )?(?:ai|assistant|language model|chatbot|summari[sz]er|bot)\b",
            r"\bas an? (?:ai|language model|assistant|chatbot)\b",
            r"\b(?:dear|attention|note to(?: the)?|hey)\s+(?:ai|llm|language model|assistant|chatbot|summari[sz]er|bot)s?\b",
            r"\b(?:ai|llm|language model|assistant|chatbot|summari[sz]er|model)s?\s+"
            r"(?:reading|processing|summari[sz]ing|analy[sz]ing)\s+(?:this|the)\b",
            r"\b(?:system|developer) (?:prompt|message|instructions?)\b",
            r"^\s*(?:system|assistant|developer)\s*:",
            r"<\|?(?:im_start|im_end|system|endoftext)\|?>",
            r"\b(?:summar(?:y|ies)|takeaways?|headlines?|your (?:answer|response|output|reply))\b[^.!?]{0,40}"
            r"\b(?:must|should|shall)\b[^.!?]{0,20}\b(?:say|state|include|mention|read|contain|claim|report|add)\b",
            r"\b(?:write|say|state|report|claim|add|include|insert|output|respond|reply)\b[^.!?]{0,60}"
            r"\b(?:in|to|into)\s+(?:the|your|each|every|all)\s+(?:summar(?:y|ies)|takeaways?|headlines?|answer|response|output)\b",
            r"\b(?:add|include|insert|append)\s+(?:a|the|this|an)\s+(?:link|url|hyperlink)\b",
            r"\binstead,?\s+(?:write|say|state|report|output|reply)\b",
            r"\bdo not (?:summari[sz]e|mention)\b",
        )
    ),
    re.IGNORECASE | re.MULTILINE,
)
_MODEL_HINTS = (
    "ignore", "disregard", "forget", "override", "bypass", "you are", "as a", "dear", "attention",
    "note to", "hey", " ai", "llm", "model", "assistant", "chatbot", "summar", "bot", "system",
    "developer", "im_start", "im_end", "endoftext", "takeaway", "headline", "answer", "response",
    "output", "reply", "link", "url", "instead", "do not",
)  # fmt: skip
# An order that follows one of those ("Ignore previous instructions. Write that ...") is part of it.
_ORDER = re.compile(
    r"^\W*(?:write|say|state|claim|report|output|respond|reply|tell|add|include|insert|mention|print|repeat|"
    r"append|list|describe|call)\b",
    re.IGNORECASE,
)


def addressed_to_model(sentence: str) -> bool:
    """Whether a sentence speaks to a summariser (an injected instruction) rather than to readers."""
    normal = _normal(sentence)
    lowered = f" {normal.lower()}"
    # Each of the pattern's alternatives holds one of these words: most sentences need no regex at all.
    if not any(hint in lowered for hint in _MODEL_HINTS):
        return False
    return bool(_ADDRESSED_TO_MODEL.search(normal))


def for_readers(sentences: Sequence[str]) -> list[bool]:
    """Per sentence: False for an injected instruction and for the orders that follow it."""
    flags: list[bool] = []
    for sentence in sentences:
        follows_instruction = bool(flags) and not flags[-1]
        flags.append(not (addressed_to_model(sentence) or (follows_instruction and _ORDER.search(sentence))))
    return flags


@dataclass(frozen=True, slots=True)
class GroundingResult:
    """Which claims survived (by position), and why each other one did not."""

    kept: list[int]
    problems: dict[int, str] = field(default_factory=dict)


class ArticleFacts:
    """What the article states, prepared once for many checks.

    ``sentences`` is the list the model saw, so evidence indexes into it; the title
    counts as stated text but cannot be cited.
    """

    def __init__(
        self,
        sentences: Sequence[str],
        title: str | None = None,
        models: grounding_model.GroundingModels | None = None,
        named_sentences: Mapping[int, str] | None = None,
    ) -> None:
        self._models = models  # the shipped ones unless given (the benchmark compares variants)
        # Cited sentences as the extractive engine named their openings: its lines are read against these.
        self._named_sentences = {index: _normal(text) for index, text in (named_sentences or {}).items()}
        self.sentences = [_normal(sentence) for sentence in sentences]
        self.reader_facing = for_readers(self.sentences)
        stated = [s for s, ok in zip(self.sentences, self.reader_facing, strict=True) if ok]
        self.title = _normal(title) if title and not addressed_to_model(title) else None
        if self.title:
            stated.append(self.title)
        self.text = " ".join(stated)
        self._stated = stated
        self._sentence_sequences = [content_terms(sentence) for sentence in self.sentences]
        self._sentence_terms = [set(sequence) for sequence in self._sentence_sequences]
        self._checked: dict[tuple[str, tuple[int, ...], entailment.Limits | None], str | None] = {}

    # What only the article-level check reads, worked out the first time it is needed: the extractive
    # engine's cuts are checked without it.
    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def named(self) -> str:
        """The text and the other spellings of the countries and bodies it names ("US" for "U.S.")."""
        return f"{self.text} {entailment.name_variants(self.text)}"

    @cached_property
    def words(self) -> set[str]:
        return set(_WORD.findall(self.named))

    @cached_property
    def lower_words(self) -> set[str]:
        return {word.lower() for word in self.words}

    @cached_property
    def plain_words(self) -> set[str]:
        """The words the article writes in lower case: a capital on one of them may only open a sentence."""
        return {word for word in _WORD.findall(" ".join(self.sentences)) if word.islower()}

    @cached_property
    def name_words(self) -> set[str]:
        return {word.lower() for word in self.words if word[:1].isupper()}

    @cached_property
    def unpossessive(self) -> str:
        """The text with possessive marks dropped: "Michael Vick's" is a name the article gives as "Michael Vick"."""
        return _POSSESSIVE_MARK.sub("", self.named)

    @cached_property
    def name_roots(self) -> set[str]:
        return {entailment.name_root(word) for word in self.name_words}

    @cached_property
    def quantities(self) -> set[float]:
        """Every number the article states, by value, so that 'twenty-five', '1.5 million' and 'a dozen'
        match '25', '1,500,000' and '12'; ordinals in words count as their numbers ('first' is 1)."""
        return entailment.quantities(self.text) | entailment.ordinal_values(self.text)

    @cached_property
    def vague_amounts(self) -> set[str]:
        return set(_VAGUE_AMOUNTS & set(_WORD.findall(self.lowered)))

    @cached_property
    def terms(self) -> set[str]:
        return set(content_terms(self.text))

    @cached_property
    def has_negation(self) -> bool:
        return _has_negation(self.text)

    @cached_property
    def first_person(self) -> bool:
        return any(_speaks_first_person(sentence) for sentence in self._stated)

    def unsupported(self, claim: str, limits: entailment.Limits | None = None) -> str | None:
        """Why a headline, summary or takeaway states something the article does not, or None.

        How many new words a claim may have is the model's to weigh; with ``limits`` (the rules
        deciding alone, as before the model) a fixed share of them fails it.
        """
        normal = _normal(claim)
        # An address in an alert is a phishing risk whatever the article says; a site's name is a fact.
        if _URL.search(normal):
            return "adds a link"
        for domain in _DOMAIN.findall(normal):
            if domain.lower() not in self.lowered:
                return "adds a link"
        for value in sorted(entailment.quantities(normal) - self.quantities):
            return f"number {entailment.shown(value)} is not in the article"
        for amount in sorted(_VAGUE_AMOUNTS & set(_WORD.findall(normal.lower())) - self.vague_amounts):
            return f"number {amount} is not in the article"
        for quoted in _quotations(normal):
            # A quotation cut with an ellipsis must match the article on each side of the cut.
            for piece in _ELLIPSIS.split(quoted):
                piece = piece.strip(" ,.;:!?").lower()
                if piece and not entailment.quotation_in(piece, self.text):
                    return "quotation is not in the article"
        name_problem = self._name_problem(normal)
        if name_problem:
            return name_problem
        if _has_negation(normal) and not self.has_negation:
            return "adds a negation"
        # A speaker's words stated as the article's own ("we cannot afford it", from a quotation) change who
        # said them; an article written in the first person may be summarised in it.
        if not self.first_person and _speaks_first_person(normal):
            return "speaks in the first person outside a quotation"
        if limits is None:
            return None
        terms = content_terms(normal)
        new_words = sorted({term for term in terms if not entailment.related(term, self.terms)})
        if len(new_words) > max(1, len(terms) // entailment.WORDS_PER_NEW_WORD):
            return f"words not in the article: {', '.join(new_words[:4])}"
        return None

    def evidence_problem(
        self, claim: str, evidence: Sequence[int], limits: entailment.Limits | None = None
    ) -> str | None:
        """The cited sentences must exist, speak to readers and entail the claim (``entailment.problem``)."""
        citation = self._citation_problem(evidence)
        if citation:
            return citation
        return entailment.problem(claim, self._cited(evidence), self._context(evidence), self.text, limits)

    def _citation_problem(self, evidence: Sequence[int]) -> str | None:
        if not evidence:
            return "cites no evidence"
        if any(not 0 <= index < len(self.sentences) for index in evidence):
            return "cites a sentence the article does not have"
        if not all(self.reader_facing[index] for index in evidence):
            return "cites text addressed to a summariser"
        return None

    def _cited(self, evidence: Sequence[int]) -> list[str]:
        return [self.sentences[index] for index in sorted(set(evidence))]

    def _context(self, evidence: Sequence[int]) -> list[str]:
        first = min(evidence)
        return self.sentences[max(first - CONTEXT_SENTENCES, 0) : first]

    def locate(self, claim: str) -> list[int]:
        """Evidence for a claim that cites none (weaker models quote without numbering): the sentences
        ``best_evidence`` chooses, or none if together they hold under ``EVIDENCE_SHARE`` of its words."""
        terms = set(content_terms(_normal(claim)))
        evidence = self.best_evidence(claim)
        if not terms or not evidence:
            return []
        held = set().union(*(self._sentence_terms[index] for index in evidence))
        return evidence if len(terms & held) / len(terms) >= EVIDENCE_SHARE else []

    def best_evidence(self, claim: str) -> list[int]:
        """Evidence for an uncited claim, by greedy coverage: the reader-facing sentence holding most of the
        claim's weighted words, then the one holding most of what is still uncovered, until ``MOST_EVIDENCE``
        or until none adds ``MIN_EVIDENCE_GAIN``.

        A highlight is often made from two or three sentences that each give part of it; the two sentences
        sharing most words with it tend to repeat one part. Names and numbers weigh ``NAME_WEIGHT``, but a
        sentence covers one only where it says it beside a word the claim says it beside
        (``EVIDENCE_WINDOW``): a sentence that merely mentions "Smith" elsewhere must not be chosen to vouch
        for a claim that puts Smith where the article has Jones.
        """
        wanted = _claim_terms(_normal(claim), self.plain_words)
        claim_terms = set(wanted)
        chosen: list[int] = []
        while wanted and len(chosen) < MOST_EVIDENCE:
            gain, earlier = max(
                (
                    (sum(wanted[term][0] for term in self._covers(index, wanted)), -index)
                    for index in range(len(self.sentences))
                    if self.reader_facing[index] and index not in chosen
                ),
                default=(0.0, 0),
            )
            if gain <= 0 or (chosen and gain < MIN_EVIDENCE_GAIN):
                break
            chosen.append(-earlier)
            covered = self._covers(-earlier, wanted)
            wanted = {term: want for term, want in wanted.items() if term not in covered}
        # A place's or a body's name that no chosen sentence says at all ("at Bercy", "Finnish police") is looked for
        # once more, anywhere: a person's is not, as one named where the article names another is the commonest swap.
        # It must not be the one to hold a figure or a date the others lack: it was found for a name alone.
        bound = {term for term, (_, near) in wanted.items() if near}
        figures = {term for term in bound if any(c.isdigit() for c in term) or term in DATE_WORDS}
        names = [term for term in bound - figures if term not in self.people]
        if names and len(chosen) < MOST_EVIDENCE + 1:
            holding = [
                (sum(term in self._sentence_terms[index] for term in wanted), -index)
                for index in range(len(self.sentences))
                if self.reader_facing[index]
                and index not in chosen
                and any(term in self._sentence_terms[index] for term in names)
                and self._sentence_terms[index].isdisjoint(figures)
            ]
            if holding:
                chosen.append(-max(holding)[1])
        # A figure or a date no chosen sentence gives beside the claim's words ("a 1993 battle" for "1993
        # dragging") is looked for once more: in a sentence that gives it with FIGURE_COMPANY more of the claim's
        # words, the most such first.
        missing = {term for term in figures if term in wanted}
        if missing and len(chosen) < MOST_EVIDENCE + 1:
            others = claim_terms - missing
            holding = [
                (len(others & self._sentence_terms[index]), -index)
                for index in range(len(self.sentences))
                if self.reader_facing[index]
                and index not in chosen
                and missing <= self._sentence_terms[index]
            ]
            if holding and max(holding)[0] >= FIGURE_COMPANY:
                chosen.append(-max(holding)[1])
        return sorted(chosen)

    def _covers(self, index: int, wanted: dict[str, tuple[float, frozenset[str]]]) -> set[str]:
        """The wanted terms a sentence holds; a name or number only with one of its claim neighbours near it."""
        terms = self._sentence_terms[index]
        if terms.isdisjoint(wanted):
            return set()
        found = {term for term, (_, neighbours) in wanted.items() if term in terms and not neighbours}
        bound = [term for term, (_, neighbours) in wanted.items() if term in terms and neighbours]
        if bound:
            sequence = self._sentence_sequences[index]
            for term in bound:
                near = wanted[term][1]
                if any(
                    near & set(sequence[max(at - EVIDENCE_WINDOW, 0) : at + EVIDENCE_WINDOW + 1])
                    for at, word in enumerate(sequence)
                    if word == term
                ):
                    found.add(term)
        return found

    def line_problem(self, line: str) -> str | None:
        """A headline or one-line summary, which cites nothing: checked against the sentences that hold its words."""
        if self.title is not None and _cut_from(_normal(line), self.title):
            return None  # the article's own headline, or a cut of it, is what the article says
        evidence = self.best_evidence(line)
        source = next((i for i in evidence if _cut_from(_normal(line), self.sentences[i])), None)
        return self.problem(line, [source] if source is not None else evidence)

    def problem(
        self, claim: str, evidence: Sequence[int], limits: entailment.Limits | None = None
    ) -> str | None:
        """Everything a takeaway must pass, first failure only (each claim and citation checked once)."""
        key = (claim, tuple(evidence), limits)
        if key not in self._checked:
            self._checked[key] = self._problem(claim, evidence, limits)
        return self._checked[key]

    def reading(self, claim: str, evidence: Sequence[int]) -> entailment.Reading | None:
        """A certain failure, or what the model weighs; None for a reader-facing sentence cited as itself."""
        single = (
            len(evidence) == 1 and 0 <= evidence[0] < len(self.sentences) and self.reader_facing[evidence[0]]
        )
        if single and _normal(claim) == self.sentences[evidence[0]]:
            return None  # a reader-facing sentence says what it says
        named = self._named_opening(claim, evidence[0]) if single else None
        if named is not None and _normal(claim) == named:
            return None  # the sentence as the extractive engine names its "He" or "The 31-year-old"
        if single and (named is not None or self._cut(claim, evidence[0])):
            sentence = named or self.sentences[evidence[0]]
            # A cut adds no word, name or number: what it leaves out is checked for certain, how it joins by the model.
            dropped = entailment.cut_problem(claim, sentence)
            if dropped:
                return entailment.Reading(dropped)
            reading = entailment.read(claim, [sentence], self._context(evidence), self.text)
            return replace(reading, kind="cut") if reading.certain is None else reading
        certain = (
            self.unsupported(claim)
            or self._citation_problem(evidence)
            or self._referent_problem(claim, evidence)
        )
        if certain:
            return entailment.Reading(certain)
        return entailment.read(claim, self._cited(evidence), self._context(evidence), self.text)

    def _named_opening(self, claim: str, index: int) -> str | None:
        """The cited sentence as the extractive engine named its opening ("He", "The 31-year-old", "The
        third seed"), when the statement is that sentence or a cut of it; otherwise None.

        Only the engine's own lines are read so (``named_sentences``): it names the one person its rules
        allow. Read as a paraphrase, a four-word age swapped for a surname looks like new words to the
        model; a name anyone else puts in ("Price said" for "She said") is read as a paraphrase.
        """
        named = self._named_sentences.get(index)
        if named is None:
            return None
        text = _normal(claim)
        return named if text == named or _cut_from(text, named) else None

    def _problem(self, claim: str, evidence: Sequence[int], limits: entailment.Limits | None) -> str | None:
        model = None if limits is not None else self._models or grounding_model.load()
        if model is None:
            return self._rules_problem(claim, evidence, limits)
        reading = self.reading(claim, evidence)
        return None if reading is None else entailment.decide(reading, model)

    def _cut(self, claim: str, index: int) -> bool:
        """A piece of the sentence that keeps its quotation marks (dropping them turns a speaker's words into
        the article's, which needs the full check)."""
        sentence = self.sentences[index]
        return _cut_from(_normal(claim), sentence) and _normal(claim).count('"') == sentence.count('"')

    def _rules_problem(
        self, claim: str, evidence: Sequence[int], limits: entailment.Limits | None
    ) -> str | None:
        """The check as it was before its model: every rule decides, and a cut is checked for what it drops."""
        single = (
            len(evidence) == 1 and 0 <= evidence[0] < len(self.sentences) and self.reader_facing[evidence[0]]
        )
        if single and _normal(claim) == self.sentences[evidence[0]]:
            return None
        named = self._named_opening(claim, evidence[0]) if single else None
        if named is not None and _normal(claim) == named:
            return None
        if single and (named is not None or self._cut(claim, evidence[0])):
            return entailment.cut_problem(claim, named or self.sentences[evidence[0]])
        limits = limits or entailment.Limits()
        return (
            self.unsupported(claim, limits)
            or self.evidence_problem(claim, evidence, limits)
            or self._referent_problem(claim, evidence)
        )

    @cached_property
    def people_named(self) -> list[str]:
        """The people's names the article gives (``entities.find_entities``), in full."""
        found = find_entities(list(self._stated), limit=PEOPLE_LOOKED_AT)
        return [entity.name for entity in found if entity.kind == "person"]

    @cached_property
    def people(self) -> set[str]:
        """The stems of the words of the people's names the article gives."""
        return {term for name in self.people_named for term in content_terms(name)}

    def _referent_problem(self, claim: str, evidence: Sequence[int]) -> str | None:
        """A name put for a cited sentence's opening "She" or "The 31-year-old" when the sentences before
        name more than one person it could mean: which of them is the writer's guess, and a quotation or
        an act given to the wrong one is a misattribution the words alone do not show.
        """
        opening = _OPENING_NAME.match(_normal(claim))
        if opening is None or not self.people_named:
            return None
        name = re.sub(r"['’]s$", "", opening.group())
        cited = self._cited(evidence)
        if any(_says_name(sentence, name) for sentence in cited):
            return None
        for index in sorted(set(evidence)):
            referents = opening_referents(self.sentences[index], self.sentences[:index], self.people_named)
            people = _distinct_people(referents or [])
            if len(people) > 1 and any(_same_person(name, person) for person in people):
                return f"puts {name} for a reference that may mean {' or '.join(people)}"
        return None

    def _name_problem(self, claim: str) -> str | None:
        # A name the article writes with other capitals ("the CNN Boardroom Master classes") is the same name.
        recased_runs = {
            match.group()
            for match in _NAME_RUN.finditer(claim)
            if re.search(rf"(?<!\w){re.escape(match.group().lower())}(?!\w)", self.lowered)
        }
        recased = {word for run in recased_runs for word in _WORD.findall(run)}
        for match in _CAPITALISED.finditer(claim):
            if _RANK.match(claim, match.start()):
                continue  # "World No. 3" is a rank, not a name
            opening = _opens_sentence(claim, match.start())
            for part in _WORD.findall(_POSSESSIVE.sub("", match.group())):
                # A capital that only opens a sentence is not a name: any casing in the article, or a
                # common word, will do. Elsewhere a capital must be the article's own.
                lowered = part.lower()
                known = (
                    part in self.words
                    or part in recased
                    or lowered in _HONORIFICS
                    or (lowered in PERSON_TITLES and lowered in self.lower_words)  # "Chairman" for "chairman"
                    or entailment.name_root(part) in self.name_roots
                    or entailment.acronym_in(part, self.text)
                    or (opening and (lowered in self.lower_words or lowered in STOP_WORDS))
                    or (opening and lowered not in self.name_words)  # an ordinary word, checked as a word
                )
                if not known and not part.isdigit():
                    return f"name {part!r} is not in the article"
        # A run is checked as the article would write it; "World No. 3" is a rank, not a name.
        claim = _RANK.sub("number ", entailment.long_forms(claim))
        for match in _NAME_RUN.finditer(claim):
            words = match.group().split()
            opener = _POSSESSIVE.sub("", words[0]).lower()
            if _opens_sentence(claim, match.start()) and (opener in self.plain_words or opener in STOP_WORDS):
                words = words[1:]  # "Police Chief Okafor": a capital that only opens the sentence is no name
            # A full name made of the article's first and last names is still invented; a title before it is not.
            for run in _names_in_run(words):
                # The plural of a name the article gives is the same name ("Rwandan Hutus" for "Rwandan Hutu").
                singular = [*run[:-1], run[-1].removesuffix("s")]
                # "Justice Department" is the "Department of Justice".
                turned = [run[-1], "of", *run[:-1]] if run[-1] in _BODY_HEADS else run
                if (
                    len(run) >= 2
                    and not any(
                        " ".join(part) in self.unpossessive or " ".join(run) in recased_runs
                        for part in (run, run[-2:], singular, singular[-2:], turned)
                    )
                    and not _given_between(run, self.unpossessive)
                ):
                    return f"name {' '.join(run)!r} is not in the article"
        return None


def _claim_terms(claim: str, plain_words: set[str]) -> dict[str, tuple[float, frozenset[str]]]:
    """Each content word of a claim with its weight and, for a name's or a number's, the words the claim
    says it beside (empty for a plain word, which any sentence may cover). A capital opening the claim
    makes a name unless the article writes the word in lower case (``plain_words``)."""
    named = {
        stem(word.lower())
        for match in _CAPITALISED.finditer(claim)
        for word in _WORD.findall(_POSSESSIVE.sub("", match.group()))
        if not _opens_sentence(claim, match.start()) or word.lower() not in plain_words | STOP_WORDS
    }
    sequence = content_terms(claim)
    wanted: dict[str, tuple[float, frozenset[str]]] = {}
    for at, term in enumerate(sequence):
        if term in named or any(char.isdigit() for char in term):
            near = set(sequence[max(at - EVIDENCE_WINDOW, 0) : at + EVIDENCE_WINDOW + 1]) - {term}
            weight, before = wanted.get(term, (NAME_WEIGHT, frozenset()))
            wanted[term] = (weight, before | near)
        else:
            wanted.setdefault(term, (1.0, frozenset()))
    return wanted


_TITLE_WORDS = "|".join(sorted(PERSON_TITLES, key=len, reverse=True))


def _given_between(run: Sequence[str], text: str) -> bool:
    """Whether the text has the run's words as one name with given names, initials or a role between them:
    "Foreign Minister Kouchner" for "Foreign Minister Bernard Kouchner", "Trent Thomas" for "Trent D. Thomas",
    "Brazilian Kaka" for "Brazilian midfielder Kaka". Words of two names the text gives apart ("Rowan Ilves",
    "Pia Stromberg") are not one name."""
    between = rf"(?:\s+(?:[A-Z][\w'.-]*|{_TITLE_WORDS})){{0,2}}\s+"
    return bool(re.search(r"(?<![\w'])" + between.join(re.escape(word) for word in run) + r"(?![\w'])", text))


def _says_name(sentence: str, name: str) -> bool:
    """Whether the sentence gives the name, in full or any word of it ("Price" for "Ines Price")."""
    return any(re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", sentence) for word in name.split())


def _same_person(name: str, person: str) -> bool:
    """Whether a statement's "Price" or "Ines Price" is the article's "Ines Price" ("Cassandra" its
    "Cassandra C.")."""
    words, others = name.split(), person.split()
    shorter, longer = sorted((words, others), key=len)
    return words[-1] == others[-1] or longer[: len(shorter)] == shorter


def _distinct_people(names: Sequence[str]) -> list[str]:
    """The names with each person once, by the fullest name given ("Abraham Lincoln", not "Lincoln" too)."""
    distinct: list[str] = []
    for name in sorted(names, key=lambda n: -len(n.split())):
        if not any(_same_person(name, kept) for kept in distinct):
            distinct.append(name)
    return distinct


def _names_in_run(words: Sequence[str]) -> list[list[str]]:
    """A run of capitalised words split where one name ends: after a possessive ("Milan's Brazilian
    goalkeeper") and at a weekday or month ("in London Friday")."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word.lower() in DATE_WORDS:
            runs.append([])
            continue
        runs[-1].append(_POSSESSIVE_MARK.sub("", word))
        if _POSSESSIVE_MARK.search(word):
            runs.append([])
    return [run for run in runs if run]


def verified_extract(
    summary: TakeawaySummary,
    sentences: Sequence[str],
    title: str | None,
    *,
    max_chars: int = 600,
    named_sentences: Mapping[int, str] | None = None,
) -> TakeawaySummary:
    """An extractive summary whose every cut still says what its sentence says, and ``grounded`` set.

    Cutting can drop what a sentence depends on ("not", "may", "unless ..."): a takeaway or
    summary line that its own sentence no longer entails is replaced by the whole sentence,
    unless that is longer than ``max_chars`` (then the cut stays, and ``grounded`` is false).
    ``named_sentences`` holds the sentences whose opening the engine gave a name, as it named them.
    """
    # Only the sentences the lines come from and the few before each (what "she" may refer to) are read:
    # the others are blanked, so indexes stay, and a long article costs what its lead does.
    cited = {index for takeaway in summary.takeaways for index in takeaway.evidence}
    needed = {i for index in cited for i in range(max(index - CONTEXT_SENTENCES, 0), index + 1)}
    sentences = [s if i in needed else "" for i, s in enumerate(sentences[: max(needed, default=0) + 1])]
    facts = ArticleFacts(sentences, title, named_sentences=named_sentences)
    takeaways = []
    for takeaway in summary.takeaways:
        whole = sentences[takeaway.evidence[0]] if len(takeaway.evidence) == 1 else ""
        if whole and len(whole) <= max_chars and facts.problem(takeaway.text, takeaway.evidence):
            takeaway = Takeaway(text=whole, evidence=takeaway.evidence)
        takeaways.append(takeaway)
    line = summary.summary
    if facts.line_problem(line):
        source = next((s for s in sentences if _cut_from(line, s)), "")
        line = source if source and len(source) <= max_chars else line
    checked = replace(summary, takeaways=takeaways, summary=line)
    return replace(checked, grounded=all_verified(checked, facts))


def all_verified(summary: TakeawaySummary, facts: ArticleFacts) -> bool:
    """Whether every line an alert shows (headline, summary, each takeaway) passes the check."""
    return (
        facts.line_problem(summary.headline) is None
        and facts.line_problem(summary.summary) is None
        and all(facts.problem(t.text, t.evidence) is None for t in summary.takeaways)
    )


def _cut_from(cut: str, sentence: str) -> bool:
    """Whether a trimmed line is a piece of the sentence (its words in the sentence, in order)."""
    words = iter(_WORD.findall(sentence.lower()))
    return all(word in words for word in _WORD.findall(cut.lower()))


def check_takeaways(facts: ArticleFacts, claims: Sequence[tuple[str, Sequence[int]]]) -> GroundingResult:
    """Keep the claims that pass every check; record why each other one failed."""
    kept: list[int] = []
    problems: dict[int, str] = {}
    for position, (text, evidence) in enumerate(claims):
        problem = facts.problem(text, evidence)
        if problem:
            problems[position] = problem
        else:
            kept.append(position)
    return GroundingResult(kept, problems)


def _normal(text: str) -> str:
    return " ".join(text.translate(_QUOTE_MARKS).split())


def _quotations(text: str) -> list[str]:
    return _DOUBLE_QUOTED.findall(text) + _SINGLE_QUOTED.findall(text)


def _has_negation(text: str) -> bool:
    text = _RANK.sub("number ", text)  # "World No. 3" negates nothing
    return any(word in _NEGATIONS for word in re.findall(r"[a-z]+(?:'t)?", text.lower()))


def _speaks_first_person(text: str) -> bool:
    return bool(_FIRST_PERSON.search(_DOUBLE_QUOTED.sub("", _SINGLE_QUOTED.sub("", text))))


def _opens_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    if _TITLE_ABBREVIATION.search(before):
        return False  # "Sen. Lindsey Graham": the full stop ends a title, not a sentence
    return not before or before.endswith(_SENTENCE_OPENERS)


_TITLE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:" + "|".join(sorted(CONTINUING_ABBREVIATIONS)) + r")\.$", re.IGNORECASE
)
