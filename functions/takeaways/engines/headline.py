"""Headlines for articles that arrive without one, cut from a lead sentence the way news desks write them.

Compression is by removal only, so every word of a headline is a word of the article, in
the article's order, and it cannot say what the article does not. What goes, in turn:
whatever follows the main clause, time phrases ("on Tuesday"), then, while it is too long, a
person's title and first name where the article itself calls them by surname, and, when that is not enough,
an opening clause ("Even as a girl in Malaysia, ...") that sets a scene rather than a
condition, a source or a year. Whatever is still too long is cut before a phrase, never
inside a name, after "of" or after "was". A lead that is one long quotation keeps its
opening words and marks the cut with an ellipsis inside the quotation marks. When that cut
reads incomplete, ``headline_options`` offers the sentence cut later (a contrast that fits
first), so a verb is not left without its phrase and "..., but" keeps the news it carries. Before
any cut, a compressed form of the sentence that fits whole is tried (``fitting_compressions``): a cut
drops the sentence's end, and that is often the news ("..., killing three", "with sales of $52 million").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from takeaways.engines.standalone import (
    IRREGULAR_PAST,
    PRONOUN_SPEAKER,
    one_person_of_the_name,
    reads_as_statement,
    stands_alone,
    unnamed_role,
    unnamed_thing,
)
from takeaways.text.entities import DEPARTMENTS, PERSON_TITLES, surname_of
from takeaways.text.grammar import (
    NEEDS_ITS_PREPOSITION,
    SUPERLATIVES,
    ends_on_a_fixed_phrase,
    has_finite_verb,
    resumes_with_verb,
    word_tags,
)
from takeaways.text.tagger import english_tagger, tokenize
from takeaways.text.words import (
    AUXILIARIES,
    AUXILIARY_PATTERN,
    DANGLING_WORDS,
    HEDGES,
    MONTHS,
    NEGATIONS,
    READER_ADDRESSES,
    REPORTING_VERBS,
    SPEECH_VERBS,
    STOP_WORDS,
    TIME_NOUNS,
    WEEKDAYS,
    inside_quotation,
)

HEADLINE_CHARS = 100
_MIN_WORDS = 6
_SURNAME_MENTIONS = 2
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
# "On Thursday night's episode": the day belongs to a noun phrase, not to the event, and stays.
_NOT_POSSESSIVE = r"(?!\s+(?:morning|afternoon|evening|night)['’]s\b)(?!['’]s\b)"
# A weekday that is part of a holiday's name is no day of the event: "from Good Friday to Easter Monday".
_NAMED_DAY_WORDS = "Good Easter Black Cyber Ash Super Maundy Holy Whit Shrove Palm Bloody Blue Fat".split()
_NOT_A_NAMED_DAY = "".join(rf"(?<!\b{word})" for word in _NAMED_DAY_WORDS)
# The day of the event goes; "this year" or "last month" stays: it bounds the claim ("his sixth defeat this year").
_TIME_PHRASE = re.compile(
    rf"{_NOT_A_NAMED_DAY},?\s+(?:(?:(?:late|early)\s+on|on|late|early|last|this|next)\s+)?(?:{_WEEKDAY}){_NOT_POSSESSIVE}{_PART_OF_DAY}(?=[\s,.;:]|$)"
    r"|,?\s+(?:yesterday|today|tonight|overnight)(?=[\s,.;:]|$)"
)
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s")
# The comma closing a clause between commas: a lower-case word follows, not a time the clause goes on to
# ("in Chapel Hill, North Carolina, earlier this year, can face" closes before "can").
_CLAUSE_CLOSE = re.compile(
    r",\s+(?=[a-z])(?!(?:earlier|later|last|this|next|ago)\b|(?:in|since|until|by) (?:\d{4}|the \d{4}s)\b)"
)
_COMMA = re.compile(r",\s")
_LIST_JOINER = re.compile(r"(?:and|or)\s")
# What a sentence sets against its main clause: "..., but the home side still took wickets".
_CONTRAST_NEXT = re.compile(r",?\s+(?:but|although|though|whereas|yet)\s")
_OPENING_TIME = re.compile(
    rf"^(?:(?:On|Late|Early)\s+(?:{_WEEKDAY}){_NOT_POSSESSIVE}{_PART_OF_DAY},?|(?:{_WEEKDAY}|Yesterday|Today|Tonight){_PART_OF_DAY},)\s+"
)
_MAIN_CLAUSE_END = re.compile(
    r",\s+(?:but|while|although|though|whereas|which|who|whose|as|after|before|because|amid|with|including"
    r"|and|according|saying|adding|citing)\s|;\s|\s(?:--|—|–)\s"
)
# Cutting before a clause ("that", "when") or, failing that, a phrase ("in", "with") leaves a
# headline that reads complete; a clause boundary comes first because it loses less meaning.
_CLAUSE_START = re.compile(
    r"\s(?=(?:that|which|who|whose|where|when|while|because|as|after|before|since|following|including)\s)"
)
# "killed at least five people and injured more than a dozen": the injured are the lesser news, so a cut
# before them keeps the first predicate whole where a cut at the limit would leave "killed" without its object.
_SECOND_PREDICATE = re.compile(r"\s(?=and\s+(?:injured|wounded|hurt)\s)")
# Not before "at least" or "at most": that opens a verb's object ("killed at least five people").
_PHRASE_START = re.compile(
    r"\s(?=(?:at|in|on|from|with|for|by|over|near|during|despite|amid|into|against|under|between)\s)"
    r"(?!at\s+(?:least|most)\b)"
)
# "to" before a noun phrase, not an infinitive, nor after a word it completes ("due to", "went to"): "lost
# her title to 21-year-old Nafi Thiam". Cut there only as a last resort: what follows is often the news.
_TO_PHRASE = re.compile(
    r"(?<!\bdue)(?<!\baccording)(?<!\bthanks)(?<!\bowing)(?<!\bnext)(?<!\bclose)(?<!\bprior)(?<!\bwent)"
    r"(?<!\bgo)(?<!\bgoes)(?<!\bgoing)(?<!\bgone)(?<!\bcame)(?<!\bcome)(?<!\breturned)(?<!\bmoved)"
    r"\s(?=to\s+(?:the|a|an|his|her|their|its|\d[\w-]*|[A-Z])\b)"
)
_PERSON_CUE = re.compile(
    rf"(?:['’]s)?,?\s+(?:{'|'.join(sorted(REPORTING_VERBS | {'who', 'was', 'is', 'has', 'had'}))})\b"
)
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
# "..., Netanyahu said", "..., the operator said": a statement and who made it, which a headline keeps.
_ATTRIBUTION_END = re.compile(r",\s+(?:[\w.'’-]+\s+){1,4}\w+$")
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|they|them|their)\b", re.IGNORECASE)
# "... the future CEO of a media company was" stops where the reader waits for the rest.
_AUXILIARIES = AUXILIARIES | frozenset("be been being not".split())
_CONTRACTED_IS = frozenset({"that's", "it's", "there's", "who's", "what's", "he's", "she's", "here's"})
# Ending on these leaves a question open: "... about why".
_OPEN_QUESTIONS = frozenset({"why", "whether", "how"})
# A headline ending on any of these leaves the reader waiting for the rest.
_HEADLINE_ENDS = (
    DANGLING_WORDS
    | _SUBJECT_PRONOUNS
    | _AUXILIARIES
    | _OPEN_QUESTIONS
    | frozenset({"since", "until", "still"})  # "the girls are still" waits for "being screened"
    # A linking verb waits for what its subject is or where it is: "will remain" of "will remain in custody".
    | frozenset("remain remains remained become becomes became seem seems seemed appear".split())
)
# Opening clauses that may go: they set a scene, not a condition ("If ...") or a source ("According to ...").
_SCENE_OPENERS = frozenset(
    "as just even when while after since although though despite amid in on at during following once "
    "now still sure yes indeed however meanwhile instead increasingly already again".split()
)
# What the main clause may start with once the opening is gone; "he" or "their" would lose who it means.
_CLAUSE_OPENERS = frozenset(
    "the a an this these all many some most more several few no every each both dozens hundreds thousands "
    "millions".split()
)
_INITIAL_BEFORE = re.compile(r"(?:^|\s)[A-Z]\.\s$")
# "A day after winning the presidency, ...", "Two weeks before the vote, ...": when, measured from another
# event, which sets the scene as "After ..." does.
_TIME_AFTER = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|just|only|\d+)\s+)?"
    r"(?:days?|weeks?|months?|hours?|years?|minutes)\s+(?:after|before|since)\s",
    re.IGNORECASE,
)
_NEXT_LIST_ITEM = re.compile(r",\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:,|\s+and\s)")
_PREVIOUS_LIST_ITEM = re.compile(r"\s[A-Z][\w.'’-]*,\s+$")
_LIST_GOES_ON = re.compile(r",|\s+and\s")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_OPENING_COMMA = re.compile(r",\s+(?:then\s+)?")
# A comma inside "Anaheim, California, director ..." or "April 20, 2010, a seal ..." does not end the opening.
_INNER_COMMA = re.compile(r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?,|\d{4}\b")
_MIN_QUOTED_WORDS = 3
_AUXILIARY_VERB = AUXILIARY_PATTERN
# Between the subject and its verb, an aside ("Police in Malegaon, in the western state of Maharashtra,
# are requiring") or a relative clause ("Five Americans who were monitored at a hospital have been
# released") says more of the subject than a headline has room for: while too long, it goes, and the
# subject keeps its verb. The result must still pass the clause checks like any other cut.
_ASIDE_BEFORE_VERB = re.compile(
    rf"^(?P<subject>[^,;:\"“”()]{{2,80}}?),\s+(?P<between>[^,;:\"“”()]{{2,80}}),\s+(?={_AUXILIARY_VERB})"
)
# The main clause's verb after a relative clause: a modal and any verb ("will remain"), or "has", "was" and
# the like before a participle ("have been found", "was charged"), not "to have chemotherapy".
_MAIN_VERB = (
    r"(?:(?:will|would|can|could|may|might|must|should)\s+[a-z]"
    r"|(?:is|are|was|were|has|have|had)\s+(?:been\s+|not\s+|also\s+)?(?:[a-z]+(?:ed|en|ing)|"
    + "|".join(sorted(IRREGULAR_PAST))
    + r")\b)"
)
_RELATIVE_BEFORE_VERB = re.compile(
    rf"^(?P<subject>[^,;:\"“”()]{{2,60}}?)\s+(?P<between>(?:who|which)\s+[^,;:\"“”()]{{5,160}}?)"
    rf"(?<!\sto)\s+(?={_MAIN_VERB})"
)
# A subject that picks out someone ("Five Americans", "An American teenager", "The pilot"), so what a
# relative clause adds is description; after a bare plural ("Parents who ...") it is the definition.
_SPECIFIC_SUBJECT = re.compile(
    r"(?:a|an|the|this|that|these|those|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*|[A-Z][\w'’-]*['’]s)\s",
    re.IGNORECASE,
)
# Not after "to": "forced to have chemotherapy" holds an infinitive, no second finite verb.
_AUXILIARY_WORD = re.compile(rf"(?<!\bto )\b{_AUXILIARY_VERB}")
# The state or country after a town ("in Goldsboro, North Carolina, may have been", "an Omaha, Nebraska,
# hospital") is an aside, dropped while the headline is too long; not a list ("in Paris, Lyon, and Nice").
_REGION_AFTER_PLACE = re.compile(
    r"(?P<place>\b(?:in|at|of|from|near|an|a|the) [A-Z][\w.'’-]{2,}), [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,"
    r"(?= (?!(?:and|or)\b)[a-z0-9])"
)
# "in the northeast Nigerian city of Gombe" is "in Gombe" with a description a reader of a headline can do
# without; dropped while the headline is too long, so that the sentence's end ("killed at least five
# people") need not be cut.
_PLACE_DESCRIBED = re.compile(
    r"\b(?P<preposition>in|at|near|outside|from) the (?:[\w'’-]+ ){0,3}?(?:city|town|village|port|province"
    r"|region|district) of (?=[A-Z])"
)
# "the French-language global television network TV5Monde": the kind of body before its name, which a headline
# short of room can leave to the name.
_BODY_DESCRIBED = re.compile(
    r"\bthe (?:(?!(?:the|a|an|of|on|in|at|for|to|by|with|from)\b)[\w'’-]+ ){0,4}?(?:network|company|firm|group|broadcaster|newspaper|agency|organisation"
    r"|organization|charity|airline|retailer|bank|band|magazine|website|channel|carrier|manufacturer|maker) "
    r"(?=[A-Z][\w'’-]*)"
)
# A quotation said by "he" or "they": the reader of a headline cannot tell who.
# An apposition after a name, closed before the verb: "Ackerley, formerly a reporter on the show, will join".
_APPOSITION = re.compile(
    r"\b[A-Z][\w'’-]*(?P<apposition>,\s+(?:formerly|a|an|the|now|once|currently|also)\s[^,;\"“”]{2,80}?,\s+)(?=[a-z])"
)
# A person's address between the name (and age) and the verb: "Jane Morrow, 40, of Mill Lane, Dunford, pleaded
# guilty". Court reports give it; a headline never does. It is an address when it has two parts (street or
# town, then town or region), or, after an age, one part that is a street ("of Mill Lane"): "Chris Evans, 24,
# of Leeds Rhinos, scored" keeps his club, and "the club's owners" later in the line keep their referent.
# Only before a lower-case word, so that a list of places ("of Leeds, York and Hull") is not taken for one.
_PLACE_WORDS = r"(?:[A-Z][\w'’.-]*\s?){1,4}"
_STREET = (
    r"(?:[A-Z][\w'’.-]*\s){1,3}(?:Road|Street|Lane|Avenue|Close|Drive|Way|Crescent|Place|Court|Gardens|Terrace|"
    r"Grove|Row|Walk|Hill|Square|Mews)\s?"
)
_REGION = r"(?:(?:north|south|east|west|central|mid|north-west|north-east|south-west|south-east)\s+)?"
_ADDRESS_AFTER_NAME = re.compile(
    rf"(?P<name>\b[A-Z][\w'’-]+)(?:(?P<age>,\s+\d{{1,3}})?,\s+(?:of|from)\s+{_PLACE_WORDS},\s+{_REGION}{_PLACE_WORDS}"
    rf"|(?P<street_age>,\s+\d{{1,3}}),\s+(?:of|from)\s+{_STREET})(?:,\s+|(?<=\s))(?=[a-z])"
)
# A verb's particle is part of the verb ("fired in four goals"); a span of time its "after" ("30 years after").
_PARTICLES = frozenset("in out up off down back away into onto".split())
# "signed his first contract last summer": when the event happened, which a headline may leave out; not
# "this year" or "last year", which bound a claim ("his sixth defeat this year").
_RECENT_TIME = re.compile(
    r"\s+(?:last|next)\s+(?:week|weekend|night|month|summer|winter|spring|autumn|season)\b(?!['’])", re.I
)
# After "was killed in": a place ("in Kabul"), a time ("in March", "in 2019") or the event it happened in ("in
# a raid"), not what completes the verb ("is concentrated in the hands of a few").
_PLACE_TIME_OR_EVENT = re.compile(
    r"\s+in\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?:[A-Z\d]"
    r"|(?:attack|raid|crash|fire|blaze|blast|explosion|shooting|clash|clashes|strike|strikes|storm|accident|"
    r"collision|ambush|bombing|stampede|flood|floods|earthquake)\b)"
)
_REFLEXIVES = frozenset("himself herself themselves itself myself ourselves yourself".split())
_BE_FORMS = frozenset("is are was were be been being".split())
_TIME_UNITS = frozenset("years months weeks days hours minutes decades centuries".split())
_TIME_RELATIONS = frozenset("after before ago later earlier since".split())
_BOUNDARY_WORDS = frozenset(
    "that which who whose where when while because as after before since following including at in on from with "
    "for by over near during despite amid into against under between and but or to than until due ahead "
    "according across through throughout toward towards without within among via around beyond behind along "
    "being".split()
)
# Openings that address the reader or tease rather than report: "Get this:", "Don't forget".
_NOT_NAMES = STOP_WORDS | WEEKDAYS | MONTHS | _BOUNDARY_WORDS | frozenset({"among", "early", "late", "what"})
# Openings of a line that teases, addresses the reader or hedges ("Maybe this new venture makes sense"):
# not the news a headline states.
_TEASER_OPENINGS = READER_ADDRESSES | HEDGES | {"don't"}
_OPENING_CONNECTIVES = frozenset(
    "but and so or yet because if when while although though as plus also now then".split()
)


def headline_from(
    sentence: str,
    *,
    people: Iterable[str] = (),
    article_text: str = "",
    dangling: frozenset[str] = frozenset(),
) -> str:
    """A headline from ``sentence``, at most HEADLINE_CHARS long and without a final stop.

    ``people`` are the full names of people the article mentions; one is shortened to a
    surname only when ``article_text`` uses that surname on its own. ``dangling`` adds the
    function words of the article's language to the English ones a headline must not end on.
    """
    flat = " ".join(sentence.split()).rstrip(".…")
    compressed = _compressed(_main_clause(flat), people, article_text)
    return _within_limit(compressed, _HEADLINE_ENDS | dangling)


def headline_options(
    sentence: str,
    *,
    people: Iterable[str] = (),
    article_text: str = "",
    dangling: frozenset[str] = frozenset(),
    shorter: bool = False,
) -> list[str]:
    """Headlines from ``sentence``, the one ``headline_from`` gives first, then other cuts of it that fit.

    The first is the sentence's main clause, compressed. When that cut leaves a verb waiting
    ("planks nailed" of "planks nailed into the frame") or drops the contrast that carries
    the news ("..., but the home side still took wickets"), the sentence cut later may read
    complete: it comes next, without its asides, cut at each phrase or clause that ends within
    the limit, the longest first. A contrast that fits comes before the main clause alone. With
    ``shorter``, cuts that keep less than the first follow: a last resort when no headline reads complete.

    When the main clause is too long to fit whole, a compressed form of the sentence that fits whole
    (``lede_compressions``: without its asides, who said it, where or when) comes before any cut: a
    cut drops the sentence's end, which is often its news ("..., killing three", "in its first weekend").
    """
    flat = " ".join(sentence.split()).rstrip(".…")
    ends = _HEADLINE_ENDS | dangling
    main = _main_clause(flat)
    compressed_main = _compressed(main, people, article_text)
    cut = _within_limit(compressed_main, ends)
    whole: list[str] = []
    if len(compressed_main) > HEADLINE_CHARS:
        whole = fitting_compressions(flat, people=people, article_text=article_text, dangling=dangling)
    longer = _later_cuts(_compressed(_asides_removed(flat), people, article_text), ends)
    # Only cuts that keep more than the first: a shorter one loses what the first had kept.
    later = [option for option in longer if len(option) > len(cut)]
    aside_free = _compressed(_asides_removed(flat), people, article_text)
    later += [option for option in _later_cuts(aside_free, ends, (_SECOND_PREDICATE,)) if option != cut]
    options = [*later, cut] if _ends_before_contrast(main, flat) else [cut, *later]
    options = [*whole, *options]
    if shorter:
        options += [option for option in longer if len(option) < len(cut)]
        options += [
            option for option in _later_cuts(aside_free, ends, (_TO_PHRASE,)) if len(option) < len(cut)
        ]
    # A cut before a dash ("... grants - as being") would keep the space before it.
    restored = (_full_names_restored(option.rstrip(), flat, people) for option in options if option.strip())
    return list(dict.fromkeys(restored))


def _full_names_restored(option: str, sentence: str, people: Iterable[str]) -> str:
    """The cut with the full names that were shortened to make the sentence fit put back where the cut leaves
    room: a reader meets a person first in the headline ("Willers posted a message" names no one they know;
    "Owner David Willers posted a message" does). The title comes back with the name when it fits too."""
    for name in sorted(set(people), key=len, reverse=True):
        surname = surname_of(name)
        if not surname or name in option or name not in sentence:
            continue
        found = _word_occurrences(option, surname)
        named = _word_occurrences(sentence, name)
        if not found or not named:
            continue
        start, end = found[0]
        name_start, name_end = named[0]
        for full in (sentence[_title_start(sentence, name_start) : name_end], name):
            longer = option[:start] + full[:1].upper() + full[1:] if start == 0 else option[:start] + full
            longer += option[end:]
            if len(longer) <= HEADLINE_CHARS:
                option = longer
                break
    return option


def fitting_compressions(
    sentence: str,
    *,
    people: Iterable[str] = (),
    article_text: str = "",
    dangling: frozenset[str] = frozenset(),
) -> list[str]:
    """Compressed forms of ``sentence`` and of its main clause (``lede_compressions``) that fit whole, the
    ones keeping most first: headlines that keep the sentence's end, where a cut would lose it."""
    flat = " ".join(sentence.split()).rstrip(".…")
    main = _main_clause(flat)
    forms = [*lede_compressions(flat), *(lede_compressions(main) if main != flat else [])]
    ends = _HEADLINE_ENDS | dangling
    compressed = [_compressed(form, people, article_text) for form in forms]
    whole = [_compressed(flat, people, article_text), *compressed]
    fitting = [*compressed, *(short for form in whole for short in _consequence_kept(form))]
    return list(
        dict.fromkeys(
            form for form in fitting if len(form) <= HEADLINE_CHARS and not _waits(form.split(), ends)
        )
    )


