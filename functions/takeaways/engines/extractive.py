"""The built-in engine: picks the article's most central early sentences and trims them to takeaways.

News puts what matters first, so position is the strongest signal. Centrality is
position-aware (after PACSUM, Zheng and Lapata 2019): a sentence whose words the rest of
the article goes on to elaborate is central; one that only repeats what came before is
not. It is computed in linear time from running sums of sentence vectors, so a 1 MB
article costs about a hundred 10 KB ones. The way a sentence is written counts too:
questions, quotations, sentences addressed to the reader or told in the first person,
and fragments rarely state the news; sentences with numbers often do. A takeaway is
read line by line, so past ten words a sentence is ranked per word: a long-winded
sentence gives way to a short one that says the same (the summary keeps the plain rank).
Takeaways are then chosen one at a time for the story's words they add per word read: two, and a
third when it is short or adds about as much of the story as each line before it did.

Selected sentences are trimmed only by cutting (leading connectives, attributions,
parentheticals, trailing elaborations, then clauses up to a word budget), so every
takeaway is a piece of one article sentence and its evidence is that sentence's index.
No randomness anywhere: the same article gives the same summary.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from takeaways.article.model import Article
from takeaways.engines.entailment import dropped_qualifier, normal
from takeaways.engines.grounding import verified_extract
from takeaways.engines.headline import (
    HEADLINE_CHARS,
    demonstrative_nouns,
    ends_at_a_boundary,
    fitting_compressions,
    headline_options,
    headline_reads_complete,
    lede_compressions,
    quotes_an_unnamed_speaker,
)
from takeaways.engines.standalone import (
    IMPERSONAL_IT,
    PERSON_NOUNS,
    introduce_bodies,
    introduce_people,
    introduced_from,
    is_complete_sentence,
    named_description,
    names_its_subject,
    reads_as_statement,
    stands_alone,
    thing_introduced,
    unintroduced_surname,
    unnamed_role,
    unnamed_thing,
    with_referent,
)
from takeaways.summary import MAX_TAKEAWAYS, SAME_FACT_SHARE, Takeaway, TakeawaySummary, summary_adds
from takeaways.text.entities import ENTITY_SENTENCES, MAX_ENTITIES, PLACES, find_entities
from takeaways.text.grammar import (
    is_clause,
    is_fact_box_line,
    lacks_a_subject,
    lone_subordinate_clause,
    main_verb_words,
    opens_with_subject,
    resumes_with_verb,
    subordinate_clause_only,
    verbless_main_clause,
)
from takeaways.text.language import UNDETERMINED, function_words, likeliest_language
from takeaways.text.sentences import article_sentences
from takeaways.text.topics import article_topics
from takeaways.text.words import (
    AUXILIARY_PATTERN,
    CALENDAR_MONTHS,
    CONTRASTS,
    DANGLING_WORDS,
    HEDGES,
    NEGATIONS,
    READER_ADDRESSES,
    SPEECH_VERBS,
    STOP_WORDS,
    WEEKDAYS,
    inside_quotation,
    stem,
)

MAX_TAKEAWAY_WORDS = 25
MAX_CHARS_PER_WORD = 12  # with the word limit, a bound on characters for text without spaces
SUMMARY_WORDS = 25
MIN_SENTENCE_WORDS = 6
_WHOLE_FACTOR = 1.5  # a sentence without a safe cut is kept whole up to this many times the word budget
HEADLINE_CONTEXT_CHARS = 20_000  # where a surname used alone is looked for
_LONGEST_QUOTATION = 4  # sentences
_HEADLINE_TRIES = 6  # statements tried, best first, for a headline that is a complete clause
_LEDE_WINDOW = 5  # the opening sentences the summary's lede is looked for in, in article order
_WHOLE_LEDE_WORDS = 50  # the longest lede the summary carries whole rather than cut
_HEADLINE_SOURCE_WORDS = 60  # what a headline is compressed from: the lead without its attribution and asides
_POOL = 12  # the best lines takeaways are chosen among
_LENGTH_SMOOTHING = (
    10  # words added to the alert's length, so that a short line is not taken for its density alone
)
_SHORT_LINE_WORDS = 8  # a further takeaway this short costs the reader little: the share rule spares it
_RANK_SHARE = 0.01  # how much a line's own rank counts beside what it adds to the alert

STYLE_WEIGHTS: dict[str, float] = {
    "fragment": 0.3,  # under MIN_SENTENCE_WORDS words
    "brief": 0.6,  # under ten words
    "question": 0.3,
    "quote": 0.6,  # opens with a quotation
    "you": 0.6,  # addressed to the reader
    "first_person": 0.75,
    "pronoun": 0.85,  # opens with a pronoun that points to an earlier sentence
    "connective": 0.9,  # opens with "But", "And", ...
    "number": 1.15,  # figures, dates, counts: the specifics highlights keep
}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_PLAIN_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # a word as overlap with a summary counts it: "don't" is two
_QUOTES = frozenset("\"“‘'")
_SECOND_PERSON = frozenset("you you're you've you'd you'll your yours yourself".split())
_FIRST_PERSON = frozenset(
    "i i'm i've i'd i'll we we're we've my our ours me myself".split()
)  # not "us": the U.S.
_PRONOUN_START = re.compile(r"[\"“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Their|Its)\b")
_CONNECTIVE_START = re.compile(r"(?:But|And|However|So|Yet|Still|Or)\b")
_NUMBER = re.compile(r"\d")
_DIGIT_FREE_WORD = re.compile(r"[^\W\d_]{2,}")

_LEADING_CONNECTIVE = re.compile(
    # "So far", "So many" and "Now 12" open statements, not a link to the sentence before; and what is left
    # must open on a word ("Now - thanks to volunteers - the canal..." keeps its "Now"). "Instead" and
    # "Similarly" stay: a line opening on them compares with what came before (standalone.py turns it away).
    # "In addition to the deaths, ..." opens on a phrase of its own: without "In addition" it reads "To the deaths".
    r"^(?:(?:but|and|however|meanwhile|still|also|so(?!\s+(?:far|much|many|long|few|little)\b)|yet|now(?!\s+\d)|"
    r"moreover|furthermore|in addition(?!\s+to\b)|additionally|indeed|separately|overall)\b,?"
    # The writer's comment on what follows ("Intriguingly, Dempsey still has a year left"), with its comma.
    r"|(?:interestingly|intriguingly|notably|ironically|surprisingly|unsurprisingly|curiously|tellingly"
    r"|remarkably|strikingly|crucially|importantly|significantly|incidentally|predictably"
    # An order of telling, not a time the line is bound to ("To start, protesters say ...").
    r"|to start(?: with)?|to begin with|for starters),)\s+(?=[\w\"“‘(])",
    re.IGNORECASE,
)
_TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:[\w.'’-]+\s+){0,6}?(?:said|says|told [\w ]{1,30}|added|reported|announced|according to [^,]{1,60})"
    r"(?:\s+(?:on|in|last|this)\s+[\w ]{1,20})?\s*(?P<end>[.!?])[\"'”’]?$",
)
# A trailing participle phrase elaborates what the sentence has already said.
_TRAILING_ELABORATION = re.compile(
    r",\s+(?:citing|saying|adding|noting|calling|prompting|according to)\b[^\"“”]*(?P<end>[.!?])$"
)
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,80}\)")
_CLAUSE_BREAK = re.compile(
    r",\s+(?:which|who|whose|while|although|though|as|after|before|because|but|where|when|and|with|including)\s"
    r"|;\s|:\s|\s(?:--|—|–|-)\s"
)
_DASHES = frozenset({"--", "—", "–", "-"})
_SPACED_DASH = re.compile(r"\s(?:--|—|–|-)\s")  # BBC copy sets its dashes as a spaced hyphen
# A verb of saying whose words come after the cut: "but he added: ..." cut at the colon says nothing.
_SPEECH_INTRODUCED = re.compile(
    rf"\b(?:{'|'.join(sorted(SPEECH_VERBS - {'told'}))}|told\s+\w+)\s*$", re.IGNORECASE
)
# A subordinate clause that opens a clause ("and although there was evidence to prosecute") and is
# still open where a cut would fall: its main clause, the news, would be cut away.
_OPEN_SUBORDINATE = re.compile(
    r"""(?:^|[,;:]\s*|\b(?:and|but)\s+|["“‘']\s*)(?:although|though|even\s+though|even\s+if|if|unless|while"""
    r"""|whereas|because|since|when|once|until)\b[^,;:]*$""",
    re.IGNORECASE,
)
_RELATIVE_START = re.compile(r",\s+(?:which|who|whose)\s")
_RESUMED = re.compile(r",\s+(?P<word>[a-z][\w'’-]*)")
# After a relative clause's closing comma, these start something new rather than the clause's predicate.
_NOT_RESUMING = frozenset(
    "and but or while as with including which who whose where when after before because although though "
    "according saying adding".split()
)
# What a cut must never drop (see _safe_to_drop): a contrast, or a "while" clause, which the trimmer cannot
# tell from a time clause and so keeps.
_CONTRAST = CONTRASTS | {"while"}
_NEGATION = NEGATIONS
_OPINION_MODALS = frozenset("would could might should must".split())  # what a claim of what would happen says
_QUALIFIER_STARTS = frozenset(
    "since until till from between during for this last next over up only at almost nearly about".split()
)
_SHORT_TAIL_WORDS = 5
_NUMBER_TAIL_WORDS = 9
# "Pugh, a convert who served from 1986 to 1990, was arrested": a cut before "was" would leave no verb,
# and taking out what lies between the commas keeps the news.
_PREDICATE_START = re.compile(AUXILIARY_PATTERN)
_APPOSITIVE_AFTER_SUBJECT = re.compile(
    r"^(?P<subject>[^,\"“”]{2,60}?),\s+(?:a|an|the|who|which|whose)\s[^,\"“”]+,\s+(?="
    + _PREDICATE_START.pattern
    + ")"
)
# Text addressed to a summariser rather than to readers, links, an opinion piece's disclaimer and the
# newsroom's notes on its own reporting ("CNN could not independently verify the video": which video, a
# takeaway cannot say; "CNN is reaching out to her") never become takeaways.
_NOT_FOR_READERS = re.compile(
    r"^(?:CNN|The BBC|BBC News|The Associated Press|Reuters|AFP)\b[^.,;]{0,20}?\b(?:could not|couldn['’]t|cannot|"
    r"(?:has|have|was|were) (?:not been able|been unable|unable|not able)(?: to)?)\s+(?:immediately\s+|independently\s+)*"
    r"(?:be reached|confirm|verify|reach|contact|obtain)\b|"
    r"^(?:CNN|The BBC|BBC News|The Associated Press|Reuters|AFP)\b (?:is |has |was |had )?(?:reaching|reached) out\b|"
    r"https?://|www\.|\b(?:views|opinions) expressed (?:here |in this [a-z]+ )?are (?:solely )?"
    r"(?:those of the (?:author|writer)|(?:the author|the writer|my|his|her|their)(?:['’]s)? own)|\b(?:ignore|disregard|forget) (?:all |any )?(?:the )?(?:previous|prior|above|earlier) "
    r"(?:instructions|prompts?|rules)|\byou are now\b|\b(?:system|developer) prompt\b|"
    r"\b(?:as an? )?(?:ai|language model|assistant|summari[sz]er)\b[^.]{0,40}\b(?:must|should|will)\b",
    re.IGNORECASE,
)
_NOT_FOR_READERS_HINTS = (
    "confirm",
    "verify",
    "reach",
    "contact",
    "obtain",
    "expressed",
    "http",
    "www.",
    "ignore",
    "disregard",
    "forget",
    "you are now",
    "prompt",
    "model",
    "assistant",
    "summari",
    " ai ",
)


@dataclass(frozen=True, slots=True)
class _Line:
    """A sentence made ready for the alert: trimmed, its referent named, with its content terms."""

    index: int
    text: str
    terms: frozenset[str]
    sentence: str  # before trimming, its referent named: what the summary line is cut from


class _Lazy:
    """Lines made on demand and kept, so that reading them twice (headline, then takeaways) makes each once."""

    def __init__(self, source: Iterator[_Line]) -> None:
        self._source = source
        self._made: list[_Line] = []

    def __iter__(self) -> Iterator[_Line]:
        position = 0
        while True:
            if position == len(self._made):
                line = next(self._source, None)
                if line is None:
                    return
                self._made.append(line)
            yield self._made[position]
            position += 1

    def first(self) -> _Line | None:
        return next(iter(self), None)


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int
    text: str
    terms: frozenset[str]
    score: float


class _Spread:
    """How likely each content word of the article is to be one of the story's: the more sentences use it, and
    the earlier it first appears, the likelier. Against human summaries of CNN and BBC articles, a content word
    in six or more of the first thirty sentences is in the summary half the time or more, one used once about
    one time in twenty-five. Small words ("the", "of") are left out: every sentence has them, none is news.
    """

    def __init__(self, sentences: list[str]) -> None:
        frequency: Counter[str] = Counter()
        first: dict[str, int] = {}
        for index, sentence in enumerate(sentences):
            words = set(_overlap_words(sentence))
            frequency.update(words)
            for word in words:
                first.setdefault(word, index)
        self._likelihood: dict[str, float] = {
            word: min(0.95, 0.1 * float(min(count, 8)) ** 0.9 * float(first[word] + 1) ** -0.3)
            for word, count in frequency.items()
        }

    def value(self, words: set[str]) -> float:
        return sum(self._likelihood.get(word, 0.0) for word in words)


def _overlap_words(text: str) -> list[str]:
    return [word for word in _PLAIN_WORD.findall(text.lower()) if word not in STOP_WORDS]


@lru_cache(maxsize=65_536)
def _term(token: str) -> str:
    """The stem a token contributes to scoring, or '' for a stop word: one bounded cached lookup per token."""
    return "" if token in STOP_WORDS or len(token) < 2 else stem(token)


def _line_terms(text: str) -> frozenset[str]:
    return frozenset(_terms(text))


def _terms(sentence: str) -> list[str]:
    return [term for token in _WORD.findall(sentence.lower()) if (term := _term(token))]


class ExtractiveEngine:
    """Position-aware centrality, style priors and redundancy control; deterministic and model-free.

    Three takeaways, as the product promises; ``min_takeaways=2`` sends a third only when it is short
    or brings at least ``extra_line_share`` of the story's words each line so far brought on average.
    That scores higher ROUGE on real news (the first two sentences outscore the first three) but loses
    a key fact in some alerts (docs/benchmarks.md), so it is not the default.
    """

    name = "extractive"

    def __init__(
        self,
        *,
        max_takeaways: int = 3,
        max_words: int = MAX_TAKEAWAY_WORDS,
        position_decay: float = 0.7,
        centrality_weight: float = 0.7,
        centrality_window: int = 30,
        forward_weight: float = 1.0,
        backward_weight: float = -0.5,
        title_weight: float = 0.4,
        length_pivot: int = 10,
        redundancy_limit: float = 0.4,
        min_takeaways: int = 3,
        extra_line_share: float = 0.8,
        style_weights: dict[str, float] | None = None,
    ) -> None:
        if not 1 <= max_takeaways <= MAX_TAKEAWAYS:
            raise ValueError(f"need 1 <= max_takeaways <= {MAX_TAKEAWAYS}")
        if min_takeaways < 1:
            raise ValueError("need min_takeaways >= 1")
        if max_words < 8:
            raise ValueError("max_words below 8 leaves no room for a statement")
        if length_pivot < 1:
            raise ValueError("need length_pivot >= 1")
        self.max_takeaways = max_takeaways
        self.max_words = max_words
        self.position_decay = position_decay
        self.centrality_weight = centrality_weight
        self.centrality_window = centrality_window
        self.forward_weight = forward_weight
        self.backward_weight = backward_weight
        self.title_weight = title_weight
        self.length_pivot = length_pivot
        self.redundancy_limit = redundancy_limit
        self.min_takeaways = min(min_takeaways, max_takeaways)
        self.extra_line_share = extra_line_share
        self.style_weights = {**STYLE_WEIGHTS, **(style_weights or {})}

    def summarise(self, article: Article) -> TakeawaySummary:
        sentences = article_sentences(article)
        window = sentences[: self.centrality_window]
        token_lists = [_WORD.findall(sentence.lower()) for sentence in window]
        foreign = function_words(article.language)  # English stop words are built into _term
        term_lists = [
            [term for token in tokens if token not in foreign and (term := _term(token))]
            for tokens in token_lists
        ]
        title_terms = _terms(article.title) if article.title else []
        candidates = self._candidates(window, token_lists, term_lists, frozenset(title_terms))
        # Everyone the opening names, not only the alert's few entities: a name put for "The England centre,
        # 24," must be the one person it can mean, and the one left off the list may be that person.
        opening_names = find_entities(sentences[:ENTITY_SENTENCES], limit=_CAST_LIMIT)
        entities = opening_names[:MAX_ENTITIES]
        people = [entity.name for entity in opening_names if entity.kind == "person"]
        known = [entity.name for entity in opening_names]
        cast = people_of_the_window(window, people)
        names = _name_words(window, people)
        ranked = sorted(candidates, key=lambda c: (-c.score, c.index))
        english = article.language == "en" or (
            article.language == UNDETERMINED and likeliest_language(article.body) == "en"
        )
        quoted = _inside_quotations(window)
        made: dict[int, _Line | None] = {}

        def line_of(candidate: _Candidate) -> _Line | None:
            if candidate.index not in made:
                made[candidate.index] = (
                    None if quoted[candidate.index] else self._line(candidate, window, people, known, english)
                )
            return made[candidate.index]

        lines = _Lazy(line for c in ranked if (line := line_of(c)) is not None)
        # Lines are made best first and only as far as they are read: most articles need five or six.
        # The summary, and the headline cut from it, is the article's lede: the first opening sentence that
        # states what happened (news is written top down; the most central sentence is often background).
        # Without one, the best-ranked statement.
        opening = (c for c in sorted(candidates, key=lambda c: c.index) if c.index < _LEDE_WINDOW)
        lede_indices: set[int] = set()

        def ledes() -> Iterator[_Line]:
            # A first lede that states background ("X worked for a charity", "The pipes are old") gives way to
            # an event sentence right after it ("The 40-year-old pleaded guilty"): that is the news.
            found = opening_ledes()
            first = next(found, None)
            if first is None:
                return
            if not english or not _states_background(first.sentence):
                yield first
                yield from found
                return
            near: list[_Line] = []
            for line in found:
                near.append(line)
                if line.index - first.index >= _EVENT_REACH:
                    break
            event = next(
                (
                    line
                    for line in near
                    if line.index - first.index <= _EVENT_REACH and _reports_an_event(line.sentence)
                ),
                None,
            )
            yield from [event] if event is not None else []
            yield first
            yield from (line for line in near if line is not event)
            yield from found

        def opening_ledes() -> Iterator[_Line]:
            for candidate in opening:
                # A lede too long to be a takeaway is still the lede: the summary may carry it whole.
                line = line_of(candidate) or (
                    None
                    if quoted[candidate.index]
                    else self._long_lede(candidate, window, people, known, english)
                )
                if line is not None and (
                    not english
                    or (
                        _states_the_news(line.text)
                        and _reads_as_lede(line, article.title, names)
                        and names_its_subject(line.text, window[: line.index])
                    )
                ):
                    lede_indices.add(line.index)
                    yield line

        ranked_statements = (
            line
            for line in lines
            if not english
            or (_states_the_news(line.text) and names_its_subject(line.text, window[: line.index]))
        )
        statements = _Lazy(_distinct_lines(itertools.chain(ledes(), ranked_statements)))
        best = statements.first()
        if best is None:
            best = lines.first() or _Line(0, trim(sentences[0], self.max_words), frozenset(), sentences[0])
            statements = _Lazy(iter([best]))
        if article.title:
            lead, headline = best, article.title
        else:
            lead, headline = self._headline(statements, lede_indices, people, article.body, foreign, english)
        summary = trim(lead.sentence, SUMMARY_WORDS)
        if summary.rstrip("\"'”’)").endswith("…") and _whole_lede_fits(lead.sentence):
            summary = (
                lead.sentence
            )  # a lede cut mid-clause loses what happened; whole, it is one long sentence
        # Takeaways are ranked per word past the pivot: a reader pays for every word of a line, and a long
        # sentence that says what a short one says is the worse takeaway. The summary keeps the plain rank.
        weights = {
            c.index: c.score * min(1.0, self.length_pivot / len(token_lists[c.index])) for c in candidates
        }
        top = max(weights.values(), default=0.0) or 1.0
        weights = {index: weight / top for index, weight in weights.items()}
        by_weight = sorted(candidates, key=lambda c: (-weights[c.index], c.index))
        topics = article_topics(article.body, headline=article.title or "")
        # The check puts back the whole sentence of a line it cannot verify, and with it the "He" or "His"
        # a name had replaced: such a line no longer stands alone, so the takeaways are chosen once more
        # without it, and a line still pointing back after that goes, unless it is the only one.
        unusable: set[int] = set()

        def named(alert: TakeawaySummary) -> TakeawaySummary:
            # A headline of our making calls its subject by the full name (after the lines are introduced, so
            # the summary still names the person in full too).
            if not english or article.title:
                return alert
            return replace(alert, headline=_named_in_full(alert.headline, people, sentences))

        for _ in range(2):
            takeaway_lines = _Lazy(
                line for c in by_weight if c.index not in unusable and (line := line_of(c)) is not None
            )
            takeaways = self._takeaways(
                lead, takeaway_lines, headline, window, weights, names, (cast, "\n".join(sentences))
            )
            verified = verified_extract(
                TakeawaySummary(
                    headline=headline,
                    summary=summary,
                    takeaways=[Takeaway(text=line.text, evidence=[line.index]) for line in takeaways],
                    entities=entities,
                    topics=topics,
                    language=article.language,
                    engine=self.name,
                ),
                sentences,
                article.title,
                max_chars=2 * self.max_words * MAX_CHARS_PER_WORD,
                named_sentences={
                    line.index: line.sentence
                    for line in [lead, *takeaways]
                    if line.sentence != sentences[line.index]
                },
            )
            pointing_back = {
                t.evidence[0]
                for line, t in zip(takeaways, verified.takeaways, strict=True)
                if english
                and (
                    not stands_alone(_without_connective(t.text))
                    # the whole sentence put back undoes a name put in for a pronoun inside it
                    or (t.text != line.text and line.sentence != sentences[line.index])
                )
            }
            if not pointing_back:
                return named(_introducing_people(verified, cast, sentences))
            unusable |= pointing_back
        alone = [t for t in verified.takeaways if stands_alone(_without_connective(t.text))]
        return named(
            _introducing_people(replace(verified, takeaways=alone) if alone else verified, cast, sentences)
        )

    def _line(
        self, candidate: _Candidate, window: list[str], people: list[str], known: list[str], english: bool
    ) -> _Line | None:
        """The candidate as a line a reader can take on its own, or None when it cannot be one.

        Links and text addressed to a summariser never are; nor is a piece of a quotation, except the
        first sentence of one that names its speaker; a sentence that points back
        ("He", "The 31-year-old") is one only once the person it means is named. The
        pronoun and verb rules are English; other languages keep whole sentences of their own.
        """
        if _not_for_readers(candidate.text):
            return None
        sentence = candidate.text if _quotes_balanced(candidate.text) else _attributed_opening(candidate.text)
        if sentence is None:
            return None  # an open or closing quotation mark: a piece of a longer quotation, its speaker elsewhere
        if sentence.rstrip("\"'”’)").endswith("?"):
            return None  # "What are the key legal questions?": a question, in any language, states no fact
        if _page_leftover(sentence) or _bare_quotation(sentence):
            return None  # "anything goes: ." or "People we've lost in 2015 ."; a quotation nobody is said to have said
        if english and (_FIRST_PERSON_OPENING.match(sentence) or _in_own_voice(sentence)):
            # "I would prefer to play badly": a speaker's words with the quotation marks lost; in a column,
            # "I remember the day I stopped praying" or "A year ago, I rose each morning" is the author's, whom
            # the alert never names (dev-set and panel readers counted both as lines they could not place).
            return None
        if english and candidate.index == 0:
            # "The 14-time major champion ... missed the cut": a first sentence that names its subject only
            # later (copy whose standfirst was cut off) is the news; it is given the name the article keeps using.
            sentence = named_description(sentence, people, "\n".join(window), first=True) or sentence
        resolved = with_referent(sentence, window[: candidate.index], people, known) if english else sentence
        opened = _without_connective(sentence)  # "And he said ..." points back as much as "He said ..."
        if resolved is not None and english and opened != sentence:
            named = with_referent(opened, window[: candidate.index], people, known)
            resolved = None if named is None else (resolved if named == opened else named)
        if resolved is None:
            return None
        text = trim(resolved, self.max_words)
        cut = text.rstrip("\"'”’)").endswith("…")  # 'the White House stated that "leaders…"' too
        if cut or len(text.split()) < MIN_SENTENCE_WORDS or not _DIGIT_FREE_WORD.search(text):
            return None  # cut mid-sentence, a fragment, or figures without words ("4.2")
        if english and (
            not reads_as_statement(text)
            or lone_subordinate_clause(text)
            or lacks_a_subject(text)
            or is_fact_box_line(text)
        ):
            return (
                None  # a teaser, a list of names, a table's row or a lone subordinate clause: no fact alone
            )
        return _Line(candidate.index, text, _line_terms(text), resolved)

    def _long_lede(
        self, candidate: _Candidate, window: list[str], people: list[str], known: list[str], english: bool
    ) -> _Line | None:
        """An opening sentence that ``_line`` turned away only because no cut of it is short enough."""
        if len(candidate.text.split()) <= self.max_words or not _whole_lede_fits(candidate.text):
            return None
        if (
            _not_for_readers(candidate.text)
            or not _quotes_balanced(candidate.text)
            or _page_leftover(candidate.text)
        ):
            return None
        resolved = (
            with_referent(candidate.text, window[: candidate.index], people, known)
            if english
            else candidate.text
        )
        if resolved is None or (
            english and (not reads_as_statement(resolved) or lone_subordinate_clause(resolved))
        ):
            return None
        return _Line(candidate.index, resolved, _line_terms(resolved), resolved)

    def _headline(
        self,
        statements: _Lazy,
        ledes: set[int],
        people: list[str],
        body: str,
        foreign: frozenset[str],
        english: bool,
    ) -> tuple[_Line, str]:
        """A headline for the lede (the first statement): the first of its cuts that is a complete clause ending
        where a phrase ends, else a shorter cut of it that is still a clause; failing both, the same from the
        statements after it, which then head the alert above the lede as its most central facts do.

        Each statement offers its compressed form, then, when it fits, the whole sentence, then the
        sentence cut later (``headline_options``): a cut that loses the main verb or stops inside
        a clause is worse than a longer one. English headlines must also pass the tagger's clause
        check (``text.grammar``).
        """
        tried: list[tuple[_Line, str]] = []
        context = body[:HEADLINE_CONTEXT_CHARS]
        # Beyond the lede, a statement of the story's past or future ("Pincher was born in India in 1914") is
        # tried last: it is background, whatever its rank.
        candidates = list(itertools.islice(statements, _HEADLINE_TRIES))
        background = [
            line for line in candidates if line.index not in ledes and _tells_background(line.sentence)
        ]
        for line in [line for line in candidates if line not in background] + background:
            # "The Argentine, 31, revealed ...": the headline names whom the lede describes, when it can.
            sentence = (
                named_description(line.sentence, people, context, first=line.index == 0) if english else None
            )
            sentence = sentence or line.sentence
            source = trim(sentence, _HEADLINE_SOURCE_WORDS)  # without its attribution and asides
            first, *later = headline_options(source, people=people, article_text=context, dangling=foreign)
            whole = " ".join(sentence.split()).rstrip(".")
            options = [first, whole, *later] if len(whole) <= HEADLINE_CHARS else [first, *later]
            if len(first) < len(whole):
                # The cut lost the sentence's end ("..., with sales of $52 million"): a compressed form that
                # keeps it and fits whole says more of the news than the clause cut from it does.
                fuller = fitting_compressions(sentence, people=people, article_text=context, dangling=foreign)
                options = [*(form for form in fuller if _says_more(form, first, whole)), *options]
            # Names are shortened to make room; when a cut with the full name fits and reads whole, it may serve.
            options += headline_options(source, article_text=context, dangling=foreign)
            if _news_follows(first, source):
                # "called 911 after discovering the body": the discovery is news, when the cut keeps enough of it.
                fuller = [option for option in options[1:] if _tells_the_event(option, first)]
                options = [*fuller, *options]
            for headline in dict.fromkeys(options):
                if (
                    headline_reads_complete(headline)
                    and ends_at_a_boundary(headline, source)
                    and (not english or is_clause(headline, sentence))
                    and _keeps_the_meaning(headline, sentence)
                ):
                    return line, headline
            if english and not tried and line.index in ledes:
                # The lede's shorter cut that is still a clause beats another sentence's headline.
                shorter = headline_options(
                    source, people=people, article_text=context, dangling=foreign, shorter=True
                )
                for option in shorter:
                    if (
                        headline_reads_complete(option)
                        and is_clause(option, sentence)
                        and ends_at_a_boundary(option, source)
                        and _keeps_the_meaning(option, sentence)
                    ):
                        return line, option
                # Compressed, the lede may still give the headline, when the summary cut from it reads whole.
                summary = trim(line.sentence, SUMMARY_WORDS).rstrip(".")
                compressed = (
                    _compressed_lede_headline(sentence, people, context, foreign)
                    if is_clause(summary, line.sentence)
                    else None
                )
                if compressed is not None:
                    return line, compressed
            tried.append((line, first))
        # None passes every rule: a shorter cut that reads complete, then a clause that ends awkwardly, beat a
        # fragment, unless the reader cannot tell who is speaking ('"...," he said'); with no such clause, the
        # first statement's headline.
        fallbacks = (
            (line, option)
            for line, _ in tried
            for source in [trim(line.sentence, _HEADLINE_SOURCE_WORDS)]
            for option in headline_options(
                source, people=people, article_text=context, dangling=foreign, shorter=True
            )
            if english
            and headline_reads_complete(option)
            and is_clause(option, line.sentence)
            and ends_at_a_boundary(option, source)
            and _keeps_the_meaning(option, line.sentence)
        )
        clauses = (
            pair
            for pair in tried
            if english and is_clause(pair[1], pair[0].sentence) and not quotes_an_unnamed_speaker(pair[1])
        )
        # In any language a question is no headline ("Can you unscramble the pictures?"): a statement goes first.
        statement = next((pair for pair in tried if not pair[1].rstrip("\"'”’").endswith("?")), tried[0])
        return next(fallbacks, None) or next(clauses, statement)

    def _takeaways(
        self,
        lead: _Line,
        lines: _Lazy,
        headline: str,
        window: list[str],
        weights: dict[int, float],
        names: frozenset[str],
        cast: tuple[list[str], str] = ([], ""),
    ) -> list[_Line]:
        """Lines after the summary's, none repeating the summary, the headline or each other, chosen one at a
        time for what the alert then covers per word it makes the reader read.

        Among the best few lines, each step takes the one that most raises the expected share of
        the story's words the alert carries (words the article keeps coming back to, and says
        early, are the story's), weighed against its length, plus a little of its own rank: a
        long sentence must bring new words to earn its place.
        """
        spread = _Spread(window)
        said = [lead.terms, _line_terms(headline)]
        introduced = f"{lead.text} {headline}".lower()
        # "Police released her name": a "her" whose person neither the line nor the summary names.
        someone_named = _names_a_person(f"{lead.text} {headline}", names)
        pool = [
            line
            for line in itertools.islice(lines, _POOL + 1)
            if line.index != lead.index
            and _tells_a_fact(line.text)
            and _role_introduced(line.text, introduced)
            and (someone_named or not _pronoun_before_a_person(line.text, names))
            and _referents_placed(line.text, introduced)
            # "Moyer declined to speak": a surname the alert cannot give the full name of (``cast`` holds
            # the people and the article's text).
            and unintroduced_surname(line.text, line.sentence, [headline, lead.text], *cast) is None
        ][:_POOL]
        chosen = self._choose(lead, pool, said, spread, weights, self.redundancy_limit)
        if not chosen and self.redundancy_limit < SAME_FACT_SHARE:
            # Nothing passes the strict limit: a line sharing up to half its words still tells a new fact,
            # and beats repeating the summary.
            chosen = self._choose(lead, pool, said, spread, weights, SAME_FACT_SHARE)
        if not chosen:
            # A line that calls someone by role ("The third seed won") still beats repeating the summary.
            unintroduced = [
                line
                for line in itertools.islice(lines, _POOL + 1)
                if line.index != lead.index and line not in pool and _tells_a_fact(line.text)
            ]
            chosen = self._choose(lead, unintroduced[:_POOL], said, spread, weights, SAME_FACT_SHARE)
        # An article of one usable sentence has no takeaway: its one fact is the summary, and a line repeating
        # the summary is the fault readers name first.
        return sorted(chosen, key=lambda line: line.index)

    def _choose(
        self,
        lead: _Line,
        pool: list[_Line],
        said: list[frozenset[str]],
        spread: _Spread,
        weights: dict[int, float],
        limit: float,
    ) -> list[_Line]:
        """The greedy choice of ``_takeaways``: none shares more than ``limit`` of its terms with a line said."""
        said = list(said)
        covered = set(_overlap_words(lead.text))
        carried, length = spread.value(covered), len(lead.text.split())
        chosen: list[_Line] = []
        while len(chosen) < self.max_takeaways:
            best: tuple[float, _Line] | None = None
            for line in pool:
                if line in chosen or any(_overlap(line.terms, other) > limit for other in said):
                    continue
                gain = spread.value(set(_overlap_words(line.text)) - covered)
                value = (carried + gain) / (length + len(line.text.split()) + _LENGTH_SMOOTHING)
                value += _RANK_SHARE * weights.get(line.index, 0.0)
                if best is None or value > best[0]:
                    best = (value, line)
            if best is None:
                break
            line = best[1]
            words = set(_overlap_words(line.text))
            gain = spread.value(words - covered)
            if (
                len(chosen) >= self.min_takeaways
                and len(line.text.split()) > _SHORT_LINE_WORDS
                and gain < self.extra_line_share * carried / (len(chosen) + 1)
            ):
                break  # a long line bringing less of the story than the lines so far did costs more than it adds
            carried += gain
            covered |= words
            length += len(line.text.split())
            chosen.append(line)
            said.append(line.terms)
        return chosen

    def _candidates(
        self,
        window: list[str],
        token_lists: list[list[str]],
        term_lists: list[list[str]],
        title_terms: frozenset[str],
    ) -> list[_Candidate]:
        """Only the lead window is scored: news leads with its point, so a huge article costs what a long one does."""
        # Ordered, de-duplicated terms: sums run in the same order in every process (set order varies).
        distinct_terms = [list(dict.fromkeys(terms)) for terms in term_lists]
        centrality = self._centrality(distinct_terms)
        candidates = []
        for index, sentence in enumerate(window):
            distinct = frozenset(distinct_terms[index])
            if not distinct:
                continue
            title_overlap = len(distinct & title_terms) / len(title_terms) if title_terms else 0.0
            score = (
                (index + 1) ** -self.position_decay
                + self.centrality_weight * centrality[index]
                + self.title_weight * title_overlap
            )
            score *= _style(sentence, token_lists[index], self.style_weights)
            candidates.append(_Candidate(index, sentence, distinct, round(score, 9)))
        return candidates

    def _centrality(self, distinct_terms: list[list[str]]) -> list[float]:
        """Directed centrality of each sentence, scaled to [0, 1].

        For unit idf-weighted term vectors v_i, the similarity of sentence i to every later
        sentence is v_i . (sum of later v_j) and to every earlier one v_i . (total - v_i - later),
        so two passes with running sums replace the all-pairs comparison.
        """
        document_frequency: Counter[str] = Counter()
        for terms in distinct_terms:
            document_frequency.update(terms)
        size = len(distinct_terms) + 1
        idf = {term: math.log(size / df) for term, df in document_frequency.items()}
        vectors = []  # unit vectors, as (term, weight) pairs
        for terms in distinct_terms:
            weights = [(term, idf[term]) for term in terms]
            norm = math.sqrt(sum(weight * weight for _, weight in weights))
            vectors.append([(term, weight / norm) for term, weight in weights] if norm else [])
        total: dict[str, float] = {}
        for vector in vectors:
            for term, weight in vector:
                total[term] = total.get(term, 0.0) + weight
        later = dict.fromkeys(total, 0.0)
        raw = [0.0] * len(vectors)
        for index in range(len(vectors) - 1, -1, -1):
            forward = overall = 0.0
            for term, weight in vectors[index]:
                forward += weight * later[term]
                overall += weight * total[term]
                later[term] += weight
            if vectors[index]:
                backward = overall - 1.0 - forward
                raw[index] = self.forward_weight * forward + self.backward_weight * backward
        top = max(raw, default=0.0)
        return [max(value, 0.0) / top for value in raw] if top > 0 else [0.0] * len(raw)


# How many of the window's names are read for the people a line may be given the full name of.
_CAST_LIMIT = 40


def people_of_the_window(window: list[str], people: list[str]) -> list[str]:
    """The people a takeaway may be given the full name of: ``people`` (the lede's main actors), then every
    other person the window's sentences name.

    A takeaway may come from any sentence of the window, and the person it calls by surname may be none
    of the first sentences' eight main actors ("Sefolosha faces an additional charge", twenty sentences
    in): without them the line names someone its reader was never told of. Pronouns keep the main actors.
    """
    found = find_entities(window, limit=_CAST_LIMIT)
    return list(dict.fromkeys([*people, *(entity.name for entity in found if entity.kind == "person")]))


_LEFTOVER_END = re.compile(r"(?::\s*|\s)[.!?]$")
_QUOTE_OPENERS = "\"“‘'"
_QUOTE_CLOSERS = "\"”’'"


# "UCU is planning strike rallies in: Staff are also ...": a list's lead-in whose list the page lost, then
# the next sentence.
# "Prime Minister: Tshering Tobgay Tshering Tobgay was elected ...": a profile box's label and caption run
# into its text.
_LABELLED_CAPTION = re.compile(
    r"^[A-Z][\w ]{2,30}:\s+(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}) (?P=name)\b"
)
_LOST_LIST = re.compile(
    r"\b(?:in|at|on|to|from|for|by|with|of|include|including|are|were|these|following):\s+[A-Z]"
)

# "but Glover won the with Swann last season": an article before a preposition or a verb, where the page
# lost the linked words between them ("the [World Cup title] with"); "after she Glover and Swann won", a
# pronoun run into the names that replaced it. Not "the the" (a typo that still reads), not "the on-loan".
# "The map, above, shows gains", "(pictured below)", "Below is ...": the page's picture, graphic or layout,
# which an alert does not carry.
_PAGE_LAYOUT = re.compile(
    r", (?:above|below|pictured),|\((?:above|below|pictured|left|right|top|bottom|inset)\)"
    r"|\b(?:pictured|shown) (?:above|below)\b|\bthe (?:map|graphic|chart|video|picture|photo|image)s? (?:above|below)\b"
    r"|^(?:Below|Above) (?:is|are)\b"  # "Below is an edited version of the conversation."
)
_LOST_WORDS = re.compile(
    r"\b(?:the|a|an) (?:with|of|to|and|or|but|by|from|for|at|in|on|is|was|were|are|has|have|the)(?![\w'’-])"
    r"|\bthe (?:a|an)(?![\w'’-])"
    r"|\b(?:he|she|they|we) [A-Z][a-z]+(?: and|,)"
)


def _page_leftover(sentence: str) -> bool:
    """What a page's links and lists leave in the text: a colon before nothing, a stop after a space, a
    colon after a preposition with a new sentence after it, an article whose noun was lost, a picture
    "above"."""
    return (
        _LEFTOVER_END.search(sentence.rstrip()) is not None
        or _LOST_LIST.search(sentence) is not None
        or _LOST_WORDS.search(sentence.replace("the the ", "the ")) is not None
        or _PAGE_LAYOUT.search(sentence) is not None
        or _LABELLED_CAPTION.match(sentence) is not None
    )


# "Inspector Ann Lee, who freed the dog, said: "It was calm.": a speaker, a verb of saying and a colon, then a
# quotation that runs on into the next sentence, as news quotations do.
_ATTRIBUTED_OPENING = re.compile(
    r"^[^\"“”]{6,}?\b(?:said|says|told [^\"“”:]{1,40}|added|wrote|explained|stated|declared)[^\"“”:]{0,30}:\s+"
    r"(?P<mark>[\"“])[^\"“”]+[.!]$"
)


def _attributed_opening(sentence: str) -> str | None:
    """The first sentence of a quotation that runs on, closed where the sentence ends, when it names its speaker.

    Otherwise None: a sentence with a stray or closing quotation mark is a piece of a quotation whose speaker
    is somewhere else.
    """
    match = _ATTRIBUTED_OPENING.match(sentence.strip())
    if match is None:
        return None
    return sentence.strip() + ("”" if match.group("mark") == "“" else '"')


# A line in someone's own voice. In a column whose author writes "I" from the start that is the author;
# in a report it is a speaker whose quotation marks the page lost, and the reader cannot tell who.
_FIRST_PERSON_OPENING = re.compile(r"^(?:I|We|My|Our)(?:['’](?:m|ve|d|ll|re))?\b(?!\.)")
# "I" and its forms inside a line: "while I find their thinking disappointing". Not a Roman numeral after a
# name ("World War I", "Elizabeth I"), and not inside a quotation, whose speaker the line names.
_FIRST_PERSON_SINGULAR = re.compile(r"\bI(?:['’](?:m|ve|d|ll))?\b(?![.'’-])|\b(?:my|me|myself)\b")
_NAME_BEFORE = re.compile(r"(?<=\s)[A-Z][\w'’-]*\s+$")  # a capitalised word, not the line's first ("And I")


def _after_a_name(sentence: str, position: int) -> bool:
    """An "I" after a capitalised word inside the line is a numeral of that name ("World War I")."""
    return _NAME_BEFORE.search(sentence[:position]) is not None


def _in_own_voice(sentence: str) -> bool:
    """Whether the line speaks as "I" outside any quotation: its speaker is someone the alert does not name."""
    return any(
        not inside_quotation(sentence, match.start())
        and not (match.group().startswith("I") and _after_a_name(sentence, match.start()))
        for match in _FIRST_PERSON_SINGULAR.finditer(sentence)
    )


def _bare_quotation(sentence: str) -> bool:
    """A sentence that is one quotation from its first character to its last: whose words, it does not say."""
    text = sentence.strip()
    inner = text[1:].rstrip(".!?")
    return (
        len(text) > 2
        and text[0] in _QUOTE_OPENERS
        and text.rstrip(".!?")[-1:] in _QUOTE_CLOSERS
        and not any(mark in inner[:-1] for mark in _QUOTE_CLOSERS if mark != "'")
    )


# "Again, this is not the case": a comment word before a line that, without it, points back.
_COMMENT_OPENING = re.compile(r"^(?:Again|Once again|Then|Of course|In fact|Even so|Still|Too),\s+")
# Lines that lean on the one before: "Much of it makes for grim reading", "As of Monday, that worker is ...",
# "Or Gov. Ames, who ...".
_NAME_IN_OPENING = re.compile(r"\s[A-Z][a-z]")
_POINTS_BACK = re.compile(
    r"^(?:(?:Much|Most|Some|All|None|Many|Each|Part|Half|Neither|Either) of (?:it|them|this|that|these|those)\b"
    r"|[^,\"“”]{2,60},\s+(?:that|this|these)\s+[a-z]|Or\s"
    # "Either move could have killed it", "Such cases": which ones, the line before said.
    r"|Such [a-z]+\b|(?:Either|Neither) (?!(?:the|a|an|his|her|their|its|of)\b)[a-z]+\b(?!.*\b(?:or|nor)\b)"
    # "The outcome of that could make a difference": of what, the line before said.
    r"|The [a-z]+ of (?:that|this) (?:could|would|will|may|might|can|should|must|is|was|has|had|remains)\b"
    # "The SFA couldn't say any of this.", "... changed much of that.": of what, the line before said.
    r"|.*\b(?:any|all|none|much|most|some|each|both) of (?:this|that|these|those|it|them)\s*[.!]?[\"”]?$"
    # "None in the 20th century, a curious fact ...": the answer to a question the line before asked.
    r"|None (?:in|since|at|before|after|during|so far|yet)\b[^,.]{0,40},"
    # "ISIS seems to be winning there.", "About 20 to 30 people were there.": where, the line before said.
    r"|(?:\S+ ){1,7}there[.!]?$)"
)
# "Doctors instead found a tumour": instead of what the line before told.
_INSTEAD = re.compile(
    r"^(?:[\w'’.-]+ ){1,3}instead\b(?!\s+of\b)"
)  # after the subject, no contrast of its own


# A lower-case first word that is no name's: not "de Blasio", "van Gaal", "al-Assad" or "eBay".
_LOWER_CASE_OPENING = re.compile(
    r"(?!(?:de|da|di|du|van|von|der|le|la|al|el|bin|ibn|ter)\b)[a-z](?![a-z]*[A-Z])"
)


def _tells_a_fact(text: str) -> bool:
    """Whether a line reports something on its own: not a teaser or a lean on a line before ("Expect pushback
    anyway", "The others have gone home", "Much of it is grim", "Relieved, they piled into the shares"), not
    addressed to the reader outside a quotation ("If you've been following the news"), and not a pointer behind
    a comment word ("Again, this is not the case")."""
    if (
        _TEASER_LEDE.match(text)
        or _TEASER_AFTER_OPENING.match(text)
        or _APPEAL_ONLY.match(text)
        or _NOTHING_TOLD.match(text)
        or _POINTS_BACK.match(text)
        or _COUNTERFACTUAL_OPENING.match(text)
        or verbless_main_clause(text)  # "An age when people make bad decisions."
    ):
        return False
    if any(not inside_quotation(text, match.start()) for match in _INSTEAD.finditer(text)):
        return False
    if _LOWER_CASE_OPENING.match(text.lstrip()):
        return False  # " significant gains against ISIS": the end of a sentence the splitter cut in two
    opening = _THEY_AFTER_OPENING.match(text)
    if opening is not None and not _NAME_IN_OPENING.search(opening.group()):
        return False  # "Relieved that the company survived, they piled in"; "When Oslo police came, they" has whom
    if any(not inside_quotation(text, word.start()) for word in _second_person(text)):
        return False
    comment = _COMMENT_OPENING.match(text)
    if comment is None:
        return True
    rest = text[comment.end() :]
    return stands_alone(rest[:1].upper() + rest[1:])


# People a line points back to with "the" and a plural or a nationality: "question the men", "the leaders
# didn't explain", "The Russian was one of five". A reader of the alert alone cannot tell who they are.
_GROUP_REFERENCE = re.compile(
    r"(?<![\w'’-])[Tt]he (?:(?P<group>men|women|boys|girls|leaders|pair|couple|trio|brothers|sisters|teenagers"
    r"|man|woman|boy|girl|teenager)"
    r"(?![\w'’-])(?! (?:who|whose|that|of|in|from|at|with|as|known|[a-z]+ed)\b)|(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d+)(?= (?:are|were|have|had|will|said|(?!injured|killed|wounded|arrested|detained)[a-z]+ed)\b))"
)
# Nationalities that name one person ("The Norwegian, who won"), not a people or a language: "The Chinese",
# "The Swiss" and "The Dutch" say as often a government or a nation.
_NATIONALITIES = (
    "American Argentine Argentinian Australian Austrian Belgian Brazilian Briton Bulgarian Canadian Chilean "
    "Colombian Croat Croatian Dane Dutchman Egyptian Englishman Ethiopian Filipino Finn Frenchman Frenchwoman "
    "German Ghanaian Hungarian Indian Iranian Irishman Israeli Italian Jamaican Kenyan Mexican Moroccan "
    "Nigerian Norwegian Pakistani Pole Romanian Russian Scot Scotsman Serb Serbian Slovak Slovenian Spaniard "
    "Swede Syrian Turk Ukrainian Uruguayan Venezuelan Welshman Zimbabwean"
)
_NATIONALITY_REFERENCE = re.compile(
    rf"^The (?P<group>{'|'.join(_NATIONALITIES.split())})(?=,| (?:was|is|has|had|said|will|would|could|won|lost|took|made|led|beat|came|went|got|held|ran|rode"
    r"|threw|hit|told|left|fell|became|[a-z]+ed)\b)"
)


def _referents_placed(text: str, introduced: str) -> bool:
    """Whether a reader of the alert can tell who the line's "the men" or "The Russian" are: the headline
    or summary names them too.

    An opening "The film" or "The dossier" is left to ``introduce_bodies``: readers placed most of
    those from the headline's own words (a film named by its title), and refusing them cost ROUGE-2
    below the first three sentences' on cnn-dev.
    """
    for pattern in (_GROUP_REFERENCE, _NATIONALITY_REFERENCE):
        for match in pattern.finditer(text):
            group = match.group("group") or match.group("count")
            if not inside_quotation(text, match.start()) and not re.search(
                rf"\b{group.lower()}\b", introduced
            ):
                return False
    # "that goal", "those bombs": placed only when the headline or summary speaks of one.
    return all(
        noun != "that" and re.search(rf"\b{re.escape(noun.removesuffix('s') or noun)}", introduced)
        for noun in demonstrative_nouns(text)
    )


def _role_introduced(text: str, introduced: str) -> bool:
    """A line opening with a role ("The guard ..."), or quoting one ('"I got scared," the friend said'), only
    when the headline or summary tells of one."""
    speakers = (match.group("role") or match.group("after") for match in _ROLE_SPEAKER.finditer(text))
    roles = [unnamed_role(text), *(speaker for speaker in speakers if speaker in _PRIVATE_SPEAKERS)]
    thing = unnamed_thing(text, lede=False)  # "The vehicle overturned": only when the alert told of one
    return all(role is None or re.search(rf"\b{role}s?\b", introduced) is not None for role in roles) and (
        thing is None or thing_introduced(thing, introduced)
    )


# People a quotation may be given to without a name, none of them holding a post that tells a reader
# whose voice it is (as "the manager added" after "County boss Jim McIntyre" or "the spokesman said" do).
_PRIVATE_SPEAKERS = PERSON_NOUNS - frozenset(
    "manager coach captain spokesman spokeswoman minister official".split()
)
# A quotation's speaker given only as a person, "the friend" or "the victim" ('"...," the friend said', 'said the
# official.'): panel 20's readers could not place "the friend" the alert never introduced.
# The role may carry modifiers: 'said the back-row forward.'
_ROLE_SPEAKER = re.compile(
    rf"(?:[,\"”’]\s+the (?:[a-z0-9][a-z0-9-]* ){{0,2}}(?P<role>[a-z]+) (?:{'|'.join(sorted(SPEECH_VERBS))})\b)"
    rf"|(?:\b(?:{'|'.join(sorted(SPEECH_VERBS))}) the (?:[a-z0-9][a-z0-9-]* ){{0,2}}(?P<after>[a-z]+)[.,])"
)


def _style(sentence: str, tokens: list[str], weights: dict[str, float]) -> float:
    """How likely the way a sentence is written makes it a statement of the news."""
    factor = 1.0
    if len(tokens) < MIN_SENTENCE_WORDS:
        factor *= weights["fragment"]
    elif len(tokens) < 10:
        factor *= weights["brief"]
    if sentence.rstrip("\"'”’)").endswith("?"):
        factor *= weights["question"]
    if sentence[:1] in _QUOTES:
        factor *= weights["quote"]
    distinct = set(tokens)
    if next(_second_person(sentence), None) is not None:
        factor *= weights["you"]
    if not distinct.isdisjoint(_FIRST_PERSON):
        factor *= weights["first_person"]
    if _PRONOUN_START.match(sentence):
        factor *= weights["pronoun"]
    if _CONNECTIVE_START.match(sentence):
        factor *= weights["connective"]
    if _NUMBER.search(sentence):
        factor *= weights["number"]
    return factor


# Openings that tell the story's past or set a scene rather than report what happened: "For years, ...",
# "It was a cold night", "In March 2013, ...", "Back in the 1990s", "There are ...", "Here are ...".
_BACKGROUND_OPENING = re.compile(
    r"^(?:For (?:years|decades|months|weeks|generations|centuries|a (?:long )?(?:time|while))\b"
    # "For seven seasons, Best's sheriff chased the Duke boys": a span of the past, the story's background.
    r"|For (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|many|several|more than \w+)"
    r" (?:years|decades|months|weeks|seasons|series|centuries|generations)\b"
    rf"|It(?!{IMPERSONAL_IT}) (?:is|was|has been|had been)\b"
    r"|(?:There|Here|This|That) (?:is|was|are|were|has been|had been|have been)\b|It['’]s\b|There['’]s\b"
    r"|(?:Back )?In (?:(?:early |late |mid-)?(?:"
    + "|".join(sorted(month.capitalize() for month in CALENDAR_MONTHS))
    + r") )?(?:1[89]|20)\d\d(?:s)?\b|Back in\b|Once\b|Ever since\b"
    r"|(?:(?:A|One|Two|Three|Four|Five|Ten|Some|Many|Several|\d+) )?(?:years?|months?|decades?|weeks?) ago\b"
    r"|When\b|Until\b|As (?:a|an|the)\b|Like\b|Imagine\b)"
)
# "On any other Wednesday, the steps would be packed": what would have happened, not what did; no lede, no fact.
_COUNTERFACTUAL_OPENING = re.compile(
    r"^(?:On (?:any|an|a) (?:other|ordinary|normal|typical|usual)\b|(?:Normally|Usually|Ordinarily|Typically),)"
)
# "X also missed the cut", "X, too, ...": a sentence that adds to a story told elsewhere.
_FOLLOW_UP = re.compile(r"^(?:\S+\s+){0,11}?(?:also|too|again)\b", re.IGNORECASE)


def _capitalised(words: frozenset[str]) -> str:
    """An alternation of ``words`` as they open a sentence."""
    return "|".join(sorted(word.capitalize() for word in words))


# Lines that tease or address the reader ("Get this: ...", "Just consider the outcomes", "Wanted: a
# director"), or lean on one told before ("Another was found", "One of the five ...").
_TEASER_LEDE = re.compile(
    rf"^(?:\(|[\w'’]+:|(?:{_capitalised(READER_ADDRESSES)})\b|(?:Just|Now|So|Well,) (?:{'|'.join(sorted(READER_ADDRESSES))})\b"
    rf"|(?:So )?(?:{_capitalised(HEDGES)})\b"
    # "Well, the thought experiments are finally over.", "Yes, it was": a columnist talking, not a report.
    r"|(?:Well|Yes|No|Okay|OK),\s"
    r"|Another\b|One of (?:the|them|those)\b|The others?\b|The rest\b)"
)
# The same, after an opening phrase: "On a day that celebrates rock 'n' roll, expect musicians to bring down the
# house" tells the reader what to expect, not what happened.
_TEASER_AFTER_OPENING = re.compile(rf"^[^,\"“”]{{3,120}},\s+(?:{_capitalised(READER_ADDRESSES).lower()})\s")
# A police appeal and nothing else: "Police are appealing for witnesses to the incident." Readers call it filler:
# it says an inquiry goes on, which any crime story implies.
_APPEAL_ONLY = re.compile(
    r"^(?:[A-Z][\w'’-]* ){0,4}(?:[Pp]olice|[Oo]fficers|[Dd]etectives|[Cc]onstabulary|[Ss]ervice)"
    r"(?: (?:is|are|has|have) (?:been )?investigating (?:the|an?) [a-z]+ and)? (?:is |are |has |have )?"
    r"(?:appealing|appealed|appeals|appeal) for (?:any )?(?:witnesses|information)[^.;:]{0,40}\.?$"
)
# A line that only says what is not known or not said: "Representatives for the singer declined to comment.",
# "No details about the transfer were given.", "The woman's name was not immediately known." It tells no fact.
_NOTHING_TOLD = re.compile(
    r"^[^,;:\"“”]{0,80}?(?:(?:declined|refused) to comment|did not (?:immediately )?respond to [^.;:]{0,40}"
    r"request for comment|could not (?:immediately )?be reached for comment|(?:was|were|is|are) not"
    r" (?:immediately |yet )?(?:known|clear|available)|(?:were|was) not (?:given|released|disclosed))\.?$"
    r"|^No (?:further )?(?:details|information)\b[^,;:]{0,60}\b(?:were|was|has been|have been) (?:given|released"
    r"|provided|disclosed)\.?$"
)
_HE_OR_SHE = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.IGNORECASE)
_THEY_AFTER_OPENING = re.compile(r"^[^,\"“”]{3,120},\s+(?:they|it)\s")


