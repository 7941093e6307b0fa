"""Sentence splitting for news text: abbreviations, initials, decimals, quotes and ellipses survive.

A boundary is a run of ``.``, ``!`` or ``?`` (or an ellipsis), optionally followed by
closing quotes or brackets, then whitespace, then something that can start a
sentence; or a full-width ``。``, ``！`` or ``？``, which needs no space after it. A full stop after a known abbreviation, a single initial or a number
inside a date does not end a sentence.
"""

from __future__ import annotations

import re

from takeaways.article.model import Article
from takeaways.text.entities import PERSON_TITLES
from takeaways.text.words import SPEECH_VERBS, inside_quotation

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen sen rep gov lt col sgt capt cmdr adm maj rev hon pres supt insp det
    cpl pte pvt no nos vs v etc inc ltd co corp plc bros dept univ assn est approx fig vol ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m e.g i.e u.s u.k u.n e.u u.s.a d.c l.a n.y al
    """.split()
)
# Abbreviations that are normally followed by a name or number, never by a new sentence.
CONTINUING_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj rev hon st mt no nos vs".split()
)
# A possible end, already followed by something that can start a sentence.
_BOUNDARY = re.compile(r"""(?:\.{3}|…|[.!?]+)["'”’)\]]*(?=\s+["'“‘(\[]*[A-Z0-9À-ÖØ-Þ])""")
_MAX_SENTENCE_CHARS = 2000
# Who asked or said the quoted question or exclamation just before: a run of capitalised words and titles (a
# name and its titles), a verb of saying, then at most three words or a phrase of where or when it was said
# ("Ramos shouts outside a terminal at the airport on the night of July 19"), and the sentence's end. A verb
# of saying followed by a clause ("The council said it would meet") opens a new sentence.
_ATTRIBUTION = re.compile(
    rf"\s+(?:(?:[A-Z][\w.'’-]*|{'|'.join(sorted(PERSON_TITLES))})\s+){{1,7}}(?:{'|'.join(sorted(SPEECH_VERBS))})(?:(?:\s+[\w'’-]+){{0,3}}|,?\s+(?:outside|at|in|on|as|during|after|before|from|near|inside|while)\b(?:[\s,]+[\w'’-]+){{0,20}})[.!?](?=\s|$)"
)
# Chinese and Japanese end sentences with full-width marks and no space after them.
_CJK_END = re.compile(r"[。！？]+[」』”’）]*")


def split_sentences(text: str) -> list[str]:
    """Sentences in order; paragraph breaks always end a sentence."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        for part in _split_cjk(paragraph):
            sentences.extend(_split_paragraph(part))
    return [s for s in sentences if any(ch.isalnum() for ch in s)]


def article_sentences(article: Article) -> list[str]:
    """The canonical sentence list of an article's body: takeaway evidence indexes into it."""
    return split_sentences(article.body)


def _split_cjk(paragraph: str) -> list[str]:
    """A paragraph cut after each full-width sentence end; text without one comes back whole."""
    parts: list[str] = []
    start = 0
    for match in _CJK_END.finditer(paragraph):
        parts.append(paragraph[start : match.end()].strip())
        start = match.end()
    parts.append(paragraph[start:].strip())
    return [part for part in parts if part]


def _split_paragraph(paragraph: str) -> list[str]:
    found: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        mark = match.group()
        if mark[0] in "?!" and mark[-1] in "\"'”’" and _ATTRIBUTION.match(paragraph, end):
            continue  # '"Do you work?" the prosecutor asked Kraft.' is one sentence
        if (
            mark[0] in "?!"
            and mark[-1] not in "\"'”’"
            and inside_quotation(paragraph[start:end], end - start)
        ):
            continue  # '"Kanye! Kanye! Talk to me!" Ramos shouts': one cry, quoted whole
        if mark[0] == "." and not mark.startswith("..."):
            before = paragraph[max(start, match.start() - 40) : match.start()]
            if not _ends_sentence(before, paragraph[end : end + 40]):
                continue
        found.append(paragraph[start:end].strip())
        start = end
    tail = paragraph[start:].strip()
    if tail:
        found.append(tail)
    return [piece for sentence in found for piece in _cap_length(sentence)]


def _ends_sentence(before: str, after: str) -> bool:
    pieces = before.rsplit(None, 1)
    if not pieces:
        return True
    last = pieces[-1]
    word = last.lstrip("\"'“‘([").lower().rstrip(".")
    if not word:
        return True
    if last.startswith("(") and len(word) <= 5 and word.isalpha():
        return False  # an abbreviation in brackets: "Gen. (ret.) Paul Ostrander"
    if word in CONTINUING_ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "J. Smith"
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        # "U.S." ends a sentence only when a new one clearly starts: "U.S. The ..."
        return _next_word_is_sentence_opener(after)
    if word in _ABBREVIATIONS:
        return word in {"etc", "inc", "ltd", "co", "corp", "plc", "al"} and _next_word_is_sentence_opener(
            after
        )
    return True


_OPENERS = frozenset(
    "the a an he she it they we i this that these those but and in on at after before when while his her their "
    "its our there here however meanwhile officials police".split()
)


def _next_word_is_sentence_opener(after: str) -> bool:
    words = after.split(maxsplit=1)
    return bool(words) and words[0].strip("\"'“‘(").lower() in _OPENERS


def _cap_length(sentence: str) -> list[str]:
    """Text with no punctuation can be one enormous 'sentence': cut it at clause marks or spaces."""
    if len(sentence) <= _MAX_SENTENCE_CHARS:
        return [sentence]
    pieces = []
    rest = sentence
    while len(rest) > _MAX_SENTENCE_CHARS:
        window = rest[:_MAX_SENTENCE_CHARS]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" — "))
        if cut < _MAX_SENTENCE_CHARS // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = _MAX_SENTENCE_CHARS
        pieces.append(rest[: cut + 1].strip())
        rest = rest[cut + 1 :]
    if rest.strip():
        pieces.append(rest.strip())
    return pieces
