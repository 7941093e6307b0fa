"""Whether a headline cut from an English sentence is still a clause, judged by the shipped tagger.

The cutting rules in ``engines.headline`` work on words and punctuation; they cannot see that
"Five Americans who were monitored at an Omaha hospital" has lost its main verb or that
"Sekisui Alveo said production" stops inside the clause it introduces. Parts of speech
can: a headline is a clause when a subject comes before a finite verb that is not a
relative clause's, and the cut leaves no word waiting for what followed it in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from takeaways.text.tagger import english_tagger, tokenize
from takeaways.text.words import REPORTING_VERBS, STOP_WORDS, WEEKDAYS

_FINITE = frozenset({"VERB:Fin", "AUX:Fin"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# A headline ending on one of these leaves the reader waiting for the rest.
_OPEN_ENDS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT"})
_RELATIVES = frozenset({"who", "which", "that", "whose", "whom", "where"})
_SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they", "it", "you"})
# A subject that points back without naming ("Initially at least that should help"): no headline's subject.
_POINTING_SUBJECTS = _SUBJECT_PRONOUNS | frozenset({"this", "that", "these", "those"})
# A first word tagged so (or any verb: a sentence does not open on its own main verb) opens a clause or
# phrase that sets the scene before the main clause.
_OPENERS = frozenset({"SCONJ", "ADV"})
# Words that may follow a verb as its object or complement: cutting before them leaves the verb waiting.
_COMPLEMENTS = frozenset({"DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"})
# After a verb, these open the phrase it governs ("nailed into", "pushed for", "charged
# with"); "in", "on" or "after" more often add where or when ("shot on Monday"), which a headline may drop.
_VERB_PHRASES = frozenset("into onto to for with of about upon up out off down back away over".split())
# Nouns whose "that" clause is what they say: cut before it, the headline names a report and not its news.
_CONTENT_NOUNS = frozenset(
    "report reports claim claims fear fears warning warnings allegation allegations suggestion suggestions "
    "rumour rumours rumor rumors news belief hope hopes concern concerns evidence speculation fact".split()
)
_CLAUSE_PUNCTUATION = frozenset({",", ";"})
# Nouns that say little until the clause after them says which ("near the spot where ...", "an event in which
# ...", "learned the hard way that ..."): cut before it, the headline has lost what it was about.
_LIGHT_NOUNS = frozenset("spot place event".split())
# Words that say little without the phrase their preposition opens: "involved" of "involved in the race".
NEEDS_ITS_PREPOSITION = {
    "involved": "in",
    "struggling": "with",
    "aimed": "at",
    "linked": "to",
    "related": "to",
    "accused": "of",
    "responsible": "for",
    "interested": "in",
    "made": "of",
    "known": "as",
    "posed": "as",
    "posing": "as",
    "referred": "to",
    "dubbed": "as",
    "far": "from",  # "not far" of "not far from where ...": how far is cut away
}
# Verbs of a charge or a sentence whose object comes before what it is for: "charged millionaire heir Robert
# Durst" of "... Durst with unlawful possession of a firearm" leaves out the charge, which is the news.
_CHARGE_PREPOSITIONS = {
    "charged": "with",
    "accused": "of",
    "convicted": "of",
    "cleared": "of",
    "acquitted": "of",
    "sentenced": "to",
    "jailed": "for",
}
# Verbs of judging or naming whose object is followed by what it is taken as: "count the reversal as a victory".
_TAKEN_AS_VERBS = frozenset(
    "count counts counted counting regard regards regarded regarding view views viewed describe describes "
    "described describing brand brands branded label labels labelled labeled hail hails hailed portray portrays "
    "portrayed characterise characterised characterize characterized dismiss dismisses dismissed identify "
    "identifies identified rank ranks ranked classify classified classed rate rated".split()
)
# Nouns of change or lack that say nothing without what changed or is lacking: "a fall" of "a fall in students",
# "a shortage" of "a shortage of nurses".
_CHANGE_NOUNS = frozenset(
    "rise rises fall falls increase increases decrease decreases drop drops surge decline declines jump slump"
    " reduction reductions shortage shortages lack growth".split()
)
# What opens a verb's object as a quantity ("killed at least five people"): tagged as a preposition, it is the
# object itself, not a phrase a headline may drop.
# Passives whose agent is the news: "was caused last year" of "... by botulism", "before being struck" of "...
# by lightning". A cut before the "by" says that something happened and not what did it.
_CAUSE_PARTICIPLES = frozenset("caused triggered sparked prompted struck".split())
_BE = frozenset("is are was were be been being".split())
# A first, a last or a superlative is bounded by what follows it ("the first time in a month", "its highest
# level since November"): cut before that phrase, it claims more than the sentence does.
SUPERLATIVES = frozenset(
    "first last only highest lowest biggest largest smallest worst best most least fewest deadliest longest"
    " shortest strongest weakest fastest slowest oldest youngest greatest heaviest hottest coldest wettest"
    " driest busiest richest poorest latest earliest".split()
)
_QUANTITY_OPENERS = frozenset({("at", "least"), ("at", "most"), ("up", "to"), ("as", "many"), ("as", "much")})
# After a comma these open a clause ("..., but the visitors still won"); "or" more often adds a figure (", or 9%").
_CLAUSE_JOINERS = frozenset({"but", "and", "yet", "whereas"})
# Words that open a clause and nothing else ("while in office" and "because of the rain" need no verb).
_CLAUSE_ONLY = frozenset({"when", "whenever", "because", "although", "though", "whereas", "unless"})
_TAIL_WORDS = 3
_CLAUSE_BREAKS = frozenset({"PUNCT", "CCONJ", "SCONJ"})
_OPENING_SUBORDINATORS = frozenset({"as", "unless", "whereas", "once", "whether"})
# Opening a sentence, these take a clause too: a reduced one ("While in office, ...", "As a child, ...") is
# rare at the head of a news sentence and, taken for a lone clause, only keeps the sentence whole.
_TAKES_A_CLAUSE = _CLAUSE_ONLY | frozenset({"as", "while", "whilst", "if", "once"})
# Tags on both sides of an "and" that joins words inside one phrase rather than two clauses.
_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "NUM"})
# Tagged as prepositions as often as not ("after the vote"); a finite verb after them is a subordinate clause's.
_SUBORDINATORS = frozenset(
    {"after", "before", "since", "until", "when", "while", "because", "although", "though", "if"}
)
# The day of the event, which headlines drop ("were wounded Thursday afternoon when ..."): a cut is judged
# against what follows it.
_DAYS = WEEKDAYS | frozenset("yesterday today tonight overnight".split())
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())  # only after a day: "over night shifts"


def _tags(words: list[str], promote: bool) -> list[str]:
    """Tags, with a past participle read as the finite verb when ``promote`` says the sentence has no other.

    The tagger reads "A car bomb exploded at a restaurant" as a reduced relative, as it would
    in a headline; a sentence from the body of an article has a main verb, so when none was
    found (the only finite one a relative clause's: "A period followed in which ... were asked")
    the first participle after a noun is that verb (unless an auxiliary makes it a participle:
    "to be stranded").
    """
    tags = list(_raw_tags(tuple(words)))
    for index, word in enumerate(words):
        if tags[index] == "VERB:Ger" and not word.lower().endswith("ing"):
            tags[index] = "VERB:Fin"  # "The latest threats bring": only an -ing form is a gerund
    opening = (
        len(tags) > 1
        and tags[0] not in _NOMINAL
        and words[0][:1].isupper()
        and words[0].lower() not in STOP_WORDS
        and tags[1] in _FINITE
    )
    if opening:
        # "Arsenal kept their hopes alive", "Output rose 9%": a capitalised first word right before the finite
        # verb is its subject, a name, though the tagger says adjective ("English") or adverb; function words
        # ("There is", "Never has") open no such subject.
        tags[0] = "PROPN"
    _past_tense_after_subject(words, tags)
    for index in range(1, len(tags) - 1):
        # "The fine follows": a determiner's phrase needs its noun, and the verb ends the phrase.
        # "The first is ..." stays as it is: an ordinal standing for its noun points back to it.
        if (
            tags[index - 1] == "DET"
            and tags[index] == "ADJ"
            and tags[index + 1] in _FINITE
            and words[index].lower() not in _POINTING_ADJECTIVES
        ):
            tags[index] = "NOUN"
    for index, word in enumerate(words):
        if word.lower() == "cannot":
            tags[index] = "AUX:Fin"  # one token the tagger has rarely seen whole ("can" "not" in treebanks)
        elif index and tags[index] == "VERB:Fin" and words[index - 1].lower() in {"most", "least"}:
            tags[index] = "ADJ"  # "its most wanted terrorists": a superlative's participle describes a noun
    if promote and _main_verb(words, tags) is None:
        relative = seen_relative = False
        for index in range(1, len(tags)):
            if words[index].lower() in _RELATIVES:
                relative = seen_relative = True
            elif relative and tags[index] in _FINITE:
                relative = (
                    False  # the relative clause has its verb; the main one may follow ("that hit Nepal set")
                )
            elif tags[index] == "VERB:Part" and _NOMINAL.intersection(tags[:index]):
                # Not a relative clause's participle ("who fall into the category loosely defined"); after one,
                # only a participle right after a noun can be the main verb.
                own = tags[index - 1].startswith("AUX") or relative
                if not own and (not seen_relative or tags[index - 1] in _NOMINAL):
                    tags[index] = "VERB:Fin"
                break
    return tags


_POINTING_ADJECTIVES = frozenset("first second third last next other latter former latest same".split())
# What an opening noun phrase is made of ("The county's two deputies", "Mercedes driver and leader Lewis Hamilton").
_NOUN_PHRASE = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "PART", "CCONJ"})
# What opens a direct object: a participle describing a noun ("citizens arrested in the capital") takes none.
_OBJECT_STARTS = frozenset({"DET", "PROPN", "PRON", "NUM"})


def _past_tense_after_subject(words: list[str], tags: list[str]) -> None:
    """Read as the finite verb a participle that follows an opening noun phrase and takes an object:
    "Deputies rushed the suspect from court", "A TV channel aired the video" (the tagger says participle).

    A participle after a noun describes it only when it is passive, and a passive one has no object of
    its own: "Three citizens arrested in the capital are to be freed" keeps its participle.
    """
    for index, tag in enumerate(tags):
        if tag == "VERB:Part":
            # "Mr Dewani, 34, left the airport": an age between commas belongs to the noun phrase.
            before = [earlier for earlier in tags[:index] if earlier != "PUNCT"]
            if (
                before
                and before[-1] in _NOMINAL
                and index + 1 < len(tags)
                and tags[index + 1] in _OBJECT_STARTS
            ):
                tags[index] = "VERB:Fin"
            return
        if tag not in _NOUN_PHRASE and not (tag == "PUNCT" and words[index] == ","):
            return


@lru_cache(maxsize=4_096)
def _raw_tags(words: tuple[str, ...]) -> tuple[str, ...]:
    """The tagger's tags, kept: a headline's sentence is read for each cut tried."""
    return tuple(english_tagger().tag(list(words)))


def word_tags(words: Sequence[str]) -> list[str]:
    """The tag of each word, read in its sentence (cached, as the headline search reads a sentence often)."""
    return list(_raw_tags(tuple(words)))


def _main_verb(words: list[str], tags: list[str]) -> int | None:
    """Where the main clause's finite verb is: after a subject that names someone, not inside a relative
    clause or a subordinate one ("When police arrived, ...", "Five years after the rig exploded").

    A relative word ("who", "whose", or "that" after a noun: "the fact that ...") opens a clause whose
    first finite verb is its own, past any report inside it ("a man who police say was left"): the
    main verb is still to come.
    """
    start = 0
    if tags and (tags[0] in _OPENERS or tags[0].startswith("VERB")):  # the main clause follows the comma
        start = next((position + 1 for position, word in enumerate(words) if word == ","), 0)
    subject: str | None = None
    subordinate = relative = opened = False
    for position in range(start, len(words)):
        tag, word = tags[position], words[position].lower()
        before = words[position - 1].lower() if position else ""
        if word == ",":
            subordinate = False
        elif subject and _opens_relative(word, tag, tags[position - 1] if position else ""):
            subject, opened = None, True  # its verb is the relative clause's
        elif (tag == "SCONJ" and word != "that") or word in _SUBORDINATORS:
            subordinate, subject = True, None  # its verb is the subordinate clause's, until a comma
        elif tag in _FINITE and opened:
            if not (word in REPORTING_VERBS and tags[position - 1] in _NOMINAL):
                subject, relative, opened = None, True, False  # "who police say was left": "was" is its verb
        elif tag in _FINITE and subject and not subordinate:
            if relative and before in _SUBJECT_PRONOUNS:
                continue  # "a man he meant to subdue": a clause inside the relative one
            if before in _SUBJECT_PRONOUNS and tags[position - 1] == "PRON":
                return None  # "In Jonathan Joseph they had": the pronoun is the subject, not the name
            return None if subject in _POINTING_SUBJECTS else position
        elif tag in _NOMINAL and subject is None:
            subject = word
    return None


def _opens_relative(word: str, tag: str, before_tag: str) -> bool:
    """Whether ``word`` opens a relative or noun-complement clause: "who", "whose", or "that" after a noun."""
    if word == "that":
        return (
            before_tag in _NOMINAL or before_tag == "PUNCT"
        )  # "Same questions, no doubt, that the staff asked"
    return word in _RELATIVES and tag == "PRON"


def _left_open(words: list[str], tags: list[str], headline: str, sentence: str) -> bool:
    """A relative clause without its verb ("an event in which people"), a clause opened after a comma by
    "but" or "and" that stops before its verb, or an aside whose closing dash is cut away ("Bates -- the
    deputy accused of manslaughter")."""
    for position, word in enumerate(words):
        if (
            word.lower() in _RELATIVES
            and tags[position] == "PRON"
            and not _FINITE.intersection(tags[position:])
        ):
            return True
        reported = word.lower() == "that" and position > 0 and tags[position - 1].startswith("VERB")
        if reported and not _FINITE.intersection(tags[position:]):
            return True  # "The FBI has confirmed that one of its most wanted terrorists": what it confirmed is cut
        opened = (
            position > 0 and word.lower() in _CLAUSE_ONLY and words[position + 1 : position + 2] != ["of"]
        )
        if opened and not any(tag.startswith(("VERB", "AUX")) for tag in tags[position + 1 :]):
            return True  # "colonies move in years when the thin sea ice": the clause "when" opens has no verb
    for position in range(len(words) - 2, 0, -1):
        interrupted = words[position].lower() in _CLAUSE_JOINERS and words[position + 1] == ","
        if interrupted and not _FINITE.intersection(tags[position + 2 :]):
            return True  # "joined Glasgow in 2012 and, after three years of residency": the clause is to come
    for position in range(len(words) - 1, 0, -1):
        if words[position - 1] in _CLAUSE_PUNCTUATION and words[position].lower() in _CLAUSE_JOINERS:
            aside = (
                tags[position + 1 : position + 2] in (["ADJ"], ["ADV"])
                and "," in words[position + 2 : position + 4]
            )
            if aside:
                break  # "a tragic, but familiar, story": two adjectives of one noun, not a clause
            # ", but the captain, 54" or ", but two days after the storm": the clause it opens has no verb yet.
            if not any(tag.startswith(("VERB", "AUX")) for tag in tags[position + 1 :]):
                return True
            break
    dashes = headline.count(" -- ") + headline.count(" — ")
    return bool(dashes % 2) and sentence.count(" -- ") + sentence.count(" — ") > dashes


def has_finite_verb(phrase: str) -> bool:
    """Whether a phrase has a finite verb of its own: "the mayor of Leeds" has none, "who ran the bakery" has."""
    words = tokenize(phrase)
    return bool(words) and bool(_FINITE.intersection(_tags(words, promote=False)))


def resumes_with_verb(before: str, after: str) -> bool:
    """Whether, with an aside taken out, ``after`` goes on from ``before`` with the main clause's verb.

    "Sam Reed" + "did not attend" does; "So far" + "and the controversies grew" does not, so the
    commas were not an aside's but a list's or a clause's.
    """
    head, rest = tokenize(before), tokenize(after)
    if not head or not rest:
        return False
    tags = _tags(head + rest, promote=True)
    return tags[len(head)].startswith(("VERB", "AUX")) and tags[len(head)] != "VERB:Ger"


def opens_with_subordinator(sentence: str) -> bool:
    """Whether a sentence opens with a subordinating word ("As", "When", "Although"), so that its main clause
    comes later and a cut before it leaves only the subordinate one."""
    words = [word for word in tokenize(sentence) if word not in {'"', "“", "”", "‘", "’"}]
    return bool(words) and words[0].lower() in _SUBORDINATORS | _OPENING_SUBORDINATORS


def subordinate_clause_only(text: str) -> bool:
    """Whether ``text`` (a sentence cut short) opens with a word that takes a clause ("As", "When",
    "Although") and holds no more than that clause's verb: "As the minister, her deputy and two advisers
    toured the island" has lost its main clause. "After" and "Since" also open phrases ("After the
    floods, the council closed the road") and are not judged; a reduced clause ("While in office, he
    ...") is taken for a lone one, which only keeps such a sentence whole."""
    words = [word for word in tokenize(text) if word not in {'"', "“", "”", "‘", "’"}]
    if not words or words[0].lower() not in _TAKES_A_CLAUSE:
        return False
    tags = _tags(words, promote=False)
    verb_groups = sum(
        1
        for position, tag in enumerate(tags)
        if tag.startswith(("VERB", "AUX"))
        and (position == 0 or not tags[position - 1].startswith(("VERB", "AUX")))
    )
    return verb_groups <= 1


# A short phrase of time or place before the subordinate clause: "In 2014, while ...", "On Tuesday, as ...".
_OPENING_ADJUNCT = re.compile(r"^(?:In|On|At|By|During|Last|This|Earlier|Later)\b[^,]{0,30},\s+(?=[a-z])")


def lone_subordinate_clause(sentence: str) -> bool:
    """Whether a sentence is only a subordinate clause: "As the ministers toured the island." has no main one.

    Only sentences that open with a subordinating word, or with a short phrase of time or place and then
    one, are judged; after its clause's comma a finite verb must follow.
    """
    sentence = _OPENING_ADJUNCT.sub("", sentence, count=1)  # "In 2014, while the winner received ..."
    if not opens_with_subordinator(sentence):
        return False
    words = [word for word in tokenize(sentence) if word not in {'"', "“", "”", "‘", "’"}]
    if "," not in words:
        return True
    tags = _tags(words, promote=False)
    return not _FINITE.intersection(tags[words.index(",") + 1 :])


# The words that open a clause about the phrase before them: "An age when ...", "Incredulous that ...".
_CLAUSE_AFTER_A_WORD = frozenset("when where that".split())


def verbless_main_clause(sentence: str) -> bool:
    """Whether a sentence is a short phrase and the clause that describes it, with no verb of its own: "An age
    when people make bad decisions.", "Incredulous that it took so long." A writer's fragment for effect, it
    leans on the sentence before it and says nothing read alone."""
    words = [word for word in tokenize(sentence) if word not in {'"', "“", "”", "‘", "’"}]
    tags = _tags(words, promote=False)
    # Every verb form counts: after a relative clause the tagger often reads the main verb as a participle.
    verbs = [position for position, tag in enumerate(tags) if tag.startswith(("VERB", "AUX"))]
    if len(verbs) != 1 or tags[verbs[0]] not in _FINITE:
        return False
    opener = next(
        (position for position, word in enumerate(words[:4]) if word.lower() in _CLAUSE_AFTER_A_WORD), None
    )
    if not opener or opener > verbs[0]:
        return False
    before = tags[:opener]
    if words[opener].lower() == "that":
        return set(before) == {"ADJ"}  # "Incredulous that", not "Data shows that" (a verb the tagger missed)
    return before[0] == "DET" and before[-1] == "NOUN" and set(before) <= {"DET", "ADJ", "NOUN"}


_OPENING_PARTICIPLES = frozenset("given shown born found told taken made caught sent left kept put".split())


def lacks_a_subject(sentence: str) -> bool:
    """Whether a sentence opens on its verb with no subject to come: "Offered a real threat going forward and
    worked hard." (a player rating). A participle that opens a sentence otherwise sets a scene before the
    subject, after a comma ("Given the conditions, the crews did well"), or inverts it ("Added to that is")."""
    words = [word for word in tokenize(sentence) if word not in {'"', "“", "”", "‘", "’"}]
    if len(words) < 3 or _BE.intersection(word.lower() for word in words):
        return False
    after_comma = words[words.index(",") + 1 :][:1] if "," in words else []
    if after_comma and not after_comma[0].lower().endswith("ing"):
        return False  # the subject after the scene it sets; "..., failing to hit the target" brings none
    first = words[0].lower()
    if "-" in first or not (first.endswith("ed") or first in _OPENING_PARTICIPLES):
        return False  # "Japanese-owned", "Bates", "Devastating winds"
    tags = _tags(words, promote=False)
    # "Offered a real threat", "Given a rare start": the participle takes its object; "Imprisoned soldier
    # Chelsea Manning" describes the subject that follows.
    subject_later = any(
        tags[position] in _NOMINAL and tags[position + 1] in _FINITE for position in range(1, len(tags) - 1)
    )
    return tags[0] in {"VERB:Fin", "VERB:Part"} and tags[1] in {"DET", "ADV", "NUM"} and not subject_later


# A page's fact box or results table, turned into text: "Population 750,000 Area 38,364 sq km Major language
# Dzongkha", "Thomas Voeckler 73 hrs 24 mins 34 secs 2.", a timeline's "1910 - Treaty giving Britain ...", a
# quiz's "B) Being a global leader ...".
_TIMELINE_ENTRY = re.compile(r"^(?:\d{4}|[A-D]\))\s(?:-|–|—|:)?\s?")
_DATED_ENTRY = re.compile(r"^\d{4}\s(?:-|–|—|:)\s")  # "1974 - First foreign tourists allowed in"
_TABLE_SHARE = 0.6  # of a line's words capitalised or figures, with no verb: names and numbers in a row
# A journey's log: "LEG 3: 18 March", "Chongqing to Nanjing China - 1,241km".
_LOG_ENTRY = re.compile(
    r"\b[A-Z]{2,}\s+\d+:"
    r"|^[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)*\sto\s[A-Z][\w'’-]+[^.;]*\s[-–—]\s[\d,.]+\s?(?:km|miles)\b"
)
# A profile box's label and figure, twice or more: "Population 750,000 Area 38,364 sq km" (not a month's date).
_LABELLED_FIGURE = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday"
    r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+\s+\d[\d,.]*\b"
)


def is_fact_box_line(text: str) -> bool:
    """Whether a line is a row of a fact box, table, timeline or quiz rather than a sentence: it has no
    finite verb, and opens as a timeline entry or an option, or is mostly names and figures."""
    words = [word for word in tokenize(text) if word[:1].isalnum()]
    if _LOG_ENTRY.search(text) or _DATED_ENTRY.match(text):
        return True  # "... LEG 6: 21 April", "1974 - First foreign tourists allowed in": whatever the tagger reads
    if not words or has_finite_verb(text):
        return False
    if _TIMELINE_ENTRY.match(text) or len(_LABELLED_FIGURE.findall(text)) >= 2:
        return True
    if any(word.islower() and len(word) > 4 and word.endswith("ed") for word in words):
        return False  # "Sydney's S&P/ASX 200 index closed down 2.1%": a verb the tagger missed
    named = sum(1 for word in words[1:] if word[:1].isupper() or word[:1].isdigit())
    return len(words) > 3 and named / (len(words) - 1) >= _TABLE_SHARE


# Phrases whose last word is a function word but which end where they stand: "for the time being", "at all".
_FIXED_PHRASE_ENDS = frozenset(
    {("time", "being"), ("after", "all"), ("at", "all"), ("at", "once"), ("at", "last")}
)


def ends_on_a_fixed_phrase(text: str) -> bool:
    """Whether ``text`` ends on a phrase that is whole although its last word usually waits for more."""
    words = [word.lower() for word in re.findall(r"[\w'’]+", text)[-2:]]
    return tuple(words) in _FIXED_PHRASE_ENDS


def is_clause(headline: str, sentence: str) -> bool:
    """Whether ``headline``, cut from ``sentence``, has its subject and finite verb and ends where a phrase ends.

    For sentences of running text: headline style ("Ferry strike halts crossings") is not
    what the tagger learned from.
    """
    words = [word for word in tokenize(headline) if word not in {'"', "“", "”", "‘", "’"}]
    while words and words[-1] in {".", "!"}:
        words.pop()  # 'to return for "Tron 3."': the stop inside the closing quotation mark ends the sentence
    if len(words) < 3:
        return False
    source = tokenize(sentence)
    promote = _lacks_a_main_verb(source)
    tags = _tags(words, promote)
    main = _main_verb(words, tags)
    if (
        main is None
        or _left_open(words, tags, headline, sentence)
        or _says_nothing(words, tags, main, headline)
    ):
        return False
    source_tags = _tags(source, promote)
    end = _end_in(words, source)
    if end is not None:
        # The day the headline dropped is taken out of the sentence too, so that what the cut is judged
        # against is what follows the day ("was charged on Saturday with murder": "with").
        resumes = _past_the_day(source, end)
        source, source_tags = source[:end] + source[resumes:], source_tags[:end] + source_tags[resumes:]
    # The last word's tag is read in the sentence, where the tagger sees what follows it ("over night shifts").
    last, last_tag = words[-1].lower(), source_tags[end - 1] if end else tags[-1]
    fixed = ends_on_a_fixed_phrase(headline)
    if (last_tag in _OPEN_ENDS or last_tag.startswith("AUX") or last in _SUBJECT_PRONOUNS) and not fixed:
        return False
    if words[-2] == "," and last_tag in {"VERB:Ger", "VERB:Part"}:
        return False  # ", going": a phrase opened and not finished
    if (
        words[-3] == ","
        and tags[-2] == "ADV"
        and last_tag in {"VERB:Ger", "VERB:Part"}
        and end != len(source)
    ):
        return False  # ", never knowing": the same, after an adverb
    if end is not None and end < len(source) and _waits_for_more(last_tag, source, source_tags, end):
        return False
    if end is not None and end < len(source) and _modifier_cut(source, source_tags, end):
        return False
    cut = end is not None and end < len(source)
    return not (cut and _cut_inside_clause(last_tag, source, source_tags, end or 0))


# Verbs of saying whose piece may follow in the next sentence or after a colon: as a headline's main verb
# with nothing said after them ("A statement on her Twitter account said"), the headline tells nothing.
_SAYING = frozenset(
    "said says say added adds stated told tells asked asks wrote writes tweeted explained".split()
)
# Of them, those that a phrase of place or time after them still leaves saying nothing ("said on Monday");
# "asked for help" and "wrote to the council" say what was done.
_SAYING_WITHOUT_PHRASE = frozenset("said says say added adds stated".split())


def _says_nothing(words: list[str], tags: list[str], main: int, headline: str) -> bool:
    """Whether the headline's main verb reports speech and the headline then gives none: no quotation, no clause,
    only a comma, adverbs or (for "said") a phrase of where and when ("police said in a statement")."""
    verb = words[main].lower()
    if verb not in _SAYING or any(mark in headline for mark in '"“”:'):
        return False
    if _FINITE.intersection(tags[main + 1 :]):
        return False
    following = next((position for position in range(main + 1, len(words)) if tags[position] != "ADV"), None)
    if following is None or words[following] == ",":
        return True
    return tags[following] == "ADP" and verb in _SAYING_WITHOUT_PHRASE


def _lacks_a_main_verb(sentence: list[str]) -> bool:
    """Whether the tagger found no main verb in a sentence of running text, which has one: none at all, or
    only a relative clause's. After a subordinating word ("arrested after they were found ... are to be
    released") the verb may be the main one that the clause tracking lost, so the tags are left alone."""
    tags = _tags(sentence, promote=False)
    if not _FINITE.intersection(tags):
        return True
    subordinated = any(
        (tag == "SCONJ" and word.lower() != "that") or word.lower() in _SUBORDINATORS
        for word, tag in zip(sentence, tags, strict=True)
    )
    return not subordinated and _main_verb(sentence, tags) is None


def _past_the_day(source: list[str], end: int) -> int:
    """Where the sentence goes on after ``end``, past a day of the event ("on Thursday afternoon") the headline
    dropped; ``end`` itself when none follows."""
    position = end
    if position + 1 < len(source) and source[position].lower() in {"on", "late", "early", "last"}:
        position += 1
    if position >= len(source) or source[position].lower() not in _DAYS:
        return end
    position += 1
    if position < len(source) and source[position].lower() in _PARTS_OF_DAY:
        position += 1
    return position


def _waits_for_more(last_tag: str, source: list[str], source_tags: list[str], end: int) -> bool:
    """An infinitive cut before its complement ("to remain" of "to remain in contention"), or an adverb cut
    from the clause it qualifies ("possibly" of "possibly because his song was similar")."""
    following = source_tags[end]
    if last_tag == "VERB:Inf" and source[end - 2].lower() == "to" and following not in {"PUNCT", "CCONJ"}:
        return True
    return last_tag == "ADV" and (following == "SCONJ" or source[end].lower() in _SUBORDINATORS)


def _modifier_cut(source: list[str], source_tags: list[str], end: int) -> bool:
    """A participle that describes the noun before it, cut before the phrase it takes: "uses images
    provided" of "images provided by a scan", "arrested a man wanted" of "wanted in connection with".

    The tagger often reads such a participle as a finite verb; after a finite verb earlier in the
    sentence and a noun with its article ("a man wanted"), it is the noun's description all the same.
    """
    last_tag = source_tags[end - 1]
    if end < 3 or source_tags[end] not in {"ADP", "ADV"}:
        return False
    if last_tag == "VERB:Part" and source_tags[end - 2] == "ADP":
        return (
            True  # "the one experts were waiting for based" of "based on": no noun, no verb, only the phrase
        )
    if source_tags[end - 2] not in _NOMINAL:
        return False
    if last_tag == "VERB:Part":
        return True
    described = source_tags[end - 3] == "DET" and _FINITE.intersection(source_tags[: end - 3])
    return last_tag == "VERB:Fin" and source[end - 1].lower().endswith("ed") and bool(described)


def _passive_of_cause(source: list[str], end: int) -> bool:
    """Whether one of the three words before ``end`` is a passive participle of causing ("was caused", "being
    struck"); not the active "caused outrage by using his influence", whose "by" says how."""
    start = max(1, end - 3)
    return any(
        source[position].lower() in _CAUSE_PARTICIPLES and source[position - 1].lower() in _BE
        for position in range(start, end)
    )


def _open_range(source: list[str], source_tags: list[str], end: int) -> bool:
    """Whether a "from" and a figure shortly before the cut open a range the sentence closes with "to"."""
    start = max(0, end - 4)
    recent = [word.lower() for word in source[start:end]]
    if "from" not in recent:
        return False
    opened = start + len(recent) - 1 - recent[::-1].index("from")
    return "NUM" in source_tags[opened + 1 : end]


def _report_cut(source: list[str], source_tags: list[str], end: int) -> bool:
    """Whether a verb of saying before the cut has not yet said its piece, and the sentence gives it after the
    cut: "told a reporter on the plane" of "... on the plane Friday that a stranger tried to choke him"."""
    said = [
        position
        for position in range(end)
        if source[position].lower() in REPORTING_VERBS
        and source_tags[position].startswith("VERB")
        and not _modifies_a_noun(source, source_tags, position)
    ]
    if not said or _FINITE.intersection(source_tags[said[-1] + 1 : end]):
        return False  # "said she had advised officials": what was said is there
    for position in range(end, len(source)):
        if source[position].lower() == "that":
            return True
        if source[position] in _CLAUSE_PUNCTUATION or source_tags[position] in {"CCONJ", "SCONJ"}:
            return False
    return False


# Before a "last", a word that makes it the last of a series ("the last time in"); without one it is a date
# ("last week in protest").
_SERIES_DETERMINERS = frozenset("the a his her its their our my your this that".split())


_ASIDE_WORDS = 6  # the longest speaker's aside ("a spokesman for the council said") read as one


def _verb_after_an_aside(source: list[str], source_tags: list[str], end: int) -> bool:
    """Whether the cut falls before a speaker's aside that the main verb follows: "Email correspondence ...
    discovered in an internal investigation, Lufthansa said, included medical documents". What looked like
    the verb ("discovered") describes the subject, and the sentence's own verb is cut away."""
    if end >= len(source) or source[end] != ",":
        return False
    close = next((at for at in range(end + 1, len(source)) if source[at] == ","), None)
    if close is None or close + 1 >= len(source) or not 1 < close - end - 1 <= _ASIDE_WORDS:
        return False
    if not REPORTING_VERBS.intersection(word.lower() for word in source[end + 1 : close]):
        return False
    verb, word = source_tags[close + 1], source[close + 1].lower()
    return verb.startswith(("VERB", "AUX")) and verb != "VERB:Ger" and not word.endswith("ing")


def _bounded_claim(source: list[str], end: int) -> bool:
    """Whether one of the three words before the cut is a first, a last or a superlative that an "in" or
    "since" after it bounds. Not "at least five people" (a quantity) or "last week" (a date): cut before
    "in Syria" or "in protest", they claim nothing more than the sentence does."""
    for position in range(max(0, end - 3), end):
        word = source[position].lower()
        previous = source[position - 1].lower() if position else ""
        if word not in SUPERLATIVES or (word in {"least", "most"} and previous == "at"):
            continue
        if word in {"last", "latest", "next"} and previous not in _SERIES_DETERMINERS:
            continue
        return True
    return False


_SERIES_ITEM_STARTS = frozenset({"DET", "NUM"})


def _names_follow_in_a_row(source: list[str], source_tags: list[str], end: int) -> bool:
    """Whether a name ends the cut and more names follow it, comma by comma, to an "and" and a last name:
    "defenders Callum Elder" of "Callum Elder, Gabriel Zakuani and Kgosi Ntlhe"."""
    if end + 1 >= len(source) or source[end] != "," or source_tags[end - 1] != "PROPN":
        return False
    for position in range(end + 1, len(source) - 1):
        word, tag = source[position].lower(), source_tags[position]
        if word in {"and", "or"}:
            return source_tags[position + 1] == "PROPN" and source[position - 1] != ","
        if tag != "PROPN" and word != ",":
            return False
    return False


def _series_cut_short(source: list[str], source_tags: list[str], end: int) -> bool:
    """Whether the cut stops inside the second-last item of a list ("A, B and C") whose items open with an
    article or a number: the headline then gives some of the items as if they were all of them ("charged
    with two counts of assault, a count of firing a weapon", of "... a weapon from a vehicle and three
    counts of armed criminal activity")."""
    if _names_follow_in_a_row(source, source_tags, end):
        return True
    commas = [position for position in range(end) if source[position] == ","]
    if not commas or commas[-1] + 1 >= end:
        return False
    # Names in a row ("defenders Callum Elder, Gabriel Zakuani and Kgosi Ntlhe") are a list's items too.
    names = source_tags[commas[-1] - 1] == "PROPN" and source_tags[commas[-1] + 1] == "PROPN"
    starts = _SERIES_ITEM_STARTS | ({"PROPN"} if names else set())
    if source_tags[commas[-1] + 1] not in starts:
        return False
    if _FINITE.intersection(source_tags[commas[-1] + 1 : end]):
        return False  # ", a man said": a clause of its own, not a list item
    for position in range(end, len(source)):
        word = source[position].lower()
        if source_tags[position] == "CCONJ":
            # "... and three counts of fraud" is the list's last item; "... and charged him" a second verb.
            following = source_tags[position + 1] if position + 1 < len(source) else ""
            return word in {"and", "or"} and following in starts
        if source[position] in {",", ";", ".", ":"} or source_tags[position] in {"SCONJ"} | _FINITE:
            return False
        if word in _RELATIVES:
            return False  # "a deckhand whose boat and nets were seized": the "and" is the clause's
    return False


def _name_cut_in_two(source: list[str], end: int) -> bool:
    """Whether the cut falls inside a name joined by "for", "of" or "&" ("Equity for Punks", "Bank of England").

    After a person's name "of" says where they are from ("Tom Cook of Leeds"), which a headline may leave out:
    a capitalised word before the one the cut follows makes it a person's name, not an institution's."""
    if end + 1 >= len(source) or not source[end - 1][:1].isupper() or not source[end + 1][:1].isupper():
        return False
    joiner = source[end].lower()
    if joiner == "of":
        return end < 2 or not source[end - 2][:1].isupper()
    return joiner in {"for", "&"}


def _charge_cut_from_its_count(source: list[str], end: int) -> bool:
    """Whether a verb of charging or sentencing among the eight words before the cut has not yet said what
    for, and its preposition follows within eight words: "has charged ... Robert Durst" of "..., a convicted
    felon, with unlawful possession of a firearm". Not "was convicted of murder" cut before "in 2010, the
    court of appeal heard": its "of" is kept."""
    for position in range(max(0, end - 8), end):
        preposition = _CHARGE_PREPOSITIONS.get(source[position].lower())
        if preposition is None:
            continue
        kept = {word.lower() for word in source[position + 1 : end]}
        if preposition not in kept and preposition in {word.lower() for word in source[end : end + 8]}:
            return True
    return False


def _cut_before_what_it_is_taken_as(source: list[str], source_tags: list[str], end: int) -> bool:
    """Whether the cut falls right before the "as" that a verb of judging or naming, among the eight words
    before, takes after its object: "evangelicals count the reversal" of "... as a victory", "police
    identified the man" of "... as Tom Cook". The "as" phrase is what the sentence says of it."""
    if end >= len(source) or source[end].lower() != "as":
        return False
    start = max(0, end - 8)
    recent = [word.lower() for word in source[start:end]]
    return "as" not in recent and any(
        word in _TAKEN_AS_VERBS and source_tags[start + offset].startswith("VERB")  # not "the bank rate"
        for offset, word in enumerate(recent)
    )


def _modifies_a_noun(source: list[str], source_tags: list[str], position: int) -> bool:
    """An -ing form before a noun describes it, says nothing: "a script by writing team Ann Marsh"."""
    return (
        source[position].lower().endswith("ing")
        and position + 1 < len(source_tags)
        and source_tags[position + 1] == "NOUN"
    )


def _end_in(words: list[str], source: list[str]) -> int | None:
    """Where the headline's last words end in the sentence (compression may have dropped words before them)."""
    tail = [word.lower() for word in words[-_TAIL_WORDS:]]
    lowered = [word.lower() for word in source]
    ends = [
        position + len(tail)
        for position in range(len(lowered) - len(tail) + 1)
        if lowered[position : position + len(tail)] == tail
    ]
    return ends[-1] if ends else None


# Words that grade the word after them: cut right after one, a line says "more" but not more what.
_DEGREE_WORDS = frozenset("more less most least so too very as quite rather".split())
# Words that close a span of time after its noun: "three years ago", "days later".
_AFTER_A_SPAN = frozenset("ago later earlier".split())
_SPANS = frozenset("minutes hours days weeks months years decades".split())
_WH_WORDS = frozenset("when whether if what why how where who which".split())
_COMPARATIVE_REACH = 6  # words between a comparative and its "than": "more common in childhood than"


def _comparison_cut(source: list[str], source_tags: list[str], end: int) -> bool:
    """Whether one of the last three words compares ("more", "less", "-er") and the sentence gives what it is
    compared with soon after the cut, before any clause break: "is more common" of "more common in
    childhood than type 2"."""
    comparing = any(
        source[position].lower() in {"more", "less", "fewer"}
        or (source_tags[position] == "ADJ" and source[position].lower().endswith("er"))
        for position in range(max(0, end - 3), end)
    )
    if not comparing:
        return False
    for position in range(end, min(len(source), end + _COMPARATIVE_REACH)):
        if source[position].lower() == "than":
            return True
        if source_tags[position] in _CLAUSE_BREAKS or source_tags[position] in _FINITE:
            return False
    return False


def _condition_cut(source: list[str], end: int) -> bool:
    """Whether the cut ends a condition that a verb of saying opened ("said if they want ...") while the
    sentence goes on, after a comma, with the clause the condition is for."""
    if end >= len(source) or source[end] != ",":
        return False
    kept = [word.lower() for word in source[:end]]
    for position in range(len(kept) - 1, 0, -1):
        if kept[position] == ",":
            return False
        if kept[position] in {"if", "unless"}:
            return kept[position - 1] in REPORTING_VERBS or kept[position - 1] == "that"
    return False


def _cut_inside_clause(last_tag: str, source: list[str], source_tags: list[str], end: int) -> bool:
    """Whether the sentence goes on, right after the headline, with what its last word was waiting for.

    "said production" of "said production at the plant will end" stops inside the clause it
    reports (a finite verb follows before any comma, conjunction or relative); "was holding"
    of "was holding the rope" stops before the verb's object, "might argue" before what is
    argued, and "planks nailed" of "planks nailed into the frame" before the phrase that
    says where: a verb the sentence goes on from, other than at a clause break, still waits.
    """
    following, following_word = source_tags[end], source[end].lower()
    # "Email ... discovered in an internal investigation" of "..., Lufthansa said, included ...".
    if _verb_after_an_aside(source, source_tags, end):
        return True
    determined = end >= 2 and source_tags[end - 2] == "DET" and following_word not in {".", "!", "?"}
    if last_tag == "ADJ" and (following in {"NOUN", "PROPN"} or determined):
        return True  # "her presidential" of "her presidential bid", "a tragic" of "a tragic, but familiar, story"
    after_next = source[end + 1].lower() if end + 1 < len(source) else ""
    if (
        last_tag == "ADJ"
        and following_word in {",", "and", "or"}
        and source_tags[end + 1 : end + 2] == ["ADJ"]
    ):
        return True  # "the magazine's disastrous" of "disastrous, discredited story", "medical" of "medical and ..."
    if following_word == "by" and _passive_of_cause(source, end):
        return True  # "was caused last year" of "was caused last year by botulism": the cause is cut away
    if following_word == "than" or _comparison_cut(source, source_tags, end):
        return (
            True  # "far lower" of "far lower than forecasts": a comparison cut before what it is measured by
        )
    if source[end - 1].lower() in _DEGREE_WORDS and following in {"ADJ", "ADV"}:
        return True  # "is now more" of "is now more popular": the quality itself is cut away
    if (following_word in _AFTER_A_SPAN and source[end - 1].lower() in _SPANS) or (
        following_word == "over" and source[end - 1].lower() == "world"
    ):
        return True  # "three years" of "three years ago", "designers the world" of "the world over"
    if (
        last_tag.startswith("VERB")
        and source[end - 1].lower().endswith("ing")
        and following_word in _WH_WORDS
    ):
        return True  # "never knowing" of "never knowing when her husband would strike"
    if _condition_cut(source, end):
        return True  # "said if they want the best care" of "..., then the current services will not work"
    if last_tag.startswith("VERB") and (following_word, after_next) in _QUANTITY_OPENERS:
        return True  # "killed" of "killed at least five people": the object is cut away
    if following_word in {"in", "since"} and _bounded_claim(source, end):
        return True  # "for the first time" of "for the first time in a month": the claim's bound is cut away
    if NEEDS_ITS_PREPOSITION.get(source[end - 1].lower()) == following_word:
        return True  # "to be involved" of "involved in the Tour of Britain": what it is involved in is cut
    if _name_cut_in_two(source, end):
        return True  # "its Equity" of "its Equity for Punks USA", "the Bank" of "the Bank of England"
    if _series_cut_short(source, source_tags, end):
        return True  # "two counts of assault, a count of firing a weapon" of "... and three counts of ..."
    recent = [word.lower() for word in source[max(0, end - 8) : end]]
    if _charge_cut_from_its_count(source, end):
        # "has charged ... Robert Durst" of "... Durst, a convicted felon, with unlawful possession of a firearm"
        return True
    if _cut_before_what_it_is_taken_as(source, source_tags, end):
        return True  # "count the World Vision reversal" of "... as a major victory"
    if "let" in recent[-4:] and following.startswith("VERB") and following != "VERB:Fin":
        return True  # "a motion to let the teen" of "... let the teen go home"
    kept = [word.lower() for word in source[:end]]
    if (
        "between" in kept
        and "and" not in kept[len(kept) - kept[::-1].index("between") :]
        and "and" in {word.lower() for word in source[end : end + 6]}
    ):
        return True  # "halfway between junction 32" of "between junction 32 for Coryton and junction 33"
    if last_tag in {"NOUN", "PROPN"} and following == "NOUN" and source[end][:1].islower():
        return True  # "the former Glenburn Sports College" of "... College site": a compound cut in two
    if source[end - 1].lower() in _CHANGE_NOUNS and following_word in {"in", "of"}:
        return True  # "a shortage of midwives and a fall" of "a fall in students": what fell is cut away
    if source[end - 1].lower() in _LIGHT_NOUNS and (
        following_word in {"where", "when", "that"}
        or (following_word in {"in", "at", "on"} and after_next == "which")
    ):
        return True  # "appeared near the spot" of "the spot where Walter Scott was shot"
    if (
        last_tag in {"ADV", "ADJ"}
        and end >= 2
        and source_tags[end - 2].startswith("VERB")
        and following_word == "to"
    ):
        return True  # "is heading straight" of "heading straight to Lifetime": the verb's phrase is cut
    if following_word == "to" and _open_range(source, source_tags, end):
        return True  # "halved its rate from 0.5%" of "from 0.5% to 0.25%": the change itself is cut
    # After a noun, "that" opens a relative clause more often than the tagger says ("avalanches that left"),
    # except after a noun that reports or claims ("the report that the company may move").
    previous = source[end - 1].lower()
    complement = following == "SCONJ" and (
        previous in _CONTENT_NOUNS or (source_tags[end - 1] not in _NOMINAL and previous not in {"now", "so"})
    )
    if (following_word == "that" and complement) or _report_cut(source, source_tags, end):
        return True  # "said in an email to his students" of "... students that they were a disgrace"
    if last_tag.startswith("VERB") and source[end - 1].lower().endswith("ing") and following == "ADP":
        before = source_tags[end - 2] if end >= 2 else ""
        if not before.startswith("AUX"):
            return True  # "can rest more comfortably living" of "living in Georgia"; not "are gaining ground"
    gerund_next = end + 1 < len(source) and source[end + 1].lower().endswith("ing")
    if following_word == "from" and gerund_next and source_tags[end + 1].startswith("VERB"):
        # "to prevent Vergara" of "to prevent Vergara from destroying": what is prevented is cut; "by
        # gaining" or "after joining" says how or when, which a headline may leave out.
        return True
    phrasal = following_word == "on" and after_next == "to"  # "was holding on to the rocks"
    if last_tag.startswith("VERB") and (
        following in _COMPLEMENTS or following_word in _VERB_PHRASES or following_word == "that" or phrasal
    ):
        return True
    for position in range(end, len(source)):
        tag = source_tags[position]
        reduced_relative = (
            following == "ADP"
            and position - 2 >= end
            and source_tags[position - 1] == "PRON"
            and source_tags[position - 2] == "NOUN"
            and not REPORTING_VERBS & {word.lower() for word in source[max(0, end - 3) : end]}
        )
        if tag in _FINITE and reduced_relative:
            return (
                False  # "free after 30 years on death row" of "... row for murders he says he didn't commit"
            )
        if tag in _FINITE:
            return True
        joins_words = (
            tag == "CCONJ"
            and 0 < position < len(source) - 1
            and source_tags[position - 1] in _PHRASE
            and source_tags[position + 1] in _PHRASE
        )
        if joins_words:
            continue  # "in Arkansas and Indiana caught": names joined, the clause goes on
        if tag in _CLAUSE_BREAKS or source[position].lower() in _RELATIVES | _SUBORDINATORS:
            return False
    return False


def main_verb_words(sentence: str, following: int = 3) -> tuple[tuple[str, str], ...]:
    """The main clause's finite verb and the few words after it, each (lower-case word, tag); empty when the
    tagger finds no main verb.

    What a sentence says happened is read at its main verb: "is old and prone to leaks" states,
    "pleaded guilty" reports (see ``engines.extractive._states_background``).
    """
    words = [word for word in tokenize(sentence) if word not in {'"', "“", "”", "‘", "’"}]
    if not words:
        return ()
    tags = _tags(words, promote=_lacks_a_main_verb(words))
    position = _main_verb(words, tags)
    if position is None:
        return ()
    end = position + 1 + following
    return tuple(
        (word.lower(), tag) for word, tag in zip(words[position:end], tags[position:end], strict=True)
    )


def opens_with_subject(sentence: str) -> bool:
    """Whether a sentence opens with its subject, not with a scene or a manner ("Recently, however, ...",
    "Powered by electricity, ...", "In 1580, ..."): a lede that can stand first."""
    words = [word for word in tokenize(sentence) if word not in {'"', "“", "”", "‘", "’"}]
    if len(words) < 2:
        return False
    tags = _tags(words, promote=_lacks_a_main_verb(words))
    position = _main_verb(words, tags)
    return (
        position is not None
        and tags[0] not in _OPENERS
        and not tags[0].startswith("VERB")
        and not (tags[0] == "ADP" and "," in words[:position])
    )
