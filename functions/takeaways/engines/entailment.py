"""Does a statement follow from the sentences it cites, and from them alone?

Presence is not enough: "Okafor beat Lund" and "Lund beat Okafor" share every word. So a
statement is read for the parts that carry its meaning and each part is matched with its
role in the cited sentences:

- quantities by value, whatever way they are written ("12" / "twelve", "$4.6 billion" /
  "4.6bn", "1945" inside "February 1945");
- dates (weekdays, months) and names, which must be the cited sentences' own; a name may
  come from the sentences just before when the cited one refers back to it ("she said");
- who said it: a speaker named in the statement must be the one the sentences give the words to;
- who did what to whom: two names on either side of a verb keep their order, unless the
  voice changes ("Okafor beat Lund" = "Lund was beaten by Okafor");
- polarity and modality: a negation ("not", "denied", "never"), a hedge ("may", "reportedly")
  or a condition ("unless", "if") in the matched part of the sentence must be in the statement,
  and the statement must not add one;
- what caused what: "because", "after", "led to" ... should be stated by one cited sentence
  that holds both sides, with the cause on the cause's side.

Those findings but the last are certain (``read``). The last, and how much of the statement
is the sentences' own and how it was cut from them (``claim_features``), are weighed by the
small shipped model (``grounding_model``); without it, the rules decide alone with word limits.
Plain Python and regular expressions: nothing is downloaded.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from takeaways.engines import grounding_model
from takeaways.engines.standalone import AGE_REFERENCE
from takeaways.text.entities import ALTERNATIVE_NAMES, PERSON_TITLES
from takeaways.text.given_names import NAME_STARTS
from takeaways.text.words import (
    ATTRIBUTING_VERBS,
    AUXILIARIES,
    CONTRASTS,
    DANGLING_WORDS,
    DATE_WORDS,
    MONTHS,
    NEGATIONS,
    OPPOSITES,
    SPEECH_VERBS,
    STOP_WORDS,
    WEEKDAYS,
    standalone_positions,
    stem,
)

MIN_PAIRS = 3
# A paraphrase may bring in one word the article never uses per this many content words (at least one),
# when the rules decide alone.
WORDS_PER_NEW_WORD = 6
# With the model weighing new words (a highlight says "electricity" where the story says "power"), only a
# statement more than a third of whose words, and at least two, the article never uses fails for certain.
CERTAIN_NEW_WORDS = (3, 2)
# A statement that keeps a sentence's wording (a cut of it, or a near copy: this share of its words, in order,
# from one sentence, but not all) may join words the sentence has at least JOIN_GAP content words apart in no
# more than this share of its word pairs. Chosen on the CoGenSumm fit half and the perturbed CNN/DailyMail
# training stories (training/grounding_tuning.py); the test half and the dev articles were not looked at.
CUT_NEW_PAIRS = 0.15
NEAR_COPY = 0.9
WHOLE_COPY_SHARE = 0.8  # a statement this long against its sentence copies the whole of it
JOIN_GAP = 1

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_TOKEN = re.compile(
    r"\$?\d+(?:[.,]\d+)*(?:st|nd|rd|th|bn|m|k|tn|%)?|[^\W\d_]+(?:'[^\W\d_]+)?|[\"']", re.UNICODE
)

_UNITS = {
    "zero": 0,
    "a dozen": 12,
    "dozen": 12,
    **{
        word: value
        for value, word in enumerate(
            "_ _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen".split()
        )
        if word != "_"
    },
}
_TENS = {
    word: 10 * value
    for value, word in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if word != "_"
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# Number words as stems: a figure is checked by value, never as wording ("3" for "three").
_NUMBER_TERMS = frozenset(stem(word) for word in (*_UNITS, *_TENS, *_SCALES) if " " not in word)
_NUMERAL = re.compile(
    # The whole figure ("100km" is 100, not 10; "the 1980s" 1980), then its scale if one follows.
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?!\d|[,.]\d)(?:st|nd|rd|th|s\b)?"
    r"(?:\s*(hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)(?![a-z]))?",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[- ](" + "|".join(w for w in _UNITS if " " not in w) + r"))?"
    r"|(" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"))"
    r"(?:\s+(hundred|thousand|million|billion|trillion))?\b",
    re.IGNORECASE,
)
# "one" is everywhere in paraphrase ("one of the", "no one"); it counts only with a scale.
_ONE_WITH_SCALE = re.compile(r"\b(?:one|a)\s+(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)


_NEGATIONS = NEGATIONS | frozenset(
    "n't deny denies denied denying refuse refuses refused refusing fail fails failed failing".split()
)
# How a place's name becomes its people's or adjective ("Rwanda" and "Rwandan", "England" and "English",
# "Germany" and "German", "Thailand" and "Thai"): what is left once one is cut off is the shared root.
# "Southeastern" and "Southeast" too.
_NAME_ENDINGS = (
    "ians", "land", "ian", "ans", "ese", "ish", "ics", "and", "ain", "ern", "ic", "an", "is", "es", "ia", "a", "y",
    "i",
    "s",
)  # fmt: skip
# The short forms headlines write a name's words in: "Chinese GP", "Manchester Utd", "Dems", "French FM".
SHORT_FORMS = {"GP": "Grand Prix", "Utd": "United", "Dems": "Democrats", "FM": "Foreign Minister"}
# One country or body, written several ways: where a text gives one spelling, it gives them all.
_NAME_VARIANTS = tuple(
    (canonical, *sorted(form for form, (name, _) in ALTERNATIVE_NAMES.items() if name == canonical))
    for canonical in dict.fromkeys(name for name, _ in ALTERNATIVE_NAMES.values())
) + tuple((long, short) for short, long in sorted(SHORT_FORMS.items()))
_SHORT_FORM = re.compile(rf"(?<![\w.])(?:{'|'.join(sorted(SHORT_FORMS))})(?!\w)")
# Each name's spellings, and one pattern finding any of them (compiled once: a text is checked against all).
_VARIANT_PATTERNS = tuple(
    (variants, re.compile(rf"(?<![\w.])(?:{'|'.join(re.escape(v) for v in variants)})(?!\w)"))
    for variants in _NAME_VARIANTS
)


def long_forms(text: str) -> str:
    """The text with a headline's short forms of names written out ("Chinese GP" as "Chinese Grand Prix")."""
    return _SHORT_FORM.sub(lambda match: SHORT_FORMS[match.group()], text)


_ORDINALS = {
    word: value
    for value, word in enumerate(
        "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
    if word != "_"
}
# Classes of modality: a statement must carry the class its matched evidence carries, and no other.
_HEDGES = {
    "possibility": frozenset(
        "may might could possibly perhaps likely probably potentially speculate speculates speculated".split()
    ),
    "report": frozenset(
        "reportedly allegedly alleged accused accuses accuse suspected suspect apparently purportedly believed".split()
    ),
}
_HEDGE_WORDS = frozenset().union(*_HEDGES.values())
_CONDITION = re.compile(
    r"\b(?<!asked )(?<!wondered )(?<!whether )(?:if|unless|provided that|as long as|subject to|depending on)\b"
    r"|\b\w+ permitting\b",
    re.I,
)

_CONCESSION = re.compile(r"\b(?:although|though|even though|except that|except)\b", re.I)

_SPEECH = rf"(?:{'|'.join(sorted(ATTRIBUTING_VERBS))})"
# A particle joins a name only as a word of its own: "Democratic leaders" is no "Democratic le".
_CAPITAL_RUN = r"(?<![\w'])[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|(?:de|van|von|al|bin|da|del|la|le)(?![\w'-])))*"
_SPEAKER_BEFORE = re.compile(rf"({_CAPITAL_RUN})\s+(?:has |had |have |also |then |later )?{_SPEECH}\b")
# "..., said union organiser Malik Osei": the inverted order follows a comma or a quotation. The name after
# "told" or "asked" is whom the words were told to or asked of ("..., told ABC's This Week"), never the speaker.
_LISTENER_VERBS = frozenset({"told", "asked", "asks"})
_SPEAKER_AFTER = re.compile(
    rf"(?:,|\")\s*(?:{'|'.join(sorted((SPEECH_VERBS | {'noted', 'recalled'}) - _LISTENER_VERBS))})\s+"
    rf"((?:(?!the\b|a\b|an\b)[a-z][\w'-]*\s+){{0,3}}?{_CAPITAL_RUN})"
)
# "the operator said", "a union spokesman told": a speaker who is not named; "a Secret Service spokesperson
# confirms": one who speaks for a body that is.
_ROLE_SPEAKER = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+((?:[a-z][\w'-]*\s+){{0,2}}[a-z][\w'-]*|"
    rf"(?:[A-Z][\w'-]*\s+){{1,3}}(?:spokesman|spokeswoman|spokesperson))\s+(?:has |had |also )?{_SPEECH}\b"
)
# "..., police said", '"...," officials say': a speaker in lower case after the words, with no article.
_BARE_SPEAKER = re.compile(rf"(?:,|\")\s*((?:[a-z][\w'-]*\s+)?[a-z][\w'-]*)\s+(?:also )?{_SPEECH}\b")
_ACCORDING_TO = re.compile(rf"\baccording to\s+(?:the\s+)?({_CAPITAL_RUN})")
_PRONOUN_SPEAKER = re.compile(rf"\b(?:he|she|they|it|we|i)\s+(?:also |later |then )?{_SPEECH}\b", re.I)
# Words between a speaker's name and the verb of saying that are no part of the name ("Reyes has said").
_SPEAKER_FILLERS = frozenset("has had have also then later".split())
_COMPANY_SUFFIXES = frozenset("corp corporation group holdings limited company".split())
_PRONOUNS = frozenset("he she they it we i".split())
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|him|her|his|their|them|its)\b", re.I)

# Connectives that state a cause or an order of events, and which side of them the cause is on.
# "Since August 6", "after 2004", "following last week's": a point in time, not an event that came first.
# words.MONTHS leaves out "may" (the modal); after "after", "since" or "following" it can only be the month.
_TIME_POINT = (
    r"(?!\s+(?:\d|last\b|then\b|early\b|late\b|mid\b|(?:"
    + "|".join(sorted(MONTHS | WEEKDAYS | {"may"}))
    + r")\b))"
)
# "Due to be sentenced", "due to start": a time set, not a cause.
_DUE_TO = (
    r"due to(?!\s+(?:be|start|begin|arrive|open|close|return|take|face|appear|meet|resume|end|go|leave|hold|"
    r"make|sign|visit|fly|land|play|finish|stand|launch|report|testify|speak|vote|decide|announce)\b)"
)
_CAUSES_AFTER = (
    rf"because(?: of)?|{_DUE_TO}|owing to|thanks to|as a result of|in response to|amid|"
    rf"after{_TIME_POINT}|following{_TIME_POINT}|in the wake of|since{_TIME_POINT}"
)
# "So" joins clauses after a comma or "and" ("..., so the school keeps its contract"); "so happy" is a degree.
_SO = r"(?:(?<=[,;] )|(?<=\band ))so(?!\s+(?:much|many|far|long|too|that|to)\b)"
_CAUSES_BEFORE = (
    r"led to|leading to|lead to|leads to|caused|causing|causes|prompted|prompting|sparked|sparking|triggered|"
    rf"triggering|resulted in|resulting in|forced|forcing|{_SO}"
)
_CONNECTIVE = re.compile(rf"\b(?:(?P<after>{_CAUSES_AFTER})|(?P<before>{_CAUSES_BEFORE}))\b", re.I)
_TEMPORAL = frozenset({"after", "following", "in the wake of", "since"})

_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|being|be|got|gets|get)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|t)\s+by\b|\bby\b", re.I
)
# The word before a name that makes it the setting of an act rather than its object.
_SETTING = re.compile(
    r"\b(?:in|at|on|of|for|from|to|into|during|near|outside|inside|across|the|a|an)\s*$", re.I
)
# Where word pairs stop: punctuation before a space or the end (not the comma in "3,400"), brackets, dashes.
_PUNCTUATION = re.compile(r"[,;:.!?…]+(?=\s|$)|[()\[\]\"—–]+|\s-+\s")
_LIST_JOIN = re.compile(r"^\s*(?:,|and|or|&|,\s*and|with|of|'s|')?\s*$", re.I)
_SENTENCE_OPENERS = (".", ":", "!", "?", '"', ";", "(", "[", "-", "—", "–")
_NOT_NAMES = frozenset(
    "i the a an he she it they we you this that these those his her its their our my but and or so "
    "yet if when while after before as in on at of for by with from to mr mrs ms dr prof".split()
)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of a statement may be new words when the rules decide alone (the check before its model)."""

    max_new_word_share: float = 0.2
    max_new_pair_share: float = 0.8


def normal(text: str) -> str:
    """One spelling of quotation marks and spaces."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def quantities(text: str) -> set[float]:
    """Every number stated, as a value: '4.6bn', '$4.6 billion' and '4,600 million' are all 4.6e9."""
    found: set[float] = set()
    for match in _NUMERAL.finditer(text):
        value = float(match.group(1).replace(",", ""))
        scale = (match.group(2) or "").lower()
        if scale in {"m", "k"} and not _money_or_count_before(text, match.start()):
            scale = ""  # "5m" after a figure of money is millions; "the 5 m high wall" is not
        found.add(_rounded(value * _SCALES.get(scale, 1.0)))
    for match in _NUMBER_WORD.finditer(text):
        tens, unit, alone, scale = match.groups()
        value = _TENS[tens.lower()] + _UNITS.get((unit or "").lower(), 0) if tens else _UNITS[alone.lower()]
        found.add(_rounded(value * _SCALES.get((scale or "").lower(), 1.0)))
    for match in _ONE_WITH_SCALE.finditer(text):
        found.add(_rounded(_SCALES[match.group(1).lower()]))
    return found