def _whole_lede_fits(sentence: str) -> bool:
    return (
        len(sentence.split()) <= _WHOLE_LEDE_WORDS and len(sentence) <= _WHOLE_LEDE_WORDS * MAX_CHARS_PER_WORD
    )


# A person's birth, an event dated years back, or what comes next year: the past or the future of a story,
# which a headline taken from beyond the lede must not stand on.
_BACKGROUND_EVENT = re.compile(
    r"\b(?:was|were) born\b|\b(?:years|decades) ago\b|^Next (?:year|month|season)\b", re.IGNORECASE
)


def _tells_background(sentence: str) -> bool:
    """Whether a sentence tells the story's past or its future: no headline once the lede has failed. Not every
    scene-setting opening ("There were no actors of color nominated" is the news of its story)."""
    return _BACKGROUND_EVENT.search(sentence) is not None


# The main verbs of a sentence that states how things are or were rather than what happened: "is old",
# "was captain of", "worked for", "has one of the highest rates" (a "has" or "was" before a participle,
# "has denied", "was charged", "is expected", reports an event).
_STATIVE_VERBS = frozenset(
    "is are was were 's am remains remained worked works lived lives looks look seems seem appears appear".split()
)
# Participles that state, passive or not: "are known to carry", "is located in" (not "are thought to have been
# wounded", which reports).
_STATE_PARTICIPLES = frozenset("known located based situated".split())
_POSSESSIVE_VERBS = frozenset("has have had".split())
# Between a copula and what it says: "were last seen", "is currently located", "are long gone".
_VERB_MODIFIERS = frozenset("not also still now currently already last long far just once never".split())
# A copula's complement that is itself news: a plan or a future ("is due to", "is set to"), a first or a new
# role ("is the first", "is the next anchor"), a figure or a move ("was down 5%", "are seven points clear").
_NEWS_COMPLEMENTS = frozenset(
    "due set expected likely about to poised going first new next latest only up down".split()
)
# What ties a state to an event in the same sentence: "is on leave after shooting a suspect", "is in a critical
# condition following the crash", "was the first ... but resigned": the sentence reports the event.
_EVENT_TIES = re.compile(r"\b(?:after|following|when|but|before|because)\b")
_EVENT_REACH = 2  # sentences after a background lede in which its event sentence is looked for
_DAY_WORDS = WEEKDAYS | frozenset("yesterday today tonight".split())
# Verbs of someone's view, not an event: "Supporters described it as a step", "Experts believe".
_VIEW_VERBS = frozenset("described describes believe believes think thinks feared fears hope hopes".split())
_MODALS = frozenset("may might could would should can".split())