# ", killing at least 10 people": what the event did, which a cut before the comma would lose; "was at home
# in Muldhoka ... when the quake struck": the event that broke into what someone was doing.
_CONSEQUENCE = re.compile(r",\s+(?:killing|injuring|wounding|leaving)\s|(?<=\w),?\s+when\s+(?!asked\b)")
_SETTING_VERB = re.compile(r"\b(?:was|were)\b")
_BE_OR_NOT = frozenset("is are was were be been being not never".split())
# ", including a woman and a boy" at the end: who was among them, which the headline can leave out.
_INCLUDING_AT_END = re.compile(r",\s+including\s[^,;:\"“”]*$")
# Where the event happened, one phrase of it ("at a restaurant", "near the presidential palace").
# Not "at least ..." or "at most ...", a quantity; not "off", which after a verb is its particle ("set off").
_PLACE_ADJUNCT = re.compile(
    r"\s(?:at(?!\s+(?:least|most)\b)|near|in|on|outside|inside|along|across)\s[^,;:\"“”]*?"
    r"(?=\s(?:at|near|in|on|outside|inside|off|along|across|for)\s|$)"
)


def _consequence_kept(text: str) -> list[str]:
    """``text`` with one or two place phrases of its main clause taken out, so that its consequence fits.

    "A car bomb exploded at a restaurant near the presidential palace in the heart of Somalia's capital,
    killing at least 10 people" is too long, and a cut before the comma loses the deaths; without "near the
    presidential palace" it fits. A place phrase narrows where; without it the sentence says less, never
    something else. Forms keeping a name come first, then the longer ones.
    """
    if len(text) <= HEADLINE_CHARS:
        return []
    consequence = _CONSEQUENCE.search(text)
    if consequence is None or inside_quotation(text, consequence.start()):
        return []
    if consequence.group().strip() == "when" and not _SETTING_VERB.search(text[: consequence.start()]):
        return []  # "when" after a clause of its own event ("He resigned when ...") is when, not the event
    main, rest = text[: consequence.start()], _INCLUDING_AT_END.sub("", text[consequence.start() :])
    rest = re.sub(r"^,\s+when\b", " when", rest)  # "was at home when the quake struck" needs no comma
    phrases = [
        match.span()
        for match in _PLACE_ADJUNCT.finditer(main)
        if len(main[: match.start()].split()) >= 3  # after the subject and its verb
        and not _carries_news(match.group())
        and not any(character.isdigit() for character in match.group())
        and not SUPERLATIVES & {word.lower() for word in main[: match.start()].split()[-3:]}
        # "were on a five-day visit", "was not in a booster seat": after a form of "be" the phrase is what is said
        and main[: match.start()].split()[-1].lower() not in _BE_OR_NOT
    ]
    removals = [[span] for span in phrases] + [list(pair) for pair in itertools.pairwise(phrases)]
    forms = []
    for spans in removals:
        kept = main
        for start, end in reversed(spans):
            kept = kept[:start] + kept[end:]
        form = kept + rest
        if len(form) <= HEADLINE_CHARS and reads_as_statement(form):
            forms.append(form)
    return sorted(forms, key=lambda form: (-sum(word[:1].isupper() for word in form.split()[1:]), -len(form)))