@dataclass(frozen=True, slots=True)
class Reading:
    """What the check found in a statement: a certain failure, or what the softer rules and the features say."""

    certain: str | None
    rules: dict[str, str | None] = field(default_factory=dict)
    features: dict[str, float] = field(default_factory=dict)
    claim: str = ""
    evidence: str = ""  # the cited sentences, joined
    kind: str = "paraphrase"  # or "cut": the statement's words, in order, from one sentence


def read(claim: str, evidence: Sequence[str], context: Sequence[str] = (), article: str = "") -> Reading:
    """Read a statement against its cited sentences: the certain failures first, then everything the model weighs.

    Certain: a statement that stops on "the" or "of", a number, date, name or quotation the cited sentences lack, a negation, hedge or
    condition added or dropped, words given to another speaker, who did what to whom reversed,
    a number or person said of something else than the cited sentences say it of, and words
    the whole article never uses (``CERTAIN_NEW_WORDS``). ``context`` is the text just before the first cited sentence: it may only
    supply the name a cited sentence refers back to with a pronoun. ``article`` may only
    complete a name the cited sentences give in part ("Kerry" for "John Kerry"); its words
    are one of the features.
    """
    claim = normal(claim)
    sentences = [normal(sentence) for sentence in evidence]
    if not sentences:
        return Reading("cites no evidence")
    joined = " ".join(sentences)
    for value in sorted(quantities(claim) - quantities(joined) - ordinal_values(joined)):
        return Reading(f"number {shown(value)} is not in the cited sentences")
    figure = _figure_problem(claim, joined)
    if figure:
        return Reading(figure)
    claim_words = _words(claim)
    evidence_words = set(_words(f"{joined} {name_variants(joined)}"))
    for word in claim_words:
        if word in DATE_WORDS and word not in evidence_words:
            return Reading(f"date {word.capitalize()} is not in the cited sentences")
    if _MONTH_MAY.search(claim) and not _MONTH_MAY.search(joined):
        return Reading("date May is not in the cited sentences")  # words.MONTHS leaves the modal out
    refers_back = bool(_THIRD_PERSON.search(joined)) or any(AGE_REFERENCE.match(s) for s in sentences)
    context_words = set(_words(" ".join(normal(s) for s in context))) if refers_back else set()
    from_context: set[str] = set()
    for name, whole in _names(claim, article):
        whole = _POSSESSIVE_END.sub("", whole)  # "Barack Obama's" is "Barack Obama" in the article
        if _known_name(name, evidence_words) or acronym_in(name, joined):
            continue
        if _known_name(name, context_words):
            from_context.update(_words(name))
            continue
        if (
            whole != name
            and whole in article
            and any(_known_name(part, evidence_words) for part in whole.split())
        ):
            continue
        return Reading(f"name {name!r} is not in the cited sentences")
    for quoted in re.findall(r'"([^"]{3,})"', claim):
        for piece in re.split(r"\s*(?:…|\.\.\.)\s*", quoted):
            piece = piece.strip(" ,.;:!?").lower()
            if piece and not quotation_in(piece, joined):
                return Reading("quotation is not in the cited sentences")
    best = _best_sentence(claim, sentences)
    certain = (
        _dangling_problem(claim_words, sentences)
        or _repeated_problem(claim_words, joined)
        or _article_words_problem(
            claim, article or joined, "the article" if article else "the cited sentences"
        )
        or _clausewise_negation_problem(claim, sentences)
        or _opposite_problem(claim, sentences, article or joined)
        or _modality_problem(claim, sentences, best)
        or _attribution_problem(claim, sentences, context_words, article)
        or _role_problem(claim, sentences)
        or _binding_problem(claim, sentences, article)
        or _speaker_made_doer(claim, sentences, article)
    )
    if certain:
        return Reading(certain)
    causal = _causal_problem(claim, sentences)
    if causal and "a cause" in causal:
        # A cause ("because", "led to") the cited sentences do not state is invented, not a paraphrase; an
        # order of events ("after") is often told without its word, so the model weighs that one.
        return Reading(causal)
    rules = {"causal": causal}
    features = claim_features(claim, sentences, article, rules, from_context)
    kind = "cut" if len(sentences) == 1 and features["in_order_share"] == 1.0 else "paraphrase"
    joining = _joining_problem(claim, sentences, kind, features["in_order_share"], from_context)
    if joining:
        return Reading(joining)
    return Reading(None, rules, features, claim, joined, kind)


def _opposite_problem(claim: str, sentences: list[str], article: str) -> str | None:
    """A word the article never uses, whose opposite the cited sentences do ("serious" for "minor")."""
    claim_words = set(re.findall(r"[a-z-]+", claim.lower()))
    article_words = set(re.findall(r"[a-z-]+", article.lower()))
    cited_words = set(re.findall(r"[a-z-]+", " ".join(sentences).lower()))
    for first, second in OPPOSITES:
        for said, opposite in ((first, second), (second, first)):
            used = sorted(claim_words & said)
            if used and not article_words & said and (found := sorted(cited_words & opposite)):
                return f"says {used[0]!r} where the cited sentences say {found[0]!r}"
    return None


def _joining_problem(
    claim: str, sentences: list[str], kind: str, in_order: float, referents: set[str]
) -> str | None:
    """A statement that keeps a sentence's wording but says something else with it: certain.

    A cut of one sentence that joins what it keeps across what it drops ("the home was built ... for
    inspection") and a near copy of a sentence with one word put in place of another ("expected to be
    released" for "executed") are the commonest wrong summary sentences in CoGenSumm's human judgements.
    A rewording in words of its own (a highlight) is left to the model. Figures, dates, number words and
    the names that replace a pronoun are not counted: "3" for "three" and "Obama said" for "He said"
    keep the wording.
    """
    ignored = {stem(word) for word in referents} | _NUMBER_TERMS | _UNIT_TERMS | DATE_WORDS
    # A whole sentence copied with one word off is a near copy however short: "she and her wife were trying to
    # walk away" for "... her husband ...". A short statement drawn from a long sentence is a rewording.
    size = len(_words(claim))
    one_word_off = round((1.0 - in_order) * size) == 1 and any(
        size >= WHOLE_COPY_SHARE * len(_words(sentence)) for sentence in sentences
    )
    if kind == "paraphrase" and (in_order >= NEAR_COPY or one_word_off) and in_order < 1.0:
        best = max(sentences, key=lambda sentence: _alignment(_words(claim), sentence)[0])
        swapped = _substitution(claim, best, ignored)
        if swapped:
            added, replaced = swapped
            return f"copies a cited sentence but says '{added}' where it says '{replaced}'"
        # A near copy with no word put in place of another is judged for what it joins, as a cut is.
    elif kind == "cut":
        best = sentences[0]
    else:
        return None
    pairs = _plain_pairs(claim, ignored)
    if len(pairs) < MIN_PAIRS:
        return None
    # The sentence's pairs run across its punctuation and figures: "Lund 6-3, 6-4 in the final" puts "Lund"
    # and "final" together as the statement "Lund in the final" does. A pair with a word the sentence
    # lacks joins nothing it keeps apart ("the daily output" for "the output ... each day").
    terms = set(_plain_terms(best, ignored))
    joins = [pair for pair in pairs if set(pair) <= terms and _words_between(pair, best, ignored) >= JOIN_GAP]
    if len(joins) <= CUT_NEW_PAIRS * len(pairs):
        return None
    return f"joins words its sentence keeps apart ('{' '.join(joins[0])}')"


def _words_between(pair: tuple[str, str], sentence: str, ignored: set[str] | frozenset[str]) -> int:
    """The fewest content words the sentence has between the pair's first word and its second, after it; a
    relative clause dropped whole ("the home, which was built for ..., has been opened") counts none."""
    cased = _cased_words(sentence)
    words = tuple(word.lower() for word in cased)
    terms = [stem(_POSSESSIVE_END.sub("", word)) for word in words]
    first, second = pair
    gaps = []
    for earlier, term in enumerate(terms):
        if term != first:
            continue
        later = next((k for k in range(earlier + 1, len(terms)) if terms[k] == second), None)
        if later is None:
            continue
        dropped = words[earlier + 1 : later]
        if dropped and (dropped[0] in _RELATIVE or _modifier(dropped)):
            return 0
        if (
            dropped
            and dropped[0] in {"a", "an", "the"}
            and _appositive(words[earlier], words[later], sentence)
        ):
            return 0  # "Lund, a former judge in Ellis, told senators": the description between commas
        if (
            dropped
            and cased[later][:1].isupper()
            and all(word[:1].isupper() or word in PERSON_TITLES for word in cased[earlier + 1 : later])
        ):
            return 0  # given names, initials or a role inside one name: "Mayor Quist", "Brazilian Kaka"
        if dropped and _narrows(words[earlier : later + 1], sentence):
            return 0
        if dropped and cased[later][:1].isupper() and _describes_name(dropped, words[earlier], sentence):
            return 0  # "to replace longtime ally Alberto Gonzales": what the name is called, not who it is
        if _adverb_in_verb(dropped):
            return 0  # "Washington has long been concerned": the verb and its subject are the sentence's
        gaps.append(len([t for t in _content(dropped) if t not in ignored]))
    return min(gaps, default=len(words))


def _describes_name(dropped: Sequence[str], before: str, sentence: str) -> bool:
    """Whether the words dropped right before a name only describe it ("longtime ally", "comeback queen"): one or
    two words, in one phrase with the word before them, none a verb, negation, hedge, amount or figure, the last
    no plural (in "told reporters Clinton would" the name starts a clause of its own)."""
    if not 1 <= len(dropped) <= 2 or before in ATTRIBUTING_VERBS or dropped[-1].endswith("s"):
        return False
    if any(
        word in STOP_WORDS
        or word in _PREDICATE_START
        or word in _NEGATIONS
        or word in _HEDGE_WORDS
        or word in _AMOUNTS
        or word.endswith(("ed", "ing"))
        or stem(word) in _NUMBER_TERMS
        or stem(word) in _VERB_FORMS
        for word in dropped
    ):
        return False
    joined = r"\s+".join(re.escape(each) for each in (before, *dropped))
    return bool(re.search(rf"(?<![\w']){joined}\s+[A-Z]", sentence, re.IGNORECASE))


# Adverbs of time that may stand inside a verb ("has long been", "had already left") without changing it.
_TIME_ADVERBS = frozenset("long already since recently previously earlier".split())
_VERB_HELPERS = frozenset("has have had is are was were be been".split())


def _adverb_in_verb(dropped: Sequence[str]) -> bool:
    """Whether what a cut drops is only a verb's helpers and one adverb of time among them."""
    adverbs = [word for word in dropped if word not in _VERB_HELPERS]
    return len(adverbs) == 1 and adverbs[0] in _TIME_ADVERBS and len(dropped) > 1


def _appositive(first: str, second: str, sentence: str) -> bool:
    """Whether the sentence describes ``first`` between two commas, and goes on to ``second`` within two words."""
    return _appositive_pattern(first, second).search(sentence.lower()) is not None


@lru_cache(maxsize=1_024)
def _appositive_pattern(first: str, second: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w']){re.escape(first)},\s+(?:a|an|the)\s+[^,;:()\"]+,\s+(?:[\w']+\s+){{0,2}}"
        rf"{re.escape(second)}(?![\w'])"
    )


def _narrows(span: Sequence[str], sentence: str) -> bool:
    """Whether the one word dropped from inside ``span`` only narrows the kept word right after it, within one
    phrase ("faces a continuing Islamic insurgency", "a threat to the country's security"): a single content
    word, standing just before that word, that is no verb, negation, hedge or amount, and no punctuation
    between the kept words. More than that is a phrase of its own ("a snippet of the music video")."""
    dropped = span[1:-1]
    content = [word for word in dropped if word not in STOP_WORDS]
    if len(content) != 1 or dropped[-1] != content[0]:
        return False
    word = content[0]
    if (
        word in _PREDICATE_START
        or word in _NEGATIONS
        or word in _HEDGE_WORDS
        or word in _AMOUNTS
        or word.endswith("ed")
        or stem(word) in _NUMBER_TERMS
        or (stem(word) in _VERB_FORMS and not word.endswith("ing"))  # "went"; "a growing gap" narrows
    ):
        return False
    joined = r"\s+".join(re.escape(each) for each in span)
    return bool(re.search(rf"(?<![\w']){joined}(?![\w'])", sentence.lower()))


# Words that say how much of a thing: dropping one changes the amount ("half its pills", "several times").
_AMOUNTS = frozenset("half several few many most some all every each only just about nearly almost".split())
_RELATIVE = frozenset({"which", "who", "whose", "whom", "where"})
_MODIFIER_STARTS = frozenset({"of", "from", "in", "at"})