def _states_background(sentence: str) -> bool:
    """Whether a sentence's main clause only states how things are or were ("X worked for a charity", "The
    pipes are old"), with no event tied to it: the lede of a story whose news is in the sentence after it (a
    BBC story missing its first sentence, a feed missing its standfirst)."""
    if _CALLED_OUT.match(sentence):
        return True
    return _stative_main_clause(sentence) and not _EVENT_TIES.search(sentence)


# The call-out that opens a report of an incident: "Police were called to Jackson Road at about 21:10 BST on
# Tuesday." says where and when; what happened there is in the sentence after it.
_CALLED_OUT = re.compile(
    r"^(?:Police|Officers|Firefighters|Paramedics|Emergency services|Ambulance crews|Crews|Coastguards?)"
    r"(?: and [a-z]+(?: [a-z]+)?)? were called to (?:(?! and | after | where | but )[^,;.]){2,120}?"
    r"(?: (?:at|shortly after|just after|just before|after|before) (?:about |around )?[\d:.]+(?: ?(?:BST|GMT))?)?"
    r"(?: on [A-Z][a-z]+(?: (?:morning|afternoon|evening|night))?)?\.?$"
)


def _stative_main_clause(sentence: str) -> bool:
    """Whether the main verb states rather than reports: "is old", "was captain", "worked for", "has one of the
    highest rates"; not "was charged", "has denied", "is expected to", "is the next anchor"."""
    verb = main_verb_words(sentence)
    if not verb:
        return False
    (head, _), *rest = verb
    if head in _POSSESSIVE_VERBS and rest and rest[0][0] == "been":
        head, rest = "was", rest[1:]
    elif head in _POSSESSIVE_VERBS:
        # "has denied", "had been": the perfect of an event; "has one of the highest rates": possession.
        # A figure had is often the news ("had 1,099 referrals last year"); "one of" is a standing.
        figure = rest[0][1] == "NUM" and rest[1:2] != [("of", "ADP")] if rest else False
        return bool(rest) and not rest[0][1].startswith(("VERB", "AUX")) and not figure
    if head not in _STATIVE_VERBS:
        return False
    following = [
        (word, tag)
        for word, tag in rest
        if word in _NEWS_COMPLEMENTS or (word not in _VERB_MODIFIERS and tag not in {"ADV", "PART"})
    ]
    if not following:
        return True
    word, tag = following[0]
    if word in _NEWS_COMPLEMENTS or tag in {"NUM", "PROPN"} or word.endswith("ing"):
        return (
            False  # a plan, a figure, or who someone is ("The only players in the top 10 are Kane and Alli")
        )
    if word in {"the", "a", "an"} and len(following) > 1 and following[1][0] in _NEWS_COMPLEMENTS:
        return False  # "is the next anchor", "was the first black woman"
    return not tag.startswith(("VERB", "AUX")) or word in _STATE_PARTICIPLES


