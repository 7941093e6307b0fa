"""Words for scoring: tokens, a light stemmer and English stop words (no downloads)."""

from __future__ import annotations

import re
from functools import lru_cache

# Words a cut text must not end on: "The council voted to" reads as if something is missing.
DANGLING_WORDS = frozenset(
    "a an the and or but of to in on at by for from with as if that than his her their its our my "
    "who which whose while when where because".split()
)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself yourselves
    said says say told tell according also one two would could may might must shall us new year years last
    mr mrs ms dr s t don didn doesn isn wasn weren won hasn haven hadn can't cnn
    """.split()
)
_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "edly",
    "ness",
    "ments",
    "ment",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "s",
    "ly",
)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, apostrophes kept inside words."""
    return [token.lower().replace("’", "'") for token in _TOKEN.findall(text)]


_SUFFIX_RULES = tuple((suffix, len(suffix), len(suffix) + 3) for suffix in _SUFFIXES)


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A deliberately crude suffix stripper: enough to let 'closure' and 'closed' share little, 'votes' and 'vote' much."""
    if not word.endswith(_SUFFIXES):
        return word
    size = len(word)
    for suffix, cut, shortest in _SUFFIX_RULES:
        if size > shortest and word.endswith(suffix):
            return word[:-cut]
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed tokens that carry meaning: no stop words, no one-letter tokens."""
    return [stem(token) for token in tokens(text) if token not in STOP_WORDS and len(token) > 1]


def inside_quotation(text: str, position: int) -> bool:
    """Words inside quotation marks are someone's words: they are cut short, never edited."""
    before = text[:position]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def standalone_positions(
    text: str, word: str, joiners_before: str = "", joiners_after: str = ""
) -> list[int]:
    """Where the word stands alone in the text: no letter, digit or underscore (or one of the joiners)
    touching either end. A plain search, not a pattern: names are looked up hundreds of times an article,
    each a different string, and compiling a pattern for each costs more than the search."""
    found = []
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if not (start and _joins(text[start - 1], joiners_before)) and not (
            end < len(text) and _joins(text[end], joiners_after)
        ):
            found.append(start)
        start = text.find(word, start + 1)
    return found


def _joins(character: str, joiners: str) -> bool:
    return character.isalnum() or character == "_" or character in joiners


# Han, kana and hangul syllables: scripts written without spaces between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
CHARS_PER_UNSPACED_WORD = 2  # a Chinese or Japanese word is one to three characters, two on average


def word_count(text: str) -> int:
    """Words in a text of any script: spaces separate them, except in Chinese, Japanese and Korean runs.

    Counting by spaces alone would call a whole Chinese article one word and reject it as too short.
    """
    unspaced = len(_UNSPACED.findall(text))
    spaced = sum(1 for word in _UNSPACED.sub(" ", text).split() if any(char.isalnum() for char in word))
    return spaced + -(-unspaced // CHARS_PER_UNSPACED_WORD)


# Verbs that report speech, as news copy writes them after or before a quotation.
SPEECH_VERBS = frozenset(
    "said says added adds wrote writes warned warns explained insisted admitted told tweeted tweeting writing "
    "saying adding posting asked asks recalled recalls remembered remembers replied continued explains insists"
    " admits shouted shouts yelled yells screamed screams".split()
)
# Verbs that put a claim in someone's mouth, quoted or not: what a statement's attribution must agree on.
REPORTING_VERBS = SPEECH_VERBS | frozenset(
    "say tell tells claimed claims insists announced announces stated states argued argues declared admits "
    "denied denies confirmed confirms revealed reveals testified recalled recalls noted notes".split()
)
# Verbs that give someone's view or advice in the reporter's words ("Cuban advised ..."): a statement that puts
# those words in another mouth misattributes them as surely as a quotation. Not "reported": an outlet that
# reports relays what others said.
ATTRIBUTING_VERBS = REPORTING_VERBS | frozenset(
    "urged urges advised advises asserted asserts stressed stresses".split()
)
# Words that say the opposite of each other where news uses them: a statement with one where its evidence
# has the other ("serious injuries" for "minor injuries", "convicted" for "acquitted") states the reverse.
# Only pairs whose words are rarely a paraphrase of each other: "won" and "lost" both stand in one match
# report ("a 2-0 win, but lost on away goals"), so they are not here.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(first.split()), frozenset(second.split()))
    for first, second in (
        ("minor slight slightly", "serious seriously severe severely critical critically life-threatening"),
        ("acquitted acquittal", "convicted conviction"),
        ("approved approves approve", "rejected rejects reject"),
    )
)
# The pronouns a line may use of someone it expects the reader to know already.
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his", "they", "them", "their"})
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# A finite verb on its own: an auxiliary. Readers of "is this a clause?" and "does a dropped stretch have a
# verb of its own?" both read this list.
AUXILIARIES = frozenset(
    "is are was were has have had will would can could may might must should shall do does did "
    "isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't doesn't don't didn't".split()
)
# The same, as a pattern to match at a word's start (the longest forms first, so "can't" is not read as "can").
AUXILIARY_PATTERN = "(?:" + "|".join(map(re.escape, sorted(AUXILIARIES, key=len, reverse=True))) + r")\b"
# Words that open what a cut may not leave out: a contrast changes what the rest says ("carded 72 [but
# missed the cut]", "offered a deal[, although the club said there was no truth in it]").
# "despite" too: "shares rose [despite the warning]" leaves out what the rise went against.
CONTRASTS = frozenset("but although though yet whereas except unless or nor despite".split())
# Words that negate what follows them; readers add their own forms ("n't", "denied", "won't").
NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot".split())
# No "may": lower-cased it is the modal verb far more often than the month, so a reader that means the month
# matches a capitalised "May" itself.
MONTHS = frozenset(
    "january february march april june july august september october november december".split()
)
# All twelve, for dates written out: "May" is left out of MONTHS, where it is a modal verb more often.
CALENDAR_MONTHS = MONTHS | {"may"}
# Spans of time a "this", "last" or "the following" measures ("this week", "last season", "the following
# days"): the reader's own time, or the story's, never a thing the article named before.
TIME_NOUNS = (
    frozenset(
        "day days week weeks weekend weekends month months year years season seasons morning mornings afternoon"
        " evening evenings night nights hour hours summer spring autumn fall winter decade decades century term"
        " time times".split()
    )
    | WEEKDAYS
)
# Verbs a line opens on to address the reader ("Get this:", "Imagine ...", "Expect pushback"), and the hedges
# that open a guess ("Maybe ..."): a teaser, not a report, whether it heads the line or follows an opening phrase.
READER_ADDRESSES = frozenset(
    "get consider expect imagine picture remember meet forget think take look".split()
)
HEDGES = frozenset({"maybe", "perhaps"})
# Words that place an event in time: a claim's date must agree with its evidence, and a new one is news.
DATE_WORDS = WEEKDAYS | MONTHS | {"yesterday", "today", "tomorrow", "tonight"}