def _modifier(dropped: Sequence[str]) -> bool:
    """A phrase that only says more of the noun before it ("crews of Northern Isles Ferries"): it opens with a
    preposition and holds no verb, so dropping it joins the noun to what the sentence says of it."""
    return dropped[0] in _MODIFIER_STARTS and not any(
        word in _PREDICATE_START or word.endswith(("ed", "ing")) for word in dropped
    )


# Units a figure is given in: "167,000 pounds in compensation" cut to "compensation" drops a figure, not words.
_UNIT_TERMS = frozenset(stem(word) for word in "pounds dollars euros yen percent cent".split())


def _plain_terms(text: str, ignored: set[str] | frozenset[str]) -> list[str]:
    return [term for term in _content(_words(text)) if term not in ignored]


# A statement's word pairs stop at punctuation, a figure (in digits or in words) and a list's "and" or "or":
# "the parents' association and the county" pairs no "association" with "county", and "Pineda one of five
# arrested" no "Pineda" with "arrested".
_FIGURE_WORDS = "|".join(sorted({"one", *(w for w in (*_UNITS, *_TENS, *_SCALES) if " " not in w)}))
_PAIR_BREAK = re.compile(
    rf"{_PUNCTUATION.pattern}|\$?\d[\d.,]*\w*|\b(?:and|or|{_FIGURE_WORDS})\b", re.IGNORECASE
)


def _plain_pairs(text: str, ignored: set[str] | frozenset[str]) -> list[tuple[str, str]]:
    """Adjacent content-word stems within each stretch between breaks, less the ``ignored`` ones."""
    pairs: list[tuple[str, str]] = []
    for stretch in _PAIR_BREAK.split(text):
        pairs += itertools.pairwise(_plain_terms(stretch, ignored))
    return pairs


def _substitution(claim: str, sentence: str, ignored: set[str] | frozenset[str]) -> tuple[str, str] | None:
    """(new word, the sentence's words it stands in for) where a near copy puts a word of its own in place of
    the sentence's; None where every new word is only added ("the daily output" for "the output ... each
    day") or a form of the sentence's own ("uncover" for "uncovered")."""
    # A headline's speaker label ("Boy: ...") says who speaks, which the attribution rules check.
    label = re.match(r"^(?:[\w'.-]+\s+){0,3}[\w'.-]+:\s", claim)
    mine = [word for word in _words(claim[label.end() if label else 0 :]) if word not in STOP_WORDS]
    theirs = [word for word in _words(sentence) if word not in STOP_WORDS]
    evidence_terms = set(_content(theirs))
    rows, cols = len(mine), len(theirs)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            same = stem(mine[i]) == stem(theirs[j])
            table[i][j] = table[i + 1][j + 1] + 1 if same else max(table[i + 1][j], table[i][j + 1])
    matched: dict[int, int] = {}  # statement word -> sentence word
    i = j = 0
    while i < rows and j < cols:
        if stem(mine[i]) == stem(theirs[j]):
            matched[i] = j
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    for i, word in enumerate(mine):
        term = stem(_POSSESSIVE_END.sub("", word))
        if i in matched or _has_digit(word) or term in ignored or related(term, evidence_terms):
            continue
        if re.search(
            rf"\b(?:not|n't|never)\s+(?:{'|'.join(_NEGATIVE_PREFIXES)}){re.escape(word)}\b", sentence.lower()
        ):
            continue  # "legal" for "not illegal": the negation rules weigh the pair
        # What the sentence says between the statement's matched neighbours is what the new word replaces.
        before = max((matched[k] for k in matched if k < i), default=-1)
        after = min((matched[k] for k in matched if k > i), default=cols)
        skipped = [w for w in theirs[before + 1 : after] if not _has_digit(w) and stem(w) not in ignored]
        if skipped:
            return word, " ".join(skipped[:3])
    return None


def problem(
    claim: str,
    evidence: Sequence[str],
    context: Sequence[str] = (),
    article: str = "",
    fitted: Limits | None = None,
) -> str | None:
    """Why the cited sentences do not entail the statement, or None when they do.

    After the certain failures (``read``), the shipped model weighs the rest. With ``fitted``
    limits, or without a model file, the rules decide alone as they did before the model:
    any rule's finding fails the statement, and so do new words or word pairs above the limits.
    """
    reading = read(claim, evidence, context, article)
    if reading.certain is not None:
        return reading.certain
    model = None if fitted is not None else grounding_model.load()
    if model is None:
        found = next((reason for reason in reading.rules.values() if reason), None)
        return found or _wording_problem(reading.claim, reading.evidence, fitted or Limits())
    return decide(reading, model)


def rules_pass(reading: Reading) -> bool:
    """Whether the rules alone (every finding, and the word limits) pass a statement that has no certain failure."""
    return (
        not any(reading.rules.values())
        and _wording_problem(reading.claim, reading.evidence, Limits()) is None
    )


def decide(reading: Reading, models: grounding_model.GroundingModels) -> str | None:
    """The model's verdict on a statement with no certain failure, and the likeliest reason when it fails."""
    if reading.certain is not None:
        return reading.certain
    model = models[reading.kind]
    score = model.score(reading.features)
    if model.passes(score, rules_pass(reading)):
        return None
    found = next((reason for reason in reading.rules.values() if reason), None)
    detail = (
        found
        or _wording_problem(reading.claim, reading.evidence, Limits(0.0, 1.0))
        or "its words are the cited sentences' but put together differently"
    )
    return f"not supported by the cited sentences (score {score:.2f}, needs {model.threshold:.2f}): {detail}"


# A score or a range is one figure: "2-1" is not "1-1" though both hold a 1.
_SCORE = re.compile(r"(?<![\w.,-])(\d{1,3})-(\d{1,3})(?![\w.,-]*\d)")
_CURRENCY_SIGNS = {"$": "dollar", "£": "pound", "€": "euro"}
_CURRENCY_WORDS = re.compile(
    r"^\s*(?:million|billion|bn|m|k|thousand)?\s*(dollars?|pounds?|euros?|yen|yuan)\b", re.I
)


# Cricket writes "179 for two" and "five for 34" where a summary writes "179-2" and "5-34".
_SMALL_NUMBER = r"\d{1,3}|" + "|".join(
    word for word, value in _UNITS.items() if 0 < value <= 10 and " " not in word
)
_FOR_SCORE = re.compile(rf"\b({_SMALL_NUMBER})\s+for\s+({_SMALL_NUMBER})\b", re.I)


def _figure_problem(claim: str, evidence: str) -> str | None:
    """A score the cited sentences do not give (either way round), or money in another currency than theirs."""
    scores = {match.groups() for match in _SCORE.finditer(evidence)} | {
        tuple(str(_UNITS.get(side.lower(), side)) for side in match.groups())
        for match in _FOR_SCORE.finditer(evidence)
    }
    for match in _SCORE.finditer(claim):
        a, b = match.groups()
        if (a, b) not in scores and (b, a) not in scores:
            return f"score {a}-{b} is not in the cited sentences"
    stated = _currencies(evidence)
    for value, mine in _currencies(claim).items():
        theirs = stated.get(value, set())
        if mine and theirs and not mine & theirs:
            return f"{shown(value)} is in {'/'.join(sorted(theirs))}s in the cited sentences, not {'/'.join(sorted(mine))}s"
    return None


def _currencies(text: str) -> dict[float, set[str]]:
    """Each amount of money and the currencies it is given in ('£20 million' and '7.8 million euros')."""
    found: dict[float, set[str]] = {}
    for match in _NUMERAL.finditer(text):
        sign = _CURRENCY_SIGNS.get(text[match.start() - 1] if match.start() else "")
        word = _CURRENCY_WORDS.match(text[match.end() :])
        currency = sign or (word.group(1).lower().rstrip("s") if word else None)
        for value in quantities(text[max(match.start() - 1, 0) : match.end()]):
            found.setdefault(value, set())
            if currency:
                found[value].add(currency)
    return found


def cut_problem(cut: str, sentence: str) -> str | None:
    """What a cut of one sentence (its words, in order, some left out) may get wrong: what it leaves out.

    It cannot add a word, a name, a number, a cause or a role, so only the negations, hedges,
    conditions and reservations it drops are checked.
    """
    return (
        _polarity_problem(normal(cut), [normal(sentence)])
        or _headless_problem(normal(cut), normal(sentence))
        or dropped_qualifier(normal(cut), normal(sentence))
    )


# What a cut may not leave out, as the opening of the words it leaves out: a contrast changes what the
# rest says ("carded 72 [but missed the cut]"), a qualifier of time or scope limits it ("lost six times
# [this year]", "risen [since 2014]", "jailed [for four years]"), and a hedge on a figure makes it exact
# ("[nearly] 200 people").
_SCOPE_OPENING = re.compile(
    r"^(?:since|until|till|between|during|throughout|so far|this|these|last|next"
    r"|for (?:the (?:first|last|past|next)\b|a |an |\d|(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|several|many|more)\b)"
    r"|(?:in|over|within) the (?:past|last|next|first)\b|(?:a|per|each|every) (?:year|month|week|day|season)\b)"
)
# Contrasts that open a clause with no comma before them ("built in 1817 but since 2005 ..."), unless the word
# before, dropped with it, makes an idiom of it ("[all but] empty"). Inside what is dropped, "or" and "nor" go
# on a list ("buses, trains, or ferries"); only opening what is dropped are they a contrast ("[or a national
# disgrace]").
_CONTRASTS_WITHIN = frozenset("but although whereas".split())
_CONTRAST_IDIOMS = frozenset("all anything nothing".split())
_LIST_GOING_ON = frozenset({"or", "nor"})
# A contrast that opens the sentence, dropped with its clause: a concession ("[Although the club denied it,]
# reports had suggested ..."), not a connective the trimmer may drop ("[But] the club said").
_OPENING_CONCESSIONS = frozenset("although though whereas despite unless except".split())
# What makes a contrast the answer to what a headline keeps: it denies it ("no truth in the claims", "denied
# the reports"), or what is kept only appears or is reported ("may seem", "reports had suggested"). Not any
# negation or setback: "but no one was hurt" adds to "the bus caught fire", and "but the talks failed to
# produce a ceasefire" leaves "Putin agreed to pause strikes" true.
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|untrue|false|wrong|reject(?:ed|s)|dismiss(?:ed|es)|no truth|not true"
    r"|no evidence)\b"
)
# "may" lower-cased is as often the month ("opened in May"): "may seem" is read by its "seem".
_APPEARANCES = (_HEDGE_WORDS - {"may"}) | frozenset(
    "seem seems seemed appear appears appeared suggest suggests suggested claim claims claimed report reports"
    " rumour rumours rumoured".split()
)
# An aside the trimmer drops whole says who or what, not over what span: ", who joined this summer,".
_ASIDE_OPENINGS = frozenset("who whose which a an the".split())
# A dropped stretch with a verb of its own (an auxiliary) is a clause, not a qualifier: "[so far has almost
# 5,500 signatures]". Lower-cased, "may" is as often the month a scope names ("between June 2014 and May 2015").
_CLAUSE_VERBS = AUXILIARIES - {"may"}
_SCOPE_LEAD = 4  # words of a dropped stretch before its scope: "[committed in the territory] between ..."
_SCOPE_WORDS = 8  # a scope that spans more of what is dropped is part of a clause of its own
_FIGURE_HEDGES = re.compile(
    r"(?:^| )(?:nearly|almost|about|around|roughly|approximately|some|only|just|up to|at least|at most"
    r"|more than|less than|fewer than|over|under|as many as|as much as)$"
)


def dropped_qualifier(cut: str, sentence: str, *, strict: bool = True) -> str | None:
    """The contrast, scope or figure's hedge a cut of the sentence leaves out, as a reason, or None.

    The words left out are read stretch by stretch (the runs of the sentence's words the cut does not
    keep); a stretch that opens the sentence is a connective or a lead-in the trimmer may drop, except a
    hedge on the figure that follows it, or a concession ("[Although the club denied it,] reports had ...").
    A contrast counts at a stretch's start, or inside it after punctuation or as "but", "although" or
    "whereas": "[by Worcester Warriors, although ... there was no truth in the claims]".

    Not ``strict`` (a headline, which says what happened, not all of it), a cut may leave out a qualifier of
    time or scope ("last season") and a contrast that neither denies what it keeps ("but everyone on board
    was safe" of "the tour bus caught fire") nor answers an appearance or a report it keeps ("Reports had
    suggested ..., although ... no truth in the claims", "may seem ..., but ...").
    """
    words, breaks = _with_breaks(sentence)
    kept = _words(cut)
    pairs = _matched_positions(kept, words)
    if len(pairs) != len(kept):
        return None  # not a cut: the other checks read it
    matched = {where for _, where in pairs}
    stretches: list[list[int]] = []
    for index in range(len(words)):
        if index in matched:
            continue
        if stretches and stretches[-1][-1] == index - 1:
            stretches[-1].append(index)
        else:
            stretches.append([index])
    for stretch in stretches:
        text = " ".join(words[index] for index in stretch)
        following = stretch[-1] + 1
        if following in matched and _is_figure(words[following]) and _FIGURE_HEDGES.search(text):
            return f"leaves out '{text}' before the figure {words[following]}"
        if stretch[0] == 0:
            if (
                words[0] in _OPENING_CONCESSIONS
                and len(stretch) > 1
                and (strict or _reverses(kept, [words[i] for i in stretch]))
            ):
                return f"leaves out the contrast '{_shown_words(words, stretch)}'"
            continue
        contrast = next(
            (
                at
                for at, index in enumerate(stretch[:-1])
                if words[index] in CONTRASTS
                and (
                    at == 0
                    or (
                        (breaks[index] or words[index] in _CONTRASTS_WITHIN)
                        and words[index] not in _LIST_GOING_ON
                        and words[index - 1] not in _CONTRAST_IDIOMS
                    )
                )
            ),
            None,
        )
        if contrast is not None and (strict or _reverses(kept, [words[i] for i in stretch[contrast:]])):
            return f"leaves out the contrast '{_shown_words(words, stretch[contrast:])}'"
        if (
            strict
            and words[stretch[0]] not in _ASIDE_OPENINGS
            and _CLAUSE_VERBS.isdisjoint(words[i] for i in stretch)
        ):
            # "[committed in the territory between June 2014 and May 2015]": a scope near the start of what
            # is dropped, and what it spans to the end of it short
            rests = (
                " ".join(words[index] for index in stretch[at:])
                for at in range(min(len(stretch), _SCOPE_LEAD + 1))
                if len(stretch) - at <= _SCOPE_WORDS
            )
            if any(_SCOPE_OPENING.match(rest) for rest in rests):
                return f"leaves out the qualifier '{_shown_words(words, stretch)}'"
    return None