def _reports_an_event(sentence: str) -> bool:
    """Whether a sentence's main clause reports what happened ("pleaded guilty", "will close", "was charged",
    "is expected to"), opening with its subject: a finite verb that is not a state, a view or a possibility,
    a report ("said") only when it names its day, and no "it" or "them" that needs the sentence before."""
    verb = main_verb_words(sentence)
    if not verb or not opens_with_subject(sentence) or _stative_main_clause(sentence):
        return False
    words = [word for word, _ in verb if word not in _VERB_MODIFIERS]
    if words[0] in _VIEW_VERBS or (words[0] in _MODALS and words[1:2] in (["be"], ["have"])):
        return False  # "Experts believe", "There may now be more billionaires"
    if _TIME_OPENING.match(sentence):
        return False  # "Last week 200 people attended a protest over the plan": a follow-up's time, then its news
    if _POINTING_BACK.search(sentence) or _tells_background(sentence):
        return False  # "Uefa dismissed it", "Afalava was born in American Samoa"
    if words[0] in SPEECH_VERBS:
        lowered = sentence.lower()
        return any(re.search(rf"\b{day}\b", lowered) for day in _DAY_WORDS)
    return True


_POINTING_BACK = re.compile(r"\b(?:it|them|they)\b")
_TIME_OPENING = re.compile(
    r"^(?:Last|Earlier|Later|Next|This) (?:week|month|year|night|season|summer|winter)\b"
)


