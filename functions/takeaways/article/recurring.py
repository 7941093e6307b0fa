"""Lines that recur across one source's articles: a footer, a newsletter pitch, a standfirst.

The list in ``takeaways.article.boilerplate`` knows the notices of pages we have seen; every
outlet has its own as well ("Read more from the Coastal Times newsroom at ..."). A short
paragraph that at least ``threshold`` earlier articles of the same source carried is taken for
the outlet's boilerplate and removed before the article is summarised.

Each short paragraph becomes a fingerprint (a hash of its words, case, spacing, punctuation and
figures ignored, so "© 2025" and "© 2026" are one line); the store says in how many distinct
earlier articles of the source each fingerprint was seen. Long paragraphs are story text and are
never fingerprinted; so are lines of a few words, which recur as story text too ("Full time: 2-1").
What remains of an article always holds at least half of its words, so a short brief or an
update that repeats an earlier version's lines keeps them.

Plain Python: the store is ``takeaways.adapters.recurring_lines``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from takeaways import limits
from takeaways.article.model import Article
from takeaways.text.words import word_count

# Longer paragraphs carry the story; an outlet's boilerplate is a line or two.
MAX_LINE_CHARS = 200
MIN_LINE_WORDS = 4
# Fingerprints looked up and recorded per article at most: the first and last halves, where an
# outlet's boilerplate sits, so an article of many short paragraphs costs a bounded number of reads.
MAX_FINGERPRINTS = 50
# Paragraphs are separated by a blank line in ``Article.body``.
_PARAGRAPH_BREAK = "\n\n"
_FIGURES = re.compile(r"\d+")
_NOT_WORD = re.compile(r"[^\w#]+")
_FINGERPRINT_HEX_DIGITS = 32


@dataclass(frozen=True, slots=True)
class RecurringCut:
    """The article without its recurring lines, and how many paragraphs went."""

    article: Article
    dropped: int = 0


def line_fingerprint(paragraph: str) -> str | None:
    """The fingerprint of a short paragraph, or ``None`` for one too long or too short to be boilerplate."""
    if len(paragraph) > MAX_LINE_CHARS:
        return None
    words = _NOT_WORD.sub(" ", _FIGURES.sub("#", paragraph.casefold())).replace("_", " ").split()
    if sum(1 for word in words if word != "#") < MIN_LINE_WORDS:
        return None
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:_FINGERPRINT_HEX_DIGITS]


def article_fingerprints(body: str) -> list[str]:
    """The distinct fingerprints of an article's short paragraphs, in order, at most ``MAX_FINGERPRINTS``."""
    found = list(dict.fromkeys(f for f in map(line_fingerprint, _paragraphs(body)) if f))
    if len(found) <= MAX_FINGERPRINTS:
        return found
    half = MAX_FINGERPRINTS // 2
    return found[:half] + found[-half:]


def drop_recurring(article: Article, seen_in: Mapping[str, int], *, threshold: int) -> RecurringCut:
    """Remove the short paragraphs that ``threshold`` or more earlier articles of the source carried.

    ``seen_in`` maps a fingerprint to the number of distinct earlier articles (this one not
    counted) that carried it. Nothing is removed when the rest would hold under half the words.
    """
    paragraphs = _paragraphs(article.body)
    kept = [p for p in paragraphs if seen_in.get(line_fingerprint(p) or "", 0) < threshold]
    dropped = len(paragraphs) - len(kept)
    if not dropped:
        return RecurringCut(article)
    body = _PARAGRAPH_BREAK.join(kept)
    if 2 * word_count(body) < word_count(article.body):
        return RecurringCut(article)
    note = f"{dropped} line{'s' if dropped != 1 else ''} that recur across the source's articles removed"
    notes = (*article.notes, note)[: max(limits.MAX_NOTES, len(article.notes))]
    return RecurringCut(replace(article, body=body, notes=notes), dropped)


def _paragraphs(body: str) -> list[str]:
    return [p for p in (part.strip() for part in body.split(_PARAGRAPH_BREAK)) if p]


def recurrence_scope(article: Article, feed: str | None) -> str | None:
    """Whose articles a line must recur across: the trusted outlet, else the feed the poller read.

    An outlet the article merely claims is no scope: anyone who can upload could otherwise teach
    the store that a real outlet's story lines are boilerplate. ``None``: the article has neither.
    """
    if article.source:
        return "source:" + " ".join(article.source.casefold().split())
    if feed:
        return "feed:" + feed
    return None