def _is_figure(word: str) -> bool:
    return _has_digit(word) or word in _UNITS or word in _TENS or word in _SCALES


def _reverses(kept: Sequence[str], contrast: Sequence[str]) -> bool:
    """Whether a contrast left out answers what the cut keeps: it denies, or what is kept is only an appearance."""
    return _DENIAL.search(" ".join(contrast)) is not None or not _APPEARANCES.isdisjoint(kept)


def _shown_words(words: Sequence[str], stretch: Sequence[int]) -> str:
    shown = [words[index] for index in stretch[:6]]
    return " ".join(shown) + (" ..." if len(stretch) > 6 else "")


def _headless_problem(cut: str, sentence: str) -> str | None:
    """A cut that keeps a noun's modifier but not the noun: "with a pelvis" for "with a pelvis injury", "a county
    championship, finds" for "a county championship winner with ..., finds". Where the sentence goes on from a
    kept word to a dropped content word with no punctuation between, and the cut stops there (at its end or at
    its own punctuation), the kept word described the dropped one. A participle ("slippers stashed in ...") or a
    clause word opens a phrase of its own, a date says when, and a figure's unit is the figure rules' to read.
    A cut that ends right before "of" or a verb has lost its phrase's ending: "all part [of the experience]", "as the busiest
    routes [are expected to ...]"."""
    words, breaks = _with_breaks(_figures_as_values(sentence))
    mine, my_breaks = _with_breaks(_figures_as_values(cut))
    pairs = _matched_positions(mine, words)
    if len(pairs) != len(mine):
        return None
    for (at, where), following in itertools.zip_longest(pairs, pairs[1:]):
        if where + 1 >= len(words) or breaks[where + 1] or (following and following[1] == where + 1):
            continue
        kept, dropped = words[where], words[where + 1]
        stops = at + 1 >= len(mine) or my_breaks[at + 1]
        if not stops or kept in STOP_WORDS:
            continue
        if (
            dropped not in STOP_WORDS | _CLAUSE_WORDS | DATE_WORDS
            and not dropped.endswith(("ed", "ing"))
            and not _has_digit(dropped)
            and dropped.isalpha()
        ):
            return f"stops its phrase before the word it describes ('{kept}' without '{dropped}')"
        if at + 1 >= len(mine) and (dropped in _PREDICATE_START or dropped == "of"):
            return f"stops before the words that finish its phrase ('{kept}' without '{dropped} ...')"
    return None