def _news_after_its_setting(text: str) -> bool:
    """Whether a lede that opens on what was going on ("As the U.S. and its allies held exercises near the
    border, ...") goes on, after the comma, with someone named doing something ("Russian President Vladimir
    Putin has ordered ..."): the news, told against its setting, rather than a scene."""
    if not text.startswith("As the "):
        return False
    _, comma, main = text.partition(", ")
    if not (comma and main[:1].isupper() and opens_with_subject(main) and _reports_an_event(main)):
        return False
    # "has ordered", "will close", "is to resign": the news' own tenses; "Ada Lark walked to the quay" narrates.
    verb = main_verb_words(main)
    return bool(verb) and verb[0][0] in {"has", "have", "is", "are", "will"}


def _says_more(form: str, cut: str, sentence: str) -> bool:
    """Whether a compressed form says more of the news than the cut: it is longer, or it keeps the sentence's
    end that the cut lost ("... charged Robert Durst with unlawful possession of a firearm", shorter than
    "... charged millionaire real estate heir Robert Durst, a convicted felon")."""
    if len(form) > len(cut):
        return True
    end = " ".join(sentence.split()[-_END_WORDS:]).rstrip(".")
    return form.endswith(end) and not cut.endswith(end)


_END_WORDS = 3


def _reads_as_lede(line: _Line, title: str | None, names: frozenset[str]) -> bool:
    """Whether a line can open the alert: it reports, rather than setting a scene, quoting, following up, or
    pointing to someone the alert has not named ("The 14-time champion", "..., they piled into the shares")."""
    text = line.text
    if _opens_with_speech(text) or _COUNTERFACTUAL_OPENING.match(text):
        return False
    if _BACKGROUND_OPENING.match(text) and not _news_after_its_setting(text):
        return False
    if _FOLLOW_UP.match(text) or _POINTS_BACK.match(text):
        return False
    if _TEASER_LEDE.match(text):
        return False
    if _FIRST_PERSON & set(_WORD.findall(text.lower())):
        return False
    role = unnamed_role(text)
    if role is not None and (title is None or re.search(rf"\b{role}", title, re.IGNORECASE) is None):
        return False
    thing = unnamed_thing(text)
    if thing is not None and (title is None or not thing_introduced(thing, title)):
        return False
    return not _THEY_AFTER_OPENING.match(text) and not _pronoun_before_a_person(text, names)