def _compressed(text: str, people: Iterable[str], article_text: str) -> str:
    """Without the day of the event or a person's address; without a person's title and first name, then a
    scene-setting opening, while still too long."""
    text = _OPENING_TIME.sub("", text, count=1)
    text = _ADDRESS_AFTER_NAME.sub(_address_removed, text, count=1)
    text = _TIME_PHRASE.sub(lambda m: _time_phrase_removed(text, m), text)
    for name in sorted(set(people), key=len, reverse=True):
        if len(text) <= HEADLINE_CHARS:
            break  # a reader meets the headline first: a name and title are shortened only to make it fit
        surname = surname_of(name)
        if (
            surname
            and name in text
            and _called_by_surname(surname, name, article_text)
            # "the body of Scott" where the article also quotes Rodney Scott: the full name cannot come back
            and one_person_of_the_name(f"{text}\n{article_text}", name)
        ):
            text = _by_surname(text, name, surname)
    for name in sorted(set(people), key=len, reverse=True):
        # Only when it makes the sentence fit: a cut keeps "ESPN suspended reporter Britt McHenry" whole.
        shortened = _described_name_shortened(text, name)
        if len(text) > HEADLINE_CHARS >= len(shortened):
            text = shortened
    if len(text) > HEADLINE_CHARS:
        text = _REGION_AFTER_PLACE.sub(r"\g<place>", text)
    for between in (_ASIDE_BEFORE_VERB, _RELATIVE_BEFORE_VERB):
        if len(text) > HEADLINE_CHARS:
            text = _between_subject_and_verb_removed(text, between)
    if len(text) > HEADLINE_CHARS:
        text = _PLACE_DESCRIBED.sub(r"\g<preposition> ", text)
    if len(text) > HEADLINE_CHARS:
        text = _BODY_DESCRIBED.sub("", text)
    if len(text) > HEADLINE_CHARS:
        text = _opening_removed(text)
    text = text[:1].upper() + text[1:]
    return text.strip(" ,;:")