def _matched_positions(claim: Sequence[str], words: Sequence[str]) -> list[tuple[int, int]]:
    """The statement's words matched in order in the sentence's (a longest common subsequence), as index pairs."""
    rows, cols = len(claim), len(words)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            same = claim[i] == words[j]
            table[i][j] = table[i + 1][j + 1] + 1 if same else max(table[i + 1][j], table[i][j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < rows and j < cols:
        if claim[i] == words[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _binding_problem(claim: str, sentences: list[str], article: str = "") -> str | None:
    """A number, a date or a name must be said of what the cited sentences say it of.

    "500 airstrikes" against "500 rebels were killed ... 1,200 airstrikes": both numbers are
    cited, but the words around the claim's 500 sit beside 1,200 in the sentences.
    """
    every = _mentions(claim)
    keys = {key for key, _, _ in every}
    # A name said twice in the statement may be said of two things: only single mentions are bound.
    mentions = [m for m in every if m[0][0] != "@" or sum(key == m[0] for key, _, _ in every) == 1]
    exclude = {stem(key[1:]) for key in keys} | {
        stem(word.lower()) for name, _, _ in _name_mentions(claim) for word in name.split()
    }
    # A surname is a person's where the article anywhere gives it a first name or a title ("spokesman Scott
    # Stanzel"), not only in the cited sentences, which often call them by surname alone.
    people = set().union(*(_people(sentence) for sentence in [*sentences, article]))
    for key, start, end in mentions:
        around = _neighbours(claim, start, end, exclude)
        if not around or (key[0] == "@" and key[1:] not in people):
            continue  # only people are bound by name: places and titles move about in paraphrase
        same = other = 0.0
        other_key = ""
        for sentence in sentences:
            for their_key, their_start, their_end in _mentions(sentence):
                if their_key[0] != key[0] or (their_key != key and their_key in keys):
                    continue
                if their_key[0] == "@" and their_key[1:] not in people:
                    continue
                if their_key[0] == "#":
                    their_start, their_end = _figure_span(sentence, their_start, their_end)
                theirs = _neighbours(sentence, their_start, their_end, exclude)
                # A name keeps its words on either side ("the Open final", "the final of the Open").
                score = (
                    _closeness(_sideless(around), _sideless(theirs))
                    if key[0] == "@"
                    else _closeness(around, theirs)
                )
                if their_key == key:
                    same = max(same, score)
                elif score > other:
                    other, other_key = score, their_key
        if same == 0 and other > 0:
            kind = {"#": "number", "%": "date", "@": "name"}[key[0]]
            return f"{kind} {key[1:]} is where the cited sentences have {other_key[1:]}"
    return None


def _speaker_made_doer(claim: str, sentences: list[str], article: str = "") -> str | None:
    """A person the cited sentences only quote ("..., spokesman Scott Stanzel said") made the one who does what
    they report ("Stanzel undergoes a colonoscopy"): the commonest swap of one person for another."""
    people = set().union(*(_people(sentence) for sentence in [*sentences, article]))
    claimed = {_surname(speaker) for speaker, _ in _speech_acts(claim)} | _colon_speakers(claim)
    for name, start, end in _name_mentions(claim):
        surname = _surname(name)
        if surname not in people or surname in claimed or _speaking(claim, start, end):
            continue
        mentions = [
            _speaking(sentence, start, end)
            for sentence in sentences
            for other, start, end in _name_mentions(sentence)
            if _surname(other) == surname
        ]
        if mentions and all(mentions):
            return f"makes {name} the doer of what the cited sentences only quote {name} as saying"
    return None


_SAYS_AFTER = re.compile(rf"\s*(?:,\s*)?(?:has |had |have |also |then |later )?{_SPEECH}\b")
_SAYS_BEFORE = re.compile(
    rf"(?:(?:,|\")\s*{_SPEECH}\s+(?:[a-z][\w'-]*\s+){{0,3}}|\baccording to\s+(?:the\s+)?(?:[a-z][\w'-]*\s+){{0,2}})$"
)


def _speaking(sentence: str, start: int, end: int) -> bool:
    """Whether a mention of a name is the speaker of a saying ("Snow said", ", said spokesman Snow"); in "friends of
    Stacy Peterson said" the friends speak."""
    owned = re.search(r"\b(?:of|for)\s+$", sentence[max(start - 5, 0) : start])
    return bool(
        (_SAYS_AFTER.match(sentence, end) and not owned)
        or _SAYS_BEFORE.search(sentence[max(start - 60, 0) : start])
    )


def _surname(name: str) -> str:
    return re.sub(r"'s?$", "", name.split()[-1]).lower() if name.split() else ""


def _colon_speakers(claim: str) -> set[str]:
    """Who a headline-style statement quotes before its colon ("Jonathan Evans: at least 2,000 ...")."""
    head = claim.split(":", 1)[0] if ":" in claim else ""
    return {_surname(name) for name, _, _ in _name_mentions(head)}


# "7.8 million euros ($10.7 million)": a figure in brackets right after another is the same amount in other
# units, and both are said of the words around the pair.
_CONVERTS_BEFORE = re.compile(
    r"\d[\d.,]*(?:\s*(?:[A-Za-z]+|%)){0,2}\s*\(\s*(?:about |around |some |roughly )?[$£€]?$"
)
_CONVERSION_AFTER = re.compile(r"^(?:\s*[A-Za-z]+){0,2}\s*\([^()]{1,30}\)")


def _figure_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a figure and its conversion stand together: the pair's start and end."""
    window = max(start - 40, 0)
    converts = _CONVERTS_BEFORE.search(text[window:start])
    if converts:
        close = text.find(")", end)
        return window + converts.start(), close + 1 if 0 <= close - end <= 3 else end
    conversion = _CONVERSION_AFTER.match(text[end:])
    if conversion and re.search(r"\d", conversion.group()):
        return start, end + conversion.end()
    return start, end


def _attribution_problem(
    claim: str, sentences: list[str], context_words: set[str], article: str = ""
) -> str | None:
    """Each speaker in the statement must be the one the cited sentences give those words to.

    A speaker is given the words between the saying before theirs and the one after: in
    "Police added X, spokeswoman O'Brien said" each has their own part.
    """
    acts = sorted(_speech_acts(claim), key=lambda act: act[1])
    quoted = re.findall(r'"([^"]{3,})"', claim)
    # ", officials say" in a statement names no one whom the sentences could contradict; in a sentence, ", police
    # said" is a speaker the statement may not give to a named man.
    named = [
        (name, at)
        for name, at in acts
        if name.lower() not in _PRONOUNS and not (name.islower() and claim[at] in ',"')
    ]
    if len(named) > 1 and any(_same_speakers(named, _speech_acts(sentence)) for sentence in sentences):
        return None  # the same people say things in the same order
    for name, at in named:
        earlier = max((where for _, where in acts if where < at), default=0)
        later = min((where for _, where in acts if where > at), default=len(claim))
        segment = claim[earlier:later]
        quotes = [quote for quote in quoted if quote in segment] or (quoted if len(named) == 1 else [])
        own = {stem(word) for word in _words(name)}
        stems = set(_content(_words(segment))) - own
        unnamed = _unnamed_holder(name, sentences, quotes, stems, article)
        if unnamed:
            return f"attributes the words to {name}; the cited sentence that holds them does not name {name}"
        speaker = _speaker_of(sentences, quotes, stems)
        if speaker is None or _same_person(name, speaker):
            continue
        holder = next((s for s in sentences if any(who == speaker for who, _ in _speech_acts(s))), "")
        if _role_stated(name, holder, article):
            continue  # "Dad says" for '"...," his father said'
        if _titled(name, speaker, article or " ".join(sentences)) or _role_of(
            name, speaker, article or " ".join(sentences)
        ):
            # "Leifman says" for "the judge says" where the article has "Judge Steven Leifman"; "mayor says" for
            # "Sanders said" where it has "Mayor Jerry Sanders"
            continue
        if speaker.lower() in _PRONOUNS:
            found = _pronoun_referents(sentences, speaker, article)
            if found is None and (
                _known_name(name, context_words)
                or _known_name(name, _words_before_pronoun(sentences, speaker))
            ):
                continue  # "..., she said" after the sentence that names her (a name only after it is someone else)
            if found is not None and (
                any(
                    _same_person(name, referent) or _role_of(name, referent, article) for referent in found[0]
                )
                or _role_stated(name, found[1], article)
            ):
                # "Principal says" for "she says" after "Harb", where the article has "principal ... Harb"; "their
                # lawyer says" for "he said" after "the men's lawyer ..."
                continue
        return f"attributes the words to {name}; the cited sentences give them to {speaker}"
    return None


# Words for the same relation or role: a headline's "Dad says" is the article's "his father said".
ROLE_SYNONYMS = {"dad": "father", "mom": "mother", "mum": "mother", "lawyer": "attorney"}


def _role_stated(name: str, holder: str, article: str) -> bool:
    """Whether the speaker is a role or a relation, not a name ("attorney", "Dad": no word of it is
    capitalised in the article but at a sentence's start), that the sentence giving the words to their
    speaker uses in lower case ("his father said", "union organiser Malik Osei"): the role describes that
    speaker. A role found only in another sentence may be someone else ("the operator said talks ...")."""
    names = {word.lower() for word in _capitalised(article or holder)}
    words = _words(name)
    if not holder or not words or any(word in names for word in words):
        return False
    # Written in lower case where it is used: "attorney" is a role, "Okafor" after a quotation is not.
    used = set(re.findall(r"(?<![\w'])[a-z][\w'-]*", holder))
    return all(word in used or ROLE_SYNONYMS.get(word) in used for word in words)


def _titled(name: str, role: str, article: str) -> bool:
    """Whether the speaker the cited sentences give is a role ("the judge", "the Kentucky senator") that the article
    writes as the title of the person the statement names ("Judge Steven Leifman", "public defender Jeff Banks",
    "Sen. Rand Paul"). The role's words in lower case are the title."""
    words = role.split()
    while words and not words[0].islower():
        words = words[1:]
    if not words or role in _PRONOUNS or not all(word.islower() for word in words):
        return False
    titles = [r"\s+".join(re.escape(word) for word in words)]
    if words[-1] in _TITLE_SHORT_FORMS:
        titles.append(re.escape(_TITLE_SHORT_FORMS[words[-1]]))
    return any(
        re.search(
            rf"(?<![\w'])(?i:{title})\s+(?:[A-Z][\w'.-]*\s+){{0,3}}(?i:{re.escape(_surname(name))})\b",
            article,
        )
        for title in titles
    )


_TITLE_SHORT_FORMS = {"senator": "Sen.", "representative": "Rep.", "governor": "Gov.", "congressman": "Rep."}


def _unnamed_holder(
    name: str, sentences: list[str], quotes: list[str], stems: set[str], article: str
) -> bool:
    """Whether the words given to ``name`` are in a cited sentence that says nobody says them (a quotation
    standing alone), and neither it nor the sentence before it in the article names the speaker: the words
    of someone else ("Laura and I are deeply saddened" given to the agency head quoted in another sentence)."""

    def overlap(sentence: str) -> int:
        held = sum(_holds_quote(sentence, quote) for quote in quotes)
        return held * 100 + len(stems & set(_content(_words(sentence))))

    people = set().union(*(_people(sentence) for sentence in [*sentences, article]))
    holder = max(sentences, key=overlap)
    if _surname(name) not in people or _speech_acts(holder) or overlap(holder) < max(2, len(stems) // 2):
        return False
    at = article.find(holder) if article else -1
    # The sentence just before a quotation standing alone is where its speaker is named.
    before = re.split(r'(?<=[.!?"])\s+', article[:at].rstrip())[-1] if at > 0 else ""
    return not _known_name(long_forms(name), set(_words(f"{holder} {before}")))  # "FM" is "Foreign Minister"


# Sentences before a "he said" in the article that may name whom it refers to.
REFERENT_SENTENCES = 3


def _pronoun_referents(sentences: list[str], pronoun: str, article: str) -> tuple[list[str], str] | None:
    """Whom a cited "he said" (or "she", "it", "they" ...) can refer to, and the text they are named in: the names
    before it, outside quotations, in its own sentence and the ``REFERENT_SENTENCES`` before that one in the
    article; for "he" or "she", only the people if any are named there. A person named further back, or in a
    cited sentence elsewhere in the article, is someone else ("Nkaissery said ..." three paragraphs before "she
    told CNN"). None when the article does not hold the sentence (nothing to look back in)."""
    for sentence in sentences:
        at = next((where for who, where in _speech_acts(sentence) if who == pronoun), None)
        if at is not None:
            break
    else:
        return None
    where = article.find(sentence) if article else -1
    if where < 0:
        return None
    earlier = re.split(r'(?<=[.!?"])\s+', article[:where].rstrip())[-REFERENT_SENTENCES:]
    text = _unquoted(" ".join([*earlier, sentence[:at]]))
    mentions = _name_mentions(text)
    if pronoun in {"he", "she"}:
        # A person, or a name the article gives in full somewhere ("Sanaa Abu Harb", then "Harb wants the CNN
        # crew ..."): not a body or an adjective ("CNN", "Iraqi").
        people = set().union(*(_people(each) for each in [*sentences, article]))
        people |= {_surname(name) for name, _, _ in _name_mentions(article) if len(name.split()) >= 2}
        mentions = [m for m in mentions if _surname(m[0]) in people] or mentions
    return [name for name, _, _ in mentions], text


def _role_of(role: str, name: str, article: str) -> bool:
    """Whether a speaker the statement names by a role ("Principal", "sheriff") is the named person the article
    gives that role ("principal Sanaa Abu Harb", "Nye County Sheriff Tony De Meo")."""
    return name.lower() not in _PRONOUNS and _titled(name, role.lower(), article)


def _unquoted(text: str) -> str:
    """The text with its quotations blanked: a name inside one is what the speaker talks of, not who speaks."""
    for start, end in reversed(_quoted_spans(text)):
        text = text[: max(start, 0)] + " " + text[end + 1 :]
    return text


def _words_before_pronoun(sentences: list[str], pronoun: str) -> set[str]:
    """The cited words before the first "he said" (or "she", "they" ...): where the pronoun's person is named."""
    before: list[str] = []
    for sentence in sentences:
        at = next((where for who, where in _speech_acts(sentence) if who == pronoun), None)
        if at is not None:
            return set(_words(" ".join([*before, sentence[:at]])))
        before.append(sentence)
    return set(_words(" ".join(before)))


def _same_speakers(claimed: list[tuple[str, int]], stated: list[tuple[str, int]]) -> bool:
    ordered = [name for name, _ in sorted(stated, key=lambda act: act[1])]
    return len(ordered) == len(claimed) and all(
        _same_person(name, other) for (name, _), other in zip(claimed, ordered, strict=True)
    )


def _speaker_of(sentences: list[str], quotes: list[str], stems: set[str]) -> str | None:
    """Whom the cited sentences give these words to: the saying nearest to them, in the sentence holding them."""
    quoting = [sentence for sentence in sentences if any(_holds_quote(sentence, quote) for quote in quotes)]
    speaking = [sentence for sentence in sentences if _speech_acts(sentence)]
    closest = max(speaking, key=lambda s: len(stems & set(_content(_words(s)))), default=None)
    candidates = [s for s in quoting if _speech_acts(s)] or ([closest] if closest else [])
    best: tuple[int, str] | None = None
    for sentence in candidates:
        anchor = _anchor(sentence, quotes, stems)
        for name, at in _speech_acts(sentence):
            if best is None or abs(at - anchor) < best[0]:
                best = (abs(at - anchor), name)
    return best[1] if best else None


def _holds_quote(sentence: str, quote: str) -> bool:
    piece = re.split(r"\s*(?:…|\.\.\.)\s*", quote)[0].strip(" ,.;:!?").lower()
    return bool(piece) and quotation_in(piece, sentence)


# Contractions whose long form is certain ("'s" may be "is", "has" or a possessive; "'d" "had" or "would").
_CONTRACTIONS = (("n't", " not"), ("'m", " am"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"))


def quotation_in(piece: str, text: str) -> bool:
    """Whether a piece of a quotation is the text's own words, in order: the marks between them do not count
    ('"a joke"' is the article's 'a "joke,"'), and a contraction is its two words ("I'm astounded" quotes
    "I am astounded"). Not a word more, less or different: a misquotation fails."""
    piece = piece.lower()
    text = text.lower()
    if piece in text:
        return True
    words = _quoted_words(piece)
    return bool(words) and f" {words} " in f" {_quoted_words(text)} "


@lru_cache(maxsize=64)
def _quoted_words(text: str) -> str:
    text = text.translate(_QUOTE_MARKS)
    for short, long in _CONTRACTIONS:
        text = text.replace(short, long)
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)*", text))


def _anchor(sentence: str, quoted: list[str], claim_stems: set[str]) -> int:
    """Where in the sentence the statement's words sit: its quotation, else the middle of the matched words."""
    lowered = sentence.lower()
    for quote in quoted:
        piece = re.split(r"\s*(?:…|\.\.\.)\s*", quote)[0].strip(" ,.;:!?").lower()
        found = lowered.find(piece) if piece else -1
        if found >= 0:
            return found + len(piece) // 2
    spots = [m.start() for m in re.finditer(r"[^\W_]+", sentence) if stem(m.group().lower()) in claim_stems]
    return (spots[0] + spots[-1]) // 2 if spots else len(sentence) // 2


def _role_problem(claim: str, sentences: list[str]) -> str | None:
    """Two names on either side of a verb keep their order, unless the voice changes."""
    # A title in quotation marks ("Sicko", "Grey's Anatomy") does nothing and has nothing done to it.
    mentions = [m for m in _name_mentions(claim) if claim[: m[1]].count('"') % 2 == 0]
    for position, (first, _, first_end) in enumerate(mentions):
        for second, second_start, _ in mentions[position + 1 :]:
            if (
                _same_person(first, second)
                or _count_name(claim, first) != 1
                or _count_name(claim, second) != 1
            ):
                continue
            between = claim[first_end:second_start]
            if _LIST_JOIN.match(between) or not re.search(r"[a-z]{3,}", between):
                continue
            if _SETTING.search(between):
                continue  # "... in the Port Ellis Open": a place or an occasion, not whom it was done to
            if _titles_only(between):
                continue  # "UKIP leader Nigel Farage": the second name's title, no verb between them
            claim_passive = bool(_PASSIVE.search(between))
            agrees = disagrees = False
            for sentence in sentences:
                if _count_name(sentence, first) != 1 or _count_name(sentence, second) != 1:
                    continue  # a name said twice gives no single order to compare
                where_first = _find_name(sentence, first)
                where_second = _find_name(sentence, second)
                if where_first is None or where_second is None:
                    continue
                low, high = sorted((where_first, where_second))
                gap = _strip_name_tail(sentence[low:high])
                if _LIST_JOIN.match(gap) or _CLAUSE_BREAK.search(gap):
                    continue  # names in two clauses ("..., and on Friday Beckham will") have no order to keep
                flipped = where_first > where_second
                if flipped != (bool(_PASSIVE.search(gap)) != claim_passive):
                    disagrees = True
                else:
                    agrees = True
            if disagrees and not agrees:
                return f"reverses who did what: the cited sentences put {second} before {first}"
    return None


def _titles_only(between: str) -> bool:
    """Whether the words between two names are only a title ("leader", "former party chief"): the second
    name's description, with no verb to have an order of who did what."""
    words = re.findall(r"[\w'’-]+", between.lower())
    return (
        0 < len(words) <= 3
        and words[-1] in PERSON_TITLES
        and all(word in PERSON_TITLES or word in _TITLE_MODIFIERS for word in words)
    )


_TITLE_MODIFIERS = frozenset("former ex party club group team".split())


_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|as|who|which|where|when)\b|\s--?\s")


def _count_name(sentence: str, name: str) -> int:
    surname = name.split()[-1]
    if surname[:1].isalnum() and surname[-1:].isalnum():
        return len(standalone_positions(sentence, surname))
    return len(re.findall(rf"\b{re.escape(surname)}\b", sentence))


_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)


def _agentless(text: str, match: re.Match[str]) -> bool:
    """A causing verb in the passive with no "by" ("375,000 have been forced from their homes"): it says what
    happened to someone, and names no cause to check."""
    participle = match.group("before") is not None and match.group().lower().endswith("ed")
    if not participle or not _PASSIVE_BEFORE.search(text[: match.start()]):
        return False
    clause = re.split(r"[,;:.!?]", text[match.end() :], maxsplit=1)[0]
    return not re.search(r"\bby\b", clause)


def _causal_problem(claim: str, sentences: list[str]) -> str | None:
    """A stated cause or order of events must be one cited sentence's, with each side where it belongs.

    Every connective is read: an unstated cause is reported before an unstated order of events, so that a
    weighed "after" early in a statement does not hide a certain "because" later in it.
    """
    orders: list[str] = []
    for match in _CONNECTIVE.finditer(claim):
        cause, effect = _sides(claim, match)
        if not cause or not effect or _agentless(claim, match):
            continue
        word = match.group().lower()
        supported = False
        for sentence in sentences:
            for other in _CONNECTIVE.finditer(sentence):
                if (
                    word in _TEMPORAL
                    and other.group().lower() not in _TEMPORAL
                    and other.group("after") is None
                ):
                    continue
                if word not in _TEMPORAL and other.group().lower() in _TEMPORAL:
                    continue  # "after" states an order of events, not a cause
                their_cause, their_effect = _sides(sentence, other)
                if _covers(cause, their_cause) and _covers(effect, their_effect):
                    supported = True
                # An order of events that the sentence's connective scopes whole ("Ltd. after three children
                # ... swallowed the beads and were hospitalized"): both events follow it.
                terms = set(_content(_words(sentence[other.end() :])))
                if word in _TEMPORAL and _covers(cause, terms) and _covers(effect, terms):
                    supported = True
        if not supported and word not in _TEMPORAL:
            return f"adds a cause ('{word}') the cited sentences do not state"
        if not supported:
            orders.append(f"adds an order of events ('{word}') the cited sentences do not state")
    return orders[0] if orders else None


def _polarity_problem(claim: str, sentences: list[str]) -> str | None:
    """Negations, hedges and conditions in the matched part of the evidence must agree with the statement's."""
    best = _best_sentence(claim, sentences)
    return _negation_problem(claim, best) or _modality_problem(claim, sentences, best)


def _best_sentence(claim: str, sentences: list[str]) -> str:
    """The cited sentence sharing most of the statement's content words."""
    claim_stems = {stem(word) for word in _words(claim) if word not in STOP_WORDS}
    return max(sentences, key=lambda s: len(claim_stems & {stem(w) for w in _words(s)}))


def _claim_stems(claim: str) -> set[str]:
    return {stem(word) for word in _words(claim) if word not in STOP_WORDS}


def _clausewise_negation_problem(claim: str, sentences: list[str]) -> str | None:
    """Each clause of a statement joined with a semicolon is weighed against its own best sentence.

    "The network blames an 'Islamist group'; there's no claim of responsibility" draws its two clauses
    from two sentences, and the negation of the second is in the sentence the second clause matches.
    """
    clauses = [clause for clause in _CLAUSE_SEPARATOR.split(claim) if _claim_stems(clause)]
    if len(clauses) < 2:
        return _negation_problem(claim, _best_sentence(claim, sentences), sentences)
    for clause in clauses:
        problem = _negation_problem(clause, _best_sentence(clause, sentences), sentences)
        if problem:
            return problem
    return None


_CLAUSE_SEPARATOR = re.compile(r"\s*;\s*")


def _negation_problem(claim: str, best: str, sentences: Sequence[str] = ()) -> str | None:
    """A negation in the matched part of the best sentence must be in the statement, and the statement add none.

    "Without" and "no" negate the word they stand before: "held without bail" says nothing against "faces
    charges", so a statement that leaves out the bail does not drop a negation. A negation the statement
    takes from another cited sentence is that sentence's: "no bail" is "held without bail" there.
    """
    claim_words = _words(claim)
    claim_stems = _claim_stems(claim)
    window = _matched_window(best, claim_stems | {word for word in claim_words if word in _NEGATIONS})
    claim_negated = _negated(claim_words)
    cancelled = _cancelled_negations(window, claim_stems)
    paired = _completing_nor(window)
    reworded = _prefixed_negations(window, claim_words)
    counted = [
        word
        for index, word in enumerate(window)
        if word in _NEGATIONS
        and index not in cancelled | paired | reworded
        and _negates(window, index, claim_stems)
    ]
    evidence_negated = len(counted) % 2 == 1
    scopes = {scope for _, scope in _negation_scopes(claim_words) if scope}
    # Two words on, as an adverb may come between: "were not yet releasing" negates "releasing".
    theirs = {
        stem(after)
        for at, word in enumerate(window)
        if word in _NEGATIONS and at not in cancelled
        for after in [w for w in window[at + 1 :] if w not in STOP_WORDS and w not in _NEGATIONS][:2]
    }
    # The statement's "not" must negate what a negation of the sentence negates: "he could not say whether ..."
    # holds no "not" for "Mukasey is not a former judge". A "no" negates a noun, often reworded ("no problems").
    verb_scopes = {
        scope for word, scope in _negation_scopes(claim_words) if scope and word in _VERB_NEGATIONS
    }
    # A form of the same word will do: "not from Sudan" negates what "neither Sudanese" does.
    unmatched = (
        not _negated(window)
        or cancelled
        or (verb_scopes and not any(related(scope, theirs) for scope in verb_scopes))
    )
    if (
        claim_negated
        and unmatched
        and not any(
            related(scope, {theirs for _, theirs in _negation_scopes(_words(sentence)) if theirs})
            for sentence in sentences
            if sentence != best
            for scope in scopes
        )
    ):
        return "adds a negation"
    if evidence_negated and not claim_negated:
        return f"drops the negation '{counted[0]}'"
    return None


_NOUN_NEGATIONS = frozenset({"without", "no"})
# "No longer", "no more": these negate the verb, like "not".
_NOT_A_NOUN = frozenset("longer more less one doubt way".split())


def _negates(words: Sequence[str], index: int, claim_stems: set[str]) -> bool:
    """Whether the negation at ``index`` bears on the statement: "without" or "no" only if it keeps their noun."""
    if words[index] not in _NOUN_NEGATIONS:
        return True
    after = [word for word in words[index + 1 : index + 3] if word not in {"a", "an", "the", "any"}]
    return not after or after[0] in _NOT_A_NOUN or stem(after[0]) in claim_stems


_VERB_NEGATIONS = frozenset({"not", "n't", "never"})
_NEGATIVE_PREFIXES = ("non", "dis", "un", "in", "il", "im", "ir")


def _cancelled_negations(words: Sequence[str], claim_stems: set[str]) -> set[int]:
    """Where a "not" meets a word negated by its prefix whose root the statement says: "not illegal" is "legal"."""
    cancelled: set[int] = set()
    for at, word in enumerate(words):
        if word not in _VERB_NEGATIONS:
            continue
        after = next((w for w in words[at + 1 : at + 3] if w not in STOP_WORDS), "")
        if any(after.startswith(p) and stem(after[len(p) :]) in claim_stems for p in _NEGATIVE_PREFIXES):
            cancelled.add(at)
    return cancelled


def _prefixed_negations(words: Sequence[str], claim_words: Sequence[str]) -> set[int]:
    """Where a "not" is said by the statement with a prefix: "it's not known whether" is "it's unclear whether"."""
    said = {word for word in claim_words if word.startswith(_NEGATIVE_PREFIXES)}
    unknowing = bool(said & _UNKNOWING)
    reworded: set[int] = set()
    for at, word in enumerate(words):
        if word not in _VERB_NEGATIONS:
            continue
        after = next((w for w in words[at + 1 : at + 3] if w not in STOP_WORDS), "")
        if any(prefix + after in said for prefix in _NEGATIVE_PREFIXES) or (unknowing and after in _KNOWING):
            reworded.add(at)
    return reworded


_UNKNOWING = frozenset({"unclear", "unknown", "uncertain", "unsure"})
_KNOWING = frozenset({"clear", "known", "certain", "sure"})


def _negation_scopes(words: Sequence[str]) -> list[tuple[str, str | None]]:
    """Each negation, and the stem of the first word after it that carries meaning (what it negates)."""
    found: list[tuple[str, str | None]] = []
    for index, word in enumerate(words):
        if word in _NEGATIONS:
            after = (w for w in words[index + 1 :] if w not in STOP_WORDS and w not in _NEGATIONS)
            found.append((word, next((stem(w) for w in after), None)))
    return found


# The month, not the hedge: "until May 6", "in May", "since May 2019".
_MONTH_MAY = re.compile(
    r"\bMay(?=\s+\d)|\b(?i:in|of|since|until|by|from|early|late|mid|last|next|this|through) May\b"
)


def _month_may_marked(text: str) -> str:
    return _MONTH_MAY.sub(lambda match: match.group().replace("May", "Maymonth"), text)


def _modality_problem(claim: str, sentences: list[str], best: str) -> str | None:
    """Hedges ("may", "reportedly"), conditions ("unless ...") and reservations must agree with the statement's."""
    claim, best = _month_may_marked(claim), _month_may_marked(best)
    sentences = [_month_may_marked(sentence) for sentence in sentences]
    claim_words = _words(claim)
    claim_stems = _claim_stems(claim)
    window = _matched_window(best, claim_stems | {word for word in claim_words if word in _NEGATIONS})
    for kind, words in _HEDGES.items():
        in_window = _hedges_on(window, kind, claim_stems)
        in_claim = _hedges_in(claim_words, kind)
        if in_window and not in_claim:
            return f"drops the qualifier '{in_window[0]}'"
        if in_claim and not in_window and not any(words & set(_words(s)) for s in sentences):
            if kind == "report" and any(_REPORTED.search(s) or _speech_acts(s) for s in sentences):
                continue  # "allegedly" for what officials say, "reportedly" for what a statement says
            return f"adds the qualifier '{in_claim[0]}' ({kind})"
    condition = _CONDITION.search(best)
    if (
        condition
        and not _CONDITION.search(claim)
        and not _in_unused_quotation(best, condition.start(), claim_stems)
    ):
        clause = set(_content(_words(best[condition.start() :])))
        if clause and not clause <= claim_stems:
            return f"drops the condition '{condition.group().lower()} ...'"
    return _dropped_qualifier(claim, best, claim_stems)


def _in_unused_quotation(sentence: str, at: int, claim_stems: set[str]) -> bool:
    """Whether ``at`` lies in a quotation the statement takes at most one word from: a condition there is the
    speaker's ("if we would just withdraw, the killing would end"), not one on what the statement reports."""
    for start, end in _quoted_spans(sentence):
        if start < at < end:
            return len(set(_content(_words(sentence[max(start, 0) : end]))) & claim_stems) <= 1
    return False


def _hedges_in(words: Sequence[str], kind: str) -> list[str]:
    """The words of one class of hedge; "could not" is the past of "cannot", no possibility."""
    return [
        word
        for at, word in enumerate(words)
        if word in _HEDGES[kind]
        and not (word == "could" and tuple(words[at + 1 : at + 2]) in {("not",), ("n't",)})
    ]


# Who suspects, when "suspect" is a verb: "police suspect", "investigators suspect that".
_SUSPECTING = frozenset(
    "i we they you police officials investigators authorities detectives who experts".split()
)


def _hedges_on(words: Sequence[str], kind: str, claim_stems: set[str]) -> list[str]:
    """The hedges of a kind in the evidence that bear on what the statement says: a hedge on a word the
    statement does not use ("the cat was apparently shot" for "the sheriff's office is investigating")
    qualifies something else."""
    hedged = []
    for at, word in enumerate(words):
        if word not in _hedges_in(words[at : at + 2], kind)[:1]:
            continue
        if word in {"suspect", "suspects"} and (at == 0 or words[at - 1] not in _SUSPECTING):
            continue  # "the murder suspect swore", "bombing suspect Dzhokhar Tsarnaev": a person, no hedge
        following = next((term for later in words[at + 1 :] for term in _content([later])), None)
        if following is None or following in claim_stems:
            hedged.append(word)
    return hedged


# A statement the cited sentences give a source ("according to officials", "was thought to have drowned").
_REPORTED = re.compile(
    r"\baccording to\b|\b(?:is|are|was|were|been)\s+(?:thought|believed|said|reported|understood)\s+to\b|"
    r"\b(?:reported|suspect|suspects|suspected|believe|believes|believed)\b",
    re.I,
)


def _dropped_qualifier(claim: str, sentence: str, claim_stems: set[str]) -> str | None:
    """A concession ("although ...") or a bracketed reservation ("(not confirmed)") the statement leaves out."""
    for match in _CONCESSION.finditer(sentence):
        if _CONCESSION.search(claim):
            break
        clause = re.split(r"[,;:.!?]", sentence[match.end() :], maxsplit=1)[0]
        stems = set(_content(_words(clause)))
        if stems and len(stems & claim_stems) < len(stems) / 2:
            return f"drops the qualifier '{match.group().lower()} {clause.strip()[:40]}'"
    for match in re.finditer(r"\(([^()]{3,120})\)", sentence):
        inner = _words(match.group(1))
        reserved = [w for w in inner if w in _NEGATIONS or any(w in words for words in _HEDGES.values())]
        if reserved and not set(_content(inner)) <= claim_stems:
            return f"drops the qualifier '({match.group(1)[:40]})'"
    return None


def related(term: str, terms: set[str]) -> bool:
    """The term, or a form of it: 'walkout' and 'walked' share 'walk', 'beaten' and 'beat' share 'beat';
    a plural is its singular ('cars', 'car'), and an irregular verb's forms are one verb ('ran', 'run')."""
    if term in terms:
        return True
    if term.removesuffix("s") in terms or f"{term}s" in terms:
        return True
    forms = _VERB_FORMS.get(term)
    if forms and not forms.isdisjoint(terms):
        return True
    return len(term) >= 4 and any(
        len(other) >= 4 and (term.startswith(other) or other.startswith(term)) for other in terms
    )


# Verbs whose forms share no beginning that ``related`` could see ("ran" and "run", "rose" and "risen").
_IRREGULAR_VERBS = """
run ran | rise rose risen | fall fell fallen | win won | lose lost | leave left | meet met | pay paid |
sell sold | take took taken | give gave given | go went gone | come came | begin began begun |
bring brought | buy bought | catch caught | think thought | hold held | keep kept | spend spent |
send sent | build built | find found | strike struck | steal stole stolen | fly flew flown |
drive drove driven | write wrote written | choose chose chosen | fight fought | shoot shot | lead led |
flee fled | freeze froze frozen | sink sank sunk | grow grew grown | throw threw thrown | know knew known |
break broke broken | speak spoke spoken | wear wore worn | tear tore torn | see saw seen | do did done |
make made | get got gotten | sit sat | stand stood | sing sang sung | drink drank drunk | dig dug |
hang hung | shake shook shaken | forget forgot forgotten | feel felt | mean meant | sleep slept |
lend lent | feed fed | slide slid | stick stuck | spin spun | withdraw withdrew withdrawn | teach taught |
seek sought | swim swam swum | hide hid hidden | bite bit bitten | eat ate eaten | ride rode ridden
"""
_VERB_FORMS: dict[str, frozenset[str]] = {
    stem(form): forms
    for verb in _IRREGULAR_VERBS.split("|")
    for forms in [frozenset(stem(form) for form in verb.split())]
    for form in verb.split()
}


_OWNERS = frozenset("his her hers their theirs its our ours my mine".split())
_BE = frozenset("is are was were be been".split())


def _dangling_problem(words: Sequence[str], sentences: Sequence[str] = ()) -> str | None:
    """A statement that stops on "the", "of" or "to" has lost what it was saying, unless a cited sentence
    stops on the same words too ('... I wanted to say that," Gupta said')."""
    if not words or words[-1] not in DANGLING_WORDS:
        return None
    if len(words) > 1 and words[-1] in _OWNERS and words[-2] in _BE:
        return None  # "he says the items were his": a possessive standing for its noun
    ending = r"\W+".join(re.escape(word) for word in words[-3:])
    if any(re.search(rf"\b{ending}\s*(?:[,;:.!?\"')]|$)", sentence, re.I) for sentence in sentences):
        return None
    return f"stops on '{words[-1]}': something is missing"


def _repeated_problem(words: Sequence[str], evidence: str) -> str | None:
    """A word said again at once or one word on, more often than the cited sentences say it ("her february
    february", "al-seba' i" as "al-seba al-seba"): a summariser's slip, not something the sentences state. The same
    spelling only ("Reuters ... Reuter" are a company and its founder), and never further apart: "Lund beat Okafor
    because Lund ..." repeats a name on purpose."""
    plain = [_POSSESSIVE_END.sub("", word) for word in words]
    counts = Counter(plain)
    stated = Counter(_POSSESSIVE_END.sub("", word) for word in _words(evidence))
    for at, word in enumerate(plain):
        if (
            word not in STOP_WORDS
            and len(word) > 1
            and not _has_digit(word)
            and word in plain[at + 1 : at + 3]
            and counts[word] > max(stated[word], 1)
        ):
            return f"says '{word}' again, more often than the cited sentences do"
    return None


def _article_words_problem(claim: str, article: str, where: str = "the article") -> str | None:
    """More content words than ``CERTAIN_NEW_WORDS`` allows that the whole article never uses; a country's or
    a body's other spelling is the article's ("United States" where it writes "U.S.")."""
    terms = _content(_words(claim))
    article_terms = set(_content(_words(article))) | set(_content(_words(name_variants(article))))
    new = sorted({term for term in terms if not related(term, article_terms)})
    per, least = CERTAIN_NEW_WORDS
    if len(new) >= least and len(new) * per > len(terms):
        return f"words not in {where}: {', '.join(new[:4])}"
    return None


def _wording_problem(claim: str, joined: str, fitted: Limits) -> str | None:
    """Nearly every word and word pair must be the cited sentences' own."""
    new_words, new_pairs = novelty(claim, joined)
    if new_words is None:
        return "says nothing"
    if new_words > fitted.max_new_word_share:
        evidence_terms = set(_content(_words(joined)))
        new = [term for term in _content(_words(claim)) if not related(term, evidence_terms)]
        return f"words not in the cited sentences: {', '.join(dict.fromkeys(new[:4]))}"
    if new_pairs > fitted.max_new_pair_share:
        return f"{new_pairs:.0%} of its word pairs are not in the cited sentences"
    return None


def novelty(claim: str, evidence: str) -> tuple[float | None, float]:
    """Shares of the statement's content words and of its word pairs that the evidence lacks."""
    claim_terms = _content(_words(claim))
    if not claim_terms:
        return None, 0.0
    evidence_terms = set(_content(_words(evidence)))
    word_share = sum(not related(term, evidence_terms) for term in claim_terms) / len(claim_terms)
    pairs = _pairs(claim)
    evidence_pairs = set(_pairs(evidence))
    # Under three pairs, one paraphrased pair would be a third of them or more: too few to judge by.
    pair_share = (
        sum(pair not in evidence_pairs for pair in pairs) / len(pairs) if len(pairs) >= MIN_PAIRS else 0.0
    )
    return word_share, pair_share


# A statement this much of whose words come, in order, from one sentence is a copy of it: a word it adds is suspect.
COPIED_SHARE = 0.8
# Words that, right after a cut, make what comes before it the subject of a later verb ("games ... were arrested").
_PREDICATE_START = frozenset(
    "is are was were has have had will would can could should must may might be been being did does do "
    "said says told".split()
)
# A cut just before one of these leaves out a clause, not part of a phrase.
_CLAUSE_WORDS = frozenset(
    "and but or which who whose whom while when where because although though after before as so if that "
    "since until unless whereas with without by according".split()
)
_GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def claim_features(
    claim: str,
    sentences: list[str],
    article: str = "",
    rules: dict[str, str | None] | None = None,
    names_from_context: set[str] | frozenset[str] = frozenset(),
) -> dict[str, float]:
    """What the model weighs: how much of the statement is the cited sentences' own, and how it was cut from them.

    Every value is a share, a count or a flag, computed from the statement and the cited
    sentences alone (``article`` only for the words found elsewhere in it).
    """
    joined = " ".join(sentences)
    claim_words = _words(_figures_as_values(claim))
    evidence_words = _words(_figures_as_values(joined))
    # A name the sentences before give for "he" or "she" is the referent, not a new word.
    referents = {stem(word) for word in names_from_context}
    terms = [term for term in _content(claim_words) if term not in referents]
    new_words, new_pairs = novelty(claim, f"{joined} {' '.join(sorted(names_from_context))}")
    article_terms = set(_content(_words(article))) if article else set(_content(evidence_words))
    outside = sum(not related(term, article_terms) for term in terms) / len(terms) if terms else 1.0
    raw_pairs = list(itertools.pairwise(claim_words))
    evidence_pairs = set(itertools.pairwise(evidence_words))
    evidence_set = set(evidence_words)
    new_function = [w for w in claim_words if w in STOP_WORDS and w not in evidence_set]
    alignment = max((_alignment(claim_words, sentence) for sentence in sentences), key=lambda a: a[0])
    matched, gaps, widest, predicate_after_gap, run, rough, stops = alignment
    evidence_counts = Counter(_content(evidence_words))
    size = max(len(claim_words), 1)
    pronouns = {_GENDERED[w] for w in claim_words if w in _GENDERED}
    evidence_pronouns = {_GENDERED[w] for w in evidence_words if w in _GENDERED}
    evidence_terms = set(_content(evidence_words))
    new_terms = [term for term in terms if not related(term, evidence_terms)]
    copied = matched / max(len(claim_words), 1) >= COPIED_SHARE
    values = {
        "new_words": 1.0 if new_words is None else new_words,
        "copy_with_new_word": float(copied and bool(new_terms)),
        "new_words_elsewhere": sum(related(t, article_terms) for t in new_terms) / len(new_terms)
        if new_terms
        else 0.0,
        "new_pairs": new_pairs,
        "new_words_outside_article": outside,
        "new_word_pairs_raw": sum(pair not in evidence_pairs for pair in raw_pairs) / len(raw_pairs)
        if raw_pairs
        else 0.0,
        "new_function_words": min(len(new_function), 3) / 3,
        "in_order_share": matched / size,
        "longest_run_share": run / size,
        "inner_gaps": min(gaps, 4) / 4,
        "widest_gap": min(widest, 20) / 20,
        "predicate_after_gap": float(predicate_after_gap),
        "reordered": _reordered(terms, _content(evidence_words)),
        "length_ratio": min(len(claim_words) / max(len(evidence_words), 1), 2.0),
        "content_words": min(len(terms), 30) / 30,
        "cited_sentences": min(len(sentences), 3) / 3,
        "names_from_context": min(len(names_from_context), 2) / 2,
        "pronoun_mismatch": float(
            bool(pronouns) and bool(evidence_pronouns) and not pronouns & evidence_pronouns
        ),
        "connective": float(bool(_CONNECTIVE.search(claim))),
        "rough_cuts": min(rough, 4) / 4,
        "stops_inside_phrase": float(stops),
        "dangling_end": float(bool(claim_words) and claim_words[-1] in DANGLING_WORDS),
        "repeated_words": float(_stutters(terms, evidence_counts)),
    }
    for name, reason in (rules or {}).items():
        values[f"rule_{name}"] = float(reason is not None)
    return values


def _figures_as_values(text: str) -> str:
    """Each figure as its value, so '$4.6bn' and '$4.6 billion' are one word when statements are aligned."""
    return _NUMERAL.sub(
        lambda match: " ".join(shown(value) for value in quantities(match.group())) + " ", text
    )


def _with_breaks(text: str) -> tuple[list[str], list[bool]]:
    """The words, and for each whether punctuation comes right before it (where a clause may be cut cleanly)."""
    words: list[str] = []
    breaks: list[bool] = []
    for stretch in _PUNCTUATION.split(text):
        found = _words(stretch)
        words += found
        breaks += [True] + [False] * (len(found) - 1) if found else []
    return words, breaks


def _alignment(claim: Sequence[str], sentence: str) -> tuple[int, int, int, bool, int, int, bool]:
    """The statement's words matched in order in one sentence (longest common subsequence).

    Returns (words matched, gaps between matched words, the widest gap, whether a gap ends
    right before a verb-like word, the longest unbroken shared run, how many ends of cuts
    fall inside a phrase rather than at punctuation or a clause word, and whether the
    statement stops inside one).
    """
    words, breaks = _with_breaks(_figures_as_values(sentence))
    rows, cols = len(claim), len(words)
    if not rows or not cols:
        return 0, 0, 0, False, 0, 0, False
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    runs = [[0] * (cols + 1) for _ in range(rows + 1)]
    longest = 0
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if claim[i] == words[j]:
                table[i][j] = table[i + 1][j + 1] + 1
                runs[i][j] = runs[i + 1][j + 1] + 1
                longest = max(longest, runs[i][j])
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    positions: list[int] = []
    i = j = 0
    while i < rows and j < cols:
        if claim[i] == words[j]:
            positions.append(j)
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    if not positions:
        return 0, 0, 0, False, 0, 0, False

    def clean(at: int) -> bool:  # a cut right before word ``at`` is at a clause's edge
        return at >= cols or breaks[at] or words[at] in _CLAUSE_WORDS

    gaps = widest = rough = 0
    predicate = False
    for before, after in itertools.pairwise(positions):
        if after - before > 1:
            gaps += 1
            widest = max(widest, after - before - 1)
            dropped = words[before + 1 : after]
            if dropped in (["which"], ["who"], ["that"]):
                continue  # "the timetable, which may be delayed" -> "the timetable may be delayed"
            predicate = predicate or words[after] in _PREDICATE_START or words[after].endswith("ed")
            if not all(_has_digit(word) for word in dropped):  # a dropped score or figure is no phrase
                rough += (not clean(before + 1)) + (not clean(after))
    starts = positions[0] > 0 and not (clean(positions[0]) or words[positions[0] - 1] == "that")
    stops = positions[-1] < cols - 1 and not clean(positions[-1] + 1)
    return len(positions), gaps, widest, predicate, longest, rough + starts + stops, stops


def _stutters(terms: Sequence[str], evidence_counts: Counter[str]) -> bool:
    """A word said again within three words, more often than the evidence says it ("silenced his doubters doubters")."""
    counts = Counter(terms)
    return any(
        terms[i] in terms[i + 1 : i + 4] and counts[terms[i]] > max(evidence_counts[terms[i]], 1)
        for i in range(len(terms))
    )


def _reordered(terms: Sequence[str], evidence_terms: Sequence[str]) -> float:
    """Share of the statement's successive word pairs (each word once in the evidence) that the evidence reverses."""
    where = {term: evidence_terms.index(term) for term in terms if evidence_terms.count(term) == 1}
    placed = [where[term] for term in dict.fromkeys(terms) if term in where]
    pairs = list(itertools.pairwise(placed))
    return sum(a > b for a, b in pairs) / len(pairs) if pairs else 0.0


# ---------------------------------------------------------------- reading a sentence


_RANK = re.compile(r"\bNo\.\s*(?=\d)")


@lru_cache(maxsize=16_384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(token.lower() for token in _cased_words(text))


def _cased_words(text: str) -> tuple[str, ...]:
    text = re.sub(
        r"\b(not|non|no)-", r"\1", text.replace("n't", " n't")
    )  # "not-so-surprising" is no negation
    text = _RANK.sub("number ", text)  # "No. 3" is a rank
    return tuple(token for token in _TOKEN.findall(text) if token not in "\"'")


def _content(words: Sequence[str]) -> list[str]:
    """Stems of the words that carry meaning; figures are left to the checks that read them by value."""
    return [
        stem(_POSSESSIVE_END.sub("", word))
        for word in words
        if word not in STOP_WORDS and len(word) > 1 and not _has_digit(word)
    ]


# "Obama's" is Obama: a resolved "his" must meet the name the sentences before give, not "obama'".
_POSSESSIVE_END = re.compile(r"(?<=[^\W\d_]{2})'s?$")


_DIGIT = re.compile(r"\d")


def _has_digit(word: str) -> bool:
    return _DIGIT.search(word) is not None


def _pairs(text: str) -> list[tuple[str, str]]:
    """Adjacent content-word stems ("solar roof"), never across punctuation (a cut is not a new pair)."""
    pairs: list[tuple[str, str]] = []
    for stretch in _PUNCTUATION.split(text):
        pairs += itertools.pairwise(_content(_words(stretch)))
    return pairs


def _negated(words: Sequence[str]) -> bool:
    return _negations(words) % 2 == 1


def _negations(words: Sequence[str]) -> int:
    """How many negations the words hold; "neither ... nor" is one, negating both of its parts."""
    return sum(word in _NEGATIONS for word in words) - len(_completing_nor(words))


def _completing_nor(words: Sequence[str]) -> set[int]:
    """The positions of each "nor" that completes a "neither" before it."""
    completing: set[int] = set()
    open_neither = 0
    for at, word in enumerate(words):
        if word == "neither":
            open_neither += 1
        elif word == "nor" and open_neither:
            open_neither -= 1
            completing.add(at)
    return completing


def _matched_window(sentence: str, claim_stems: set[str]) -> list[str]:
    """The stretch of the sentence the statement draws on, with three words before it.

    The shortest stretch that holds every statement word the sentence has: a word the
    sentence says twice ("to be hanged on Thursday ... will not be hanged") does not pull in
    the clause around its second use.
    """
    words = _words(sentence)
    keys = [
        stem(word) if stem(word) in claim_stems else (word if word in claim_stems else None) for word in words
    ]
    wanted = {key for key in keys if key is not None}
    if not wanted:
        return []
    best = (0, len(words) - 1)
    counts: dict[str, int] = {}
    covered = 0
    left = 0
    for right, key in enumerate(keys):
        if key is None:
            continue
        counts[key] = counts.get(key, 0) + 1
        covered += counts[key] == 1
        while covered == len(wanted):
            while keys[left] is None:
                left += 1
            if right - left < best[1] - best[0]:
                best = (left, right)
            first = keys[left]
            assert first is not None
            counts[first] -= 1
            covered -= counts[first] == 0
            left += 1
    start = max(best[0] - 3, 0)
    # The words before the stretch belong to it only within its clause: in "they're not alone; 92 percent
    # of Americans say ...", the "not" is another clause's.
    clause_start = 0
    for piece in _WINDOW_BREAK.split(sentence):
        length = len(_words(piece))
        if clause_start + length > best[0]:
            break
        clause_start += length
    return list(words[max(start, clause_start) : best[1] + 1])


_WINDOW_BREAK = re.compile(r"[;:]\s|\s--?\s|\s[–—]\s")


def _sides(text: str, match: re.Match[str]) -> tuple[set[str], set[str]]:
    """The (cause, effect) words around a connective in one sentence."""
    before = text[: match.start()]
    after = text[match.end() :]
    if not before.strip(" ,\"'") and "," in after:  # "After the vote, the council resigned."
        first, rest = after.split(",", 1)
        before, after = rest, first
        return set(_content(_words(after))), set(_content(_words(before)))
    after = re.split(r"[,;:]\s|\s(?:and|but|while|which)\s", after, maxsplit=1)[0]
    # What a colon introduces stands alone: in 'Bi apologizes: "My speech has led to ..."' Bi's apology is
    # no part of the cause.
    before = re.split(r"[:;]\s", before)[-1]
    earlier, later = set(_content(_words(before))), set(_content(_words(after)))
    return (later, earlier) if match.group("after") is not None else (earlier, later)


def _covers(claimed: set[str], stated: set[str]) -> bool:
    return bool(claimed) and len(claimed & stated) >= max(1, len(claimed) // 2)


def _opens_sentence(text: str, position: int) -> bool:
    before = text[max(position - 40, 0) : position].rstrip()
    return not before or before.endswith(_SENTENCE_OPENERS)


@lru_cache(maxsize=4_096)
def _name_mentions(text: str) -> list[tuple[str, int, int]]:
    """Names as (name, start, end), in order; a capital that only opens the sentence is not one."""
    mentions: list[tuple[str, int, int]] = []
    for match in re.finditer(_CAPITAL_RUN, text):
        start = match.start()
        words = match.group().split()
        if _opens_sentence(text, start) and words[0].lower() in STOP_WORDS | _NOT_NAMES:
            start = text.find(words[1], start + len(words[0])) if len(words) > 1 else match.end()
            words = words[1:]
        words = [word for word in words if word.lower() not in DATE_WORDS]
        if words and not (len(words) == 1 and words[0].lower() in _NOT_NAMES):
            mentions.append((" ".join(words), start, match.end()))
    return mentions


def _names(text: str, article: str = "") -> list[tuple[str, str]]:
    """Each capitalised word and the run of capitalised words it stands in.

    The word that opens a sentence is a name only when the statement or the article
    capitalises it elsewhere too.
    """
    names: list[tuple[str, str]] = []
    elsewhere = _capitalised(text) | _capitalised(article)
    for run in re.finditer(_CAPITAL_RUN, text):
        whole = run.group()
        for match in re.finditer(r"[A-Z][\w'-]*", whole):
            word = re.sub(r"'s?$", "", match.group())
            lowered = word.lower()
            if lowered in DATE_WORDS or lowered in _NOT_NAMES or len(word) <= 1:
                continue
            if word == "No" and re.match(r"\.\s*\d", text[run.start() + match.end() :]):
                continue  # "World No. 3" is a rank
            if _opens_sentence(text, run.start() + match.start()) and word not in elsewhere:
                continue
            names.append((word, whole))
    return names


@lru_cache(maxsize=8)
def _capitalised(text: str) -> frozenset[str]:
    """Words capitalised other than at a sentence's start: the names a text uses."""
    return frozenset(
        m.group()
        for m in re.finditer(r"(?<![\w'])[A-Z][\w'-]*", text)
        if not _opens_sentence(text, m.start())
    )


def _known_name(name: str, words: set[str]) -> bool:
    """Every word of the name is in the text; 'Iran' and 'Iranian', 'Democrats' and 'Democratic' count as one."""
    for part in _words(name):
        if part in words or part.rstrip("s") in words:
            continue
        if len(part) >= 4 and any(
            word.startswith(part) or (part.startswith(word) and len(word) >= 4) for word in words
        ):
            continue
        if name_root(part) in {name_root(word) for word in words if word[:1] == part[:1]}:
            continue
        return False
    return True


def name_root(word: str) -> str:
    """A name less the endings that make its plural, people or adjective ('Iraqis', 'Brazilian', 'Democratic')."""
    lowered = word.lower()
    for ending in _NAME_ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 4:
            return lowered[: -len(ending)]
    return lowered


@lru_cache(maxsize=4_096)
def name_variants(text: str) -> str:
    """The other spellings of the countries and bodies a text names ("United States" where it says "U.S.")."""
    found = [
        spelling for variants, pattern in _VARIANT_PATTERNS if pattern.search(text) for spelling in variants
    ]
    return " ".join(found)


_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


def acronym_in(word: str, text: str) -> bool:
    """Whether an all-capitals word is the initials of a run of capitalised words in the text ('NFL')."""
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    # Initials give each letter: "U.S. Geological Survey" is "USGS".
    text = _DOTTED_INITIALS.sub(lambda initials: initials.group().replace(".", ""), text)
    for run in re.finditer(_CAPITAL_RUN, text):
        initials = "".join(
            part if 2 <= len(part) <= 3 and part.isupper() else part[0]
            for part in run.group().split()
            if part[:1].isupper()
        )
        if word in initials:
            return True
    return False


def ordinal_values(text: str) -> set[float]:
    """Ordinals written as words ('first' ... 'twentieth'): '1st' in a statement may be 'first' in its evidence."""
    return {float(_ORDINALS[word]) for word in _words(text) if word in _ORDINALS}


def _same_person(first: str, second: str) -> bool:
    """'Amara Okafor', 'Okafor' and 'Ms Okafor' are one person; 'Thai authorities' and 'Thailand's news agency'
    one country's."""
    a = {_POSSESSIVE_END.sub("", word.lower().replace("’", "'")) for word in first.split()} - _NOT_NAMES
    b = {_POSSESSIVE_END.sub("", word.lower().replace("’", "'")) for word in second.split()} - _NOT_NAMES
    # A country and its people share a root; a name and its plural ("Williams", "William") are two people.
    return bool(a & b) or any(
        name_root(one) == name_root(other) and abs(len(one) - len(other)) >= 2 for one in a for other in b
    )


def _find_name(sentence: str, name: str) -> int | None:
    """Where the name (or its surname) first appears in the sentence."""
    for part in reversed(name.split()):
        match = re.search(rf"\b{re.escape(part)}\b", sentence)
        if match:
            return match.start()
    return None


def _strip_name_tail(gap: str) -> str:
    """The text between two names, less the rest of the first name."""
    return re.sub(rf"^{_CAPITAL_RUN}", "", gap).strip()


_OF_SPEAKER = re.compile(r"\b([a-z][\w'-]*)\s+(?:of|for)\s+$")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where quotations run, as (opening mark, closing mark); a sentence that opens inside a quotation the
    sentence before began ('Only God can judge me," Dahou said, "People ...') is quoted up to its first mark."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in re.finditer('"', text):
        at = match.start()
        opening = (at == 0 or text[at - 1] in " ([") and text[at + 1 : at + 2] not in ("", " ")
        if opening and opened is None:
            opened = at
        elif not opening:
            spans.append((-1 if opened is None else opened, at))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


@lru_cache(maxsize=4_096)
def _speech_acts(sentence: str) -> list[tuple[str, int]]:
    """Who says something in a sentence, and where the saying is: [(speaker, offset)].

    A saying inside a quotation ('"... but I said I decided ...," Dahou said') is part of the quoted words,
    not who speaks them.
    """
    found: list[tuple[str, int]] = []
    quoted = _quoted_spans(sentence)
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_AFTER, _ACCORDING_TO, _ROLE_SPEAKER, _BARE_SPEAKER):
        for match in pattern.finditer(sentence):
            if any(start < match.start(1) < end for start, end in quoted):
                continue
            words = [
                word
                for word in match.group(1).split()
                if word.lower() not in _NOT_NAMES | DATE_WORDS | _SPEAKER_FILLERS
            ]
            owner = _OF_SPEAKER.search(sentence[: match.start(1)]) if pattern is _SPEAKER_BEFORE else None
            if owner:
                words = [owner.group(1)]  # "friends and family of Stacy Peterson said": the family speaks
            if words:
                found.append(
                    (" ".join(words), match.start() if pattern is not _SPEAKER_BEFORE else match.end(1))
                )
    for match in _PRONOUN_SPEAKER.finditer(sentence):
        if not any(start < match.start() < end for start, end in quoted):
            found.append((match.group().split()[0].lower(), match.start()))
    return found


@lru_cache(maxsize=4_096)
def _mentions(text: str) -> list[tuple[str, int, int]]:
    """Numbers ('#4600000000'), dates ('%monday') and names by surname ('@okafor') with where they are."""
    found: list[tuple[str, int, int]] = []
    for match in _NUMERAL.finditer(text):
        # The currency sign before a figure is what makes "£20M" twenty million.
        figure = text[max(match.start() - 1, 0) : match.end()]
        found.extend((f"#{shown(value)}", match.start(), match.end()) for value in quantities(figure))
    for match in _NUMBER_WORD.finditer(text):
        found.extend((f"#{shown(value)}", match.start(), match.end()) for value in quantities(match.group()))
    for match in re.finditer(r"[A-Za-z]+", text):
        if match.group().lower() in DATE_WORDS:
            found.append((f"%{match.group().lower()}", match.start(), match.end()))
    for name, start, end in _name_mentions(text):
        surname = re.sub(r"'s?$", "", name.split()[-1]).lower()
        if len(surname) > 3 and surname not in _NOT_NAMES | DATE_WORDS | _COMPANY_SUFFIXES:
            found.append((f"@{surname}", start, end))
    return found


def _neighbours(text: str, start: int, end: int, exclude: set[str]) -> dict[tuple[str, str], int]:
    """The three content words on each side of a mention, by side and distance; the statement's names left out."""
    before = [word for word in _content(_words(text[max(start - 80, 0) : start])) if word not in exclude][-3:]
    after = [word for word in _content(_words(text[end : end + 80])) if word not in exclude][:3]
    near = {("before", word): len(before) - index for index, word in enumerate(before)}
    near.update({("after", word): index + 1 for index, word in enumerate(after)})
    return near


@lru_cache(maxsize=4_096)
def _people(sentence: str) -> set[str]:
    """Surnames of the people a sentence names: a run that starts with a given name or follows a title."""
    found: set[str] = set()
    for name, start, _ in _name_mentions(sentence):
        words = name.split()
        before = sentence[max(start - 12, 0) : start].lower()
        titled = bool(
            re.search(r"\b(?:mr|mrs|ms|dr|gov|sen|rep|president|judge|minister|coach)\.?\s*$", before)
        )
        if (len(words) > 1 and words[0].lower() in NAME_STARTS) or titled:
            found.add(re.sub(r"'s?$", "", words[-1]).lower())
    return found


def _sideless(near: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    merged: dict[tuple[str, str], int] = {}
    for (_, word), distance in near.items():
        merged[("", word)] = min(distance, merged.get(("", word), distance))
    return merged


def _closeness(mine: dict[tuple[str, str], int], theirs: dict[tuple[str, str], int]) -> float:
    """How alike two mentions' surroundings are: shared words on the same side, the nearer the more."""
    return sum(1 / max(distance, theirs[word]) for word, distance in mine.items() if word in theirs)


def _money_or_count_before(text: str, position: int) -> bool:
    return position > 0 and text[position - 1] in "$£€"


def _rounded(value: float) -> float:
    return round(value, 6)


def shown(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