_CLOSING_MARK = {'"': '"', "“": "”", "‘": "’", "'": "'"}


def _opens_with_speech(text: str) -> bool:
    """A line that opens with someone's words ('"We are delighted," said ...'), not with a quoted title
    ('"Grace of Monaco," starring Nicole Kidman, is heading to TV')."""
    closing = _CLOSING_MARK.get(text[:1])
    if closing is None:
        return False
    # The closing mark is one a word does not go on from ("I'm" has an apostrophe, not a closing mark).
    end = next(
        (
            position
            for position in range(1, len(text))
            if text[position] == closing and not text[position + 1 : position + 2].isalpha()
        ),
        None,
    )
    if end is None:
        return True  # a quotation that runs on: speech
    # '"...," said the engineer' or '"...," the engineer said': a verb of saying within the next few words.
    following = [word.lower().strip(",.;:") for word in text[end + 1 :].split()[:_SPEAKER_WORDS]]
    return not following or any(word in SPEECH_VERBS for word in following)


_SPEAKER_WORDS = 4


def _pronoun_before_a_person(text: str, names: frozenset[str]) -> bool:
    """A "he" or "her" outside a quotation with nobody it could mean before it in the line: "Police released
    her name", not "Marquand's rise has seen him" or "A motorcyclist was hurt when he fell"."""
    for pronoun in _HE_OR_SHE.finditer(text):
        if inside_quotation(text, pronoun.start()):
            continue
        words = [_bare_word(word) for word in text[: pronoun.start()].split()]
        return not any(
            word in names or word.lower() in PERSON_NOUNS or (position and word[:1].isupper())
            for position, word in enumerate(words)
        )
    return False