def _described_name_shortened(text: str, name: str) -> str:
    """``text`` without the description a verb's object carries before the name: "has charged millionaire real
    estate heir Robert Durst with ..." as "has charged Robert Durst with ...".

    The description is the nouns and adjectives right before the name (as tagged in the whole text), after a
    verb or a preposition: "Glasgow boss Gregor Townsend" and "the former minister Ada Lund" keep theirs, and
    "will join Matt Allwright" has none.
    """
    at = text.find(name)
    if " " not in name or at <= 0:
        return text
    before = tokenize(text[:at])
    tags = english_tagger().tag([*before, *tokenize(name)])[: len(before)]
    description = 0
    while description < min(len(before) - 1, 4) and tags[-1 - description] in {"NOUN", "ADJ"}:
        if not before[-1 - description][:1].islower():
            break
        description += 1
    opener = before[-1 - description].lower() if description else ""
    if not description or opener in _KEEPS_ITS_DESCRIPTION:
        return text
    if opener.endswith("ing") or tags[-1 - description] not in {"VERB:Fin", "VERB:Part", "VERB:Inf", "ADP"}:
        return (
            text  # "millionaire shipping heir": the description goes on before the word the tagger stops at
        )
    kept = text[:at].rstrip()
    for token in reversed(before[-description:]):
        kept = kept[: kept.rfind(token)].rstrip()
    return f"{kept} {text[at:]}"


_KEEPS_ITS_DESCRIPTION = frozenset("the a an his her their its our my this that of and or".split())


def _address_removed(match: re.Match[str]) -> str:
    """The name, and its age when given, without the address after it: "Reilly, 52, was jailed"."""
    age = match.group("age") or match.group("street_age")
    return f"{match.group('name')}{age}, " if age else f"{match.group('name')} "


def _ends_before_contrast(main: str, flat: str) -> bool:
    """Whether the main clause was cut before ", but ..." or ", although ...": what the sentence sets against it."""
    rest = flat[len(main) :] if flat.startswith(main) else ""
    return _CONTRAST_NEXT.match(rest) is not None


def _later_cuts(
    text: str,
    dangling: frozenset[str],
    patterns: tuple[re.Pattern[str], ...] = (_MAIN_CLAUSE_END, _CLAUSE_START, _PHRASE_START, _COMMA),
) -> list[str]:
    """``text`` whole if it fits, else cut before each clause, phrase or comma (outside quotations) that leaves at
    least ``_MIN_WORDS`` words within the limit, the longest first; none ends on a word that waits."""
    if len(text) <= HEADLINE_CHARS:
        return [text]
    cuts = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if match.start() > HEADLINE_CHARS:
                break
            if not inside_quotation(text, match.start()):
                cuts.append(match.start())
    options = []
    for cut in sorted(set(cuts), reverse=True):
        words = text[:cut].rstrip(" ,;:—–-").split()
        option = " ".join(words)
        if (
            len(words) >= _MIN_WORDS
            and not _waits(words, dangling)
            and not _verb_waits(words)
            and not _BARE_PASSIVE_RELATIVE.search(option)
        ):
            options.append(option)
    return options


def _verb_waits(words: list[str]) -> bool:
    """Whether a verb before an aside is still waiting at the cut: "The reaction is, as might be expected"."""
    opened = [position for position, word in enumerate(words) if word.endswith(",")]
    return bool(opened) and words[opened[-1]].rstrip(",").lower() in _AUXILIARIES


def quotes_an_unnamed_speaker(headline: str) -> bool:
    """Whether the headline is a quotation its reader cannot attribute: '"It was not so good," he said'."""
    return PRONOUN_SPEAKER.search(headline) is not None


# A verb's -ing form as the subject, its verb after it with no comma between: "Inciting people to harass
# others online could result in court action" is a clause; "Speaking to reporters, he said" and "Selling
# their beers from a van" are not headlines.
_GERUND_SUBJECT = re.compile(
    r"^[\"“‘']?[A-Z][a-z]+ing\s[^,;:—–]*?\s(?:could|would|can|will|may|might|should|must|is|was|are|were|has|had|have)\s"
)


# A description after a comma that the cut left as a bare noun: ", a label", ", an area".
# Its last word is no verb: ", a judge ruled" and ", a statement said" say who said it.
_BARE_APPOSITION = re.compile(
    rf",\s+(?:a|an)\s+[\w'’-]+(?:\s+(?!(?:{'|'.join(sorted(SPEECH_VERBS | REPORTING_VERBS))})$)"
    r"(?![\w'’-]+ed$)[\w'’-]+)?$"
)


def headline_reads_complete(headline: str) -> bool:
    """Whether a headline names its subject and has a finite verb, so it reads as a statement of the news.

    Not "Relieved that the company would not be broken up, they piled" (an opening clause, then a
    pronoun), "The 14-time major champion, playing in his first event" (no verb, no name), "The
    third seed won in straight sets" (a role for a name) or a question.
    """
    words = headline.split()
    if len(words) < 3 or headline.rstrip("\"'”’").endswith("?") or not stands_alone(headline):
        return False
    if headline.count("(") != headline.count(")"):
        return False  # "(Except Guy would have been recognised": an aside opened or closed without its other half
    if quotes_an_unnamed_speaker(headline) or unnamed_role(headline) is not None:
        return False  # '"...," he said' or "The veteran keeper, 34, signed": the reader is not told who
    if unnamed_thing(headline) is not None:
        return False  # "The vehicle overturned on the road to Medina": nor of what
    first = words[0].lower().strip("\"“‘'")
    if (
        first in _OPENING_CONNECTIVES
        or first in _TEASER_OPENINGS
        or (first.endswith("ing") and first != "according" and not _GERUND_SUBJECT.match(headline))
    ):
        return False  # "Selling their beers from a van", "Giving people the right to buy"; "According to" names a source
    if first.endswith("ed") and "," in headline:
        return False  # "Relieved that ..., they piled"
    if _pronoun_before_a_name(headline):
        return False  # "With her video and road trip, she opened": the reader is not told who
    if points_back(headline):
        return False  # "Sabeen Mahmud surrounded herself there with books": where is not said
    if (
        words[-1].lower().strip(",;:") in SPEECH_VERBS
        and not any(mark in headline for mark in '"”’')
        and not _ATTRIBUTION_END.search(headline)
    ):
        return False  # "Robbie, explaining his philosophy, said": what was said is cut away
    if _BARE_APPOSITION.search(headline):
        return False  # "... to launch Erebus Pictures, a label": what the label is was cut away
    return not _waits(words, _HEADLINE_ENDS) and reads_as_statement(headline)


# "this week" and "this year's" are the reader's own time; "this bridge", "that team" and "those two days" are
# ones the article named before.
_DEICTIC = re.compile(
    r"\b(?:here|(?:did|does|do|done|doing)\s+it|(?:this|these)\s+(?!(?:"
    + "|".join(sorted(TIME_NOUNS))
    + r")\b)[\w'’-]+|those\s+(?!(?:who|whose|with|without|in|of|at|on|under|over|aged|affected|involved"
    r"|killed|injured|hurt|wounded|arrested|detained|charged|convicted|responsible|accused|[\w-]+ing)\b)[\w'’-]+"
    r"|there(?!\s+(?:is|are|was|were|will|won['’]t|would|could|may|might|must|should|can|has|have|had|seems?"
    r"|appears?|remains?|be|been|being|to|and|or)\b)(?!['’](?:s|ll|d|re|ve)\b))\b",
    re.IGNORECASE,
)
# "investigating the incident", "said the move was", "such a definitive claim": a word for something the
# article told before, unless the headline goes on to say what it is ("the incident involving a van", "the
# deal six powers struck", "the ban on ...").
_SHELL_REFERENCE = re.compile(
    r"\b(?:the|such\s+an?)\s+(?:[a-z-]+\s+)?(?:incident|move|decision|plans?|claims?|deal|findings|issue|matter"
    r"|situation|row|ruling|proposals?|changes|measures|scheme|agreement|ban)\b"
    r"(?![\w'’-])(?!\s+(?:of|on|in|into|at|that|which|who|to|for|over|against|with|from|by|between|about|involving"
    r"|near|a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten)\b|\s+[A-Z\d])"
)
_PREPOSITIONS_BEFORE_THAT = frozenset("of in on at about for with after before from to by over since".split())


def points_back(headline: str) -> bool:
    """Whether the headline points at a place or thing the article named before it: "Twenty-nine elephants
    live here", "cross this bridge", "members of that team", "the outcome of that". A reader meets the
    headline first and cannot place it."""
    for match in _DEICTIC.finditer(headline):
        if match.start() == 0 and match.group().lower().startswith("there"):
            continue  # "There" opening a headline is the existential one ("There will be no charges")
        if not inside_quotation(headline, match.start()):
            return True
    for match in _SHELL_REFERENCE.finditer(headline):
        if not inside_quotation(headline, match.start()):
            return True
    return any(noun and noun not in _DEMONSTRATIVE_IDIOMS for noun in _demonstrated(headline, ("that",)))


# "work that way", "this one": no thing named before.
_DEMONSTRATIVE_IDIOMS = frozenset({"way", "one", "kind", "sort"})
_DEMONSTRATIVES = ("this", "these", "those", "that")
_RESTRICTIVE = frozenset({"that", "who", "which", "whose"})


def _demonstrated(text: str, determiners: tuple[str, ...]) -> list[str]:
    """The nouns the determiners point back with, outside a quotation ("that team" gives "team", "those
    bombs" "bombs"), and "that" itself where it is a pronoun after a preposition ("the outcome of that").
    Not the "that" of "said that police", "those killed", or "those odd bits of paper that flutter", which
    the line itself defines."""
    lowered = text.lower()
    if not any(word in lowered for word in determiners):
        return []
    words = tokenize(text)
    tags = word_tags(words)
    offsets, searched = [], 0  # each word's place in the text, for the quotation test
    for word in words:
        found = text.find(word, searched)
        offsets.append(max(found, searched))  # a token the tokenizer respelled stays where the last one ended
        searched = max(found, searched) + (len(word) if found >= 0 else 0)
    references = []
    for position, (word, tag) in enumerate(zip(words, tags, strict=True)):
        if word.lower() not in determiners or inside_quotation(text, offsets[position]):
            continue
        window = range(position + 1, min(position + 3, len(words)))
        noun = next((words[at].lower() for at in window if tags[at] == "NOUN"), None)
        opens_a_noun_phrase = tags[position + 1 : position + 2] in (["NOUN"], ["ADJ"])
        phrase = itertools.takewhile(lambda word: word[:1].isalnum(), words[position + 2 : position + 7])
        defined = _RESTRICTIVE.intersection(word.lower() for word in phrase)
        if tag == "DET" and noun is not None and opens_a_noun_phrase and not defined:
            # "this week" is the reader's own time, "that day" the story's: only the second points back.
            references.append(noun if word.lower() in {"that", "those"} or noun not in TIME_NOUNS else "")
        elif (
            word.lower() == "that"
            and tag == "PRON"
            and position
            and words[position - 1].lower() in _PREPOSITIONS_BEFORE_THAT
        ):
            references.append("that")
    return references


def demonstrative_nouns(text: str) -> list[str]:
    """The nouns a "this", "these", "those" or "that" outside a quotation points back to ("that goal",
    "those bombs"), and "that" for a "that" pointing back alone ("much of that"): a line read alone names
    them, or leaves the reader asking which. The reader's own time ("this week") is none; "that day" is."""
    return [
        noun for noun in _demonstrated(text, _DEMONSTRATIVES) if noun and noun not in _DEMONSTRATIVE_IDIOMS
    ]


def _pronoun_before_a_name(headline: str) -> bool:
    """Whether a personal pronoun outside a quotation comes before any word that could name what it stands
    for: "With her video, she opened", "Since 2014, he and his crew", not "The ten on death row had their"."""
    for match in _PERSONAL_PRONOUN.finditer(headline):
        if inside_quotation(headline, match.start()):
            continue
        before = headline[: match.start()].split()
        return not any(_could_name(word.strip(",;:\"“”‘’'()")) for word in before)
    return False


def _could_name(word: str) -> bool:
    return bool(word) and not word[:1].isdigit() and word.lower() not in _NOT_NAMES


# A relative clause closed by a comma and followed by a verb: the noun before it is the subject of the clause
# that verb heads, and a cut after the noun stops inside that clause.
_SUBJECT_OF_WHAT_FOLLOWS = re.compile(
    r"^,\s+(?:who|which)\s[^,;:\"“”()]{1,60},\s+(?:is|was|were|are|has|had|have|had been|would|will)\s"
)


# "..., but in Guatemala, where ...": a second clause opened on a phrase, its subject and verb still to come.
_PHRASE_WAITING_FOR_ITS_CLAUSE = re.compile(
    r",\s+(?:but|and|yet)\s+(?:in|at|on|for|with|after|despite|across|among|under|within|by)\b[^;:]*$"
)
_CLAUSE_RESUMES = re.compile(
    r"^,\s+(?:it|he|she|they|we|there|this|that)(?:['’]s\b|\s+(?:is|was|are|were|has|had|have|will|would|can"
    r"|could|may|might|must|should|remains?|seems?)\b)"
)


# "so much", "as many": the start of a comparison whose "as ..." carries what is compared.
_COMPARISONS_WAITING = frozenset({"so much", "so many", "as much", "as many", "as well", "as long", "as far"})


def ends_at_a_boundary(headline: str, sentence: str) -> bool:
    """Whether the sentence goes on, after the headline's last word, with a new clause or phrase (or ends).

    "Thousands of refugees trapped" cut from "... trapped in the camp" ends before a phrase;
    "White said complications meant there" cut from "... meant there were obstacles" does not.
    """
    words = headline.split()
    if not words:
        return False
    tail = " ".join(words[-3:])
    flat = " ".join(sentence.split())
    position = flat.rfind(tail)
    if position < 0:
        return True  # the headline was rewritten (a surname, a dropped time phrase): its end is its own
    rest = flat[position + len(tail) :]
    day = _TIME_PHRASE.match(rest)  # "were wounded Thursday afternoon when ...": the headline dropped the day
    if day is not None:
        rest = rest[day.end() :]
    if not rest.strip(" .!?\"'”’)"):
        return True
    if words[-1].lower() in SPEECH_VERBS and rest.lstrip(" ,")[:1] in ":\"“'‘":
        return (
            False  # "A statement on her account said" of '... said: "Charlotte and Jonny are very sad ..."'
        )
    if _SUBJECT_OF_WHAT_FOLLOWS.match(rest):
        return False  # "a vet found Garfield" of "... found Garfield, who weighs 6.6kg, was overweight"
    if _PHRASE_WAITING_FOR_ITS_CLAUSE.search(headline) and _CLAUSE_RESUMES.match(rest):
        return False  # "..., but in Guatemala, where 10 in 100,000 women are killed" of "..., it's hardly unusual"
    if rest[:1] in ",;:)" or rest.lstrip()[:1] in "—–-(":
        return True
    following = rest.split(maxsplit=1)[0].lower().strip("\"“‘'")
    last = words[-1].lower()
    # "was killed in an attack": after a passive participle, "in" opens where or how, not a particle.
    passive_in = (
        following == "in"
        and len(words) > 1
        and words[-2].lower() in _BE_FORMS
        and _PLACE_TIME_OR_EVENT.match(rest) is not None
    )
    if (
        following in _PARTICLES
        and (last.endswith("ed") or last in IRREGULAR_PAST)
        and last not in SPEECH_VERBS
        and not passive_in
    ):
        return False  # "looked" of "looked into", not "said" of "said in an interview"
    if following in _PARTICLES and last in _REFLEXIVES:
        return False  # "turned himself" of "turned himself in": the particle is the verb's
    if following in _TIME_RELATIONS and last in _TIME_UNITS:
        return False
    if following == "as" and " ".join(words[-2:]).lower() in _COMPARISONS_WAITING:
        return False  # "failed to uncover so much" of "... so much as a single instance"
    return following in _BOUNDARY_WORDS or _RECENT_TIME.match(rest) is not None


def _main_clause(text: str) -> str:
    """The sentence without its trailing clauses; a relative clause between commas goes, the rest stays.

    "Crombie, who starred in the films, died" keeps its verb: only ", who starred in the films" goes.
    """
    text = _appositions_removed(text)
    position = 0
    while match := _MAIN_CLAUSE_END.search(text, position):
        position = match.end()
        if inside_quotation(text, match.start()):
            continue
        if _RELATIVE.match(text, match.start()):
            shorter = _relative_removed(text, match)
            if shorter is not None:
                text, position = shorter, match.start() + 1
                continue
        if len(text[: match.start()].split()) >= _MIN_WORDS:
            return text[: match.start()]
    return text