def _names_a_person(text: str, names: frozenset[str]) -> bool:
    """Whether ``text`` tells of someone a "her" could mean: a word for a person ("a cyclist"), or a name that
    is not a place's ("in Ashby", "the Ashby depot" are places; "Sliti scored" is someone)."""
    words = [_bare_word(word) for word in text.split()]
    return any(
        word.lower() in PERSON_NOUNS
        or (
            word in names
            and word.lower() not in PLACES
            and not (position and words[position - 1].lower() in _BEFORE_A_PLACE)
        )
        for position, word in enumerate(words)
    )


_BEFORE_A_PLACE = frozenset("the in at from to of near across into on".split())


def _bare_word(word: str) -> str:
    """A word without the punctuation and possessive around it: "Marquand's," is "Marquand"."""
    word = word.strip(",;:.!?\"“”‘’'()")
    return re.sub(r"['’]s$", "", word)


def _introducing_people(summary: TakeawaySummary, people: list[str], sentences: list[str]) -> TakeawaySummary:
    """The full name where a line's resolved pronoun is the alert's first mention of the person.

    Done on the verified lines: it puts the article's own full name for the surname the check has
    already verified, rather than asking the check to judge a name it reads as brought in from
    outside the cited sentence.
    """
    # The summary first: it is where the alert first names most people ("Keane said" needs "Roy Keane").
    # A summary the headline is cut from is not shown beside it (``summary_adds``): the takeaways are then
    # the first lines that can name someone the headline dropped ("-- the character played by Patrick
    # Dempsey --"), and introduce them themselves.
    article = "\n".join(sentences)
    takeaway_lines = [(t.text, sentences[t.evidence[0]] if t.evidence else "") for t in summary.takeaways]
    shown = summary_adds(summary.summary, summary.headline)
    line, *texts = introduce_people(
        [(summary.summary, summary.summary), *(takeaway_lines if shown else [])],
        people,
        met=[summary.headline],
        article=article,
    )
    if not shown:
        texts = introduce_people(takeaway_lines, people, met=[summary.headline], article=article)
    summary = replace(summary, summary=line)
    # "The authority will run buses" after a summary that dropped the lede's "..., the city's transport
    # authority said": the article's own fuller phrase, so the line points at something shown.
    texts = introduce_bodies(
        [
            (text, t.evidence[0] if t.evidence else 0)
            for text, t in zip(texts, summary.takeaways, strict=True)
        ],
        sentences,
        met=[summary.headline, *([summary.summary] if shown else [])],
    )
    return replace(
        summary,
        takeaways=[
            # The sentence that names the person in full is cited too: the name is its words.
            replace(t, text=text, evidence=list(dict.fromkeys([*t.evidence, *sources])))
            for t, text in zip(summary.takeaways, texts, strict=True)
            for sources in [introduced_from(t.text, text, people, sentences)]
        ],
    )


def _named_in_full(headline: str, people: list[str], sentences: list[str]) -> str:
    """The headline with the full name for the surname it opens with, when that fits: the headline is the first
    line a reader meets, and "Chigunwe pleaded guilty" names someone they were never told of ("Ronald
    Chigunwe pleaded guilty"). The name is the one ``introduce_people`` would put in (one person of the
    surname in the article), without the apposition it adds to a line's subject."""
    first = headline.split(maxsplit=1)[0] if headline else ""
    (named,) = introduce_people([(headline, headline)], people, article="\n".join(sentences))
    if named == headline:
        return headline
    if not named.startswith(tuple(f"{name} " for name in people if name.endswith(f" {first}"))):
        return _surname_spelt_out(headline, named, people)
    name = next(name for name in people if named.startswith(f"{name} ") or named.startswith(f"{name},"))
    full = name + headline[len(first) :]
    return full if len(full) <= HEADLINE_CHARS else headline


_INITIAL_BEFORE = re.compile(r"(?:^|\s)[A-Z]\.\s*$")


def _surname_spelt_out(headline: str, named: str, people: list[str]) -> str:
    """``named`` (the headline as ``introduce_people`` writes it) when all it changed is a surname inside the
    headline, alone or after a title, into the full name, and it fits: "The White House announced that Gadahn,
    36, was killed" -> "... that Adam Gadahn, 36, ..."; else the headline."""
    for name in people:
        at = named.find(name)
        if at < 0 or len(named) > HEADLINE_CHARS:
            continue
        before, after = named[:at], named[at + len(name) :]
        replaced = headline[len(before) : len(headline) - len(after)]
        if (
            headline.startswith(before)
            and not _INITIAL_BEFORE.search(before)  # "A. Quilling" is not to become "A. Ada Quilling"
            and headline.endswith(after)
            and replaced.split()[-1:] == name.split()[-1:]
            and len(replaced.split()) <= 2
        ):
            return named
    return headline


def _name_words(sentences: list[str], people: list[str]) -> frozenset[str]:
    """Words that name someone or something: parts of people's names, and capitalised words the article never
    writes in lower case ("Sliti", not "Police", which it also writes as "police")."""
    lower: set[str] = set()
    capitalised: set[str] = set()
    for sentence in sentences:
        for word in map(_bare_word, sentence.split()):
            if word[:1].islower():
                lower.add(word)
            elif word[:1].isupper():
                capitalised.add(word)
    found = {word for word in capitalised if word.lower() not in lower and word.lower() not in STOP_WORDS}
    return frozenset(found | {part for name in people for part in name.split()})


def _compressed_lede_headline(
    sentence: str, people: list[str], context: str, foreign: frozenset[str]
) -> str | None:
    """A headline from a compressed form of the lede (``lede_compressions``), so the summary can stay the lede.

    Each form is a sentence in its own right, so its cuts are judged against it: "was killed" ends the
    form "... was killed" once "in Kabul on Monday" is gone, as it could not end a cut of the full lede.
    """
    for form in lede_compressions(sentence):
        options = headline_options(form, people=people, article_text=context, dangling=foreign, shorter=True)
        if len(form) <= HEADLINE_CHARS:
            options = [form, *options]
        for option in dict.fromkeys(options):
            if (
                headline_reads_complete(option)
                and ends_at_a_boundary(option, form)
                and is_clause(option, form)
                and not quotes_an_unnamed_speaker(option)
                and _keeps_the_meaning(option, sentence)
            ):
                return option
    return None


def _keeps_the_meaning(headline: str, sentence: str) -> bool:
    """Whether a headline cut from ``sentence`` keeps the contrasts that answer it and the hedges on its figures:
    "Reports had suggested Tuilagi had been offered £1.6 million" may not stand without "although ... no truth
    in the claims". Unlike a takeaway's trim, it may leave out when ("last season"): it says what happened."""
    return dropped_qualifier(normal(headline), normal(sentence), strict=False) is None


# What a main clause is often only the frame of: "A neighbour called police after finding ...", "Shares fell
# when the bank said ...". A headline that stops before it loses the event.
_EVENT_CLAUSE = re.compile(r"^,?\s+(?:after|when|because|following)\s", re.IGNORECASE)
_EVENT_WORDS = 2  # words of the event clause a headline must keep past its conjunction ("after it collapsed")


def _news_follows(headline: str, source: str) -> bool:
    """Whether the sentence goes on, right after the headline's cut, with the clause that tells the event."""
    flat = " ".join(source.split())
    return flat.startswith(headline) and _EVENT_CLAUSE.match(flat[len(headline) :]) is not None