def _asides_removed(text: str) -> str:
    """The whole sentence without appositions and relative clauses between commas: what later cuts start from."""
    text = _appositions_removed(text)
    position = 0
    while match := _RELATIVE.search(text, position):
        position = match.end()
        if inside_quotation(text, match.start()):
            continue
        shorter = _relative_removed(text, match)
        if shorter is not None:
            text, position = shorter, match.start() + 1
    return text


def _relative_removed(text: str, match: re.Match[str]) -> str | None:
    """The text without the relative clause ``match`` opens, when a comma closes it before the clause goes on.

    The clause closes at the first comma followed by a lower-case word: "in Chapel Hill, North
    Carolina, can face" closes before "can", not inside the place name. After the main verb, a
    comma before "and" or "or" continues the relative clause's own list ("apologised for the
    message, which showed a house, and a van"), so the clause is left in place: taking it out
    would join its words to the main clause. Before the verb, the "and" is the subject's ("A
    couple, who ran a cafe, and their son were driving").
    """
    closing = _CLAUSE_CLOSE.search(text, match.end())
    if closing is None or len(text[closing.end() :].split()) < 3:
        return None
    if _LIST_JOINER.match(text, closing.end()) and reads_as_statement(text[: match.start()]):
        return None
    # "Ms Ellison, 34, who married in 2009, had" keeps the comma that closes "34"; "In July, Jo Reed, who ...,
    # claimed" has none to close: its comma ends the opening phrase.
    before = text[: match.start()]
    opening = _OPENING_COMMA.search(before)
    if opening and before.split(maxsplit=1)[0].lower() in _SCENE_OPENERS:
        before = before[opening.end() :]
    joint = ", " if "," in before else " "
    return text[: match.start()] + joint + text[closing.end() :]


def _between_subject_and_verb_removed(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` without what ``pattern`` finds between a subject and its verb, when the subject is a noun
    phrase (no verb of its own: "The White House announced that ..." is no subject) and what goes holds no
    other verb that could be the main clause's ("Parents who refuse ... can lose" keeps "can lose")."""
    match = pattern.match(text)
    if match is None or _has_a_verb(match.group("subject")):
        return text
    if pattern is _RELATIVE_BEFORE_VERB and not _SPECIFIC_SUBJECT.match(match.group("subject")):
        return text  # "Parents who keep children off school can be fined": the clause says which parents
    words = match.group("between").split()
    if pattern is _ASIDE_BEFORE_VERB and words[0][:1].isupper():
        return text  # "The councillor, Alison Teal, was served": the aside is the name
    if pattern is _RELATIVE_BEFORE_VERB and not _has_a_verb(f"who {words[1]}"):
        return (
            text  # "a man who police say was left": the verb after is the relative clause's, not the main one
        )
    own = words[2:] if pattern is _RELATIVE_BEFORE_VERB else words  # past "who were": the clause's own verb
    if _AUXILIARY_WORD.search(" ".join(own)):
        return text
    return match.group("subject") + " " + text[match.end() :]


def _has_a_verb(phrase: str) -> bool:
    """Whether a would-be subject has a verb of its own ("The White House announced"); a plural noun is none."""
    words = [word.lower() for word in phrase.split()[1:]]
    return any(
        word in AUXILIARIES or word in IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4)
        for word in words
    )


def _appositions_removed(text: str) -> str:
    """Without what a name's apposition says of it, outside quotations: the headline keeps who and what."""
    for match in reversed(list(_APPOSITION.finditer(text))):
        start, end = match.span("apposition")
        after = text[end:].split()
        # The verb must follow, or the commas were a list's: "Taubman, the chairman, president and ...".
        verb = bool(after) and (
            after[0] in AUXILIARIES or after[0] in IRREGULAR_PAST or after[0].endswith(("ed", "s"))
        )
        if verb and not inside_quotation(text, start) and len(after) >= 3:
            text = text[:start] + " " + text[end:]
    return text


def _opening_removed(text: str) -> str:
    """'Even as a little girl in Malaysia, the future CEO was small but deadly' -> 'the future CEO was ...'.

    Only a scene-setting opening goes: "If elected, she would cut taxes" keeps its condition,
    "According to police, ..." its source, and "When police arrived, they found" its subject.
    """
    if text.split(maxsplit=1)[0].lower().rstrip(",") not in _SCENE_OPENERS and not _TIME_AFTER.match(text):
        return text
    for comma in _OPENING_COMMA.finditer(text):
        if inside_quotation(text, comma.start()):
            return text
        if _INNER_COMMA.match(text, comma.end()):
            continue
        if _YEAR.search(text, 0, comma.start()):
            return text  # "On October 24, 1944, warplanes swarmed": without its year it reads as news
        rest = text[comma.end() :]
        first = rest.split(maxsplit=1)[0] if rest else ""
        starts_clause = (
            first.lower() in _CLAUSE_OPENERS or first[:1].isdigit() or (first[:1].isupper() and first != "I")
        )
        # "Roppongi Hills, an upscale high-rise" is the place described, not a new clause.
        apposition = first.lower() in {"a", "an"} and text[: comma.start()].split()[-1][:1].isupper()
        # "After five seasons, 120 episodes, 123 texts and nine deaths, fans ...": the opening is a list
        # of figures, and what follows its first comma is the list going on, not the clause.
        listed = first[:1].isdigit() and "," in rest and not has_finite_verb(rest.split(",", 1)[0])
        if starts_clause and not apposition and not listed and len(rest.split()) >= _MIN_WORDS:
            return rest
        return text
    return text


def _time_phrase_removed(text: str, match: re.Match[str]) -> str:
    """Drop "on Tuesday" and "Thursday afternoon", but keep what a phrase needs ("of a Saturday", "over the last year")."""
    before = text[: match.start()].split()
    needed = bool(before) and before[-1].lower() in DANGLING_WORDS | _TIME_RELATIONS | {"until", "till", "by"}
    # "on a sunny Friday morning": the day is the noun the words before describe; without it, "on a sunny".
    needed = needed or (
        len(before) > 2 and before[-3].lower() == "on" and before[-2].lower() in {"a", "an", "the", "one"}
    )
    return match.group() if needed or inside_quotation(text, match.start()) else ""


def _called_by_surname(surname: str, name: str, article_text: str) -> bool:
    """Whether the article calls someone by surname alone, as news copy does after the first mention.

    Twice at least, and once as someone who speaks or acts ("Okafor said"), so a mis-typed
    name such as "Billboard Hot" in "the Hot 100" is left whole.
    """
    full_name_start = name.split()[0] + " "
    mentions, acts = 0, False
    for start, end in _word_occurrences(article_text, surname):
        if not article_text.endswith(full_name_start, 0, start):
            mentions += 1
            acts = acts or bool(_PERSON_CUE.match(article_text, end))
    return mentions >= _SURNAME_MENTIONS and acts


def _word_occurrences(text: str, words: str) -> list[tuple[int, int]]:
    """Where ``words`` stand as whole words in ``text`` (plain search: names vary too much to compile each)."""
    found = []
    start = text.find(words)
    while start != -1:
        end = start + len(words)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            found.append((start, end))
        start = text.find(words, end)
    return found


def _by_surname(text: str, name: str, surname: str) -> str:
    """'Russian President Vladimir Putin agreed' -> 'Putin agreed': the title goes with the first name.

    A name in a list ("Carrie Ann Inaba, Len Goodman, ...") stays whole, so the list reads alike.
    """
    for name_start, name_end in reversed(_word_occurrences(text, name)):
        if _INITIAL_BEFORE.search(text, 0, name_start):
            continue  # "A. Alfred Taubman": the name is longer than the one found, and "A. Taubman" is no one's
        if not inside_quotation(text, name_start) and not _in_list(text, name_start, name_end):
            text = text[: _title_start(text, name_start)] + surname + text[name_end:]
    return text


def _in_list(text: str, name_start: int, name_end: int) -> bool:
    """Whether a name stands among capitalised names and commas, as in "Inaba, Len Goodman, Bruno Tonioli"."""
    followed = _NEXT_LIST_ITEM.match(text, name_end) is not None
    # "Inaba, Len Goodman" is a list; "Earlier, Len Goodman" is not, so the text's first word does not count.
    preceded = _PREVIOUS_LIST_ITEM.search(text, 0, name_start) is not None
    return followed or (preceded and _LIST_GOES_ON.match(text, name_end) is not None)


def _title_start(text: str, name_start: int) -> int:
    """Where a title right before a name begins ('U.S. Secretary of State'), or the name's start if none.

    A lower-case title counts only inside a capitalised run ("Harbour Council leader"), so
    "the party leader Jo Smith" keeps "the party leader".
    """
    words = list(re.finditer(r"\S+", text[:name_start]))
    start, titled = name_start, False
    for word in reversed(words):
        token = word.group()
        bare = token.lower().rstrip(".")
        is_title = bare in PERSON_TITLES or bare in DEPARTMENTS
        if token.endswith((",", ";", ":")) or not (token[:1].isupper() or bare == "of" or is_title):
            break
        titled = titled or is_title
        start = word.start()
    return start if titled and (start == 0 or text[start].isupper()) else name_start


def _within_limit(text: str, dangling: frozenset[str]) -> str:
    """Cut a headline that is still too long at a clause, else before a phrase, else at a word.

    Whatever the cut, the headline never ends on a function word ("of", "who"), inside a
    name ("her ex-boyfriend Travis" of "Travis Alexander") or inside a quotation.
    """
    if len(text) <= HEADLINE_CHARS:
        return text
    window = text[: HEADLINE_CHARS + 1]
    cut = _clause_or_phrase_cut(window)
    if cut is None:
        cut = window.rfind(" ")
        if inside_quotation(window, cut):
            opening = max(window.rfind('"', 0, cut), window.rfind("“", 0, cut))
            if len(window[:opening].split()) < _MIN_QUOTED_WORDS:
                return _quotation_cut(window, opening, dangling)
            cut = opening
    words = window[:cut].split()
    following = text[cut:].split()[:1]
    while len(words) > 3 and (
        _waits(words, dangling) or (words[-1][:1].isupper() and following and following[0][:1].isupper())
    ):
        following = [words.pop()]
    return " ".join(words).rstrip(",;:—–-")


def _waits(words: list[str], dangling: frozenset[str]) -> bool:
    """Whether a headline of ``words`` ends on a word that leaves the reader waiting, unless that word
    closes a fixed phrase ("for the time being")."""
    return _dangles(words[-1], dangling) and not ends_on_a_fixed_phrase(" ".join(words[-2:]))


def _dangles(word: str, dangling: frozenset[str]) -> bool:
    """Whether a headline ending on ``word`` leaves the reader waiting: "of", "was", "that's"."""
    bare = word.lower().strip(",;:").replace("’", "'")
    return bare in dangling or bare in _CONTRACTED_IS


def _quotation_cut(window: str, opening: int, dangling: frozenset[str]) -> str:
    """A lead that is mostly one quotation: its opening words, the cut marked inside the quotation marks."""
    closing = "”" if window[opening] == "“" else '"'
    words = window[: HEADLINE_CHARS - 1].split()[:-1] or [window[: HEADLINE_CHARS - 2]]
    while len(words) > _MIN_QUOTED_WORDS and _dangles(words[-1], dangling):
        words.pop()
    return " ".join(words).rstrip(",;:—–-") + "…" + closing


def _clause_or_phrase_cut(window: str) -> int | None:
    for pattern in (_MAIN_CLAUSE_END, _CLAUSE_START, _PHRASE_START):
        cuts = [
            m.start()
            for m in pattern.finditer(window, HEADLINE_CHARS // 2)
            if not inside_quotation(window, m.start())
        ]
        if cuts:
            return cuts[-1]
    return None


# The lede compressor: when no cut of the lede reads as a headline, the lede is made shorter by taking out,
# one kind at a time, what adds to its clause without being its news: brackets, who said it, a scene-setting
# opening, an aside about a name, a relative clause between commas, and where or on which day it happened.
# Each step keeps a sentence, so a headline cut from the result is judged against it. Nothing that carries
# a negation or a qualifier of time, quantity or scope ("for the first time", "this year", "only") goes.
_BRACKETS = re.compile(r"\s*\([^()]{1,80}\)")
_SAID_AT_END = re.compile(
    r",(?P<close>[\"”]?)\s+(?:according\s+to\s+[^,;\"“”]{2,60}"
    r"|(?:(?:[\w.'’-]+\s+){1,8}"
    # ", her son, Colin Mackey, said": a speaker described, then named
    r"|(?:his|her|their|its|a|an|the)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+,\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s+)"
    r"(?:said|says|told\s+[\w .'’-]{2,40}?|reported|announced|confirmed)"
    r"(?:\s+(?:on|in|at|late|early|last|this)\s+[\w .'’-]{2,40})?)$"
)
# "a fugitive who was featured" of "... featured on CNN's show": the relative clause kept only a verb that
# needs its phrase ("who was killed" is whole).
_NEEDS_A_PHRASE = frozenset(NEEDS_ITS_PREPOSITION) | frozenset(
    "featured based described listed located considered regarded charged suspected credited named seen found born".split()
)
_BARE_PASSIVE_RELATIVE = re.compile(
    r"\b(?:who|which|that)\s+(?:is|are|was|were|has been|have been|had been)\s+(?:"
    + "|".join(sorted(_NEEDS_A_PHRASE))
    + r")$"
)
_SCENE_ADJUNCT = re.compile(
    r"^(?:(?:on|in|at|during|after|before|following|late|early|earlier|later|last|speaking|writing)\s"
    r"|(?:yesterday|today|tonight|overnight|meanwhile|separately|however|now|earlier|elsewhere),)",
    re.IGNORECASE,
)
# Words that make an opening or an aside part of the news: a limit, a first, a count of times, a negation.
_NEWS_QUALIFIERS = NEGATIONS | frozenset(
    "first only since until unless if record ever again despite except times years".split()
)
_BOUNDING_PERIOD = re.compile(
    r"\b(?:this|so\s+far\s+this)\s+(?:year|season|month|week|decade|century)\b", re.I
)
# After a name any noun phrase may be the aside ("Dai Young, boss of the league leaders, expects"); after
# another word only one that opens as a description does ("the terrorists, the bomb maker known as X, were").
_ASIDE = re.compile(
    r"(?P<head>\b[\w'’-]+),\s+(?P<aside>(?:the|a|an|\d{1,3}|aged|formerly|now|once|also|himself|herself)\b"
    r"[^,;:\"“”()]{0,120}?|(?P<bare>[a-z][^,;:\"“”()]{2,80}?)),\s+(?=[a-z])(?!who\b|which\b|whose\b)"
)
# What goes on after an object's apposition: the verb's own preposition ("charged X, a felon, with arson").
_VERB_PHRASE_GOES_ON = re.compile(r"(?:with|of|for|to|over|about|against|into|as)\s")
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|whose)\s[^,;:\"“”()]{2,100},\s+(?=[a-z])")
# An aside that ends on a quoted title, its closing comma inside the quotation marks as American copy sets it:
# 'James Best, best known for his role on TV's "The Dukes of Hazzard," died Monday'.
_QUOTED_TITLE_ASIDE = re.compile(
    r"(?P<head>\b[\w'’-]+),\s+(?P<aside>(?:the|a|an|best|better|widely|once|formerly|also|star\s+of)\b"
    r"[^,;:()\"“”]{0,100}[\"“][^\"“”]{1,60},[\"”])\s+(?=[a-z])"
)
# A relative clause closing the sentence after a comma describes what it follows: "..., where mourners sang".
_CLOSING_RELATIVE = re.compile(r",\s+(?:who|which|whose|where)\s[^;:\"“”()]{2,200}$")
# An aside between dashes: "inevitability -- a term used of Clinton -- is not unbreakable".
# One opening on "and" ("Clinton -- and her team -- are") adds to the subject, which the verb agrees with.
_DASH_ASIDE = re.compile(
    r"\s(?:--|—|–|-)\s(?!(?:and|or|plus|along\s+with|as\s+well\s+as)\s)[^—–\"“”]{2,200}?\s(?:--|—|–|-)\s"
)
# A closing phrase that says where or when: "in Kabul", "at the Royal Courts of Justice", "on 6 January",
# "last week". A lower-case object ("in an otherwise disastrous raid") is the event's own phrase and stays.
_MONTH_NAMES = "|".join(sorted(month.capitalize() for month in MONTHS))
_CLOSING_PLACE_OR_TIME = re.compile(
    rf"{_NOT_A_NAMED_DAY}(?:,\s+|\s+)(?:"
    rf"(?:in|at|on|near|outside|from|across)\s+(?:the\s+)?(?!(?:{_MONTH_NAMES})\b)[A-Z][\w.'’-]*(?:(?:,\s+|\s+)(?:of\s+)?[A-Z][\w.'’-]*)*"
    rf"|(?:on|in|at|by|early|late)?\s*(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH_NAMES}|{_WEEKDAY})"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|on\s+the)\s+(?:week|weekend|night|month)"
    r"|(?:yesterday|today|tonight|overnight)"
    r")$"
)


# "According to officials a record 2.1 million ...": who says so, opening the sentence; what follows is its clause.
_OPENING_SOURCE = re.compile(
    r"^According\s+to\s+(?P<source>[^,;:\"“”()]{2,60}?)(?:,\s+|\s+)(?=(?:a|an|the|some|most|more|many)\b|\d|[A-Z])"
)
# '"Harbour Lights," the drama about a fishing town, is returning': a title's description between commas.
_TITLE_ASIDE = re.compile(
    r"(?P<title>[\"“][^\"“”]{1,80}?),(?P<close>[\"”])\s+(?P<aside>(?:the|a|an)\s[^;:\"“”()]{2,120}?),\s+(?=[a-z])"
)
# "Coastal charity Shore Watch Scotland says": a description before the name that opens the sentence.
# '"Harbour Lights" star and former child actress Ada Morrow is': the description may open with a title.
# "Former New England Patriots star Aaron Hernandez will": names inside the description, a person's noun last.
_DESCRIPTION_HEAD = "|".join(sorted(PERSON_TITLES | {"star", "owner", "heir", "veteran", "icon", "legend"}))
_DESCRIBED_NAME = re.compile(
    r"^(?P<description>[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){1,3}"
    rf"|(?:Former|Ex-|Veteran|Retired)\s+(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:{_DESCRIPTION_HEAD})"
    r"|[\"“][^\"“”]{1,60}[\"”](?:\s+[a-z][\w'’-]*){1,6})"
    r"\s+(?=(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+[a-z])"
)
# A closing phrase on how something was said or done: "..., running on a message that ...", "..., citing
# costs". Only these verbs: a closing "killing 12 people" or "forcing a recount" is the news.
_CLOSING_MANNER = re.compile(
    r",\s+(?:running|saying|adding|citing|noting|calling|describing|arguing|claiming|insisting|explaining)"
    r"\s[^;:\"“”()]{2,200}$"
)


def lede_compressions(sentence: str) -> list[str]:
    """Shorter forms of ``sentence``, each a sentence of its words with one more kind of addition removed.

    The order runs from what is least the news (brackets, attribution) to what a reader may still
    want (where and when), so the first form that yields a headline keeps the most.
    """
    text = " ".join(sentence.split()).rstrip(".…")
    forms: list[str] = []

    def keep(shorter: str, removed: str) -> None:
        nonlocal text
        shorter = " ".join(shorter.split()).strip(" ,;:")
        if shorter == text or not removed.strip() or _carries_news(removed):
            return
        if len(shorter.split()) < _MIN_WORDS or not reads_as_statement(shorter):
            return
        text = shorter[:1].upper() + shorter[1:]
        forms.append(text)

    for match in reversed(list(_BRACKETS.finditer(text))):
        if not inside_quotation(text, match.start()):
            keep(text[: match.start()] + text[match.end() :], match.group())
    _attribution_removed(text, keep)
    if (source := _OPENING_SOURCE.match(text)) is not None:
        keep(text[source.end() :], source.group())
    for match in reversed(list(_TITLE_ASIDE.finditer(text))):
        rest = text[match.end() :]
        # The description may hold a relative clause of its own ("the drama that ran for six seasons").
        description = re.split(r"\s(?:that|who|which|whose)\s", match.group("aside"), maxsplit=1)[0]
        if resumes_with_verb(match.group("title"), rest) and not has_finite_verb(description):
            keep(
                f"{text[: match.start()]}{match.group('title')}{match.group('close')} {rest}",
                match.group("aside"),
            )
    described = _DESCRIBED_NAME.match(text)
    if (
        described is not None
        and _describes(described.group("description"), described.group("name"))
        # '"Grace of Monaco," starring Ada Morrow as ...': the name must be the subject of the verb that follows.
        and resumes_with_verb(described.group("name"), text[described.end() + len(described.group("name")) :])
    ):
        keep(text[described.end() :], described.group("description"))
    for match in reversed(list(_DASH_ASIDE.finditer(text))):
        if not inside_quotation(text, match.start()):
            keep(text[: match.start()] + " " + text[match.end() :], match.group())
    opening = _OPENING_COMMA.search(text)
    if opening is not None and _SCENE_ADJUNCT.match(text) and not inside_quotation(text, opening.start()):
        rest = text[opening.end() :]
        if rest[:1].isupper() or rest.split(maxsplit=1)[0].lower() in _CLAUSE_OPENERS:
            keep(rest, text[: opening.start()])
    for pattern in (_RELATIVE_ASIDE, _ASIDE):
        for match in reversed(list(pattern.finditer(text))):
            if inside_quotation(text, match.start()):
                continue
            rest = text[match.end() :]
            if pattern is _RELATIVE_ASIDE:
                # "Sam Reed, 41, who ran the bakery, did": the comma that closes "41" stays.
                joint = ", " if "," in text[: match.start()] else " "
                if resumes_with_verb(text[: match.start()], rest):
                    keep(text[: match.start()] + joint + rest, match.group())
            else:
                start, end = match.span("aside")
                bare = match.group("bare")
                if bare and (not match.group("head")[:1].isupper() or bare.split()[0] in STOP_WORDS):
                    continue  # "Panama City Beach, Florida, for spring break, were": a phrase, not a description
                if bare and bare.split()[0].endswith("ing"):
                    continue  # "Tuesday, killing at least 10 people, including": what happened, not a description
                # An aside is a noun phrase ("the city's mayor"); one with a verb of its own is a clause. The
                # phrase may hold a relative clause ("a developer who popularised indoor malls").
                head_phrase = re.split(r"\s(?:that|who|which|whose)\s", match.group("aside"), maxsplit=1)[0]
                # After an object the verb's phrase goes on: "charged Robert Durst, a convicted felon, with".
                resumes = resumes_with_verb(text[: start - 2], rest) or (
                    _VERB_PHRASE_GOES_ON.match(rest) is not None
                    and re.match(r"(?:a|an|the)\s", match.group("aside")) is not None
                )
                if resumes and not has_finite_verb(head_phrase):
                    keep(text[: start - 2] + " " + rest, text[start - 2 : end + 2])
    for match in reversed(list(_QUOTED_TITLE_ASIDE.finditer(text))):
        head, rest = text[: match.end("head")], text[match.end() :]
        description = match.group("aside").split('"')[0].split("“")[0]
        if resumes_with_verb(head, rest) and not has_finite_verb(description):
            keep(f"{head} {rest}", match.group("aside"))
    closing_manner = _CLOSING_MANNER.search(text)
    if closing_manner is not None and not inside_quotation(text, closing_manner.start()):
        keep(text[: closing_manner.start()], closing_manner.group())
    closing_relative = _CLOSING_RELATIVE.search(text)
    if closing_relative is not None and not inside_quotation(text, closing_relative.start()):
        keep(text[: closing_relative.start()], closing_relative.group())
    for _ in range(2):  # "..., police said on Monday": the day goes, then who said it
        while (closing := _CLOSING_PLACE_OR_TIME.search(text)) and not inside_quotation(
            text, closing.start()
        ):
            before = len(forms)
            if not _BARE_PASSIVE_RELATIVE.search(text[: closing.start()]):
                keep(text[: closing.start()], closing.group())
            if len(forms) == before:
                break
        _attribution_removed(text, keep)
    return forms


def _describes(description: str, name: str) -> bool:
    """Whether the words before a name are a description of it ("Anti-racism organisation"), not a clause
    ("Scientists discovered") or the name's own first words ("New York")."""
    last = description.split()[-1].lower()
    return (
        last not in STOP_WORDS
        and last not in _BOUNDARY_WORDS
        and not has_finite_verb(description)
        and len(name.split()) >= 2
        and name.split()[0].lower() not in _NOT_NAMES
    )


def _attribution_removed(text: str, keep: Callable[[str, str], None]) -> None:
    """Offer ``text`` without who said it at its end (", police said", ", according to the club")."""
    said = _SAID_AT_END.search(text)
    if said is not None and not inside_quotation(text, said.end("close")):  # '"treatment," police said'
        keep(text[: said.start()] + said.group("close"), said.group())


def _carries_news(removed: str) -> bool:
    """Whether a phrase to be removed holds a negation or a qualifier that bounds the claim."""
    words = set(re.findall(r"[\w'’]+", removed.lower()))
    return (
        bool(words & _NEWS_QUALIFIERS)
        or "n't" in removed
        or "n’t" in removed
        or _BOUNDING_PERIOD.search(removed) is not None
    )