def _tells_the_event(option: str, main: str) -> bool:
    """Whether a longer headline keeps the event clause after ``main``: its conjunction and two words more."""
    rest = option[len(main) :] if option.startswith(main) else ""
    return _EVENT_CLAUSE.match(rest) is not None and len(rest.split()) > _EVENT_WORDS


def _distinct_lines(lines: Iterator[_Line]) -> Iterator[_Line]:
    """Each line once, in the order first met."""
    seen: set[int] = set()
    for line in lines:
        if line.index not in seen:
            seen.add(line.index)
            yield line


def _states_the_news(text: str) -> bool:
    """What the summary line must be: a complete statement, not addressed to the reader ("If you've been ...")."""
    return is_complete_sentence(text) and next(_second_person(text), None) is None


def _second_person(text: str) -> Iterator[re.Match[str]]:
    """The words addressing the reader: "you" and "your", but not the capitalised "Your" of a name or title
    inside the sentence ("the first Bring-Your-Own-Cup Day", "the Know Your Rights campaign")."""
    for word in _WORD.finditer(text):
        if word.group().lower() in _SECOND_PERSON and (
            word.group()[:1].islower() or not text[: word.start()].strip(" \"“‘'(")
        ):
            yield word


def _not_for_readers(sentence: str) -> bool:
    """A cheap literal scan first: the full pattern runs only on the rare sentence that might match."""
    lowered = f" {sentence.lower()}"
    return any(hint in lowered for hint in _NOT_FOR_READERS_HINTS) and bool(_NOT_FOR_READERS.search(sentence))


def _without_connective(sentence: str) -> str:
    """The sentence without an opening "But" or "Meanwhile,", capitalised as a sentence starts."""
    text = _LEADING_CONNECTIVE.sub("", sentence, count=1)
    return text[:1].upper() + text[1:]


def trim(sentence: str, max_words: int) -> str:
    """Shorten by cutting only: connectives, parentheticals, attributions, elaborations, then clauses."""
    text = _without_connective(sentence)
    text = _PARENTHETICAL.sub(lambda m: m.group() if _keep_parenthetical(text, m) else "", text)
    for pattern in (_TRAILING_ATTRIBUTION, _TRAILING_ELABORATION):
        match = pattern.search(text)
        if match is None or (pattern is _TRAILING_ELABORATION and not _safe_to_drop(match.group()[1:])):
            continue
        if pattern is _TRAILING_ATTRIBUTION and len(text.split()) <= max_words:
            continue  # who says so is part of what is said: it goes only when the line must be shorter
        if pattern is _TRAILING_ATTRIBUTION and _OPINION_MODALS & set(
            _WORD.findall(text[: match.start()].lower())
        ):
            continue  # "... would rob him of martyrdom, jurors were told": without it, a view reads as fact
        end = match.group("end")
        if text[: match.start()].endswith(".") and end.startswith("."):
            end = end[1:]  # "Kelby Safe Deposit Ltd., the company said." ends on the abbreviation's stop
        shorter = text[: match.start()] + end + text[match.end() :]
        kept = text[: match.start()].split()
        if kept and kept[-1].lower() in DANGLING_WORDS - {"her"}:  # "advances at her" ends a clause
            continue  # "in custody since 10 April when, according to officials, he ...": the clause goes too
        if len(shorter.split()) >= MIN_SENTENCE_WORDS and _quotes_balanced(shorter):
            text = shorter
    if len(text.split()) > max_words:
        text = _APPOSITIVE_AFTER_SUBJECT.sub(r"\g<subject> ", text, count=1)
    if len(text.split()) > max_words:
        text = _cut_to(text, max_words)
    if len(text.split()) < 3:
        text = _cut_to(sentence, max_words)
    if len(text) > max_words * MAX_CHARS_PER_WORD:  # a "word" thousands of characters long
        limit = max_words * MAX_CHARS_PER_WORD
        space = text.rfind(" ", 0, limit)
        text = _closed(text[: space if space > limit // 2 else limit], "…")
    return text


def _keep_parenthetical(text: str, match: re.Match[str]) -> bool:
    """Brackets inside a quotation are the speaker's; a negation in brackets ("(not yet approved)") is news."""
    return inside_quotation(text, match.start()) or _has_negation(match.group())


def _has_negation(text: str) -> bool:
    return "n't" in text or "n’t" in text or not _NEGATION.isdisjoint(_WORD.findall(text.lower()))


def _cut_to(text: str, max_words: int) -> str:
    """Cut at the last clause break (else comma) that keeps at least half the budget and a whole clause,
    else at the word limit.

    A cut at the word limit ends with an ellipsis, so a reader can tell the sentence goes on.
    """
    words = text.split()
    if len(words) <= max_words:
        return text
    limit_chars = len(" ".join(words[:max_words]))
    # A break at the end of the budget's middle word keeps half the budget: the comma is that word's.
    low = len(" ".join(words[: max_words // 2 - 1]))
    breaks = [
        m.start() for m in _CLAUSE_BREAK.finditer(text, low, limit_chars + 1) if _keeps_a_clause(text, m)
    ]
    if breaks:
        return _closed(text[: breaks[-1]].rstrip(" ,;:—–-"), ".")
    if len(words) <= max_words * _WHOLE_FACTOR:
        return text  # no safe cut: a sentence a little long beats one whose meaning changed
    kept = words[:max_words]
    while len(kept) > max_words // 2 and kept[-1].lower().strip(',;:"“”') in DANGLING_WORDS:
        kept.pop()
    return _closed(" ".join(kept).rstrip(" ,;:—–-"), "…")


def _safe_to_drop(tail: str) -> bool:
    """Whether what a cut removes is an elaboration, not part of the news.

    A contrast ("but missed the cut"), a negation, or a short qualifier of time, quantity
    or scope (", since 2014", ", this year", ", or a national disgrace") changes what the
    kept words mean, so a cut that drops one is not made.
    """
    words = _WORD.findall(tail.lower())
    if not words or words[0] in _CONTRAST or _has_negation(tail):
        return False
    if words[0] in _QUALIFIER_STARTS:
        return False
    return not (len(words) < _SHORT_TAIL_WORDS or (_NUMBER.search(tail) and len(words) < _NUMBER_TAIL_WORDS))


def _keeps_a_clause(text: str, cut: re.Match[str]) -> bool:
    """A cut here leaves the subject its verb, does not end on "who" or "of", and does not keep an
    opening "although ..." or "if ..." whose main clause comes after the cut."""
    before = text[: cut.start()].split()
    return (
        not _PREDICATE_START.match(text, cut.end())
        and not _inside_an_aside(text, cut)
        and not _clause_resumes_after(text, cut)
        and not subordinate_clause_only(text[: cut.start()])
        and bool(before)
        and before[-1].lower() not in DANGLING_WORDS
        and not _OPEN_SUBORDINATE.search(text[: cut.start()])
        and not _SPEECH_INTRODUCED.search(text[: cut.start()])
        and _safe_to_drop(text[cut.start() :].lstrip(" ,;:—–-"))
    )


def _inside_an_aside(text: str, cut: re.Match[str]) -> bool:
    """Whether the cut falls inside a dashed aside that closes later, or at a dash of one between subject and
    verb: "Seven people -- including the coach, and two players -- died" cut there keeps the subject and
    loses what happened."""
    opening = list(_SPACED_DASH.finditer(text, 0, cut.start()))
    if len(opening) % 2 == 0:
        if cut.group().strip() not in _DASHES:
            return False
        # At the opening dash of an aside that closes, the sentence goes on after it, often with its verb: "the
        # 128 parks that charge a fee -- like Yellowstone -- will be free", "as Starving - her collaboration
        # with Zedd - leapt from 28 to 17" (which the tagger does not read as a verb).
        return _SPACED_DASH.search(text, cut.end()) is not None
    if cut.group().strip() not in _DASHES:
        # Inside an aside that closes later: "with his two brothers - forward Joel, 28, and hooker Logan, 22 -"
        # cut at ", and" leaves half a list of who the brothers are.
        return _SPACED_DASH.search(text, cut.end()) is not None
    return resumes_with_verb(text[: opening[-1].start()], text[cut.end() :])


def _clause_resumes_after(text: str, cut: re.Match[str]) -> bool:
    """Whether a relative clause the cut would open closes with a comma and the clause around it goes on:
    "before his party, which has one MP, can win a seat" cut at ", which" leaves "before his party."."""
    if not _RELATIVE_START.match(text, cut.start()):
        return False
    closing = _RESUMED.search(text, cut.end())
    return closing is not None and closing.group("word") not in _NOT_RESUMING


def _closed(text: str, ending: str) -> str:
    """End a cut text, closing a quotation the cut left open so it does not read as if it goes on."""
    text = text.rstrip(".") + ending
    if text.count('"') % 2:
        return text + '"'
    if text.count("“") > text.count("”"):
        return text + "”"
    return text


def _inside_quotations(sentences: list[str]) -> list[bool]:
    """Which sentences sit inside a quotation opened by an earlier one: their speaker is named elsewhere.

    A quotation mark left open for more than a few sentences is taken to be a stray one.
    """
    inside, opened_at, flags = False, 0, []
    for index, sentence in enumerate(sentences):
        flags.append(inside)
        if not _quotes_balanced(sentence):
            inside, opened_at = not inside, index
        if inside and index - opened_at >= _LONGEST_QUOTATION:
            inside = False
    return flags


def _quotes_balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    smaller = min(len(first), len(second)) or 1
    return len(first & second) / smaller


CLOSING_LINES = 2  # what a record keeps of its article's end for an update appended there
_CLOSING_WINDOW = 4  # the last sentences looked at
_CLOSING_MAX_WORDS = 45


def closing_lines(sentences: Sequence[str], used: Iterable[int]) -> list[Takeaway]:
    """Up to ``CLOSING_LINES`` statements from the article's last sentences that no line of its alert rests on.

    A wire story is often updated by a paragraph at its end ("A second man has died in hospital"),
    which the engine, reading the lead first, rarely takes; a copy that adds one is an update only
    if something says it. These lines are what can: each is a sentence as written, standing alone.
    """
    taken = set(used)
    found: list[Takeaway] = []
    start = max(len(sentences) - _CLOSING_WINDOW, 0)
    for index in range(len(sentences) - 1, start - 1, -1):
        text = " ".join(sentences[index].split())
        if (
            index in taken
            or not MIN_SENTENCE_WORDS <= len(text.split()) <= _CLOSING_MAX_WORDS
            or text[:1] in _QUOTES
            or text.rstrip("\"'”’)").endswith("?")
            or not stands_alone(text)
            or not reads_as_statement(text)
            or not _states_the_news(text)
            or not _tells_a_fact(text)
            or _not_for_readers(text)
        ):
            continue
        found.insert(0, Takeaway(text=text, evidence=[index]))
        if len(found) == CLOSING_LINES:
            break
    return found
